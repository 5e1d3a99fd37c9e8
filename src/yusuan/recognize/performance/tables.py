"""Splitting the performance section into tables.

A table starts at a title ("…整体绩效目标表", "项目支出绩效目标表"), at a 部门(单位)名称 line (the
overall table) or at a 项目名称 line. Some project tables lost their 项目名称 label: the name stands
alone on a line, and the next line is already 主管部门 | … | 实施单位. So a line of header fields met
after a table's indicators starts a new table, and takes the line above as its name line when that
line prints nothing but a name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from ...document import Line
from ..cells import compact
from .labels import PROJECT_FIELDS
from .lines import SectionLine, is_level_cell
from .text import cjk_count
from .values import is_quantity

# the 项目名称 label is among the first cells of its line
_NAME_LABEL_MAX_POSITION = 1
# a name line: one cell with at least this many CJK characters, other cells stray marks
_NAME_MIN_CJK = 4
_STRAY_MAX_CHARS = 1
_TITLE_MAX_CHARS = 60
_MIN_COLUMN_HEADS = 3
_PROJECT_TABLE_TITLES = ("项目支出绩效表", "项目绩效表")
_DIGIT = re.compile(r"\d")


@dataclass
class RawTable:
    scope: Literal["overall", "project"]
    lines: list[SectionLine] = field(default_factory=list)
    name_line: Line | None = None  # a name printed without its 项目名称 label
    has_fields: bool = False
    has_indicators: bool = False
    title: str | None = None
    wide: bool = False  # labels head its columns: a page header "单位名称：某局" continues it
    # after its title printed again atop the next page: the column heads repeated down to the
    # indicator header are no rows
    repeating_heads: bool = False
    lists_projects: bool = False  # its column heads name the project and its fund: one row per project


def is_title(line: SectionLine) -> bool:
    text = line.compact_text
    if len(line.filled) > 2 or len(text) > _TITLE_MAX_CHARS:
        return False
    # "…项目支出绩效表" (湖州): the projects' 总体绩效目标 listed, without indicators
    return ("绩效目标" in text and "表" in text[-3:]) or text.endswith(_PROJECT_TABLE_TITLES)


def _title_scope(line: SectionLine) -> Literal["overall", "project"]:
    text = line.compact_text
    return "overall" if "整体" in text or ("部门" in text and "项目" not in text) else "project"


def has_name_label(line: SectionLine) -> bool:
    position = line.name_label_position
    return position is not None and position <= _NAME_LABEL_MAX_POSITION and line.columns is None


def is_overall_label(line: SectionLine) -> bool:
    return "overall_name" in line.fields


def heads_columns(line: SectionLine) -> bool:
    """Labels heading the columns of a wide table ("单位(项目)名称 | 资金总额 | 绩效目标 | 一级指标 …",
    "单位名称 | 年度预算申请 | 整体绩效目标"), the rows below; a form prints a value after each label."""
    fields = line.fields
    if len(fields) < _MIN_COLUMN_HEADS or not {"name", "overall_name"} & set(fields):
        return False
    return not any(_DIGIT.search(token.text) for token in line.tokens if not token.field)


def lists_projects(line: SectionLine) -> bool:
    """Column heads naming the project: the projects are rows of one table."""
    return "name" in line.fields and heads_columns(line)


def _starts_unlabeled_table(fields: list[str]) -> bool:
    """A line of two header fields ("主管部门 | … | 实施单位 | …"): one alone may be an indicator name."""
    return len({f for f in fields if f in PROJECT_FIELDS}) >= 2


def is_name_line(line: SectionLine) -> bool:
    texts = [compact(t) for t in line.filled]
    names = [t for t in texts if cjk_count(t) >= _NAME_MIN_CJK]
    if len(names) != 1 or is_quantity(names[0]) or is_level_cell(names[0]):
        return False
    return all(t == names[0] or len(t) <= _STRAY_MAX_CHARS for t in texts)


def is_indicator_line(line: SectionLine) -> bool:
    if line.columns is not None:
        return True
    return not line.fields and line.has_level_cell


class _Splitter:
    def __init__(self) -> None:
        self.tables: list[RawTable] = []

    @property
    def current(self) -> RawTable | None:
        return self.tables[-1] if self.tables else None

    def _fresh(self, scope: str) -> bool:
        """The current table was just opened (by its title) and can take this header."""
        current = self.current
        return current is not None and current.scope == scope and not current.has_fields and not current.has_indicators

    def _open(self, scope: Literal["overall", "project"], name_line: Line | None = None) -> RawTable:
        table = RawTable(scope=scope, name_line=name_line)
        self.tables.append(table)
        return table

    def _pull_name_line(self) -> Line | None:
        current = self.current
        if current is not None and len(current.lines) > 1 and is_name_line(current.lines[-1]):
            return current.lines.pop().line
        return None

    def _table_for(self, line: SectionLine) -> RawTable:
        current = self.current
        if current is not None and not line.fields:
            return current  # a line without labels opens no table: most lines, asked nothing more
        if current is not None and (current.wide or not current.has_indicators) and heads_columns(line):
            return current  # the column heads of the table the title opened, or repeated atop a page
        if is_overall_label(line) and current is not None and (current.wide or self._fresh(current.scope)):
            # "单位名称：某局" under a table's title, or atop each page of a wide table: the body the
            # table is printed for, whatever its scope
            return current
        if is_overall_label(line) and not self._fresh("overall"):
            return self._open("overall")
        if has_name_label(line) and not self._fresh("project"):
            return self._open("project")
        if current is None:
            return self._open("overall" if is_overall_label(line) else "project")
        if (current.has_indicators or current.scope == "overall") and _starts_unlabeled_table(line.fields):
            return self._open("project", self._pull_name_line())
        return current

    def _continues(self, title: SectionLine) -> bool:
        """A wide table's title printed again atop its next page."""
        current = self.current
        return current is not None and current.wide and current.title == title.compact_text

    def add(self, line: SectionLine) -> None:
        if is_title(line):
            if self._continues(line):
                self.current.repeating_heads = True
                return
            table = self.current if self._fresh(_title_scope(line)) else self._open(_title_scope(line))
            table.title = table.title or line.compact_text
            table.lines.append(line)
            return
        current = self.current
        if current is not None and current.repeating_heads:
            if line.columns is None:
                return
            current.repeating_heads = False
        table = self._table_for(line)
        table.lines.append(line)
        if line.fields and heads_columns(line):
            table.wide = True
            table.lists_projects = table.lists_projects or lists_projects(line)
        if is_indicator_line(line):
            table.has_indicators = True
        elif line.fields:
            table.has_fields = True


def split_tables(lines: list[Line]) -> list[RawTable]:
    splitter = _Splitter()
    for line in lines:
        splitter.add(SectionLine(line))
    return splitter.tables
