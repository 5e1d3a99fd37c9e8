"""A table's indicator lines read into `Indicator`s, with what could not be read."""

from __future__ import annotations

from collections.abc import Callable

from pydantic import TypeAdapter

from ...document import Cell, Line
from ...model import Indicator, Source, parse_decimal
from .columns import Columns, header_leftover, is_column_name
from .groups import merge_continuations, settle_levels
from .lines import SectionLine
from .rows import Entry, read_row
from .text import cjk_count
from .values import Quantity, comparator_of, is_several_quantities, normalize_symbol, read_quantity

Note = Callable[[str, Source], None]
_MIN_NAME_CJK = 2


def _leftover_row(line: Line) -> Line | None:
    """The first row when OCR ran it into the header line ("三级指标指标1:聘请行业专家…")."""
    cells = header_leftover(line)
    if not any(cjk_count(c) >= _MIN_NAME_CJK for c in cells):
        return None
    return Line(cells=[Cell(c) for c in cells], number=line.number, page=line.page, box=line.box)


def _entries(lines: list[SectionLine]) -> list[Entry]:
    columns = Columns()
    entries: list[Entry] = []
    for line in lines:
        header = line.columns
        if header is None:
            entries += read_row(line.line, columns)
            continue
        columns = header
        if leftover := _leftover_row(line.line):
            entries += read_row(leftover, columns)
    return settle_levels(merge_continuations(entries))


def _has_content(value: str | None) -> bool:
    return bool(value) and any(ch.isalnum() for ch in value)


def _comparator(entry: Entry, quantity: Quantity | None, note: Note) -> str | None:
    if not entry.comparator_column:
        return comparator_of(quantity) if quantity else None
    # a 指标性质 column: what it prints, else a comparator printed with the value
    comparator = normalize_symbol(entry.comparator or "") or (quantity.comparator if quantity else None)
    if comparator is None and quantity is not None:
        note(f"指标“{entry.name}”的指标性质(≥ ≤ = > <)没有印出或无法识别", entry.source)
    return comparator


def _comparator_unread(entry: Entry) -> bool:
    """The 指标性质 cell prints something that is no comparator (an underlined "≥" OCR'd as "<u> </u>")."""
    printed = (entry.comparator or "").strip()
    return entry.comparator_column and bool(printed) and normalize_symbol(printed) is None


def _indicator(entry: Entry, note: Note) -> dict[str, object] | None:
    """The fields of the entry's Indicator, or None for a placeholder."""
    if entry.name is not None and is_column_name(entry.name):
        return None  # a wrapped header ("指标权重 | (%)"): its word read as a name
    if entry.name is None:
        if _has_content(entry.value):
            note(f"指标值“{entry.value}”缺少三级指标名称", entry.source)
        return None
    if entry.unpaired:
        note(f"指标值“{entry.unpaired}”无法与同一行的三级指标一一对应", entry.source)
    quantity = read_quantity(entry.value) if entry.value else None
    if entry.value and quantity is None and is_several_quantities(entry.value):
        note(f"指标“{entry.name}”的指标值“{entry.value}”含多个数值", entry.source)
    unit = entry.unit if entry.comparator_column else None
    return dict(
        level1=entry.level1, level2=entry.level2, level3=entry.name, comparator=_comparator(entry, quantity, note),
        value=entry.value, number=quantity.number if quantity else None,
        unit=unit or (quantity.unit if quantity else None),
        weight=parse_decimal(entry.weight) if entry.weight else None, source=entry.source,
        unread=["comparator"] if _comparator_unread(entry) else [],
    )


def read_indicators(lines: list[SectionLine], note: Note) -> list[Indicator]:
    """Placeholder rows ("指标2:" with nothing after it) are skipped."""
    # validated in one call for the table: the same checks, without the cost of a call per indicator
    return _INDICATORS.validate_python([fields for entry in _entries(lines) if (fields := _indicator(entry, note))])


_INDICATORS = TypeAdapter(list[Indicator])
