"""A line of the performance section with what its cells read as: header labels, indicator
columns, level names.

Splitting the section into tables, then reading each table's header and indicators, asks these
questions of the same line several times over. The answers depend on the line's cells only, and
nothing changes the cells while the section is read, so each is worked out once and kept.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ...document import Line
from ...prose.indicator_levels import LEVEL1_OF, prints_level_name, read_levels
from ..cells import compact
from .columns import Columns, may_name_columns, read_columns
from .labels import NAME_WORD, Token, may_hold_labels, tokenize
from .text import cjk_count

# a cell naming a level holds little else ("出指标质量指标"); prose that mentions 质量 is no level cell
_LEVEL_CELL_MAX_OTHER_CJK = 3
# a 二级 name alone, with or without its 指标 ("数量指标", "经济效益"): most level cells, known at once
_LEVEL2_CELLS = frozenset({*LEVEL1_OF, *(name.removesuffix("指标") for name in LEVEL1_OF)})


class read_once:  # noqa: N801 - a decorator, like property
    """A property worked out on first use, then kept as a plain attribute of the instance.

    Like `functools.cached_property`, which in Python 3.11 takes a lock on each first use: that
    costs more than some of the answers here, and a section is read by one thread.
    """

    def __init__(self, compute: Callable[[Any], Any]) -> None:
        self.compute = compute
        self.name = compute.__name__

    def __get__(self, instance: Any, owner: type | None = None) -> Any:
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.compute(instance)
        return value


def is_level_cell(text: str) -> bool:
    text = compact(text)
    if text in _LEVEL2_CELLS:
        return True  # what reading it would tell, without reading it
    if not prints_level_name(text):
        return False
    levels = read_levels(text, False)
    return bool(levels.level2) and cjk_count(levels.rest) <= _LEVEL_CELL_MAX_OTHER_CJK


class SectionLine:
    """A line and what the table splitter and readers ask of it, each worked out on first use.

    Each question is first put to the whole line (one search over its text), when the line is made:
    most lines hold no label, header word or level name, and their answer is then kept at once.
    Only the other lines are read cell by cell, on first use.
    """

    def __init__(self, line: Line) -> None:
        self.line = line
        self.filled = line.filled
        self.compact_text = text = compact("".join(self.filled))  # the line's text without any whitespace
        if not may_hold_labels(text):
            self.fields = []
        if not may_name_columns(text):
            self.columns = None
        if not prints_level_name(text):
            self.has_level_cell = False

    @property
    def texts(self) -> list[str]:
        return self.line.texts

    @read_once
    def tokens(self) -> list[Token]:
        return tokenize(self.texts)

    @read_once
    def fields(self) -> list[str]:
        """The header fields whose labels the line prints, in order (asked when it prints a label word)."""
        return [token.field for token in self.tokens if token.field]

    @property
    def name_label_position(self) -> int | None:
        """Among the filled cells, the position of a 项目名称 label, when the line has one."""
        if NAME_WORD not in self.compact_text or "name" not in self.fields:
            return None  # most lines print no 名称, and their labels need not be read
        filled = [index for index, text in enumerate(self.texts) if text.strip()]
        for token in self.tokens:
            if token.field == "name":
                return filled.index(token.cell)
        return None

    @read_once
    def columns(self) -> Columns | None:
        """The indicator columns the line names, when it is an indicator header."""
        return read_columns(self.texts)

    @read_once
    def has_level_cell(self) -> bool:
        return any(map(is_level_cell, self.filled))
