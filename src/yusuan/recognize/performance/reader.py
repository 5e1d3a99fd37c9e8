"""The performance section read into the model: the overall table and one table per project."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...document import Line
from ...model import PerformanceTable, Source, Unreadable
from ...model.amounts import Unit
from .fields import name_from_line, read_dates, read_fund, read_name, read_nature, read_text
from .header import HeaderFields, read_header
from .indicators import Reading, read_indicators
from .text import is_garbled
from .lines import SectionLine
from .listed import read_listed
from .tables import RawTable, heads_columns, is_indicator_line, is_title, split_tables

# fields every table has; a missing one is reported
_REQUIRED = {"name": "项目名称", "fund": "资金总额"}
_OVERALL_REQUIRED = {"name": "部门(单位)名称"}
# fields not every form prints (福州's project form has no 起止时间, 重庆's overall form no 部门支出预算数);
# reported when the label is printed but no value is read
_OPTIONAL = {"department": "主管部门", "implementer": "实施单位", "nature": "项目性质", "start": "项目起始时间",
             "end": "项目终止时间"}
_OVERALL_OPTIONAL = {"fund": "部门支出预算数"}
# the labels that print a field: the period (项目期限) holds both dates
_PRINTED_BY = {"start": ("start", "period"), "end": ("end", "period")}


# the words a performance-target table prints somewhere, garbled as it may be
_TARGET_WORDS = re.compile("绩效|指标|目标")
# garbled names a table may hold before its reading is doubted: one is a misprint or a stray mark
_MAX_GARBLED_NAMES = 2


@dataclass
class PerformanceResult:
    overall: PerformanceTable | None = None
    projects: list[PerformanceTable] = field(default_factory=list)
    unreadable: list[Unreadable] = field(default_factory=list)


def _split(raw: RawTable) -> tuple[list[SectionLine], list[SectionLine]]:
    """Header lines and indicator lines (from the indicator header or the first level row)."""
    lines = [line for line in raw.lines if not is_title(line)]
    start = next((i for i, line in enumerate(lines) if is_indicator_line(line)), len(lines))
    return lines[:start], lines[start:]


def _doubt(reading: Reading, lines: list[SectionLine]) -> str | None:
    """Why the indicators as read cannot be judged, if they cannot."""
    if not reading.indicators and _has_rows(lines):
        return "印有指标栏目和内容，但未能读出指标"
    if reading.merged_values:
        return "指标值印在合并单元格中，未能与指标一一对应"
    if sum(map(is_garbled, (i.level3 for i in reading.indicators))) >= _MAX_GARBLED_NAMES:
        return "多个指标名称疑似识别错误"
    return None


def _has_rows(lines: list[SectionLine]) -> bool:
    """Lines printed under the indicator header."""
    header = next((i for i, line in enumerate(lines) if line.columns is not None), None)
    return header is not None and any(line.filled for line in lines[header + 1 :])


def _names_no_target(raw: RawTable, table: PerformanceTable) -> bool:
    """Nothing of a target is printed: no word of one in any line, and none of a project form's fields read but
    its name and a 部门 (a fee's text names its 收费部门)."""
    read = (table.fund, table.target, table.overview, table.implementer, table.nature, table.start, table.end)
    if any(value is not None and value != "" for value in read):
        return False
    return not any(_TARGET_WORDS.search(line.compact_text) for line in raw.lines)


class _TableReader:
    def __init__(self, raw: RawTable, unreadable: list[Unreadable], unit: Unit):
        self.raw = raw
        self.unreadable = unreadable
        self.unit = unit
        first = raw.name_line or (raw.lines[0].line if raw.lines else None)
        self.source = first.source if first else Source()
        self.label = "整体绩效目标表" if raw.scope == "overall" else f"{self.source.where or ''}起的项目绩效目标表"

    def note(self, what: str, source: Source | None = None) -> None:
        self.unreadable.append(Unreadable(what=f"{self.label}：{what}", source=source or self.source))

    def _name(self, fields: HeaderFields) -> str | None:
        name = read_name(fields.get("name"))
        if name is None and self.raw.name_line is not None:
            name = name_from_line(self.raw.name_line)
        return name

    def _table(self, fields: HeaderFields) -> PerformanceTable:
        table = PerformanceTable(
            scope=self.raw.scope, name=self._name(fields), fund=read_fund(fields, self.unit),
            overview=read_text(fields.get("overview")), target=read_text(fields.get("target")), source=self.source,
            title=next((line.compact_text for line in self.raw.lines if is_title(line)), None),
        )
        if self.raw.scope == "project":
            table.department = read_name(fields.get("department"))
            table.implementer = read_name(fields.get("implementer"))
            table.nature = read_nature(fields)
            table.start, table.end = read_dates(fields)
            table.basis = read_text(fields.get("basis"))
        return table

    def _report_missing(self, table: PerformanceTable, fields: HeaderFields) -> None:
        required = _OVERALL_REQUIRED if table.scope == "overall" else _REQUIRED
        for attribute, printed in required.items():
            if getattr(table, attribute) is None:
                self.note(f"未能读出{printed}")
        for attribute, printed in (_OVERALL_OPTIONAL if table.scope == "overall" else _OPTIONAL).items():
            label = next((f for f in _PRINTED_BY.get(attribute, (attribute,)) if f in fields.pieces), None)
            if getattr(table, attribute) is None and label is not None:
                self.note(f"印有“{printed}”，但未能读出其内容", fields.sources[label].source)
        for line in fields.unplaced:
            self.note(f"表头中的一行“{' | '.join(line.filled)}”没有可识别的栏目名称，未读入", line.source)

    def read(self) -> PerformanceTable | None:
        header_lines, indicator_lines = _split(self.raw)
        if not header_lines and not indicator_lines and self.raw.name_line is None:
            return None  # a title with nothing under it
        # column heads of a wide table ("单位名称 | 年度预算申请 | 整体绩效目标") label no values
        fields = read_header([line for line in header_lines if not (line.fields and heads_columns(line))])
        table = self._table(fields)
        if table.scope == "project" and not indicator_lines and _names_no_target(self.raw, table):
            return None  # a 项目名称 in prose or in another table (北京's schedule of a fee): no target table
        if table.name and table.scope == "project":
            self.label = f"项目“{table.name}”的绩效目标表"
        if self.raw.lists_projects:
            # 单位(项目)名称 | 资金总额 | 绩效目标 | 一级指标 …: several projects, one per row group; which
            # project an indicator belongs to is not read, nor each project's name and fund
            table.name = table.fund = None
            table.listed_total, table.listed = read_listed(self.raw.lines)
            table.doubtful = "表中逐行列出多个项目，未能分清各指标所属的项目"
            self.note(table.doubtful)
        else:
            self._report_missing(table, fields)
        reading = read_indicators(indicator_lines, self.note)
        table.indicators = reading.indicators
        table.unplaced_values = reading.unplaced_values
        if not table.doubtful and (why := _doubt(reading, indicator_lines)):
            table.doubtful = why
            self.note(why)
        return table


def read_performance(lines: list[Line], unit: Unit = Unit.wanyuan) -> PerformanceResult:
    """All performance tables in the lines of the performance section, and what could not be read; their
    funds in `unit` (the document's)."""
    result = PerformanceResult()
    for raw in split_tables(lines):
        reader = _TableReader(raw, result.unreadable, unit)
        table = reader.read()
        if table is None:
            continue
        if table.scope == "project":
            result.projects.append(table)
        elif result.overall is None:
            result.overall = table
        else:
            reader.note("又一张整体绩效目标表，未读入")
    return result
