"""Reader for extracted text: one line per row, cells separated by tabs (or runs of spaces)."""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from itertools import chain
from pathlib import Path

from .. import collector
from ..document import Cell, Document, Line
from ..errors import UnreadableInput
from .limits import DEFAULT_LIMITS, Limits, over_limit
from .normalize import normalize_texts

_ENCODINGS = ("utf-8-sig", "gb18030")
_SPACE_RUN = re.compile(r" {2,}|\u3000+")
# control characters other than tab, line and page breaks: a text file has (next to) none
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")
# the same as bytes: in UTF-8 and GB18030 no byte of a longer character is one, so they are counted undecoded
_CONTROL_BYTE_LIST = [bytes([b]) for b in (*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20))]
# share of control characters above which a file is taken as binary
_BINARY_SHARE = 0.01
# bytes decoded, and characters split into lines, at a time: the bounds are checked between pieces, so
# no more than one piece is ever held past them
_PIECE = 64 * 1024


def decode(data: bytes, name: str, limits: Limits = DEFAULT_LIMITS) -> str:
    if not data or data.isspace():  # not data.strip(): that copies the whole file
        raise UnreadableInput(f"无法读取“{name}”：文件是空的。请提供含有预算或决算公开内容的文件。")
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UnreadableInput(f"无法读取“{name}”：这是二进制文件，不是文本。请提供 PDF、DOCX、XLSX 或文本格式的公开文件。")
    encodings = ("utf-16",) if data.startswith((b"\xff\xfe", b"\xfe\xff")) else _ENCODINGS
    for enc in encodings:
        try:
            text = _decode_tolerating_cut_end(data, enc, name, limits)
        except UnicodeDecodeError:
            continue
        if enc == "utf-16":
            controls = len(_CONTROL.findall(text))
        else:
            controls = sum(data.count(byte) for byte in _CONTROL_BYTE_LIST)  # counted, not copied
        if controls > _BINARY_SHARE * len(text):
            raise UnreadableInput(f"无法读取“{name}”：这是二进制文件，不是文本。请提供 PDF、DOCX、XLSX 或文本格式的公开文件。")
        return text
    raise UnreadableInput(
        f"无法读取“{name}”：文字编码无法识别（支持 UTF-8 和 GBK/GB18030）。请把文件另存为 UTF-8 编码后再试。"
    )


def _decode_tolerating_cut_end(data: bytes, encoding: str, name: str, limits: Limits) -> str:
    """Decode piece by piece, refusing the file as soon as it holds more than `max_characters`; a file
    cut inside its last multi-byte character (a truncated download) keeps the rest."""
    decoder = codecs.getincrementaldecoder(encoding)()
    pieces: list[str] = []
    count = 0
    for start in range(0, len(data), _PIECE):
        piece = decoder.decode(data[start : start + _PIECE])
        count += len(piece)
        if count > limits.max_characters:
            raise UnreadableInput(over_limit(name, "文字的字符数", limits.max_characters, "max_characters"))
        pieces.append(piece)
    try:
        pieces.append(decoder.decode(b"", final=True))
    except UnicodeDecodeError as exc:  # only the last, incomplete character is left undecoded here
        if not exc.reason.startswith("unexpected end"):
            raise
    return "".join(pieces)


def split_cells(raw: str) -> list[str]:
    if "\t" in raw:
        return raw.split("\t")
    return _SPACE_RUN.split(raw.strip())


def read_text(data: bytes, name: str, limits: Limits = DEFAULT_LIMITS) -> Document:
    text = decode(data, name, limits)
    # every line and cell lives on into the document: the collector's passes would only walk them
    with collector.paused():
        return Document(name=name, reader="text", lines=_lines(text, name, limits))


def _lines(text: str, name: str, limits: Limits) -> list[Line]:
    numbers: list[int] = []
    rows: list[list[str]] = []
    cells = 0
    for number, raw in _numbered_lines(text):
        if not raw.strip():
            continue
        if len(rows) == limits.max_lines:
            raise UnreadableInput(over_limit(name, "行数", limits.max_lines, "max_lines"))
        row = split_cells(raw)
        cells += len(row)
        if cells > limits.max_cells:
            raise UnreadableInput(over_limit(name, "单元格", limits.max_cells, "max_cells"))
        numbers.append(number)
        rows.append(row)
    # a document repeats its cell texts (blank cells, labels, dashes): each is normalized once,
    # and its Cell (immutable) shared by every line that prints it
    raws = list(dict.fromkeys(chain.from_iterable(rows)))
    texts = normalize_texts(raws)
    cell_of = dict(zip(raws, map(Cell, texts))).__getitem__
    return [Line(list(map(cell_of, row)), number) for number, row in zip(numbers, rows)]


def _numbered_lines(text: str) -> Iterator[tuple[int, str]]:
    """The lines of the text with their 1-based numbers, as str.splitlines numbers them, split a piece at
    a time so that ten million short lines are never one list. A piece ends just after a "\\n", which
    always ends a line (it is never the first half of a line break), so pieces split as the whole would."""
    number = 0
    start = 0
    while start < len(text):
        cut = text.find("\n", start + _PIECE)
        end = len(text) if cut < 0 else cut + 1
        for raw in text[start:end].splitlines():  # splitlines leaves no line break in a line
            number += 1
            yield number, raw
        start = end


def read_text_file(path: Path) -> Document:
    return read_text(path.read_bytes(), path.name)
