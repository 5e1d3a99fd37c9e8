"""Performance-target tables from the facts; the money they cover is the budget's, never typed again."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from ..model import Indicator, PerformanceTable, Project
from ..model.amounts import parse_decimal
from .facts import BudgetInput, IndicatorFacts
from .validate import level1_of, target_key


def indicator(facts: IndicatorFacts) -> Indicator:
    number = parse_decimal(facts.value) if facts.comparator else None
    return Indicator(level1=level1_of(facts), level2=facts.level2, level3=facts.level3, comparator=facts.comparator,
                     value=facts.value, number=number, unit=facts.unit, weight=facts.weight)


def overall_table(facts: BudgetInput, spending: Decimal) -> PerformanceTable | None:
    overall = facts.performance.overall
    if overall is None:
        return None
    return PerformanceTable(scope="overall", name=facts.department, fund=spending, target=overall.target,
                            indicators=[indicator(i) for i in overall.indicators])


def project_tables(facts: BudgetInput, listed: list[Project]) -> list[PerformanceTable]:
    tables = []
    for targets in facts.performance.projects:
        index = target_key(facts, targets.project)
        project = listed[index] if index is not None else None
        tables.append(PerformanceTable(
            scope="project", name=targets.name or (project.name if project else targets.project),
            department=targets.department or facts.department, implementer=targets.implementer or facts.department,
            fund=project.amount if project else None, nature=targets.nature,
            start=targets.start or date(facts.year, 1, 1), end=targets.end or date(facts.year, 12, 31),
            overview=targets.overview, basis=targets.basis, target=targets.target,
            indicators=[indicator(i) for i in targets.indicators],
            project_code=project.code if project else None,
        ))
    return tables
