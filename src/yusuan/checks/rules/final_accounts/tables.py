"""决算 (final accounts): the identities of the 决算 tables.

A final account carries money over: what was left at the start of the year (年初结转和结余) plus the
year's income (and 使用非财政拨款结余) was either spent (本年支出, 结余分配) or is left at the end of the
year (年末结转和结余). These rules hold only for a 决算 and are not applicable to a budget. The rules
on what the 决算 narrative states are in `text.py`.
"""

from __future__ import annotations

from collections.abc import Iterator

from ....model import TWO_SIDED_TABLES, Row, Table
from ....prose.functional import functional_names
from ...engine.context import Doc
from ...engine.figures import Figure
from ...engine.findings import Finding, Place
from ...engine.identities import sum_phrase
from ...engine.registry import Condition, rule
from ...engine.structure import has_columns, total_row

IS_FINAL = Condition("文件为决算", lambda d: d.kind == "final", first=True)

FUND_TABLES = {"gov_fund": "gov_fund_expenditure", "state_capital": "state_capital_expenditure"}
# the lines of a 决算 总表 on each side of the balance (the 总计 of each side is their sum)
INCOME_SIDE = ("income_total", "non_fiscal_balance", "carryover")
SPENDING_SIDE = ("expenditure_total", "balance_distribution", "carry_forward")
_FUNDS = ("general_budget", "gov_fund", "state_capital")


def _block(doc: Doc, table: Table, item: str, side: str) -> tuple[str, Figure] | None:
    """A line of a 决算 总表 as (name, figure); a 年初/年末结转和结余 line printed empty over its three
    fund lines is the sum of those."""
    row = table.item(item, side)
    if row is None:
        return None
    figure = doc.cell(table, row, "total")
    if figure.blank and item in ("carryover", "carry_forward"):
        parts = [r for r in (table.item(f"{item}_{f}", side) for f in _FUNDS) if r is not None]
        if parts:
            figure = Figure.total_of((doc.cell(table, r, "total") for r in parts), f"{row.name}各项之和",
                                     Place.of_row(table, row))
    return row.name, figure


def _side(doc: Doc, table: Table, items: tuple[str, ...], side: str) -> tuple[list[str], Figure] | None:
    anchor = table.item(items[0], side)
    if anchor is None:
        return None
    lines = [line for line in (_block(doc, table, i, side) for i in items) if line is not None]
    names = [name for name, _ in lines]
    return names, Figure.total_of((f for _, f in lines), sum_phrase(names) if len(names) > 1 else names[0],
                                  Place.of_row(table, anchor))


@rule(
    id="FINAL-BALANCE", family="arithmetic", severity="error",
    title="决算：本年收入 + 使用非财政拨款结余 + 年初结转和结余 = 本年支出 + 结余分配 + 年末结转和结余（总表及政府性基金、国有资本经营决算表每行）",
    basis="部门决算报表格式（收入支出决算总表、财政拨款收入支出决算总表、政府性基金预算财政拨款收入支出决算表）；domain.md §2.1、§3 A1",
    needs=("summary|fiscal_summary|gov_fund_expenditure|state_capital_expenditure",),
    applies=IS_FINAL,
)
def final_balance(doc: Doc) -> Iterator[Finding]:
    for table in doc.tables(TWO_SIDED_TABLES):
        income = _side(doc, table, INCOME_SIDE, "income")
        spending = _side(doc, table, SPENDING_SIDE, "expenditure")
        if income is None or spending is None:
            continue
        finding = doc.compare(income[1], spending[1])
        if finding:
            finding.message += "年初结余加本年收入，应等于本年支出加年末结余，请核对这几行的金额。"
            yield finding
    for table in doc.tables(FUND_TABLES.values()):
        if not has_columns(table, "income"):
            continue  # a budget-style fund table: no 本年收入 column, nothing carried over
        for row in table.rows:
            yield from _row_balance(doc, table, row)


def _row_balance(doc: Doc, table: Table, row: Row) -> Iterator[Finding]:
    cells = {c: doc.cell(table, row, c) for c in ("carryover", "income", "total", "carry_forward")}
    if all(f.blank for f in cells.values()):
        return
    labels = {c: (table.columns[table.column_ids.index(c)].label or c) if c in table.column_ids else c for c in cells}
    start = Figure.total_of((cells["carryover"], cells["income"]), f"本行{labels['carryover']}与{labels['income']}之和",
                            Place.of_row(table, row, "income"))
    end = Figure.total_of((cells["total"], cells["carry_forward"]), f"本行{labels['total']}与{labels['carry_forward']}之和")
    finding = doc.compare(start, end)
    if finding:
        finding.message += "年初结转和结余加本年收入，应等于本年支出加年末结转和结余。"
        yield finding


def _fiscal_line(doc: Doc, fiscal: Table, item: str, side: str, column: str = "total") -> Figure | None:
    """The line `item` of a 总表 in `column` (a fund column only where the table prints it)."""
    row = fiscal.item(item, side)
    if row is None or (column != "total" and column not in fiscal.column_ids):
        return None
    return doc.cell(fiscal, row, column)


@rule(
    id="FINAL-TOTALS", family="cross-table", severity="error",
    title="决算：政府性基金、国有资本经营决算表合计行的年初结转和结余、本年收入、年末结转和结余应等于财政拨款收入支出决算总表的对应行；两张总表的财政拨款收入应一致",
    basis="部门决算报表格式（财政拨款收入支出决算总表与政府性基金预算财政拨款收入支出决算表相互勾稽）；domain.md §3 A5",
    needs=("fiscal_summary",),
    applies=IS_FINAL,
)
def final_totals(doc: Doc) -> Iterator[Finding]:
    fiscal = doc.table("fiscal_summary")
    for fund, table_id in FUND_TABLES.items():
        table = doc.table(table_id)
        total = total_row(table) if table is not None else None
        if total is None or not has_columns(table, "income"):
            continue
        carry_forward = _fiscal_line(doc, fiscal, f"carry_forward_{fund}", "expenditure") or \
            _fiscal_line(doc, fiscal, "carry_forward", "expenditure", fund)
        pairs = (("carryover", _fiscal_line(doc, fiscal, f"carryover_{fund}", "income")),
                 ("income", _fiscal_line(doc, fiscal, fund, "income")),
                 ("carry_forward", carry_forward))
        for column, expected in pairs:
            if expected is None:
                continue
            finding = doc.compare(doc.cell(table, total, column), expected)
            if finding:
                yield finding
    summary = doc.table("summary")
    if summary is None:
        return
    for fund in ("gov_fund", "state_capital"):  # 一般公共预算: XTAB-FISCAL-GENERAL
        stated, expected = _fiscal_line(doc, summary, fund, "income"), _fiscal_line(doc, fiscal, fund, "income")
        if stated is not None and expected is not None:
            finding = doc.compare(stated, expected)
            if finding:
                yield finding


# -- the budget printed beside the 决算数 ----------------------------------------------------------

_BUDGET_COLUMNS = {"年初": ("budget_initial",), "调整": ("budget_adjusted",), "调整后": ("budget_adjusted",),
                   "全年": ("budget_adjusted",), None: ("budget_initial", "budget_adjusted")}


def budget_in_table(doc: Doc, subject: str, before: str, phase: str | None) -> Figure | None:
    """The budget a 一般公共预算财政拨款支出决算表 printing 年初预算数 / 调整预算数 gives for what a narrative
    sentence names: the 类/款/项 named in `subject` (the sentence up to its amounts) or, failing that, in
    `before` (the sentence before it: "1、…(类)…(款)…(项)。"), or the table's 合计 for 一般公共预算财政拨款支出."""
    table = doc.table("general_expenditure")
    column = next((c for c in _BUDGET_COLUMNS[phase] if table is not None and c in table.column_ids), None)
    if column is None:
        return None
    named = functional_names(subject) or functional_names(before)
    if named:
        row = table.row(named[-1].code)
    else:
        row = total_row(table) if "一般公共预算财政拨款支出" in subject else None
    return None if row is None else doc.cell(table, row, column)
