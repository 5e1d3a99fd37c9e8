"""The facts resolved into the figures every table is cut from: 项 lines by source, names, projects.

Nothing here is printed; derive.py and the table builders read a Ledger. A 项 line's 项目支出 is the
sum of its projects whenever the officer left it out; names come from the catalog.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ..classification import catalog, parent_of
from .facts import SPECIAL_PARTS, TARGET_PARTS, BudgetInput, ProjectFacts

ZERO = Decimal(0)


@dataclass
class LineAmounts:
    """One 项 for one source of money."""

    basic: Decimal = ZERO
    project: Decimal = ZERO
    prior: Decimal | None = None
    purpose: str | None = None
    reason: str | None = None

    @property
    def total(self) -> Decimal:
        return self.basic + self.project


@dataclass
class ProjectLine:
    code: str | None
    name: str
    budget_unit: str | None
    functional_code: str
    source: str
    amount: Decimal
    funding: dict[str, Decimal]  # every funding column, subtotals included; empty when no split is given


@dataclass
class Ledger:
    facts: BudgetInput
    lines: dict[tuple[str, str], LineAmounts] = field(default_factory=dict)  # (项 code, source)
    names: dict[str, str] = field(default_factory=dict)  # functional code -> name
    economic: dict[str, Decimal] = field(default_factory=dict)  # 款 code -> amount
    economic_names: dict[str, str] = field(default_factory=dict)
    projects: list[ProjectLine] = field(default_factory=list)

    @property
    def has_prior_lines(self) -> bool:
        return any(line.prior is not None for line in self.lines.values())

    def codes(self, sources: tuple[str, ...] | None = None) -> list[str]:
        """项 codes with money (or a prior-year amount) from any of `sources`, in code order."""
        return sorted({code for (code, source), line in self.lines.items()
                       if (sources is None or source in sources) and (line.total or line.prior)})

    def line(self, code: str, sources: tuple[str, ...]) -> LineAmounts:
        """The 项 summed over `sources` (prior-year amounts are kept for 一般公共预算 only)."""
        found = [(source, self.lines[(code, source)]) for source in sources if (code, source) in self.lines]
        prior = [line.prior for source, line in found if source == "general_budget" and line.prior is not None]
        return LineAmounts(
            basic=sum((line.basic for _, line in found), ZERO),
            project=sum((line.project for _, line in found), ZERO),
            prior=prior[0] if prior else None,
        )

    def source_total(self, source: str) -> Decimal:
        return sum((line.total for (_, s), line in self.lines.items() if s == source), ZERO)

    def total(self, sources: tuple[str, ...] | None = None) -> Decimal:
        return sum((line.total for (_, s), line in self.lines.items() if sources is None or s in sources), ZERO)

    def split(self, sources: tuple[str, ...] | None = None) -> tuple[Decimal, Decimal]:
        """(基本支出, 项目支出) over `sources` (all when None)."""
        chosen = [line for (_, s), line in self.lines.items() if sources is None or s in sources]
        return sum((x.basic for x in chosen), ZERO), sum((x.project for x in chosen), ZERO)


def functional_name(code: str, given: str | None = None) -> str | None:
    return catalog("functional").name_of(code) or given


def economic_name(code: str, given: str | None = None) -> str | None:
    return catalog("economic").name_of(code) or given


def funding_columns(project: ProjectFacts) -> dict[str, Decimal]:
    """The project list's funding cells: the parts given and their two subtotals."""
    if not project.funding:
        return {}
    parts = {part: project.funding.get(part, ZERO) for part in (*TARGET_PARTS, *SPECIAL_PARTS)}
    return {
        "specific_target": sum((parts[p] for p in TARGET_PARTS), ZERO),
        **{p: parts[p] for p in TARGET_PARTS},
        "superior_special": sum((parts[p] for p in SPECIAL_PARTS), ZERO),
        **{p: parts[p] for p in SPECIAL_PARTS},
    }


def project_amount(project: ProjectFacts) -> Decimal:
    if project.funding:
        return sum(project.funding.values(), ZERO)
    return project.amount or ZERO


def _resolve_projects(facts: BudgetInput) -> list[ProjectLine]:
    return [
        ProjectLine(p.code, p.name, p.budget_unit, p.functional_code, p.source, project_amount(p), funding_columns(p))
        for p in facts.projects
    ]


def _project_sums(projects: list[ProjectLine]) -> dict[tuple[str, str], Decimal]:
    sums: dict[tuple[str, str], Decimal] = {}
    for project in projects:
        key = (project.functional_code, project.source)
        sums[key] = sums.get(key, ZERO) + project.amount
    return sums


def _name_chain(code: str, given: str | None, names: dict[str, str]) -> None:
    """The 项 and its 款 and 类, named from the catalog (a 项 it lacks takes the officer's name)."""
    names[code] = functional_name(code, given) or code
    parent = parent_of(code)
    while parent:
        names[parent] = functional_name(parent) or parent
        parent = parent_of(parent)


def build_ledger(facts: BudgetInput) -> Ledger:
    """Resolve the facts. Call validate.problems first: this assumes consistent input."""
    ledger = Ledger(facts=facts, projects=_resolve_projects(facts))
    sums = _project_sums(ledger.projects)
    for fact in facts.functional_lines:
        key = (fact.code, fact.source)
        project = fact.project if fact.project is not None else sums.get(key, ZERO)
        # a 决算 prints no 上年 column: it is told against the 年初预算数 (fact.budget), read where told
        prior = fact.prior_year if facts.kind == "budget" else None
        ledger.lines[key] = LineAmounts(fact.basic, project, prior, fact.purpose, fact.reason)
        _name_chain(fact.code, fact.name, ledger.names)
    for key, amount in sums.items():
        if key not in ledger.lines:  # a 项 that only projects name: its 项目支出 is theirs
            ledger.lines[key] = LineAmounts(project=amount)
            _name_chain(key[0], None, ledger.names)
    for fact in facts.economic_lines:
        ledger.economic[fact.code] = fact.amount
        ledger.economic_names[fact.code] = economic_name(fact.code, fact.name) or fact.code
        parent = parent_of(fact.code)
        ledger.economic_names[parent] = economic_name(parent) or parent
    return ledger
