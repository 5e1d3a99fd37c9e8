"""Cross-document checks: a document against the archive's documents of other years and kinds.

    report = check_archived(archive, document_id)     # an archived document
    report = check_disclosure(archive, disclosure)    # a document in hand, before or without adding it

Each check names the other document it used. When the archive does not hold that document the
check "could not run" (and says which document it needs); it never guesses a figure.
"""

from __future__ import annotations

import duckdb

from ..archive import Archive
from ..model import Disclosure
from .facts import KIND_LABELS, DocumentFacts, facts_of_archived, facts_of_disclosure, find_counterpart
from .pairs import FINAL_BUDGET_FIGURES, budget_figure_findings
from .results import XdocReport, XdocResult, XdocRule
from .rules import (FINAL_BUDGET, PRIOR_CHANGE, PRIOR_FIGURES, changes_against, prior_figure_findings,
                    stated_change_findings)

XDOC_RULES: tuple[XdocRule, ...] = (PRIOR_CHANGE, PRIOR_FIGURES, FINAL_BUDGET, FINAL_BUDGET_FIGURES)


def _unknown_identity(facts: DocumentFacts) -> str | None:
    missing = [label for label, value in (("部门名称", facts.department), ("年度", facts.year)) if not value]
    return "未识别到：" + "、".join(missing) if missing else None


def _absent(facts: DocumentFacts, year: int, kind: str) -> str:
    scope = "（单位）" if facts.scope == "单位" else ""
    return (f"档案中没有{facts.department}{scope} {year} 年的{KIND_LABELS.get(kind, kind)}，无法比较。"
            "请先用 yusuan db add 加入该文件。")


def _stated_changes(cur, facts: DocumentFacts, rule: XdocRule, year: int, kind: str, basis: str) -> XdocResult:
    if not changes_against(facts, year):
        return XdocResult.not_applicable(rule, f"情况说明没有写明与{basis}相比的增减")
    other = find_counterpart(cur, facts, year, kind)
    if other is None:
        return XdocResult.could_not_run(rule, _absent(facts, year, kind))
    findings, checked = stated_change_findings(facts, other, year, basis)
    if checked == 0:
        return XdocResult.could_not_run(rule, f"档案中 {other.name}没有列出情况说明所比较的数")
    return XdocResult.judged(rule, findings, other.name)


def prior_change(cur, facts: DocumentFacts) -> XdocResult:
    if reason := _unknown_identity(facts):
        return XdocResult.could_not_run(PRIOR_CHANGE, reason)
    prior = facts.year - 1
    return _stated_changes(cur, facts, PRIOR_CHANGE, prior, facts.kind, f" {prior} 年")


def final_budget(cur, facts: DocumentFacts) -> XdocResult:
    if facts.kind != "final":
        return XdocResult.not_applicable(FINAL_BUDGET, "仅适用于决算")
    if reason := _unknown_identity(facts):
        return XdocResult.could_not_run(FINAL_BUDGET, reason)
    return _stated_changes(cur, facts, FINAL_BUDGET, facts.year, "budget", f" {facts.year} 年预算")


def prior_figures(cur, facts: DocumentFacts) -> XdocResult:
    if reason := _unknown_identity(facts):
        return XdocResult.could_not_run(PRIOR_FIGURES, reason)
    prior = facts.year - 1
    if not any(year == prior for year, _ in facts.figures):
        return XdocResult.not_applicable(PRIOR_FIGURES, f"本文件没有列出 {prior} 年的数")
    other = find_counterpart(cur, facts, prior, facts.kind)
    if other is None:
        return XdocResult.could_not_run(PRIOR_FIGURES, _absent(facts, prior, facts.kind))
    findings, checked = prior_figure_findings(facts, other)
    if checked == 0:
        return XdocResult.could_not_run(PRIOR_FIGURES, f"档案中 {other.name}没有列出可比的数")
    return XdocResult.judged(PRIOR_FIGURES, findings, other.name)


def final_budget_figures(cur, facts: DocumentFacts) -> XdocResult:
    """Budget and final of one year, checked from either: the final's 年初预算数 against the budget."""
    rule = FINAL_BUDGET_FIGURES
    if reason := _unknown_identity(facts):
        return XdocResult.could_not_run(rule, reason)
    if facts.kind == "final" and not facts.budget_figures:
        return XdocResult.not_applicable(rule, "本文件没有列出本年预算数（“三公”经费表的预算数）")
    other_kind = "budget" if facts.kind == "final" else "final"
    other = find_counterpart(cur, facts, facts.year, other_kind)
    if other is None:
        return XdocResult.could_not_run(rule, _absent(facts, facts.year, other_kind))
    final, budget = (facts, other) if facts.kind == "final" else (other, facts)
    if not final.budget_figures:
        return XdocResult.could_not_run(rule, f"档案中 {final.name}没有列出本年预算数（“三公”经费表的预算数）")
    findings, checked = budget_figure_findings(final, budget, facts.kind)
    if checked == 0:
        return XdocResult.could_not_run(rule, f"档案中 {other.name}没有列出可比的数")
    return XdocResult.judged(rule, findings, other.name)


def run_xdoc(cur: duckdb.DuckDBPyConnection, facts: DocumentFacts) -> XdocReport:
    return XdocReport(facts.name, [prior_change(cur, facts), prior_figures(cur, facts), final_budget(cur, facts),
                                   final_budget_figures(cur, facts)])


def check_archived(archive: Archive, document_id: int) -> XdocReport | None:
    with archive.cursor() as cur:
        facts = facts_of_archived(cur, document_id)
        return None if facts is None else run_xdoc(cur, facts)


def check_disclosure(archive: Archive, disclosure: Disclosure) -> XdocReport:
    with archive.cursor() as cur:
        return run_xdoc(cur, facts_of_disclosure(disclosure))


__all__ = ["XDOC_RULES", "XdocReport", "XdocResult", "XdocRule", "check_archived", "check_disclosure", "run_xdoc"]
