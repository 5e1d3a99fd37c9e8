"""XLS and XLSX reader (python-calamine): each sheet's rows as lines, one cell per column.

Where the tables are is left to the recognizer, which finds them by title and header labels: a
sheet may hold one table or several, and the reader only keeps the rows in order with their
columns. Merged cells carry their value in the top-left cell, the others read as empty, as in a
PDF. A sheet whose rows hold no title gets its sheet name as a title line ("收支总表" as the tab's
name). Numbers are written from the stored value without float noise (3805.3500000000004 ->
3805.35). Zip bombs and oversized sheets are refused before loading (limits.py).
"""

from __future__ import annotations

import datetime as dt
import io
import re
from decimal import Decimal

from ..document import Cell, Document, Line
from ..errors import UnreadableInput
from .limits import Limits
from .normalize import normalize_text

_DEFAULT_SHEET_NAME = re.compile(r"^(?:sheet|工作表|表)\s*\d*$", re.I)
# rows looked at for a title line before the sheet name is used as one
_TITLE_ROWS = 3


def read_spreadsheet(data: bytes, name: str, limits: Limits, kind: str) -> Document:
    from python_calamine import CalamineWorkbook

    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
    except Exception as exc:  # calamine raises its own kinds and plain ones for one cause: unreadable
        raise UnreadableInput(_unreadable_message(name, exc)) from exc
    lines: list[Line] = []
    cells = 0
    for index, meta in enumerate(workbook.sheets_metadata, start=1):
        if str(meta.visible).lower().endswith("hidden"):
            continue  # a hidden sheet holds lookups and drafts, not the published tables
        try:
            sheet = workbook.get_sheet_by_index(index - 1)
        except Exception as exc:
            raise UnreadableInput(_unreadable_message(name, exc)) from exc
        cells += sheet.height * sheet.width
        if cells > limits.max_cells:
            raise UnreadableInput(
                f"无法读取“{name}”：表格单元格超过 {limits.max_cells:,} 个的上限。"
                "请删去与预算/决算公开无关的工作表，或调高上限（Limits.max_cells）后再试。"
            )
        lines += sheet_lines(sheet.name, sheet.to_python(skip_empty_area=True), index)
    for number, line in enumerate(lines, start=1):
        line.number = number
    return Document(name=name, reader=kind, lines=lines, page_count=None)


def _unreadable_message(name: str, exc: Exception) -> str:
    if "password" in type(exc).__name__.lower() or "encrypt" in str(exc).lower() or "password" in str(exc).lower():
        return f"无法读取“{name}”：工作簿已加密。请在 Excel/WPS 中取消密码保护后另存，再试。"
    return f"无法读取“{name}”：Excel 文件已损坏或格式无法识别。请用 Excel 或 WPS 打开后另存为 .xlsx 再试。"


def sheet_lines(sheet_name: str, rows: list[list], sheet_number: int) -> list[Line]:
    """One line per non-empty row, one cell per column; the sheet's number stands for the page."""
    lines: list[Line] = []
    for values in rows:
        texts = [cell_text(v) for v in values]
        if any(texts):
            lines.append(Line(cells=[Cell(t) for t in texts], page=sheet_number))
    if _needs_title(sheet_name, lines):
        lines.insert(0, Line(cells=[Cell(normalize_text(sheet_name))], page=sheet_number))
    return lines


def _needs_title(sheet_name: str, lines: list[Line]) -> bool:
    if not sheet_name.strip() or _DEFAULT_SHEET_NAME.match(sheet_name.strip()):
        return False
    return not any(1 <= len(line.filled) <= 2 for line in lines[:_TITLE_ROWS])


def cell_text(value) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return number_text(value)
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return str(value)
    return normalize_text(str(value))


def number_text(value: float) -> str:
    """The decimal a person typed: 15 significant digits drop the binary noise of a stored double."""
    if value != value or value in (float("inf"), float("-inf")):
        return ""
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    text = format(value, ".15g")
    if "e" in text:
        text = format(Decimal(text), "f")
    return text
