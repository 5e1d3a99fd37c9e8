"""The figures the narrative states, each derived from the ledger (never typed twice)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..classification import catalog
from .facts import THREE_PUBLIC_ITEMS
from .ledger import ZERO, Ledger
from .validate import PERSONNEL_CLASSES

GENERAL = ("general_budget",)


@dataclass(frozen=True)
class ClassLine:
    code: str
    name: str
    total: Decimal
    prior: Decimal | None


def prior_total(ledger: Ledger) -> Decimal:
    prior = ledger.facts.prior_year
    return prior.basic + prior.project + prior.gov_fund + prior.state_capital + prior.other


def only_general(ledger: Ledger) -> bool:
    """All money, this year and last, is 一般公共预算拨款: then the totals split into 基本 and 项目 alike."""
    prior = ledger.facts.prior_year
    return ledger.total() == ledger.total(GENERAL) and not (prior.gov_fund or prior.state_capital or prior.other)


def classes(ledger: Ledger, sources: tuple[str, ...] | None) -> list[ClassLine]:
    """Each 类 with money from `sources`, with its 上年预算数 where the 项 lines give one."""
    found: dict[str, list[Decimal | None]] = {}
    for (code, source), line in sorted(ledger.lines.items()):
        if sources is not None and source not in sources:
            continue
        total, prior = found.setdefault(code[:3], [ZERO, None])
        prior = line.prior if prior is None else prior + (line.prior or ZERO)
        found[code[:3]] = [total + line.total, prior]
    lines = [ClassLine(code, catalog("functional").name_of(code) or ledger.names.get(code, code), total, prior)
             for code, (total, prior) in found.items()]
    return [line for line in lines if line.total or line.prior]


def three_public(items: dict[str, Decimal]) -> dict[str, Decimal]:
    found = {item: items.get(item, ZERO) for item in THREE_PUBLIC_ITEMS}
    found["vehicle"] = found["vehicle_purchase"] + found["vehicle_operation"]
    found["total"] = found["overseas"] + found["vehicle"] + found["reception"]
    return found


def public_total(ledger: Ledger) -> Decimal:
    return sum((amount for code, amount in ledger.economic.items() if code[:3] not in PERSONNEL_CLASSES), ZERO)


def personnel_total(ledger: Ledger) -> Decimal:
    return sum(ledger.economic.values(), ZERO) - public_total(ledger)
