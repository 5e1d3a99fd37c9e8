"""Tables whose rows are 支出功能分类 lines: 收入总表, 支出总表, 一般公共预算/政府性基金/国有资本经营预算支出表."""

from __future__ import annotations

from decimal import Decimal

from ..model import COLUMN_LABELS, Column, Table, Unit
from .facts import SOURCES
from .hierarchy import Values, coded_rows
from .ledger import Ledger

# 收入总表 columns, in the order the recognizer assumes for a header it cannot read.
REVENUE_COLUMNS = ("total", "carryover", "general_budget", "gov_fund", "state_capital", "operating",
                   "special_account", "superior_subsidy", "subordinate", "business", "other")
REVENUE_LABELS = {
    "total": "合计", "carryover": "上年结转", "general_budget": "一般公共预算拨款收入",
    "gov_fund": "政府性基金预算拨款收入", "state_capital": "国有资本经营预算拨款收入", "operating": "事业收入",
    "special_account": "财政专户管理资金收入", "superior_subsidy": "上级补助收入", "subordinate": "附属单位上缴收入",
    "business": "事业单位经营收入", "other": "其他收入",
}
SPLIT_COLUMNS = ("total", "basic", "project")

EMPTY_NOTES = {
    "gov_fund_expenditure": "本部门{year}年没有使用政府性基金预算拨款安排的支出，故本表为空表。",
    "state_capital_expenditure": "本部门{year}年没有使用国有资本经营预算拨款安排的支出，故本表为空表。",
}


def table_title(ledger: Ledger, name: str) -> str:
    return f"{ledger.facts.department}{ledger.facts.year}年{name}"


def _columns(ids: tuple[str, ...], labels: dict[str, str] | None = None) -> list[Column]:
    return [Column(id=c, label=(labels or {}).get(c, COLUMN_LABELS.get(c, c))) for c in ids]


def _unit(ledger: Ledger) -> Unit:
    return ledger.facts.unit


def revenue_table(ledger: Ledger) -> Table:
    def values(code: str) -> Values:
        by_source: Values = {s: ledger.lines[(code, s)].total for s in SOURCES if (code, s) in ledger.lines}
        return {"total": sum((v for v in by_source.values() if v is not None), Decimal(0)), **by_source}

    rows = coded_rows(ledger.codes(), values, ledger.names.__getitem__, list(REVENUE_COLUMNS))
    return Table(id="revenue", title=table_title(ledger, "部门收入总表"), unit=_unit(ledger),
                 columns=_columns(REVENUE_COLUMNS, REVENUE_LABELS), rows=rows)


def split_table(ledger: Ledger, table_id: str, name: str, sources: tuple[str, ...], with_prior: bool = False) -> Table:
    """合计 / 基本支出 / 项目支出 by 项 for the money of `sources` (and the 上年预算数 when asked)."""
    columns = (("prior_year",) if with_prior else ()) + SPLIT_COLUMNS

    def values(code: str) -> Values:
        line = ledger.line(code, sources)
        found: Values = {"total": line.total, "basic": line.basic, "project": line.project}
        if with_prior:
            found["prior_year"] = line.prior
        return found

    codes = ledger.codes(sources)
    rows = coded_rows(codes, values, ledger.names.__getitem__, list(columns))
    note = EMPTY_NOTES[table_id].format(year=ledger.facts.year) if not codes and table_id in EMPTY_NOTES else None
    labels = {"prior_year": f"{ledger.facts.year - 1}年预算数"}
    return Table(id=table_id, title=table_title(ledger, name), unit=_unit(ledger),
                 columns=_columns(columns, labels), rows=rows, note=note)


def functional_tables(ledger: Ledger) -> list[Table]:
    return [
        revenue_table(ledger),
        split_table(ledger, "expenditure", "部门支出总表", tuple(SOURCES)),
        split_table(ledger, "general_expenditure", "一般公共预算财政拨款支出表", ("general_budget",),
                    with_prior=ledger.has_prior_lines),
        split_table(ledger, "gov_fund_expenditure", "政府性基金预算支出表", ("gov_fund",)),
        split_table(ledger, "state_capital_expenditure", "国有资本经营预算支出表", ("state_capital",)),
    ]
