"""Reader for extracted text: one line per row, cells separated by tabs (or runs of spaces)."""

from __future__ import annotations

import re
from itertools import chain
from pathlib import Path

from .. import collector
from ..document import Cell, Document, Line
from ..errors import UnreadableInput
from .normalize import normalize_texts

_ENCODINGS = ("utf-8-sig", "gb18030")
_SPACE_RUN = re.compile(r" {2,}|\u3000+")
# control characters other than tab, line and page breaks: a text file has (next to) none
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")
# the same as bytes: in UTF-8 and GB18030 no byte of a longer character is one, so they are counted undecoded
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20)])
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
        if enc == "utf-16":
            controls = len(_CONTROL.findall(text))
        else:
            controls = len(data) - len(data.translate(None, _CONTROL_BYTES))
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


def read_text(data: bytes, name: str) -> Document:
    text = decode(data, name)
    # every line and cell lives on into the document: the collector's passes would only walk them
    with collector.paused():
        return Document(name=name, reader="text", lines=_lines(text))


def _lines(text: str) -> list[Line]:
    # splitlines leaves no line break in a line
    numbered = [(number, raw) for number, raw in enumerate(text.splitlines(), start=1) if raw.strip()]
    rows = [split_cells(raw) for _, raw in numbered]
    # a document repeats its cell texts (blank cells, labels, dashes): each is normalized once,
    # and its Cell (immutable) shared by every line that prints it
    raws = list(dict.fromkeys(chain.from_iterable(rows)))
    texts = normalize_texts(raws)
    cell_of = dict(zip(raws, map(Cell, texts))).__getitem__
    return [Line(list(map(cell_of, row)), number) for (number, _), row in zip(numbered, rows)]


def read_text_file(path: Path) -> Document:
    return read_text(path.read_bytes(), path.name)
