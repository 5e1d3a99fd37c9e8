"""The budget and the final account of one year: the budget figures a final prints (年初预算数) against
the budget itself, whichever of the two is being checked.

A final prints the year's budget beside what was spent: the “三公”经费 table's 预算数 line
(“2024年预算数”). Checked from the final, the other document is the budget of its year; checked
from the budget, the final of its year. Without the other one the check could not run.
"""

from __future__ import annotations

from decimal import Decimal

from ..archive.metrics import metric_label
from ..checks.engine.cross_document import Counterpart, NothingToCompare, cross_rule
from ..checks.engine.findings import Finding, Place
from ..checks.engine.tolerance import Verdict
from ..model import Unit, convert
from .facts import DocumentFacts
from .rules import closest, shown, tolerance_for

WAN = Unit.wanyuan
_NO_BUDGET_LINE = "没有列出本年预算数（“三公”经费表的预算数）"


def _final_without_budget_line(this: DocumentFacts) -> str | None:
    return "本文件" + _NO_BUDGET_LINE if this.kind == "final" and not this.budget_figures else None


@cross_rule(id="XDOC-FINAL-BUDGET-FIGURES", family="cross-table", severity="warning",
            title="决算所列本年预算数（“三公”经费表的预算数），应与档案中同年部门预算所列的数一致",
            basis="财预〔2016〕143号（决算与年初预算对比说明）；domain.md §2.3-5、§3 N4（跨文件）",
            counterpart=Counterpart(kind="other", unless=_final_without_budget_line))
def final_budget_figures(this: DocumentFacts, other: DocumentFacts) -> list[Finding]:
    """Budget and final of one year, checked from either: the final's 年初预算数 against the budget."""
    final, budget = (this, other) if this.kind == "final" else (other, this)
    if not final.budget_figures:
        raise NothingToCompare(f"档案中 {final.name}{_NO_BUDGET_LINE}")
    findings, checked = budget_figure_findings(final, budget, this.kind)
    if checked == 0:
        raise NothingToCompare(f"档案中 {other.name}没有列出可比的数")
    return findings


def budget_figure_findings(final: DocumentFacts, budget: DocumentFacts,
                           checked_from: str) -> tuple[list[Finding], int]:
    """The final's printed budget figures against the budget's own; `checked_from` is 'final' or 'budget'."""
    findings, checked = [], 0
    for metric, printed in sorted(final.budget_figures.items()):
        candidates = budget.printed(budget.year, metric)
        if not candidates:
            continue
        checked += 1
        verdict, match = closest(printed, candidates, tolerance_for(final.unit, budget.unit), figures=2)
        if verdict != Verdict.equal:
            findings.append(_finding(final, budget, metric, printed, match.amount, verdict, checked_from))
    return findings, checked


def _finding(final: DocumentFacts, budget: DocumentFacts, metric: str, printed: Decimal, listed: Decimal,
             verdict: Verdict, checked_from: str) -> Finding:
    unit = final.unit if checked_from == "final" else budget.unit
    said, expected = convert(printed, WAN, unit), convert(listed, WAN, unit)
    label = metric_label(metric)
    if checked_from == "final":
        message = (f"本文件「“三公”经费表」所列 {final.year} 年{label}预算数为 {shown(said, unit)}，"
                   f"与档案中 {budget.name}所列 {shown(expected, unit)}不一致（相差 {shown(abs(said - expected), unit)}）。")
        hint = "若采用调整后预算，请在表中注明。"
    else:
        message = (f"本文件所列 {budget.year} 年{label}为 {shown(expected, unit)}，而档案中 {final.name}"
                   f"「“三公”经费表」所列年初预算数为 {shown(said, unit)}（相差 {shown(abs(said - expected), unit)}）。")
        hint = "请核对两份文件，若决算采用调整后预算，应在决算中注明。"
    place = Place(table="three_public", name=label)
    provided, other = (said, expected) if checked_from == "final" else (expected, said)
    if verdict == Verdict.rounding:
        return Finding.mismatch(place, provided, other, message + "差额在四舍五入误差之内，视为一致。", "info")
    return Finding.mismatch(place, provided, other, message + hint)
