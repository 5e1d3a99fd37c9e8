"""Tables whose rows are classification lines (code, name, amounts) or labelled items."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from pydantic import TypeAdapter

from ..document import Line
from ..model import Column, Row, Table, Unit, Unreadable
from ..prose.columns import is_label_header
from .cells import Amounts, is_amount, is_label, read_code, strip_ordinal
from .grid import Layout, is_total_label, layout_for, split_header
from .halves import split_halves
from .plausibility import doubt
from .repair import realign_names, repair_codes
from .segment import Segment
from .units import lists_units, unit_layout

_ITEM_ROWS: list[tuple[str, re.Pattern[str]]] = [
    ("goods", re.compile(r"^货物")),
    ("works", re.compile(r"^工程")),
    ("services", re.compile(r"^服务")),
    # the closing line of each half of a 基本支出表 printed as two tables side by side
    ("personnel", re.compile(r"^人员经费(?:合计|小计)$")),
    ("public", re.compile(r"^公用经费(?:合计|小计)$")),
]
# "2011301行政运行" printed in one cell. The name starts with a word character: an amount in the name
# cell ("118,773.55", "280.40") is no code followed by a name ",773.55".
_CODE_AND_NAME = re.compile(r"^(\d{3}(?:\d{2}){0,2})\s*([^\W\d_].*)$")
# a page number closing a page, with what else its line prints ("—11—表三": the next table's number)
_PAGE_FOOTER = re.compile(r"^[-—─]\s*\d{1,3}\s*[-—─]")
# A row is read as its fields and the table's rows are validated in one call: a third faster than
# validating each row as it is read. A row's fields until then:
Fields = dict[str, Any]
_ROWS = TypeAdapter(list[Row])
_STRAY = "不在任何已识别的列中"


def read_coded_table(segment: Segment, unit: Unit, year: int | None, catalog_name: str | None) -> tuple[Table, list[Unreadable]]:
    rows: list[Fields] = []
    unreadable: list[Unreadable] = []
    layout: Layout | None = None
    amounts = Amounts()
    unit_header: list[Line] | None = None  # the header of a table listed by budget unit
    tentative: set[int] = set()  # rows that are a name printed above a code, or nothing
    for part in segment.parts:
        header, body = split_halves(*split_header(part))
        layout = layout_for(segment.kind, header, body, year, layout)
        if _name_above_first_row(header, body, layout):
            header, body = header[:-1], [header[-1], *body]
            tentative.add(len(rows))
        if unit_header is None and header and lists_units(header, body, layout, catalog_name):
            unit_header = header
        if unit_header is not None:
            layout = unit_layout(layout, header or unit_header)
        for above, line in zip([None, *body], body):
            row = _read_row(line, layout, unreadable, rows, above, amounts)
            if row is None:
                continue
            if unit_header is not None:
                row = _as_unit(row)
            if _continues_name(row, rows, layout):
                rows[-1]["name"] += row["name"]
                continue
            rows.append(row)
    if layout is not None and layout.name_index is None and len(rows) == 1:
        # a table with no label column prints one line of amounts under its column header: its total
        rows[0].update(name="合计", item="total")
    # an unnamed column is said once, where first seen
    unreadable = list({(u.what if u.what.startswith("栏目“") else id(u)): u for u in reversed(unreadable)}.values())[::-1]
    table_rows = _ROWS.validate_python(rows)
    if catalog_name and unit_header is None:  # a unit has no classification code to repair
        table_rows = realign_names(table_rows, catalog_name, frozenset(tentative))
        table_rows = repair_codes(table_rows, catalog_name, unreadable)
    columns = [Column(id=c, label=(layout.labels.get(c, "") if layout else "")) for c in _column_order(layout)]
    table = Table(
        id=segment.kind, title=segment.title, unit=unit, columns=columns, rows=table_rows,
        note="\n".join(segment.notes) or None, source=segment.title_line.source,
    )
    # a table of classification lines (not a list of projects or purchases) shows a misreading
    table.doubtful = doubt(table, sum(1 for u in unreadable if u.what.endswith(_STRAY))) if catalog_name else None
    if table.doubtful:
        # said once for the table: its cells, misread, are not listed one by one
        page = f"（第 {table.source.page} 页）" if table.source.page else ""
        what = f"表格“{table.title}”{page}未能可靠读取，未参与检查：{table.doubtful}"
        unreadable = [Unreadable(what=what, source=table.source)]
    return table, unreadable


def _name_above_first_row(header: list[Line], body: list[Line], layout: Layout) -> bool:
    """The header's last line prints a lone name in the name column, no header label, right above a
    coded line: the name of that line's code, set a line higher (repair.realign_names)."""
    if not header or not body or layout.name_index is None or layout.code_index is None:
        return False
    last = [(i, text) for i, text in enumerate(header[-1].texts) if text.strip()]
    if len(last) != 1 or last[0][0] != layout.name_index:
        return False
    name = last[0][1]
    return is_label(name) and not is_label_header(name) and read_code(_cell(body[0].texts, layout.code_index)) is not None


def _as_unit(row: Fields) -> Fields:
    """A line of a table listed by budget unit: its code is the unit's, no classification code."""
    if row["item"] is not None or not (row["name"] or row["code"]):
        return row
    return {**row, "code": None, "item": "unit"}


def _column_order(layout: Layout | None) -> list[str]:
    return layout.column_ids if layout else []


def _cell(texts: list[str], index: int | None) -> str:
    return texts[index].strip() if index is not None and index < len(texts) else ""


def _code(texts: list[str], layout: Layout, rows: list[Fields]) -> tuple[str | None, str | None]:
    """The row's code, and the code as printed where it had to be mended.

    Printed as 类 | 款 | 项, the parts are joined. A level left blank above a printed deeper one (a 款
    row without its 类, a 项 row with 类 and 款 blank) is the level of the code above; so is a 类 cell
    printing digits that are no 类 ("7 | 11 | 02" under 21011): that printed code is kept beside."""
    printed = _cell(texts, layout.code_index)
    code = read_code(printed)
    if not layout.code_parts:
        return code, None
    parts = [_cell(texts, i) for i in layout.code_parts]
    if not any(parts):
        return code, None
    if code is not None and len(code) != 3:
        return read_code(code + "".join(p for p in parts if p)), None
    misprinted = code is None and printed.isdigit()
    above = next((r["code"] for r in reversed(rows) if r["code"]), "") or ""
    inherited = [above[:3], above[3:5], above[5:7]]
    levels = [code or "", *parts]
    deepest = max(i for i, part in enumerate(levels) if part)
    joined = ""
    for depth, part in enumerate(levels[: deepest + 1]):
        part = part or (inherited[depth] if depth < len(inherited) else "")
        if not part:
            return None, None  # a blank level with nothing above to take it from
        joined += part
    return read_code(joined), (" ".join([printed, *parts]).strip() if misprinted else None)


def _labels(texts: list[str], layout: Layout) -> dict[int, str]:
    """The label cells a row prints (left of the value columns): not amounts, not codes."""
    found = {}
    for index in layout.label_cells:
        text = _cell(texts, index)
        if text and is_label(text):
            found[index] = text
    return found


def _name(texts: list[str], layout: Layout, rows: list[Fields], above: Line | None) -> str:
    """The name cell; when it is empty, the left-most other label (合计 printed in the code cell, a
    category or 专项 printed left of the item column). A row whose labels all stand in columns the row
    above also filled, right of that row's first label, sits under cells merged over both rows (an item
    name over two 采购组织形式): it has the name of the row above."""
    name = _cell(texts, layout.name_index)
    if name:
        return name
    labels = _labels(texts, layout)
    if not labels:
        return ""
    above_labels = _labels(above.texts, layout) if above is not None else {}
    if rows and above_labels and set(labels) <= set(above_labels) and min(labels) > min(above_labels):
        return rows[-1]["name"]
    return labels[min(labels)]


def _read_row(line: Line, layout: Layout, unreadable: list[Unreadable], rows: list[Fields],
              above: Line | None, amounts: Amounts) -> Fields | None:
    texts = line.texts
    (code, printed_code), name = _code(texts, layout, rows), _name(texts, layout, rows, above)
    if code is None and (match := _CODE_AND_NAME.match(name)):
        code, name = match.group(1), match.group(2)
    if name == code:
        name = ""
    unread: list[str] = []
    values = _values(line, layout, unreadable, amounts, unread)
    if not code and all(v is None for v in values.values()) and not unread and (not name or _PAGE_FOOTER.match(name)):
        return None
    name = strip_ordinal(name)
    return {"code": code, "printed_code": printed_code, "name": name, "values": values, "item": _item_of(name, code),
            "source": line.source, "unread": unread}


def _values(line: Line, layout: Layout, unreadable: list[Unreadable], amounts: Amounts,
            unread: list[str]) -> dict[str, Decimal | None]:
    """The row's amounts by column id, read in one pass over its cells (most of them empty); an
    amount in a cell of no known column is noted after the unreadable ones, a column whose amount
    could not be read in `unread`."""
    columns, known = layout.value_columns, layout.known_cells
    values: dict[str, Decimal | None] = dict.fromkeys(columns.values())
    stray = []
    for index, text in enumerate(line.texts):
        if not text:
            continue
        column = columns.get(index)
        if column is not None:
            value = values[column] = amounts[text]
            if value is None and text.strip():
                unreadable.append(Unreadable(what=f"无法识别的金额“{text}”（{column} 列）", source=line.cell_source(index)))
                if any(c.isdigit() for c in text):  # not a dash printed for "nothing": an amount misread
                    unread.append(column)
        elif index not in known and is_amount(text):
            if index in layout.unnamed:  # said once for the column (see read_coded_table)
                what = f"栏目“{layout.unnamed[index]}”未能识别，其中的金额未读入"
            else:
                what = f"金额“{text}”{_STRAY}"
            stray.append(Unreadable(what=what, source=line.cell_source(index)))
    unreadable += stray
    layout.add_sums(values)
    return values


def _item_of(name: str, code: str | None) -> str | None:
    if code:
        return None
    if is_total_label(name):
        return "total"
    for item, pattern in _ITEM_ROWS:
        if pattern.search(name):
            return item
    return None


def _continues_name(row: Fields, rows: list[Fields], layout: Layout) -> bool:
    """A wrapped row label: a name fragment with no code and no amounts right under a coded row, on
    the same page (a name alone at the top of a page is set a line above its code: repair.py)."""
    return (
        layout.code_index is not None
        and bool(rows)
        and rows[-1]["code"] is not None
        and rows[-1]["source"].page == row["source"].page
        and row["code"] is None
        and row["item"] is None
        and bool(row["name"])
        and all(v is None for v in row["values"].values())
        and not row.get("unread")
        and len(row["name"]) <= 8
    )
