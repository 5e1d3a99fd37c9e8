"""Minimal test-side readers for XLSX and DOCX output: they turn a written file into the Document the
recognizer reads, cell positions kept, so the writers' structure is tested before yusuan's own
readers for these formats exist (those are tested too, as expected failures until they land)."""

from __future__ import annotations

import io
import zipfile

from lxml import etree
from python_calamine import CalamineWorkbook

from yusuan.document import Cell, Document, Line
from yusuan.readers.normalize import normalize_text

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _text(value) -> str:
    if isinstance(value, float):
        return repr(value).removesuffix(".0") if value != int(value) else f"{value:.2f}"
    return "" if value is None else str(value)


def xlsx_document(data: bytes, name: str = "out.xlsx") -> Document:
    book = CalamineWorkbook.from_filelike(io.BytesIO(data))
    lines: list[Line] = []
    for sheet_name in book.sheet_names:
        for row in book.get_sheet_by_name(sheet_name).to_python(skip_empty_area=False):
            cells = [Cell(normalize_text(_text(v))) for v in row]
            if any(c.text for c in cells):
                lines.append(Line(cells=cells, number=len(lines) + 1))
    return Document(name=name, reader="test-xlsx", lines=lines)


def _paragraph_text(element) -> str:
    return "".join(t.text or "" for t in element.iter(f"{_W}t"))


def _row_texts(tr) -> list[str]:
    texts = []
    for tc in tr.findall(f"{_W}tc"):
        span = tc.find(f"{_W}tcPr/{_W}gridSpan")
        merge = tc.find(f"{_W}tcPr/{_W}vMerge")
        continued = merge is not None and merge.get(f"{_W}val") in (None, "continue")
        texts += ["" if continued else _paragraph_text(tc)] + [""] * (int(span.get(f"{_W}val")) - 1 if span is not None else 0)
    return texts


def docx_document(data: bytes, name: str = "out.docx") -> Document:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        body = etree.fromstring(archive.read("word/document.xml")).find(f"{_W}body")
    lines: list[Line] = []
    for element in body:
        if element.tag == f"{_W}p":
            rows = [[_paragraph_text(element)]]
        elif element.tag == f"{_W}tbl":
            rows = [_row_texts(tr) for tr in element.findall(f"{_W}tr")]
        else:
            continue
        for texts in rows:
            cells = [Cell(normalize_text(t)) for t in texts]
            if any(c.text for c in cells):
                lines.append(Line(cells=cells, number=len(lines) + 1))
    return Document(name=name, reader="test-docx", lines=lines)
