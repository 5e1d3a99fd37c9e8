"""The cross-document rules on another year: what this document says of it, against that year's document.

Amounts are compared in 万元, with the checker's rounding allowance: a difference that rounding of
the printed figures can explain is reported as info, never as a problem. A figure the other
document prints in several places (收支总表 and 支出总表) agrees when it agrees with one of them.
"""

from __future__ import annotations

from decimal import Decimal

from ..archive.metrics import metric_label
from ..checks.engine.cross_document import Counterpart, NothingToCompare, cross_rule
from ..checks.engine.findings import NARRATIVE, Finding, Place
from ..checks.engine.tolerance import DEFAULT_TOLERANCE, Verdict, judge
from ..checks.engine.wording import amount
from ..checks.rules.narrative.changes import signed_change
from ..model import TABLE_TITLES, Claim, Unit, convert
from ..prose.scopes import split_scope
from .facts import DocumentFacts, Printed

WAN = Unit.wanyuan
_CENT = Decimal("0.01")
_HINT = "若比较的是调整后预算或执行数，请在说明中写明。"


def _states_no_prior_change(this: DocumentFacts) -> str | None:
    prior = this.year - 1
    return None if changes_against(this, prior) else f"情况说明没有写明与 {prior} 年相比的增减"


@cross_rule(id="XDOC-PRIOR-CHANGE", family="narrative", severity="warning",
            title="情况说明所述与上年相比的增减额，应与档案中上年文件所列的数一致", basis="domain.md §3 N1、N4（跨文件）",
            counterpart=Counterpart(years_back=1, unless=_states_no_prior_change))
def prior_change(this: DocumentFacts, prior: DocumentFacts) -> list[Finding]:
    """The changes the narrative states against the prior year, against the prior year's document."""
    return _stated_changes(this, prior, f" {prior.year} 年")


def _lists_no_prior_year(this: DocumentFacts) -> str | None:
    prior = this.year - 1
    return None if any(year == prior for year, _ in this.figures) else f"本文件没有列出 {prior} 年的数"


@cross_rule(id="XDOC-PRIOR-FIGURES", family="cross-table", severity="warning",
            title="本文件所列上年数（“三公”经费表、上年预算数栏），应与档案中上年文件所列的数一致",
            basis="domain.md §3 N4（跨文件）", counterpart=Counterpart(years_back=1, unless=_lists_no_prior_year))
def prior_figures(this: DocumentFacts, prior: DocumentFacts) -> list[Finding]:
    """The prior year's figures this document prints, against the prior year's document."""
    findings, checked = prior_figure_findings(this, prior)
    if checked == 0:
        raise NothingToCompare(f"档案中 {prior.name}没有列出可比的数")
    return findings


def _states_no_change_against_budget(final: DocumentFacts) -> str | None:
    return None if changes_against(final, final.year) else f"情况说明没有写明与 {final.year} 年预算相比的增减"


@cross_rule(id="XDOC-FINAL-BUDGET", family="narrative", severity="warning",
            title="决算所述与年初预算相比的增减额，应与档案中同年预算所列的数一致", basis="domain.md §3 N4（跨文件）",
            counterpart=Counterpart(kind="budget", kinds=("final",), unless=_states_no_change_against_budget))
def final_budget(final: DocumentFacts, budget: DocumentFacts) -> list[Finding]:
    """The changes a final states against the year's budget, against that budget."""
    return _stated_changes(final, budget, f" {final.year} 年预算")


def _stated_changes(this: DocumentFacts, other: DocumentFacts, basis: str) -> list[Finding]:
    findings, checked = stated_change_findings(this, other, other.year, basis)
    if checked == 0:
        raise NothingToCompare(f"档案中 {other.name}没有列出情况说明所比较的数")
    return findings


def shown(value: Decimal, unit: Unit | str) -> str:
    """An amount as a message prints it: at most two decimals when that is exact."""
    return amount(value.quantize(_CENT) if value == value.quantize(_CENT) else value, unit)


def tolerance_for(*units: Unit) -> Decimal:
    """In 万元: the last printed digit of the coarsest unit involved."""
    return max(convert(DEFAULT_TOLERANCE, unit, WAN) for unit in units)


def closest(stated: Decimal, candidates: list[Printed], tolerance: Decimal, figures: int) -> tuple[Verdict, Printed]:
    """How `stated` (万元) compares with the best of the other document's printed places."""
    judged = [(judge(stated, c.amount, figures, tolerance), c) for c in candidates]
    for wanted in (Verdict.equal, Verdict.rounding):
        for verdict, candidate in judged:
            if verdict == wanted:
                return verdict, candidate
    return Verdict.mismatch, min(candidates, key=lambda c: abs(c.amount - stated))


def _change_phrase(change: Decimal, unit: Unit, basis: str) -> str:
    if change == 0:
        return f"与{basis}持平"
    return f"比{basis}{'增加' if change > 0 else '减少'} {shown(abs(change), unit)}"


def changes_against(facts: DocumentFacts, compared_year: int) -> list[Claim]:
    """Claims that state a change against `compared_year` (the year the sentence names; never assumed)."""
    return [c for c in facts.claims if c.compared_year == compared_year and signed_change(c) is not None]


def stated_change_findings(current: DocumentFacts, other: DocumentFacts, compared_year: int,
                           basis: str) -> tuple[list[Finding], int]:
    """Findings about stated changes, and how many claims the other document let us check."""
    findings, checked = [], 0
    for claim in changes_against(current, compared_year):
        # a subject of one fund (basic@general_budget) against the places of every scope: it must agree with one
        candidates = other.printed(compared_year, claim.subject) or other.printed(compared_year,
                                                                                  split_scope(claim.subject)[0])
        if not candidates:
            continue
        checked += 1
        change = signed_change(claim)
        implied = claim.value - change  # what the sentence says the other year's figure was
        tolerance = tolerance_for(claim.unit, other.unit)
        verdict, match = closest(convert(implied, claim.unit, WAN), candidates, tolerance, figures=3)
        if verdict != Verdict.equal:
            findings.append(_change_finding(claim, change, implied, match, other, basis, verdict))
    return findings, checked


def _change_finding(claim: Claim, change: Decimal, implied: Decimal, match: Printed, other: DocumentFacts,
                    basis: str, verdict: Verdict) -> Finding:
    listed = convert(match.amount, WAN, claim.unit)
    expected = claim.value - listed
    message = (f"情况说明中“{claim.label}”为 {shown(claim.value, claim.unit)}、"
               f"{_change_phrase(change, claim.unit, basis)}，即{basis}为 {shown(implied, claim.unit)}；"
               f"档案中 {other.name}所列为 {shown(listed, claim.unit)}，按此应{_change_phrase(expected, claim.unit, basis)}"
               f"（相差 {shown(abs(change - expected), claim.unit)}）。")
    if verdict == Verdict.rounding:
        return Finding.mismatch(Place.of_claim(claim), change, expected, message + "差额在四舍五入误差之内，视为一致。", "info")
    return Finding.mismatch(Place.of_claim(claim), change, expected, message + _HINT)


def _where(origin: str) -> tuple[str, str]:
    """(table id for the finding's place, how the message names it)."""
    if origin.startswith("table:"):
        table_id = origin.split(":", 1)[1]
        return table_id, f"「{TABLE_TITLES.get(table_id, table_id)}」"
    return NARRATIVE, "情况说明"


def prior_figure_findings(current: DocumentFacts, other: DocumentFacts) -> tuple[list[Finding], int]:
    """The prior year's figures this document prints, against the prior year's own document."""
    prior_year = current.year - 1
    findings, checked = [], 0
    for (year, metric), printed in sorted(current.figures.items()):
        candidates = other.printed(prior_year, metric)
        if year != prior_year or not candidates:
            continue
        for stated in printed:
            checked += 1
            verdict, match = closest(stated.amount, candidates, tolerance_for(current.unit, other.unit), figures=2)
            if verdict != Verdict.equal:
                findings.append(_figure_finding(current, other, metric, stated, match, verdict))
    return findings, checked


def _figure_finding(current: DocumentFacts, other: DocumentFacts, metric: str, stated: Printed, match: Printed,
                    verdict: Verdict) -> Finding:
    unit = current.unit
    said, listed = convert(stated.amount, WAN, unit), convert(match.amount, WAN, unit)
    table_id, where = _where(stated.origin)
    label = metric_label(metric)
    message = (f"本文件{where}所列 {current.year - 1} 年{label}为 {shown(said, unit)}，"
               f"与档案中 {other.name}所列 {shown(listed, unit)}不一致（相差 {shown(abs(said - listed), unit)}）。")
    place = Place(table=table_id, name=label)
    if verdict == Verdict.rounding:
        return Finding.mismatch(place, said, listed, message + "差额在四舍五入误差之内，视为一致。", "info")
    return Finding.mismatch(place, said, listed, message + "若上年数采用调整后预算，请在表中注明。")
