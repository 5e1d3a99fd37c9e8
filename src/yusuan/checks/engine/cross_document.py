"""Rules across documents: a rule over a document and another one, its counterpart (the prior year's, or the
budget of a 决算's year). It is declared with `@cross_rule`, the metadata of `@rule` and the counterpart it
needs, and reads the facts of both documents:

    @cross_rule(id="XDOC-PRIOR-FIGURES", family="cross-table", severity="warning", title="…", basis="…",
                counterpart=Counterpart(years_back=1, unless=lists_no_prior_year))
    def prior_figures(this, prior) -> Iterable[Finding]: ...

The engine, not the rule, decides whether it can run, in this order: a rule for another kind of document is
not applicable; a document without department or year could not run; a rule whose `unless` tells why it does
not apply to the document is not applicable; a counterpart the caller's lookup does not find could not run,
and the reason names the document to add. A rule that raises could not run (`NothingToCompare`: for the reason
it gives). The lookup is the caller's (checks_xdoc's, in the archive), so the checks know no archive.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Protocol

from ...model import Unit
from .findings import Report, RuleResult, RuleStatus, Severity
from .registry import Pair, Rule, add, broken, judged, registered_rules

KIND_LABELS = {"budget": "部门预算", "final": "部门决算"}
_KIND_WORDS = {"budget": "预算", "final": "决算"}
_OTHER_KIND = {"budget": "final", "final": "budget"}


class Facts(Protocol):
    """What the engine reads of a document's facts (checks_xdoc's DocumentFacts); the rules read the rest."""

    source_name: str | None
    department: str | None
    year: int | None
    kind: str
    scope: str
    unit: Unit

    @property
    def name(self) -> str:
        """How a message names the document."""
        ...


# (the document's facts, the year and the kind of the document wanted) -> that document's facts, or None
Lookup = Callable[[Any, int, str], Any]


@dataclass(frozen=True, slots=True)
class Counterpart:
    """The other document a cross-document rule reads, as the checked one's: of the year `years_back` before
    its year, and of `kind` ('same' as it, the 'other' of budget and final, 'budget' or 'final'). The rule
    applies to documents of `kinds`, unless `unless` tells why it does not apply to this one."""

    years_back: int = 0
    kind: str = "same"
    kinds: tuple[str, ...] = ("budget", "final")
    unless: Callable[[Any], str | None] | None = None

    def of(self, facts: Facts) -> tuple[int, str]:
        """The counterpart's year and kind (of a document whose year is known)."""
        kind = facts.kind if self.kind == "same" else _OTHER_KIND[facts.kind] if self.kind == "other" else self.kind
        return facts.year - self.years_back, kind


class NothingToCompare(Exception):
    """Raised by a cross-document rule whose counterpart lists none of what it compares: the rule could not run,
    for the reason given."""


def cross_rule(*, id: str, family: str, severity: Severity, title: str, basis: str,
               counterpart: Counterpart) -> Callable[[Pair], Pair]:
    def register(check: Pair) -> Pair:
        add(Rule(id, family, severity, title, basis, (), None, check, counterpart))
        return check

    return register


def cross_document_rules() -> list[Rule]:
    """Every cross-document rule registered (importing checks_xdoc registers them)."""
    return registered_rules(across_documents=True)


def run_cross_rule(rule_: Rule, facts: Facts, find: Lookup) -> RuleResult:
    need = rule_.counterpart
    if facts.kind not in need.kinds:
        return RuleResult(rule_, RuleStatus.not_applicable,
                          reason="仅适用于" + "、".join(_KIND_WORDS.get(k, k) for k in need.kinds))
    unknown = [label for label, value in (("部门名称", facts.department), ("年度", facts.year)) if not value]
    if unknown:
        return RuleResult(rule_, RuleStatus.could_not_run, reason="未识别到：" + "、".join(unknown))
    if need.unless is not None and (why := need.unless(facts)):
        return RuleResult(rule_, RuleStatus.not_applicable, reason=why)
    year, kind = need.of(facts)
    other = find(facts, year, kind)
    if other is None:
        return RuleResult(rule_, RuleStatus.could_not_run, reason=_absent(facts, year, kind))
    try:
        findings = list(rule_.check(facts, other))
    except NothingToCompare as why:
        return RuleResult(rule_, RuleStatus.could_not_run, reason=str(why))
    except Exception as error:  # a broken rule must not hide the results of the others
        return broken(rule_, error)
    return judged(rule_, findings, counterpart=other.name)


def _absent(facts: Facts, year: int, kind: str) -> str:
    scope = "（单位）" if facts.scope == "单位" else ""
    return (f"档案中没有{facts.department}{scope} {year} 年的{KIND_LABELS.get(kind, kind)}，无法比较。"
            "请先用 yusuan db add 加入该文件。")


def run_cross_rules(facts: Facts, find: Lookup, rules: Iterable[Rule] | None = None) -> Report:
    """Run `rules` (default: every cross-document rule) over one document; `find` looks up its counterparts."""
    results = [run_cross_rule(r, facts, find) for r in (cross_document_rules() if rules is None else rules)]
    return Report(facts.source_name, facts.department, facts.year, facts.unit.value, results)
