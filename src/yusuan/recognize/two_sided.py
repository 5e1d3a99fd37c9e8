"""收支总表 and 财政拨款收支总表: income items on the left, expenditure lines on the right."""

from __future__ import annotations

import re

from ..classification import catalog
from ..document import Line
from ..model import Column, Row, Table, Unit, Unreadable
from .cells import read_amount, strip_ordinal
from .columns import merged_header
from .grid import split_header
from .segment import Segment

_ITEMS: list[tuple[str, re.Pattern[str]]] = [
    ("income_total", re.compile(r"本年收入(合计|小计)?$")),
    ("expenditure_total", re.compile(r"本年支出(合计|小计)?$")),
    ("grand_total", re.compile(r"收入总计|支出总计|^总计$")),
    ("carry_forward", re.compile(r"结转下年|年末结转")),
    ("carryover", re.compile(r"^(上年结转|年初结转)")),
    ("general_budget", re.compile(r"一般公共预算|公共财政")),
    ("gov_fund", re.compile(r"政府性基金")),
    ("state_capital", re.compile(r"国有资本经营")),
    ("special_account", re.compile(r"财政专户")),
    ("business", re.compile(r"经营收入")),
    ("operating", re.compile(r"事业收入")),
    ("superior_subsidy", re.compile(r"上级补助")),
    ("subordinate", re.compile(r"附属单位")),
    ("other", re.compile(r"其他收入")),
]
_CARRYOVER_PARTS = {"general_budget", "gov_fund", "state_capital"}
_EXPENDITURE_COLUMNS: list[tuple[str, re.Pattern[str]]] = [
    ("general_budget", re.compile(r"一般公共预算|公共财政")),
    ("gov_fund", re.compile(r"政府性基金")),
    ("state_capital", re.compile(r"国有资本")),
    ("total", re.compile(r"合计|总计|小计|预算数|金额")),
]
_LABEL = re.compile(r"项目|科目")


def read_two_sided_table(segment: Segment, unit: Unit) -> tuple[Table, list[Unreadable]]:
    income: list[Row] = []
    expenditure: list[Row] = []
    layout: tuple[int, int, dict[int, str], dict[int, str]] | None = None
    for part in segment.parts:
        header, body = split_header(part)
        layout = _layout(header) or layout or (0, 2, {1: "total"}, {3: "total"})
        left, right, left_values, right_values = layout
        for line in body:
            texts = line.texts + [""] * 8
            if row := _side_row(line, texts, left, left_values, "income", income):
                income.append(row)
            if row := _side_row(line, texts, right, right_values, "expenditure", expenditure):
                expenditure.append(row)
    expenditure_columns = list(dict.fromkeys(layout[3].values())) if layout else ["total"]
    columns = [Column(id=c) for c in dict.fromkeys(["total", *expenditure_columns])]
    table = Table(
        id=segment.kind, title=segment.title, unit=unit, columns=columns, rows=income + expenditure,
        note="\n".join(segment.notes) or None, source=segment.title_line.source,
    )
    return table, []


def _layout(header: list[Line]) -> tuple[int, int, dict[int, str], dict[int, str]] | None:
    merged = merged_header([line.texts for line in header])
    labels = [i for i in sorted(merged) if _LABEL.search(merged[i])]
    if len(labels) < 2:
        return None
    left, right = labels[0], labels[1]
    left_values = {i: "total" for i in sorted(merged) if left < i < right}
    right_values: dict[int, str] = {}
    for index in sorted(merged):
        if index <= right:
            continue
        for column, pattern in _EXPENDITURE_COLUMNS:
            if pattern.search(merged[index]) and column not in right_values.values():
                right_values[index] = column
                break
    return left, right, left_values or {left + 1: "total"}, right_values or {right + 1: "total"}


def _side_row(line: Line, texts: list[str], label_index: int, value_columns: dict[int, str], side: str, previous: list[Row]) -> Row | None:
    label = texts[label_index].strip()
    if not label:
        return None
    values = {column: read_amount(texts[index]) for index, column in value_columns.items()}
    name = strip_ordinal(label)
    code, item = _classify(name, side, previous)
    return Row(code=code, name=name, values=values, side=side, item=item, source=line.cell_source(label_index))


def _classify(name: str, side: str, previous: list[Row]) -> tuple[str | None, str | None]:
    if side == "expenditure":
        found = catalog("functional").find(name, level="类")
        if found:
            return found[0].code, None
    for item, pattern in _ITEMS:
        if pattern.search(name):
            if item in _CARRYOVER_PARTS and _under_carryover(previous):
                return None, f"carryover_{item}"
            return None, item
    return None, None


def _under_carryover(previous: list[Row]) -> bool:
    for row in reversed(previous):
        if row.item in ("carryover", "income_total"):
            return row.item == "carryover"
    return False
