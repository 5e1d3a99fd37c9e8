"""The nine tables of a 部门决算 (domain.md §2.1), cut from the same ledger as a budget's.

A 决算 prints the year's actual figures (决算数) under its own titles (model.FINAL_TABLE_TITLES); the
budget tables' layout serves, with the 决算 names of the carry-over lines and columns. 年初/年末结转和
结余 are not entered (docs/writing.md, Limits): they print empty, as the budget's 上年结转 does.
"""

from __future__ import annotations

from ..model import FINAL_TABLE_TITLES, Row, Table
from .facts import THREE_PUBLIC_ITEMS
from .functional_tables import functional_tables
from .ledger import Ledger
from .other_tables import _three_public_values, basic_expenditure_table, three_public_table
from .summary_tables import fiscal_summary_table, summary_table

# budget wording -> what a 决算 prints in its place
_ROW_NAMES = {
    "summary": {"carryover": "年初结转和结余", "carry_forward": "年末结转和结余"},
    "fiscal_summary": {"carryover": "年初财政拨款结转和结余", "carry_forward": "年末财政拨款结转和结余"},
}
_COLUMN_LABELS = {"summary": {"total": "决算数"}, "revenue": {"carryover": "年初结转和结余"}}


def _as_final(table: Table, ledger: Ledger) -> Table:
    table.title = f"{ledger.facts.department}{ledger.facts.year}年度{FINAL_TABLE_TITLES[table.id]}"
    names = _ROW_NAMES.get(table.id, {})
    for row in table.rows:
        row.name = names.get(row.item or "", row.name)
    labels = _COLUMN_LABELS.get(table.id, {})
    for column in table.columns:
        column.label = labels.get(column.id, column.label)
    if table.note:
        table.note = table.note.replace("故本表为空表", "故本表无数据")
    return table


def _three_public(ledger: Ledger) -> Table:
    """决算数 of the year, then its 年初预算数 when entered (conventions: the year's row first)."""
    table = three_public_table(ledger)
    facts = ledger.facts
    table.rows = [Row(name=str(facts.year), values=_three_public_values(facts.three_public.current))]
    if any(item in facts.three_public.budget for item in THREE_PUBLIC_ITEMS):
        table.rows.append(Row(name=f"{facts.year}年预算数", values=_three_public_values(facts.three_public.budget)))
    return table


def final_tables(ledger: Ledger) -> list[Table]:
    revenue, expenditure, general, gov_fund, state_capital = functional_tables(ledger)
    tables = [summary_table(ledger), revenue, expenditure, fiscal_summary_table(ledger), general,
              basic_expenditure_table(ledger), _three_public(ledger), gov_fund, state_capital]
    return [_as_final(table, ledger) for table in tables]
