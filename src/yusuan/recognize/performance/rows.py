"""One indicator row read into entries: the 一级/二级 names it prints, its 三级 name(s), value(s).

Rows are read by what cells look like, with the header's columns as hints: level names are
recognized from the framework's vocabulary, the value is the 指标值 cell or else a trailing cell
that prints a quantity, and everything else right of the level columns is the 三级 name. OCR runs
rows together ("1:工业增加值增长2:数字经济增加值增长 | ≥5%≥5%"): the ordinal markers ("指标2:",
"2:") split the names, and the values are paired with them when the counts agree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from operator import itemgetter
from typing import NamedTuple

from ...document import Line
from ...model import Source
from ...prose.indicator_levels import prints_level_name, read_levels
from ..cells import compact
from .columns import Columns
from .text import cjk_count, trim_marks
from .values import is_quantity, is_several_quantities, split_values

# "指标2:", "指标:", "指标△:" (a digit OCR could not read), a leading "指标", "2:", or a stray
# mark with a colon opening a cell ("ı:共建共享"); numbered forms first, to keep the ordinal
_MARKER = re.compile(
    r"^指\s*标\s*(?:(?P<a>\d{1,2})|[^\u3400-\u9fff\s])?\s*[::]?"
    r"|指\s*标\s*(?:(?P<b>\d{1,2})\s*[::]?|[^\u3400-\u9fff\s]?[::]|$)"
    r"|(?<![\d.])(?P<c>\d{1,2})\s*[::]"
    r"|(?:^|(?<=\t))[^\u3400-\u9fff\s\d]{1,2}[::]"
)
_DIGIT = re.compile(r"\d")  # every quantity prints one
_has_text = itemgetter(1)  # of an (index, text) pair
# a name is at least two CJK characters besides the "指标" residue of the marker column
_NAME_CHAR = "[\u3400-\u6306\u6308-\u6806\u6808-\u9fff\uf900-\ufaff]"  # CJK but 指 (6307) and 标 (6807)
_NAME_CJK = re.compile(f"{_NAME_CHAR}.*?{_NAME_CHAR}", re.S)
_STRAY_MAX_CHARS = 2
# a level cell prints at most a few other characters (OCR residue, a 指标 word): more is a sentence
_LEVEL_CELL_MAX_OTHER_CJK = 12


class Item(NamedTuple):
    ordinal: int | None
    name: str | None  # None: an empty placeholder ("指标2:")


@dataclass
class Entry:
    """One indicator as printed, before its 一级/二级 are settled by its group."""

    ordinal: int | None
    name: str | None
    value: str | None
    level1: str | None
    level2: str | None
    source: Source
    weight: str | None = None
    unit: str | None = None
    comparator: str | None = None
    comparator_column: bool = False
    unpaired: str | None = None  # values that could not be matched to the names of the row


class _Cells:
    """A row's cells sorted by what they hold (a plain class: one is made per row)."""

    __slots__ = ("level1", "level2", "printed_levels", "parts", "value", "positional")

    def __init__(self) -> None:
        self.level1: list[str] = []
        self.level2: list[str] = []
        self.printed_levels: list[str] = []
        self.parts: list[tuple[int, str]] = []
        self.value: tuple[int, str] | None = None
        self.positional: dict[str, str] = {}


def _is_name(text: str) -> bool:
    return _NAME_CJK.search(text) is not None


def _clean_name(text: str) -> str | None:
    if "\t" in text:
        pieces = [trim_marks(piece) for piece in text.split("\t")]
        # a stray mark left in the marker's cell ("指标1:5 | 曾加企业…", "指标1:) | 咸少用能…")
        while pieces and len(pieces[0]) <= _STRAY_MAX_CHARS and cjk_count(pieces[0]) == 0:
            pieces.pop(0)
        text = "".join(pieces)
    name = trim_marks(text)
    return name if _is_name(name) else None


def _may_mark(text: str) -> bool:
    """Whether the text may hold a marker: each prints 指 or a colon (NFKC made every colon ASCII)."""
    return "指" in text or ":" in text


def split_items(text: str) -> list[Item]:
    """The 三级 names a cell prints, split at ordinal markers, each with its ordinal."""
    if not _may_mark(text):
        return [Item(None, _clean_name(text))]
    items: list[Item] = []
    ordinal: int | None = None
    position = 0
    for match in _MARKER.finditer(text):
        if name := _clean_name(text[position : match.start()]):
            items.append(Item(ordinal, name))
            ordinal = None
        number = match.group("a") or match.group("b") or match.group("c")
        ordinal = int(number) if number else ordinal
        position = match.end()
    if name := _clean_name(text[position:]):
        items.append(Item(ordinal, name))
    elif not items:
        items.append(Item(ordinal, None))
    return items


def _is_prose(rest: str) -> bool:
    """What a cell holds besides level names is a sentence (a 绩效目标 column left of the names:
    "…事项数量60000件及以上…"), whose 数量/质量 are words, not levels."""
    marker = _MARKER.search(rest) if _may_mark(rest) else None
    return cjk_count(rest[: marker.start()] if marker else rest) > _LEVEL_CELL_MAX_OTHER_CJK


def _level_cell(cells: _Cells, text: str, in_level1_column: bool) -> None:
    text = compact(text)
    levels = read_levels(text, in_level1_column)
    if (levels.level1 or levels.level2) and not _is_prose(levels.rest):
        cells.level1 += levels.level1
        cells.level2 += levels.level2
        cells.printed_levels.append(text)
    # a name run into the level column ("生态效益指标指标1:减少污水排放量…") starts at its marker
    if levels.rest and _may_mark(levels.rest) and (marker := _MARKER.search(levels.rest)):
        cells.parts.append((-1, levels.rest[marker.start() :]))


def _sort_cells(line: Line, columns: Columns) -> _Cells:
    cells = _Cells()
    positional = columns.positional
    value_column = columns.value
    level_area_end = columns.level_area_end
    level1_column = columns.level1
    # most cells of a row are empty: the filter passes over them without a step of this loop each
    for index, text in filter(_has_text, enumerate(line.texts)):
        if text.isspace():
            continue
        if index in positional:
            cells.positional[positional[index]] = text.strip()
        elif value_column is not None and index >= value_column and not _MARKER.match(text.strip()):
            # at or right of 指标值, unless a name that drifted right ("1:5G基站滚动规划建设"); the first
            # such cell: more cells there are overflow of a wide page
            cells.value = cells.value or (index, text.strip())
        elif index < level_area_end or (level_area_end == 0 and _only_levels(text)):
            _level_cell(cells, text, level1_column is not None and index <= level1_column)
        else:
            cells.parts.append((index, text.strip()))
    return cells


def _only_levels(text: str) -> bool:
    text = compact(text)
    if not prints_level_name(text):
        return False
    levels = read_levels(text, False)
    return bool(levels.level1 or levels.level2) and cjk_count(levels.rest) == 0


def _take_trailing_value(cells: _Cells) -> None:
    """A row whose value drifted left into the name column ("指标: | ≥180次")."""
    if cells.value is not None or not cells.parts:
        return
    last = cells.parts[-1][1]
    if _DIGIT.search(last) and (is_quantity(last) or is_several_quantities(last)) and not _MARKER.match(last):
        cells.value = cells.parts.pop()


def _strip_printed_level(name: str, printed_levels: list[str]) -> str:
    # "社会效益 | 社会效益提供就业岗位": the level printed again in front of the name
    for printed in printed_levels:
        if name.startswith(printed) and _is_name(name[len(printed) :]):
            return name[len(printed) :]
    return name


def _pair(items: list[Item], value: str | None) -> tuple[list[str | None], str | None]:
    """The value of each item, and what could not be paired with the row's names."""
    if value is None:
        return [None] * len(items), None
    if len(items) == 1:
        return [value], None
    values: list[str | None] = [None] * len(items)
    named = [index for index, item in enumerate(items) if item.name]
    if len(named) <= 1:
        values[named[0] if named else 0] = value
        return values, None
    split = split_values(value)
    if len(split) != len(named):
        return values, value
    for index, one in zip(named, split):
        values[index] = one
    return values, None


def _source(line: Line, cells: _Cells) -> Source:
    """Where the row's first name or value cell is."""
    for index, _ in cells.parts:
        if index >= 0:
            return line.cell_source(index)
    return line.cell_source(cells.value[0]) if cells.value else line.source


def _level2_of(cells: _Cells, index: int, count: int) -> str | None:
    """One 二级 per name when the row prints as many ("社会效益指标生态效益指标"), else the row's."""
    if len(cells.level2) == count:
        return cells.level2[index]
    return cells.level2[0] if cells.level2 and index == 0 else None


def read_row(line: Line, columns: Columns) -> list[Entry]:
    cells = _sort_cells(line, columns)
    _take_trailing_value(cells)
    if cells.parts:
        # cells joined by a tab: "指标2 | 2:安全培训" must not read as "指标22:"
        text = "\t".join([part for _, part in cells.parts])
        items = split_items(_strip_printed_level(text, cells.printed_levels) if cells.printed_levels else text)
    else:
        items = [Item(None, None)]
    values, unpaired = _pair(items, cells.value[1] if cells.value else None)
    source = _source(line, cells)
    level1 = cells.level1[0] if cells.level1 else None
    printed = cells.positional
    weight, unit, comparator = printed.get("weight"), printed.get("unit"), printed.get("comparator")
    comparator_column = columns.comparator is not None
    return [
        Entry(
            ordinal=item.ordinal, name=item.name, value=value, source=source,
            level1=level1 if index == 0 else None, level2=_level2_of(cells, index, len(items)),
            weight=weight, unit=unit, comparator=comparator, comparator_column=comparator_column,
            unpaired=unpaired if index == 0 else None,
        )
        for index, (item, value) in enumerate(zip(items, values))
    ]
