"""The two-sided tables: 部门收支总表 and 财政拨款收支总表 (income items | expenditure by 类)."""

from __future__ import annotations

from decimal import Decimal

from ..classification import catalog
from ..model import Column, Row, Table
from .facts import FISCAL_SOURCES, SOURCES
from .functional_tables import table_title
from .hierarchy import cell
from .ledger import ZERO, Ledger

# Every 类 is printed, with or without money, as the template does; these two never occur in a 部门预算.
_NOT_IN_DEPARTMENT_BUDGETS = {"227", "231"}
INCOME_NAMES = {
    "general_budget": "一般公共预算拨款收入", "gov_fund": "政府性基金预算拨款收入",
    "state_capital": "国有资本经营预算拨款收入", "special_account": "财政专户管理资金收入", "operating": "事业收入",
    "superior_subsidy": "上级补助收入", "subordinate": "附属单位上缴收入", "business": "事业单位经营收入",
    "other": "其他收入",
}
SUMMARY_INCOME_ORDER = ("general_budget", "gov_fund", "state_capital", "special_account", "operating",
                        "superior_subsidy", "subordinate", "business", "other")
FISCAL_NAMES = {"general_budget": "一般公共预算拨款", "gov_fund": "政府性基金预算拨款", "state_capital": "国有资本经营预算拨款"}


def class_codes(ledger: Ledger) -> list[str]:
    printed = {e.code for e in catalog("functional").entries() if e.level == "类"} - _NOT_IN_DEPARTMENT_BUDGETS
    return sorted(printed | {code[:3] for code in ledger.codes()})


def _class_total(ledger: Ledger, class_code: str, sources: tuple[str, ...]) -> Decimal:
    return sum((line.total for (code, source), line in ledger.lines.items()
                if code.startswith(class_code) and source in sources), ZERO)


def _income(item: str, name: str, value: Decimal | None) -> Row:
    return Row(name=name, item=item, side="income", values={"total": cell(value)})


def _expenditure(item: str | None, name: str, values: dict[str, Decimal | None], code: str | None = None) -> Row:
    return Row(code=code, name=name, item=item, side="expenditure", values={k: cell(v) for k, v in values.items()})


def summary_table(ledger: Ledger) -> Table:
    total = ledger.total()
    income = [_income(s, INCOME_NAMES[s], ledger.source_total(s)) for s in SUMMARY_INCOME_ORDER]
    income += [_income("income_total", "本年收入合计", total), _income("carryover", "上年结转", None),
               _income("grand_total", "收入总计", total)]
    spending = [_expenditure(None, ledger.names.get(c) or catalog("functional").name_of(c) or c,
                             {"total": _class_total(ledger, c, SOURCES)}, c) for c in class_codes(ledger)]
    spending += [_expenditure("expenditure_total", "本年支出合计", {"total": total}),
                 _expenditure("carry_forward", "结转下年", {"total": None}),
                 _expenditure("grand_total", "支出总计", {"total": total})]
    return Table(id="summary", title=table_title(ledger, "部门收支总表"), unit=ledger.facts.unit,
                 columns=[Column(id="total", label="预算数")], rows=income + spending)


def _fiscal_values(ledger: Ledger, class_code: str | None) -> dict[str, Decimal | None]:
    def of(source: str) -> Decimal:
        if class_code is None:
            return ledger.source_total(source)
        return _class_total(ledger, class_code, (source,))

    by_source = {s: of(s) for s in FISCAL_SOURCES}
    return {"total": sum(by_source.values(), ZERO), **by_source}


def fiscal_summary_table(ledger: Ledger) -> Table:
    fiscal = ledger.total(FISCAL_SOURCES)
    income = [_income("income_total", "本年收入", fiscal)]
    income += [_income(s, FISCAL_NAMES[s], ledger.source_total(s)) for s in FISCAL_SOURCES]
    income += [_income("carryover", "上年结转", None)]
    income += [_income(f"carryover_{s}", FISCAL_NAMES[s], None) for s in FISCAL_SOURCES]
    income += [_income("grand_total", "收入总计", fiscal)]
    spending = [_expenditure("expenditure_total", "本年支出", _fiscal_values(ledger, None))]
    spending += [_expenditure(None, catalog("functional").name_of(c) or ledger.names.get(c, c),
                              _fiscal_values(ledger, c), c) for c in class_codes(ledger)]
    spending += [_expenditure("carry_forward", "结转下年", {"total": None}),
                 _expenditure("grand_total", "支出总计", {"total": fiscal})]
    columns = [Column(id="total", label="合计")] + [Column(id=s, label=FISCAL_NAMES[s].removesuffix("拨款"))
                                                    for s in FISCAL_SOURCES]
    return Table(id="fiscal_summary", title=table_title(ledger, "财政拨款收支总表"), unit=ledger.facts.unit,
                 columns=columns, rows=income + spending)
