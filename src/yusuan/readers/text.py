"""Reader for extracted text: one line per row, cells separated by tabs (or runs of spaces)."""

from __future__ import annotations

import re
from pathlib import Path

from ..document import Cell, Document, Line
from ..errors import UnreadableInput
from .normalize import normalize_text

_ENCODINGS = ("utf-8-sig", "gb18030")
_SPACE_RUN = re.compile(r" {2,}|\u3000+")
# control characters other than tab, line and page breaks: a text file has (next to) none
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")
# share of control characters above which a file is taken as binary
_BINARY_SHARE = 0.01


def decode(data: bytes, name: str) -> str:
    if not data.strip():
        raise UnreadableInput(f"无法读取“{name}”：文件是空的。请提供含有预算或决算公开内容的文件。")
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UnreadableInput(f"无法读取“{name}”：这是二进制文件，不是文本。请提供 PDF、DOCX、XLSX 或文本格式的公开文件。")
    encodings = ("utf-16",) if data.startswith((b"\xff\xfe", b"\xfe\xff")) else _ENCODINGS
    for enc in encodings:
        try:
            text = _decode_tolerating_cut_end(data, enc)
        except UnicodeDecodeError:
            continue
        controls = len(_CONTROL.findall(text))
        if controls > _BINARY_SHARE * len(text):
            raise UnreadableInput(f"无法读取“{name}”：这是二进制文件，不是文本。请提供 PDF、DOCX、XLSX 或文本格式的公开文件。")
        return text
    raise UnreadableInput(
        f"无法读取“{name}”：文字编码无法识别（支持 UTF-8 和 GBK/GB18030）。请把文件另存为 UTF-8 编码后再试。"
    )


def _decode_tolerating_cut_end(data: bytes, encoding: str) -> str:
    """Decode; a file cut inside its last multi-byte character (a truncated download) keeps the rest."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        if exc.reason.startswith("unexpected end") and exc.start >= len(data) - 4:
            return data[: exc.start].decode(encoding)
        raise


def split_cells(raw: str) -> list[str]:
    if "\t" in raw:
        return raw.split("\t")
    return _SPACE_RUN.split(raw.strip())


class _CellsByText(dict[str, Cell]):
    """The cell for each raw cell text. A document repeats its cell texts (blank cells, labels,
    dashes): each is normalized once, and its Cell (immutable) shared by every line that prints it."""

    def __missing__(self, raw: str) -> Cell:
        cell = self[raw] = Cell(normalize_text(raw))
        return cell


def read_text(data: bytes, name: str) -> Document:
    text = decode(data, name)
    cells = _CellsByText()
    lines: list[Line] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        lines.append(Line(cells=[cells[part] for part in split_cells(raw.rstrip("\r\n"))], number=number))
    return Document(name=name, reader="text", lines=lines)


def read_text_file(path: Path) -> Document:
    return read_text(path.read_bytes(), path.name)
