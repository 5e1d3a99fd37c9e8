"""The indicator header ("一级指标 | 二级指标 | 三级指标 | 指标值", or "指标 | 指标权重 | 计量单位 |
指标性质 | 指标值") and where its columns are.

Positions are hints, not truth: OCR'd rows drift a cell left or right. Only the columns that hold
short, separate things (权重, 计量单位, 指标性质) are read by position; names and values are
recognized by what they look like, with the header saying where the level columns end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from ...document import Line
from ..cells import compact

_WORDS: list[tuple[str, str]] = [
    ("level1", "一级指标"),
    ("level2", "二级指标"),
    ("level3", "三级指标|指标名称|指标内容"),
    ("weight", "权重|分值"),
    ("comparator", "指标值类型|指标性质|性质|符号"),
    ("unit", "计量单位|度量单位"),
    ("value", "年度指标值|指标值|目标值"),
]
# checked in order: "指标权重" is a weight, "指标值" a value, before "指标" (alone in its cell) is a name
_HEADER_WORDS: list[tuple[str, re.Pattern[str]]] = [
    *((name, re.compile(words)) for name, words in _WORDS),
    ("level3", re.compile(r"^指标$")),
]
# the one header word named only by a whole cell, which _ANY_HEADER_WORD does not find
_ALONE_WORD = "指标"
# all the words but 指标 alone: plain words, which a search finds by skipping to their first characters
_ANY_HEADER_WORD = re.compile("|".join(words for _, words in _WORDS))
# punctuation of wrapped text above that the layout dropped into a header cell ("计量。单位")
_STRAY_PUNCTUATION = re.compile("[。，、；．·]")
# a line naming this many columns is a header, not a row
_MIN_HEADER_WORDS = 2


@dataclass(frozen=True)
class Columns:
    level1: int | None = None
    level2: int | None = None
    level3: int | None = None
    weight: int | None = None
    comparator: int | None = None
    unit: int | None = None
    value: int | None = None

    # cached: asked for every cell of every row read under the header
    @cached_property
    def level_area_end(self) -> int:
        """Cells before this index are level (一级/二级) cells or the OCR's margin column."""
        ends = []
        if self.level2 is not None or self.level1 is not None:
            ends.append(max(i for i in (self.level1, self.level2) if i is not None) + 1)
        if self.level3 is not None:
            ends.append(self.level3)
        return min(ends) if ends else 0

    @cached_property
    def positional(self) -> dict[int, str]:
        """The columns read by position: index -> column name."""
        return {index: name for name in ("weight", "comparator", "unit") if (index := getattr(self, name)) is not None}


def may_name_columns(line_text: str) -> bool:
    """False when a line (its text without whitespace) is surely no indicator header: one search
    over the line instead of one per cell. A header names two columns or more, and at most one of
    them by 指标 alone in its cell; another is named by a word this search finds in the line."""
    return _ANY_HEADER_WORD.search(line_text) is not None


def _may_name_column(text: str) -> bool:
    return text == _ALONE_WORD or _ANY_HEADER_WORD.search(text) is not None


def _header_word(text: str) -> tuple[str, re.Match[str]] | None:
    for name, pattern in _HEADER_WORDS:
        if match := pattern.search(text):
            return name, match
    return None


def read_columns(texts: list[str]) -> Columns | None:
    """The columns a header line (its cell texts) names, or None when the line is no indicator header."""
    found: dict[str, int] = {}
    for index, text in enumerate(texts):
        if not text:
            continue  # an empty cell names no column
        text = _STRAY_PUNCTUATION.sub("", compact(text))
        if not _may_name_column(text):
            continue  # most cells name no column: one search instead of one per word
        word = _header_word(text)
        if word and word[0] not in found:
            found[word[0]] = index
    if len(found) < _MIN_HEADER_WORDS:
        return None
    return Columns(**found)


# a cell that prints a column's name and nothing else ("权重", "指标权重(%)", "计量单位"), or the name of a
# column not read ("是否核心": 重庆's mark of a core indicator; "绩效指标" heading the block)
_COLUMN_NAME = re.compile(
    rf"^(?:指标)?(?:{'|'.join(words for _, words in _WORDS)}|解释|评\(扣\)分标准|评分标准|备注)(?:\(%\)|%)?$"
    r"|^是否核心(?:指标)?$|^绩效指标$"
)


def is_column_name(text: str) -> bool:
    return _COLUMN_NAME.match(compact(text)) is not None


def header_leftover(line: Line) -> list[str]:
    """The cells of a header line without their header words: OCR sometimes runs the first row
    into the header ("三级指标指标1:聘请行业专家…")."""
    leftover = []
    for text in line.texts:
        compacted = compact(text)
        word = _header_word(compacted) if _may_name_column(compacted) else None
        if word is None and is_column_name(compacted):
            leftover.append("")  # a column not read: no part of a row
            continue
        leftover.append(compacted.replace(word[1].group(0), "", 1) if word else text)
    return leftover
