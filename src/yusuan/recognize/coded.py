"""Tables whose rows are classification lines (code, name, amounts) or labelled items."""

from __future__ import annotations

import re

from ..document import Line
from ..model import Column, Row, Table, Unit, Unreadable
from .cells import is_amount, read_amount, read_code, strip_ordinal
from .grid import Layout, is_total_label, layout_for, split_header
from .repair import repair_codes
from .segment import Segment

_ITEM_ROWS: list[tuple[str, re.Pattern[str]]] = [
    ("goods", re.compile(r"^货物")),
    ("works", re.compile(r"^工程")),
    ("services", re.compile(r"^服务")),
]
# "2011301行政运行" printed in one cell
_CODE_AND_NAME = re.compile(r"^(\d{3}(?:\d{2}){0,2})\s*([^\d].*)$")


def read_coded_table(segment: Segment, unit: Unit, year: int | None, catalog_name: str | None) -> tuple[Table, list[Unreadable]]:
    rows: list[Row] = []
    unreadable: list[Unreadable] = []
    layout: Layout | None = None
    for part in segment.parts:
        header, body = split_header(part)
        layout = layout_for(segment.kind, header, body, year, layout)
        for line in body:
            row = _read_row(line, layout, unreadable)
            if row is None:
                continue
            if _continues_name(row, rows, layout):
                rows[-1] = rows[-1].model_copy(update={"name": rows[-1].name + row.name})
                continue
            rows.append(row)
    if catalog_name:
        rows = repair_codes(rows, catalog_name, unreadable)
    columns = [Column(id=c, label=(layout.labels.get(c, "") if layout else "")) for c in _column_order(layout)]
    table = Table(
        id=segment.kind, title=segment.title, unit=unit, columns=columns, rows=rows,
        note="\n".join(segment.notes) or None, source=segment.title_line.source,
    )
    return table, unreadable


def _column_order(layout: Layout | None) -> list[str]:
    return list(layout.value_columns.values()) if layout else []


def _read_row(line: Line, layout: Layout, unreadable: list[Unreadable]) -> Row | None:
    texts = line.texts
    code = read_code(texts[layout.code_index]) if layout.code_index is not None and layout.code_index < len(texts) else None
    name = texts[layout.name_index].strip() if layout.name_index < len(texts) else ""
    if code is None and (match := _CODE_AND_NAME.match(name)):
        code, name = match.group(1), match.group(2)
    if name == code:
        name = ""
    values = {}
    for index, column in layout.value_columns.items():
        text = texts[index] if index < len(texts) else ""
        values[column] = read_amount(text)
        if text.strip() and values[column] is None and not is_amount(text):
            unreadable.append(Unreadable(what=f"无法识别的金额“{text}”（{column} 列）", source=line.cell_source(index)))
    _note_stray_amounts(line, layout, unreadable)
    if not code and not name and all(v is None for v in values.values()):
        return None
    name = strip_ordinal(name)
    return Row(code=code, name=name, values=values, item=_item_of(name, code), source=line.source)


def _note_stray_amounts(line: Line, layout: Layout, unreadable: list[Unreadable]) -> None:
    known = set(layout.value_columns) | {layout.name_index} | ({layout.code_index} if layout.code_index is not None else set())
    for index, text in enumerate(line.texts):
        if index not in known and is_amount(text) and read_amount(text) is not None:
            unreadable.append(Unreadable(what=f"金额“{text}”不在任何已识别的列中", source=line.cell_source(index)))


def _item_of(name: str, code: str | None) -> str | None:
    if code:
        return None
    if is_total_label(name):
        return "total"
    for item, pattern in _ITEM_ROWS:
        if pattern.search(name):
            return item
    return None


def _continues_name(row: Row, rows: list[Row], layout: Layout) -> bool:
    """A wrapped row label: a name fragment with no code and no amounts right under a coded row."""
    return (
        layout.code_index is not None
        and bool(rows)
        and rows[-1].code is not None
        and row.code is None
        and row.item is None
        and bool(row.name)
        and all(v is None for v in row.values.values())
        and len(row.name) <= 8
    )
