"""DOCX reader (python-docx): paragraphs and real tables in document order.

A paragraph is a one-cell line. A table row is a line with one cell per grid column: a cell merged
across columns (gridSpan) or down rows (vMerge) keeps its text in its first column and first row,
the columns and rows it also covers read as empty, so index i means the same column in every row.
"""

from __future__ import annotations

import io

from ..document import Cell, Document, Line
from ..errors import UnreadableInput, YusuanError
from .limits import Limits
from .normalize import normalize_text

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def read_docx(data: bytes, name: str, limits: Limits) -> Document:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
        # python-docx reads attributes lazily: a bad one (gridSpan="") raises while the body is walked
        lines = _body_lines(document, name, limits, Paragraph, Table)
    except YusuanError:
        raise
    except Exception as exc:  # python-docx and lxml raise many kinds for one cause: not a readable DOCX
        raise UnreadableInput(_damaged(name)) from exc
    for number, line in enumerate(lines, start=1):
        line.number = number
    return Document(name=name, reader="docx", lines=lines, page_count=None)


def _damaged(name: str) -> str:
    return f"无法读取“{name}”：Word 文件已损坏或格式无法识别。请用 Word 或 WPS 打开后另存为 .docx 再试。"


def _body_lines(document, name: str, limits: Limits, paragraph_type, table_type) -> list[Line]:
    lines: list[Line] = []
    cells = 0
    for block in document.iter_inner_content():
        if isinstance(block, paragraph_type):
            text = normalize_text(block.text)
            if text:
                lines.append(Line(cells=[Cell(text)]))
        elif isinstance(block, table_type):
            # python-docx makes one cell object per column a cell spans: gridSpan="200000000" in one
            # cell would be 200 million of them, so spans are counted before any row is read
            cells += max(len(block.rows) * len(block.columns), _spanned_cells(block._tbl, name))
            if cells > limits.max_cells:
                raise UnreadableInput(
                    f"无法读取“{name}”：表格单元格超过 {limits.max_cells:,} 个的上限。请检查文件，或调高上限（Limits.max_cells）后再试。"
                )
            lines += table_lines(block)
    return lines


def _spanned_cells(tbl, name: str) -> int:
    """The table's cells with each counted as the columns it spans (nested tables included)."""
    total = 0
    for tc in tbl.iter(f"{_W}tc"):
        span = tc.find(f"{_W}tcPr/{_W}gridSpan")
        value = span.get(f"{_W}val") if span is not None else None
        try:
            total += max(int(value), 1) if value is not None else 1
        except ValueError as exc:
            raise UnreadableInput(_damaged(name)) from exc
    return total


def table_lines(table) -> list[Line]:
    lines: list[Line] = []
    above: list = []
    for row in table.rows:
        row_cells = list(row.cells)
        texts = []
        for index, cell in enumerate(row_cells):
            merged_left = index > 0 and row_cells[index - 1]._tc is cell._tc
            merged_up = index < len(above) and above[index]._tc is cell._tc
            texts.append("" if merged_left or merged_up else _cell_text(cell))
        above = row_cells
        if any(texts):
            lines.append(Line(cells=[Cell(t) for t in texts]))
    return lines


def _cell_text(cell) -> str:
    """A cell's paragraphs are one text: a wrapped or broken label is one label."""
    return normalize_text("".join(p.text for p in cell.paragraphs))
