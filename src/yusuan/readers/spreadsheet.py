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
import os
import re
import zipfile
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

    without_rust_backtrace()
    if kind == "xlsx":
        check_sheet_extents(data, name, limits)
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
            raise UnreadableInput(_too_many_cells(name, limits))
        lines += sheet_lines(sheet.name, sheet.to_python(skip_empty_area=True), index)
    for number, line in enumerate(lines, start=1):
        line.number = number
    return Document(name=name, reader=kind, lines=lines, page_count=None)


def without_rust_backtrace() -> None:
    """A Rust panic or failed allocation in calamine prints a backtrace of a hundred lines to stderr
    when RUST_BACKTRACE is set: the user would see it above the refusal. Rust reads the variable at
    the first panic, so setting it before calamine runs keeps it to one line."""
    os.environ["RUST_BACKTRACE"] = "0"


def _too_many_cells(name: str, limits: Limits) -> str:
    return (
        f"无法读取“{name}”：表格单元格超过 {limits.max_cells:,} 个的上限。"
        "请删去与预算/决算公开无关的工作表，或调高上限（Limits.max_cells）后再试。"
    )


# Start tags as an XML parser reads them: a quoted attribute value may hold ">" (and either quote), so a tag
# ends at the first ">" outside quotes; a namespace prefix ("x:c") names the same element.
_TAG_BODY = rb"""((?:[^>"']|"[^"]*"|'[^']*')*)>"""
_CELL_OR_ROW = re.compile(rb"<(?:[\w.-]+:)?(c|row)(?=[\s/>])" + _TAG_BODY)
_SHARED_STRINGS = re.compile(rb"<(?:[\w.-]+:)?sst(?=[\s/>])" + _TAG_BODY)
_ATTRIBUTE = re.compile(rb"""([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_REFERENCE = re.compile(rb"([A-Za-z]*)([0-9]*)")
# the largest sheet Excel makes: columns A … XFD, rows 1 … 1048576
_MAX_COLUMN, _MAX_ROW = 16384, 1048576


def check_sheet_extents(data: bytes, name: str, limits: Limits) -> None:
    """Refuse a sheet whose cells span more than `max_cells` before calamine loads it (and a shared
    string table that declares more entries than that).

    calamine makes a sheet one dense block from its first to its last cell: a 5 KB file with a cell
    in A1 and one in XFD1048576 asks for 17 billion cells, and the allocation failure aborts the
    interpreter (a Rust panic, no exception). So each sheet's extent is read from its XML first, the way
    an XML parser reads it: references in either quote, of any length, in tags of any size. Every member is
    read, whatever its path: the workbook's relationships may place a sheet (or the shared strings)
    anywhere in the zip, and calamine follows them.
    """
    with zipfile.ZipFile(io.BytesIO(data)) as archive:  # already checked against zip bombs
        for info in archive.infolist():
            xml = archive.read(info)
            if _extent(xml, name) > limits.max_cells:
                raise UnreadableInput(_too_many_cells(name, limits))
            _check_shared_strings(xml, name, limits)


def _attributes(tag_body: bytes) -> dict[bytes, bytes]:
    return {m.group(1): m.group(2) if m.group(2) is not None else m.group(3) for m in _ATTRIBUTE.finditer(tag_body)}


def _check_shared_strings(xml: bytes, name: str, limits: Limits) -> None:
    """calamine reserves room for the declared number of shared strings up front: 2147483647 strings asked
    for 51 GB and aborted the interpreter (found by fuzzing)."""
    table = _SHARED_STRINGS.search(xml)
    if table is None:
        return
    declared = _attributes(table.group(1)).get(b"uniqueCount", b"").strip()
    if declared.isdigit() and int(declared) > limits.max_cells:
        raise UnreadableInput(
            f"无法读取“{name}”：工作簿的共享字符串表声明有 {int(declared):,} 项，"
            f"超过上限 {limits.max_cells:,}，文件可能已损坏。请用 Excel 或 WPS 打开后另存为 .xlsx 再试。"
        )


def _extent(xml: bytes, name: str) -> int:
    """Cells from the first referenced row and column to the last (0 for a member that references none)."""
    rows: list[int] = []  # the least and the greatest, kept as they come
    columns: list[int] = []
    for tag in _CELL_OR_ROW.finditer(xml):
        reference = _attributes(tag.group(2)).get(b"r")
        if reference is None:
            continue  # placed after the cell or row before it: within what is counted
        parts = _REFERENCE.fullmatch(reference)
        if parts is None:
            continue  # no reference calamine can read: it refuses the file itself
        if tag.group(1) == b"row":
            row, column = parts.group(0), b""
        else:
            row, column = parts.group(2), parts.group(1)
        if row.isdigit():
            _widen(rows, int(row), _MAX_ROW, name)
        if column:
            _widen(columns, _column_number(column), _MAX_COLUMN, name)
    if not rows:
        return 0
    width = columns[1] - columns[0] + 1 if columns else 1
    return (rows[1] - rows[0] + 1) * width


def _widen(bounds: list[int], number: int, largest: int, name: str) -> None:
    if number > largest:
        raise UnreadableInput(
            f"无法读取“{name}”：工作表引用了 Excel 范围（A1 至 XFD1048576）以外的单元格，文件可能已损坏。"
            "请用 Excel 或 WPS 打开后另存为 .xlsx 再试。"
        )
    if not bounds:
        bounds.extend((number, number))
    else:
        bounds[0], bounds[1] = min(bounds[0], number), max(bounds[1], number)


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters.upper():
        number = number * 26 + letter - 64
        if number > _MAX_COLUMN:
            break  # past XFD, however many letters follow
    return number


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
