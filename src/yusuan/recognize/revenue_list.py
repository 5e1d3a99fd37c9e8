"""收入预算总表 printed as a list (jiangsu): a group column, an item column and one 金额 column.

    项目名称 |  | 金额
    收入总计 |  | 21,955.35
    一般公共预算资金 | 小计 | 21,940.96
     | 公共财政拨款(补助)资金 | 21,940.96
    其他资金 | 小计 | 14.39
     | 其他收入 | 14.39

One row per printed line, column `total`. The 小计 line of a group is named after the group and carries
its item (一般公共预算资金 -> `general_budget`); the lines under it keep their own names; 收入总计 is
the table's total row.
"""

from __future__ import annotations

import re

from ..document import Line
from ..model import Column, Row, Table, Unit, Unreadable
from ..prose.columns import merged_header
from .cells import is_amount, read_amount, read_code, strip_ordinal
from .grid import is_total_label, split_header
from .segment import Segment

_GROUP_ITEMS: list[tuple[str, re.Pattern[str]]] = [
    ("general_budget", re.compile(r"一般公共预算|公共财政")),
    ("gov_fund", re.compile(r"政府性基金")),
    ("state_capital", re.compile(r"国有资本")),
    ("special_account", re.compile(r"专户")),
    ("carryover", re.compile(r"上年结转|结转和结余|上年结余")),
    ("other", re.compile(r"^其他资金$")),
]
_SUBTOTAL = re.compile(r"^小计$")
_TOTAL = re.compile(r"^(?:收入)?(?:总计|合计)$")
_VALUE_HEADER = re.compile(r"金额|预算数|合计")


def is_revenue_list(segment: Segment) -> bool:
    """No line prints a classification code, and some line prints a group's 小计 beside its amount
    (a 小计 in the column header, under 本年收入, heads a column of a grid)."""
    lines = segment.lines
    coded = any(read_code(t) for line in lines for t in line.texts[:3])
    return not coded and any(
        any(_SUBTOTAL.match(t.strip()) for t in line.texts) and any(is_amount(t) for t in line.texts)
        for line in lines)


def read_revenue_list(segment: Segment, unit: Unit) -> tuple[Table, list[Unreadable]]:
    rows: list[Row] = []
    group = ""
    label = "金额"
    for part in segment.parts:
        header, body = split_header(part)
        value_index, label = _value_cell(header, label)
        for line in body:
            row, group = _read_line(line, group, value_index)
            if row is not None:
                rows.append(row)
    table = Table(
        id=segment.kind, title=segment.title, unit=unit, columns=[Column(id="total", label=label)], rows=rows,
        note="\n".join(segment.notes) or None, source=segment.title_line.source,
    )
    return table, []


def _value_cell(header: list[Line], label: str) -> tuple[int | None, str]:
    merged = merged_header([line.texts for line in header])
    found = [i for i in sorted(merged) if _VALUE_HEADER.search(merged[i])]
    return (found[-1], merged[found[-1]]) if found else (None, label)


def _read_line(line: Line, group: str, value_index: int | None) -> tuple[Row | None, str]:
    texts = [t.strip() for t in line.texts]
    labels = [t for t in texts if t and not is_amount(t)]
    if not labels:
        return None, group
    value = _value(texts, value_index)
    starts_group = bool(texts[0]) and not is_amount(texts[0])
    if starts_group:
        group = labels[0]
    name, item = _name_and_item(labels, group, starts_group)
    return Row(name=name, item=item, values={"total": value}, source=line.source), group


def _value(texts: list[str], value_index: int | None):
    if value_index is not None and value_index < len(texts):
        return read_amount(texts[value_index])
    amounts = [read_amount(t) for t in texts if is_amount(t)]
    return amounts[-1] if amounts else None


def _name_and_item(labels: list[str], group: str, starts_group: bool) -> tuple[str, str | None]:
    if (starts_group and _TOTAL.match(labels[0])) or is_total_label(labels[0]):
        return labels[0], "total"
    if starts_group and (len(labels) == 1 or _SUBTOTAL.match(labels[-1])):
        name = strip_ordinal(group)
        return name, next((item for item, pattern in _GROUP_ITEMS if pattern.search(name)), None)
    return strip_ordinal(labels[-1]), None
