"""A document's headline figures (三公, 基本/项目, 类 structure, 运行经费, ...) in 万元, per year, as archived.

Where a figure is printed is the checker's knowledge (`claim_targets.figures_for`); this module only
asks it, for the budget year and for the prior year the tables also print (三公 table,
上年预算数 column), and falls back to what the narrative states when no table prints the figure.
Every place that prints a figure is kept, in order (`rank` 0 first): a cross-document check
accepts agreement with any of them, as the checker does within a document.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..model import Disclosure, Unit, convert
from ..model.metrics import FISCAL_FUNCTIONAL, FUNCTIONAL, NARRATIVE_ONLY, TABLE_METRICS, functional_metric
from .engine.context import Doc
from .engine.figures import Figure
from .engine.structure import is_code
from .rules.narrative.claim_targets import figures_for

# Tables whose 类 lines give the functional structure.
_FUNCTIONAL_TABLES = ("expenditure", "general_expenditure", "summary", "fiscal_summary")


@dataclass(frozen=True, slots=True)
class HeadlineFigure:
    year: int
    metric: str
    rank: int
    amount: Decimal  # 万元
    origin: str  # 'table:<id>' or 'narrative'


def _origin(figure: Figure) -> str:
    return f"table:{figure.origin[0].id}" if figure.origin else "table"


def _class_codes(disclosure: Disclosure) -> list[str]:
    codes = {r.code for t in _FUNCTIONAL_TABLES if (table := disclosure.table(t)) for r in table.rows
             if is_code(r.code) and len(r.code) == 3 and r.side != "income"}
    codes |= {c.subject.split(":", 1)[1] for c in disclosure.narrative.claims if c.subject.startswith("expenditure:")}
    return sorted(c for c in codes if is_code(c) and len(c) == 3)


def _fiscal_functional(doc: Doc, code: str) -> list[Figure]:
    """One 类 line of 一般公共预算财政拨款支出表 in the budget year."""
    table = doc.table("general_expenditure")
    row = table.row(code) if table else None
    return [doc.cell(table, row, "total")] if row is not None and row.value("total") is not None else []


def _prior_key(metric: str) -> str:
    """The prior year of a 类 is printed only in the 上年预算数 column of the fiscal table."""
    return FISCAL_FUNCTIONAL + metric[len(FUNCTIONAL):] if metric.startswith(FUNCTIONAL) else metric


class _Collector:
    def __init__(self, disclosure: Disclosure):
        self.unit = disclosure.unit
        self.found: dict[tuple[int, str], list[HeadlineFigure]] = {}

    def add(self, year: int, metric: str, amount: Decimal, origin: str, unit: Unit | None = None) -> None:
        in_wanyuan = convert(amount, unit or self.unit, Unit.wanyuan)
        known = self.found.setdefault((year, metric), [])
        if any(f.origin == origin and f.amount == in_wanyuan for f in known):
            return
        known.append(HeadlineFigure(year, metric, len(known), in_wanyuan, origin))

    def add_figures(self, year: int, metric: str, figures: list[Figure]) -> None:
        for figure in figures:
            # A cell printed empty says nothing (the 收支总表 prints every 类, mostly empty); an
            # empty fund table (no origin) does: that fund is 0.
            if not (figure.blank and figure.origin is not None):
                self.add(year, metric, figure.value, _origin(figure))

    def figures(self) -> list[HeadlineFigure]:
        return [f for found in self.found.values() for f in found]


def headline_figures(disclosure: Disclosure) -> list[HeadlineFigure]:
    """Every headline figure the document prints or states; none when its year is unknown."""
    year = disclosure.year
    if year is None:
        return []
    doc, collect = Doc(disclosure), _Collector(disclosure)
    codes = _class_codes(disclosure)
    for metric in (*TABLE_METRICS, *map(functional_metric, codes)):
        collect.add_figures(year, metric, figures_for(doc, metric))
        # the prior year as this document prints it (三公 table, 上年预算数 column); never the narrative
        collect.add_figures(year - 1, _prior_key(metric), figures_for(doc, metric, prior=True))
    for code in codes:
        collect.add_figures(year, FISCAL_FUNCTIONAL + code, _fiscal_functional(doc, code))
    _add_claims(disclosure, collect)
    return collect.figures()


def _add_claims(disclosure: Disclosure, collect: _Collector) -> None:
    """What the narrative states, where no table printed the same metric for the same year."""
    printed = set(collect.found)
    wanted = set(TABLE_METRICS) | set(NARRATIVE_ONLY)
    for claim in disclosure.narrative.claims:
        year = claim.year or disclosure.year
        metric = claim.subject
        if (year, metric) in printed or not (metric in wanted or metric.startswith("expenditure:")):
            continue
        if "@" in metric:
            continue  # of one fund only (expenditure:214@gov_fund): not the headline figure
        collect.add(year, metric, claim.value, "narrative", claim.unit)

