"""Leaf facts -> the whole Disclosure: every table, the project list, the targets and the narrative.

Nothing derived is typed: totals, roll-ups, cross-table figures and changes are computed here, so
the result passes `yusuan check` by construction (tests/compose/test_derive.py runs the checker).
"""

from __future__ import annotations

from ..errors import YusuanError
from ..model import PRINT_ORDER, Disclosure
from .facts import BudgetInput
from .final_tables import final_tables
from .functional_tables import functional_tables
from .ledger import build_ledger
from .narrative import compose_narrative
from .narrative_final import compose_final_narrative
from .other_tables import basic_expenditure_table, procurement_table, project_table, projects, three_public_table
from .performance import overall_table, project_tables
from .summary_tables import fiscal_summary_table, summary_table
from .validate import Problem, problems


class InconsistentFacts(YusuanError):
    """The facts contradict each other; `problems` says where and what to enter."""

    def __init__(self, found: list[Problem]):
        self.problems = found
        lines = "\n".join(f"- {p.message}" for p in found)
        super().__init__(f"输入的数据有 {len(found)} 处需要修改：\n{lines}")


def derive(facts: BudgetInput, strict: bool = True) -> Disclosure:
    """The disclosure the facts make. Raises InconsistentFacts on an error (and, `strict`, on nothing else)."""
    errors = [p for p in problems(facts) if p.severity == "error"]
    if errors and strict:
        raise InconsistentFacts(errors)
    ledger = build_ledger(facts)
    if facts.kind == "final":
        return _final(facts, ledger)
    listed = projects(ledger)
    tables = [summary_table(ledger), *functional_tables(ledger), fiscal_summary_table(ledger),
              basic_expenditure_table(ledger), three_public_table(ledger), procurement_table(ledger),
              project_table(ledger, listed)]
    return Disclosure(
        department=facts.department, year=facts.year, kind="budget", scope="部门", unit=facts.unit,
        member_units=list(facts.member_units), tables={t.id: t for t in _in_print_order(tables)}, projects=listed,
        performance_overall=overall_table(facts, ledger.total()), performance_projects=project_tables(facts, listed),
        narrative=compose_narrative(ledger), source_name=None, reader="compose",
    )


def _final(facts: BudgetInput, ledger) -> Disclosure:
    """A 部门决算: its nine tables and narrative; no project list and no targets (a 决算 prints neither)."""
    tables = final_tables(ledger)
    return Disclosure(
        department=facts.department, year=facts.year, kind="final", scope="部门", unit=facts.unit,
        member_units=list(facts.member_units), tables={t.id: t for t in _in_print_order(tables)},
        narrative=compose_final_narrative(ledger), source_name=None, reader="compose",
    )


def _in_print_order(tables):
    by_id = {t.id: t for t in tables}
    return [by_id[i] for i in PRINT_ORDER if i in by_id]
