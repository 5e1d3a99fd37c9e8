"""基本支出表 (economic 款), “三公”经费表, 政府采购预算表 and 项目支出表."""

from __future__ import annotations

from decimal import Decimal

from ..model import COLUMN_LABELS, Column, Project, Row, Table
from .facts import PROCUREMENT_KINDS, SPECIAL_PARTS, TARGET_PARTS, THREE_PUBLIC_ITEMS
from .functional_tables import table_title
from .hierarchy import Values, cell, coded_rows
from .ledger import ZERO, Ledger
from .validate import PERSONNEL_CLASSES

THREE_PUBLIC_COLUMNS = ("total", "overseas", "vehicle", "vehicle_purchase", "vehicle_operation", "reception")
PROCUREMENT_COLUMNS = ("total", "carryover", "general_budget", "gov_fund", "state_capital", "special_account",
                       "operating", "superior_subsidy", "subordinate", "business", "other")
PROCUREMENT_NAMES = {"goods": "货物类", "works": "工程类", "services": "服务类"}
FUNDING_COLUMNS = ("specific_target", *TARGET_PARTS, "superior_special", *SPECIAL_PARTS)


def basic_expenditure_table(ledger: Ledger) -> Table:
    def values(code: str) -> Values:
        amount = ledger.economic[code]
        personnel = code[:3] in PERSONNEL_CLASSES
        return {"total": amount, "personnel": amount if personnel else ZERO, "public": ZERO if personnel else amount}

    columns = ["total", "personnel", "public"]
    rows = coded_rows(sorted(ledger.economic), values, ledger.economic_names.__getitem__, columns)
    return Table(id="basic_expenditure", title=table_title(ledger, "一般公共预算财政拨款基本支出表"),
                 unit=ledger.facts.unit, columns=[Column(id=c, label=COLUMN_LABELS[c]) for c in columns], rows=rows)


def _three_public_values(items: dict[str, Decimal]) -> Values:
    found = {item: items.get(item, ZERO) for item in THREE_PUBLIC_ITEMS}
    vehicle = found["vehicle_purchase"] + found["vehicle_operation"]
    total = found["overseas"] + vehicle + found["reception"]
    # the 三公 table prints every figure, 0.00 included: each item must be seen to be stated
    return {"total": total, "overseas": found["overseas"], "vehicle": vehicle,
            "vehicle_purchase": found["vehicle_purchase"], "vehicle_operation": found["vehicle_operation"],
            "reception": found["reception"]}


def three_public_table(ledger: Ledger) -> Table:
    facts = ledger.facts
    rows = [Row(name=str(facts.year - 1), values=_three_public_values(facts.three_public.prior)),
            Row(name=str(facts.year), values=_three_public_values(facts.three_public.current))]
    return Table(id="three_public", title=table_title(ledger, "一般公共预算“三公”经费支出表"), unit=facts.unit,
                 columns=[Column(id=c, label=COLUMN_LABELS[c]) for c in THREE_PUBLIC_COLUMNS], rows=rows)


def _procurement_values(ledger: Ledger, kinds: tuple[str, ...]) -> Values:
    items = [i for i in ledger.facts.procurement.items if i.kind in kinds]
    by_source: dict[str, Decimal] = {}
    for item in items:
        by_source[item.source] = by_source.get(item.source, ZERO) + item.amount
    total = sum(by_source.values(), ZERO)
    return {column: cell(total if column == "total" else by_source.get(column)) for column in PROCUREMENT_COLUMNS}


def procurement_table(ledger: Ledger) -> Table:
    rows = [Row(name="合计", item="total", values=_procurement_values(ledger, PROCUREMENT_KINDS))]
    rows += [Row(name=PROCUREMENT_NAMES[k], item=k, values=_procurement_values(ledger, (k,))) for k in PROCUREMENT_KINDS]
    note = None if ledger.facts.procurement.items else f"本部门{ledger.facts.year}年没有安排政府采购预算，故本表为空表。"
    labels = {"total": "合计", "general_budget": "一般公共预算拨款", "gov_fund": "政府性基金预算拨款",
              "state_capital": "国有资本经营预算拨款", "special_account": "财政专户管理资金"}
    columns = [Column(id=c, label=labels.get(c, COLUMN_LABELS[c])) for c in PROCUREMENT_COLUMNS]
    return Table(id="procurement", title=table_title(ledger, "政府采购预算表"), unit=ledger.facts.unit,
                 columns=columns, rows=rows, note=note)


def _has_split(ledger: Ledger) -> bool:
    return any(p.funding for p in ledger.projects)


def projects(ledger: Ledger) -> list[Project]:
    split = _has_split(ledger)
    return [
        Project(code=p.code, name=p.name, budget_unit=p.budget_unit, functional_code=p.functional_code,
                functional_name=ledger.names.get(p.functional_code), amount=p.amount,
                funding={c: cell(p.funding.get(c)) for c in FUNDING_COLUMNS} if split else {})
        for p in ledger.projects
    ]


def project_table(ledger: Ledger, listed: list[Project]) -> Table:
    columns = ["amount", *FUNDING_COLUMNS] if _has_split(ledger) else ["amount"]
    rows = [Row(code=p.code, name=p.name, values={"amount": p.amount, **p.funding}) for p in listed]
    total: Values = {}
    for column in columns:
        present = [r.values[column] for r in rows if r.values.get(column) is not None]
        total[column] = sum(present, ZERO) if present else None
    note = None if listed else f"本部门{ledger.facts.year}年没有安排项目支出，故本表为空表。"
    return Table(id="project_expenditure", title=table_title(ledger, "项目支出表"), unit=ledger.facts.unit,
                 columns=[Column(id=c, label=COLUMN_LABELS[c]) for c in columns],
                 rows=[Row(name="合计", item="total", values=total), *rows], note=note)
