"""XLSX (XlsxWriter): the narrative on a first sheet, then one sheet per table — title and unit lines,
merged header rows, amounts as numbers formatted #,##0.00, widths fitted to the Chinese text."""

from __future__ import annotations

import io
import re
from decimal import Decimal

import xlsxwriter

from ..model import Disclosure
from .document import PrintedDocument, printed_document
from .grid import Cell, Grid, Row, display_width, placed

_FONT = "宋体"
_MAX_WIDTH, _MIN_WIDTH = 60, 6
_SHEET_NAME = re.compile(r"[\[\]:*?/\\]")


class _Formats:
    def __init__(self, book: xlsxwriter.Workbook):
        base = {"font_name": _FONT, "font_size": 10, "valign": "vcenter"}
        boxed = {**base, "border": 1}
        self.title = book.add_format({**base, "bold": True, "font_size": 14, "align": "center"})
        self.unit = book.add_format({**base, "align": "right"})
        self.head = book.add_format({**boxed, "bold": True, "align": "center", "text_wrap": True, "bg_color": "#EEF1F5"})
        self.label = book.add_format({**boxed, "bold": True, "align": "center", "text_wrap": True, "bg_color": "#F6F7F9"})
        self.text = book.add_format({**boxed, "text_wrap": True})
        self.amount = book.add_format({**boxed, "num_format": "#,##0.00"})
        self.amount_bold = book.add_format({**boxed, "num_format": "#,##0.00", "bold": True})
        self.text_bold = book.add_format({**boxed, "bold": True, "text_wrap": True})
        self.indent = [book.add_format({**boxed, "indent": n}) for n in range(3)]
        self.note = book.add_format({**base})
        self.heading = [book.add_format({**base, "bold": True, "font_size": size}) for size in (16, 14, 12, 11)]
        self.paragraph = book.add_format({**base, "text_wrap": True, "valign": "top"})

    def of(self, cell: Cell):
        if cell.kind == "head":
            return self.head
        if cell.kind == "label":
            return self.label
        if cell.kind == "amount":
            return self.amount_bold if cell.bold else self.amount
        if cell.kind == "name" and cell.indent and not cell.bold:
            return self.indent[min(cell.indent, 2)]
        return self.text_bold if cell.bold else self.text


def _sheet_name(title: str, taken: set[str]) -> str:
    """≤31 characters, no []:*?/\\, unique."""
    base = _SHEET_NAME.sub("", title)[:31] or "表"
    name, number = base, 2
    while name in taken:
        suffix = f"({number})"
        name, number = base[: 31 - len(suffix)] + suffix, number + 1
    taken.add(name)
    return name


def _short_name(grid: Grid) -> str:
    name = grid.title.split("年", 1)[1] if "年" in grid.title else grid.title
    if grid.id == "performance_project" and grid.form:
        return f"绩效-{grid.form[0][1].text}"
    return name


def _value(cell: Cell):
    if isinstance(cell.value, Decimal):
        return float(cell.value)  # the file stores IEEE doubles; 2-decimal amounts round-trip exactly as text
    return cell.text


def _write_rows(sheet, formats: _Formats, rows: list[Row], first: int) -> None:
    for r, c, cell in placed(rows):
        style = formats.of(cell)
        if cell.colspan > 1 or cell.rowspan > 1:
            sheet.merge_range(first + r, c, first + r + cell.rowspan - 1, c + cell.colspan - 1, _value(cell), style)
        elif isinstance(cell.value, Decimal):
            sheet.write_number(first + r, c, _value(cell), style)
        else:
            sheet.write_string(first + r, c, cell.text, style)


def _widths(grid: Grid) -> list[float]:
    """Column widths (Excel units ≈ half-width characters) fitting the body text; header text wraps."""
    widths = [max(_MIN_WIDTH, w * 1.2) for w in grid.widths]
    for _, c, cell in placed(grid.body):
        if cell.colspan == 1:
            widths[c] = max(widths[c], min(_MAX_WIDTH, display_width(cell.text) + 2))
    return widths


def _grid_sheet(book, formats: _Formats, grid: Grid, name: str) -> None:
    sheet = book.add_worksheet(name)
    last = grid.column_count - 1
    row = 0
    if last > 0:
        sheet.merge_range(row, 0, row, last, grid.title, formats.title)
    else:
        sheet.write_string(row, 0, grid.title, formats.title)
    row += 1
    if grid.unit_line:
        sheet.merge_range(row, 0, row, last, grid.unit_line, formats.unit) if last > 0 else \
            sheet.write_string(row, 0, grid.unit_line, formats.unit)
        row += 1
    _write_rows(sheet, formats, grid.form, row)
    row += len(grid.form)
    header_first = row
    _write_rows(sheet, formats, grid.header + grid.body, row)
    row += len(grid.header) + len(grid.body)
    if grid.note:
        sheet.write_string(row, 0, grid.note, formats.note)
    for column, width in enumerate(_widths(grid)):
        sheet.set_column(column, column, width)
    _print_setup(sheet, grid, header_first, len(grid.header))


def _print_setup(sheet, grid: Grid, header_first: int, header_rows: int) -> None:
    sheet.set_paper(9)  # A4
    if grid.wide:
        sheet.set_landscape()
    sheet.fit_to_pages(1, 0)
    if header_rows:
        sheet.repeat_rows(0, header_first + header_rows - 1)
        sheet.freeze_panes(header_first + header_rows, 0)


def _narrative_sheet(book, formats: _Formats, printed: PrintedDocument) -> None:
    sheet = book.add_worksheet("情况说明")
    sheet.set_column(0, 0, 110)
    sheet.write_string(0, 0, printed.title, formats.title)
    row = 2
    for block in printed.blocks:
        if block.grid is not None or block.heading is None:
            continue
        sheet.write_string(row, 0, block.heading.text, formats.heading[min(block.heading.level, 3)])
        row += 1
        for paragraph in block.paragraphs:
            sheet.write_string(row, 0, paragraph, formats.paragraph)
            sheet.set_row(row, 15 * max(1, -(-display_width(paragraph) // 110)))
            row += 1


def xlsx_bytes(disclosure: Disclosure) -> bytes:
    printed = printed_document(disclosure)
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_numbers": False, "strings_to_formulas": False})
    formats = _Formats(book)
    taken = {"情况说明"}
    _narrative_sheet(book, formats, printed)
    for block in printed.blocks:
        if block.grid is not None:
            _grid_sheet(book, formats, block.grid, _sheet_name(_short_name(block.grid), taken))
    book.close()
    return buffer.getvalue()
