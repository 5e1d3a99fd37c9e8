"""Performance-target tables: a form of labelled fields, then the indicators under a repeating header.

The 一级/二级 cells span the rows of their group, as the forms print them.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from ..model import Indicator, PerformanceTable, Unit
from .grid import Cell, Grid, Row, format_amount
from .headers import head
from .punctuation import chinese_punctuation

PROJECT_WIDTHS = [9.0, 12.0, 30.0, 7.0, 9.0, 9.0]
OVERALL_WIDTHS = [9.0, 12.0, 26.0, 7.0, 9.0, 9.0, 7.0]


def _label(text: str, colspan: int = 1) -> Cell:
    return Cell(text, "label", colspan=colspan)


def _value(text: str | None, colspan: int = 1) -> Cell:
    return Cell(text or "", "value", colspan=colspan)


def _prose(text: str | None, colspan: int = 1) -> Cell:
    """A target or an overview is prose; a name is kept as printed (it is how the table is told apart)."""
    return _value(chinese_punctuation(text or ""), colspan)


def _date(value: date | None) -> str:
    return f"{value.year}年{value.month}月{value.day}日" if value else ""


def _fund(value: Decimal | None) -> str:
    return format_amount(value) if value is not None else ""


def overall_grid(table: PerformanceTable, department: str | None, year: int | None, unit: Unit) -> Grid:
    """`unit`: the document's, which the fund is in."""
    form = [
        [_label("部门（单位）名称"), _value(table.name or department, 3), _label("部门支出预算数"), _value(_fund(table.fund), 2)],
        [_label("当年整体绩效目标"), _prose(table.target, 6)],
    ]
    title = f"{department or ''}{year or ''}年部门整体绩效目标表" if year else f"{department or ''}部门整体绩效目标表"
    return Grid(id="performance_overall", title=chinese_punctuation(title), widths=OVERALL_WIDTHS, form=form,
                header=[_indicator_header(weights=True)], body=_indicator_rows(table.indicators, weights=True),
                unit_line=f"单位：{unit.value}")


def project_grid(table: PerformanceTable, department: str | None, year: int | None, unit: Unit) -> Grid:
    """`unit`: the document's, which the fund is in."""
    form = [
        [_label("项目名称"), _value(table.name, 5)],
        [_label("主管部门"), _value(table.department, 2), _label("实施单位"), _value(table.implementer, 2)],
        [_label(f"资金总额（{unit.value}）"), _value(_fund(table.fund), 2), _label("项目性质"), _value(table.nature, 2)],
        [_label("项目起始时间"), _value(_date(table.start), 2), _label("项目终止时间"), _value(_date(table.end), 2)],
        [_label("项目概况"), _prose(table.overview, 5)],
        [_label("立项依据"), _prose(table.basis, 5)],
        [_label("年度绩效目标"), _prose(table.target, 5)],
    ]
    title = f"{department or ''}{year}年项目支出绩效目标表" if year else f"{department or ''}项目支出绩效目标表"
    return Grid(id="performance_project", title=chinese_punctuation(title), widths=PROJECT_WIDTHS, form=form,
                header=[_indicator_header(weights=False)], body=_indicator_rows(table.indicators, weights=False))


def _indicator_header(weights: bool) -> Row:
    cells = [head("一级指标"), head("二级指标"), head("三级指标"), head("指标性质"), head("指标值"), head("计量单位")]
    return cells + ([head("权重")] if weights else [])


def _runs(values: list[str | None]) -> list[int]:
    """For each row, how many rows the cell starting there spans (0: covered by the one above)."""
    spans = [0] * len(values)
    start = 0
    for index in range(1, len(values) + 1):
        if index == len(values) or values[index] != values[start]:
            spans[start] = index - start
            start = index
    return spans


def _indicator_rows(indicators: list[Indicator], weights: bool) -> list[Row]:
    level1 = _runs([i.level1 for i in indicators])
    level2 = _runs([f"{i.level1}/{i.level2}" for i in indicators])
    rows = []
    for index, indicator in enumerate(indicators):
        row: Row = []
        if level1[index]:
            row.append(Cell(indicator.level1 or "", "text", rowspan=level1[index]))
        if level2[index]:
            row.append(Cell(indicator.level2 or "", "text", rowspan=level2[index]))
        row += [Cell(indicator.level3, "text"), Cell(indicator.comparator or "", "text"),
                Cell(indicator.value or "", "text"), Cell(indicator.unit or "", "text")]
        if weights:
            row.append(Cell(str(indicator.weight) if indicator.weight is not None else "", "text"))
        rows.append(row)
    return rows
