"""A table's indicator lines read into `Indicator`s, with what could not be read."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from pydantic import TypeAdapter

from ...document import Cell, Line
from ...model import Indicator, Source, parse_decimal
from .columns import Columns, header_leftover, is_column_name
from .groups import merge_continuations, settle_levels
from .lines import SectionLine
from .rows import Entry, read_row
from .text import cjk_count
from .values import Quantity, comparator_of, is_several_quantities, normalize_symbol, read_quantity, split_values

Note = Callable[[str, Source], None]
_MIN_NAME_CJK = 2


# a value with a unit in Chinese or a percent sign
_MEASURED = re.compile(r"\d\s*(?:%|[\u3400-\u9fff])")
_MIN_MERGED = 2


@dataclass
class Reading:
    """A table's indicators and what makes their reading doubtful."""

    indicators: list[Indicator] = field(default_factory=list)
    unplaced_values: list[str] = field(default_factory=list)  # values printed without a name
    merged_values: int = 0  # cells holding the values of several rows, not paired with the names


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


def _several_measured(text: str) -> bool:
    """A cell of several values each with its unit ("10万元/年1万元/年", "≥3家>2家"): the values of
    several rows printed in one merged cell. OCR specks ("66 A 41-1") split into numbers too, but
    without a Chinese unit or %."""
    if not is_several_quantities(text):
        return False
    return sum(1 for piece in split_values(text) if _MEASURED.search(piece)) >= _MIN_MERGED


def _comparator_unread(entry: Entry) -> bool:
    """The 指标性质 cell prints something that is no comparator (an underlined "≥" OCR'd as "<u> </u>")."""
    printed = (entry.comparator or "").strip()
    return entry.comparator_column and bool(printed) and normalize_symbol(printed) is None


def _indicator(entry: Entry, note: Note, reading: Reading) -> dict[str, object] | None:
    """The fields of the entry's Indicator, or None for a placeholder."""
    if entry.name is not None and is_column_name(entry.name):
        return None  # a wrapped header ("指标权重 | (%)"): its word read as a name
    if entry.name is None:
        if _has_content(entry.value):
            note(f"指标值“{entry.value}”缺少三级指标名称", entry.source)
            reading.unplaced_values.append(entry.value)
            reading.merged_values += _several_measured(entry.value)
        return None
    if entry.unpaired:
        note(f"指标值“{entry.unpaired}”无法与同一行的三级指标一一对应", entry.source)
        reading.merged_values += _several_measured(entry.unpaired)
    quantity = read_quantity(entry.value) if entry.value else None
    if entry.value and quantity is None and is_several_quantities(entry.value):
        note(f"指标“{entry.name}”的指标值“{entry.value}”含多个数值", entry.source)
        reading.merged_values += _several_measured(entry.value)
    unit = entry.unit if entry.comparator_column else None
    return dict(
        level1=entry.level1, level2=entry.level2, level3=entry.name, comparator=_comparator(entry, quantity, note),
        value=entry.value, number=quantity.number if quantity else None,
        unit=unit or (quantity.unit if quantity else None),
        weight=parse_decimal(entry.weight) if entry.weight else None, source=entry.source,
        unread=["comparator"] if _comparator_unread(entry) else [],
    )


def read_indicators(lines: list[SectionLine], note: Note) -> Reading:
    """Placeholder rows ("指标2:" with nothing after it) are skipped."""
    reading = Reading()
    rows = [fields for entry in _entries(lines) if (fields := _indicator(entry, note, reading))]
    # validated in one call for the table: the same checks, without the cost of a call per indicator
    reading.indicators = _INDICATORS.validate_python(rows)
    return reading


_INDICATORS = TypeAdapter(list[Indicator])
