"""收支总表 and 财政拨款收支总表: income items on the left, expenditure lines on the right.

The header names each label column (项目 / 项目名称 / 功能科目名称); the value cells between one label
column and the next belong to it. The first label column is the income side, every other one an
expenditure side: jiangsu prints two (功能分类 | 支出用途), so one printed line can hold an income row
and two expenditure rows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..classification import catalog
from ..document import Line
from ..model import Column, Table, Unit, Unreadable
from ..model.tables import Side
from ..prose.columns import merged_header
from .cells import Amounts, strip_ordinal
from .grid import split_header
from .segment import Segment

_ITEMS: list[tuple[str, re.Pattern[str]]] = [
    ("income_total", re.compile(r"(?:本年|当年)收入(?:合计|小计)?$")),
    ("expenditure_total", re.compile(r"(?:本年|当年)支出(?:合计|小计)?$")),
    # "收入合计" / "支出合计" where no 总计 line follows (jiangsu: 当年收入小计 + 上年结转资金 = 收入合计)
    ("grand_total", re.compile(r"收入总计|支出总计|^总计$|^收入合计$|^支出合计$")),
    ("carry_forward", re.compile(r"结转下年|^年末.*结转")),
    ("carryover", re.compile(r"^(上年结转|年初.*结转)")),
    # 决算: 使用非财政拨款结余 beside the income, 结余分配 beside the spending
    ("non_fiscal_balance", re.compile(r"使用非财政拨款结余")),
    ("balance_distribution", re.compile(r"^结余分配$")),
    ("general_budget", re.compile(r"一般公共预算|公共财政")),
    ("gov_fund", re.compile(r"政府性基金")),
    ("state_capital", re.compile(r"国有资本经营")),
    ("fiscal", re.compile(r"^(?:本级)?财政拨款(?:收入|资金)?$")),
    ("special_account", re.compile(r"财政专户")),
    ("business", re.compile(r"经营(?:服务)?收入")),
    ("operating", re.compile(r"事业收入")),
    ("superior_subsidy", re.compile(r"上级补助")),
    ("subordinate", re.compile(r"附属单位")),
    ("other", re.compile(r"其[他它]收入|^其他资金$")),
    # the 支出用途 side
    ("basic", re.compile(r"^基本支出$")),
    ("project", re.compile(r"^项目支出$")),
    ("reserve", re.compile(r"预留机动|机动经费")),
]
_SIDE_TOTALS = {"income": "income_total", "expenditure": "expenditure_total"}
_CARRYOVER_PARTS = {"general_budget", "gov_fund", "state_capital"}
_VALUE_COLUMNS: list[tuple[str, re.Pattern[str]]] = [
    # Shanghai: each expenditure line split as 基本支出 (人员经费 | 公用经费) | 项目支出 beside its 合计; the
    # parts under 基本支出 carry its name in their merged header, so they are tried first
    ("personnel", re.compile(r"人员经费|人员支出")),
    ("public", re.compile(r"公用经费|公用支出")),
    ("basic", re.compile(r"基本支出$")),
    ("project", re.compile(r"项目支出$")),
    # 决算 总表 printing the budget beside the final figure; 决算数 is `total`
    ("budget_initial", re.compile(r"年初预算")),
    ("budget_adjusted", re.compile(r"调整(?:后)?预算|全年预算")),
    ("general_budget", re.compile(r"一般公共预算|公共财政")),
    ("gov_fund", re.compile(r"政府性基金")),
    ("state_capital", re.compile(r"国有资本")),
    ("total", re.compile(r"合计|总计|小计|预算数|决算数|金额")),
]
# a label column: 项目 / 项目名称 / 科目名称, but not a 项目支出 amount column
_LABEL = re.compile(r"项目(?!支出)|科目")
# A row's fields: the table validates its rows in one call, a third faster than one by one.
Fields = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Group:
    """One label column and the value cells right of it, up to the next label column."""

    side: Side
    label: int
    values: dict[int, str]


_DEFAULT_LAYOUT = (Group("income", 0, {1: "total"}), Group("expenditure", 2, {3: "total"}))


def read_two_sided_table(segment: Segment, unit: Unit) -> tuple[Table, list[Unreadable]]:
    rows: dict[str, list[Fields]] = {"income": [], "expenditure": []}
    groups: tuple[Group, ...] | None = None
    amounts = Amounts()
    for part in segment.parts:
        header, body = split_header(part)
        groups = _layout(header) or groups or _DEFAULT_LAYOUT
        # every cell a group reads exists, however far right the header placed it
        padding = [""] * (max(max(g.label, *g.values) for g in groups) + 1)
        for line in body:
            for row in _line_rows(line, line.texts + padding, groups, rows, amounts):
                rows[row["side"]].append(row)
    columns = dict.fromkeys(["total", *(c for g in groups or () for c in g.values.values())])
    table = Table(
        id=segment.kind, title=segment.title, unit=unit, columns=[Column(id=c) for c in columns],
        rows=_settle_totals(rows["income"]) + _settle_totals(rows["expenditure"]),
        note="\n".join(segment.notes) or None, source=segment.title_line.source,
    )
    return table, []


def _layout(header: list[Line]) -> tuple[Group, ...] | None:
    merged = merged_header([line.texts for line in header])
    labels = [i for i in sorted(merged) if _LABEL.search(merged[i])]
    if len(labels) < 2:
        return None
    groups = []
    for position, label in enumerate(labels):
        end = labels[position + 1] if position + 1 < len(labels) else max(merged) + 1
        values = _value_columns({i: merged[i] for i in sorted(merged) if label < i < end})
        groups.append(Group("income" if position == 0 else "expenditure", label, values or {label + 1: "total"}))
    return tuple(groups)


def _value_columns(cells: dict[int, str]) -> dict[int, str]:
    mapping: dict[int, str] = {}
    for index, text in cells.items():
        for column, pattern in _VALUE_COLUMNS:
            if pattern.search(text) and column not in mapping.values():
                mapping[index] = column
                break
    return mapping


def _line_rows(line: Line, texts: list[str], groups: tuple[Group, ...], rows: dict[str, list[Fields]],
               amounts: Amounts) -> list[Fields]:
    """The rows one line prints; `texts` are its cells, padded so that every group's cells exist."""
    found = []
    for position, group in enumerate(groups):
        label = texts[group.label].strip()
        if not label:
            continue
        values = _values(texts, group, amounts)
        if all(v is None for v in values.values()):
            values = _spanned_values(texts, groups, position, values, amounts)
        name = strip_ordinal(label)
        code, item = _classify(name, group.side)
        if item in _CARRYOVER_PARTS:
            block = _block_above(rows[group.side] + [r for r in found if r["side"] == group.side])
            item = f"{block}_{item}" if block else item
        found.append({"code": code, "name": name, "values": values, "side": group.side, "item": item,
                      "source": line.cell_source(group.label)})
    return found


def _values(texts: list[str], group: Group, amounts: Amounts) -> dict:
    return {column: amounts[texts[index]] for index, column in group.values.items()}


def _has_amount(texts: list[str], group: Group, amounts: Amounts) -> bool:
    return any(amounts[texts[index]] is not None for index in group.values)


def _spanned_values(texts: list[str], groups: tuple[Group, ...], position: int, own: dict, amounts: Amounts) -> dict:
    """A label whose own value cells are empty (`own`) and whose label cell is merged over the groups
    to its right (当年支出小计 printed across 功能分类 and 支出用途) prints its amount in the last value
    cells."""
    later = groups[position + 1 :]
    if any(texts[g.label].strip() for g in later):
        return own
    group = groups[position]
    for other in reversed(later):
        if _has_amount(texts, other, amounts):
            cells = list(other.values)
            return {column: amounts[texts[cells[i]]] if i < len(cells) else None
                    for i, column in enumerate(group.values.values())}
    return own


def _classify(name: str, side: str) -> tuple[str | None, str | None]:
    if side == "expenditure":
        found = catalog("functional").find(name, level="类")
        if found:
            return found[0].code, None
    for item, pattern in _ITEMS:
        if pattern.search(name):
            return None, item
    return None, None


def _block_above(previous: list[Fields]) -> str | None:
    """`carryover` / `carry_forward` when the line stands in that block (a fund under 年初结转和结余 or
    under 年末结转和结余), else None."""
    for row in reversed(previous):
        if row["item"] in ("carryover", "carry_forward", "income_total", "expenditure_total"):
            return row["item"] if row["item"] in ("carryover", "carry_forward") else None
    return None


def _settle_totals(rows: list[Fields]) -> list[Fields]:
    """'收入合计' is the side's grand total unless a 总计 line is printed too: then it is the year's total."""
    grand = [r for r in rows if r["item"] == "grand_total"]
    if len(grand) < 2 or not rows:
        return rows
    side_total = _SIDE_TOTALS[rows[0]["side"]]
    if not any(r["item"] == side_total for r in rows):
        grand[0]["item"] = side_total
    return rows
