"""The rule registry and the runner.

A rule is a small function `Doc -> Iterable[Finding]` registered with `@rule(...)`. The engine,
not the rule, decides whether it can run: each entry of `needs` names data the rule reads (a table
id, `a|b` for any of several tables, or `projects`, `narrative`, `claims`, `performance`, or a
`Condition`); when one is missing the rule "could not run" and is never counted as passed. `applies`
names a condition under which the rule makes sense at all; when it is false the rule is "not
applicable". So is a rule on what only a budget publishes (projects, procurement, performance targets)
over a 决算 that lacks it. A rule across documents (`@cross_rule`) is a Rule too, and is run by
cross_document.py.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import TYPE_CHECKING, Any, SupportsIndex

from ...model import TABLE_TITLES, Disclosure
from ...prose.sentences import narrative_sentences
from .context import Doc, Participation
from .findings import Finding, Report, RuleResult, RuleStatus, Severity
from .parts import missing_parts
from .tolerance import DEFAULT_TOLERANCE

if TYPE_CHECKING:
    from .cross_document import Counterpart

FAMILIES: dict[str, str] = {
    "arithmetic": "行内运算",
    "rollup": "层级汇总",
    "cross-table": "表间勾稽",
    "narrative": "文字与表格",
    "completeness": "完整性与细化程度",
    "performance": "绩效目标",
    "codes": "科目编码",
    "hygiene": "文档规范",
}

Check = Callable[[Doc], Iterable[Finding]]
# a cross-document rule's check: the facts of the document and of its counterpart (cross_document.py)
Pair = Callable[[Any, Any], Iterable[Finding]]


@dataclass(frozen=True, slots=True)
class Condition:
    """Something about the document a rule depends on, named in Chinese for the report."""

    label: str
    holds: Callable[[Disclosure], bool]
    # decided before the needs: a rule for another kind of document (决算 only) is not applicable to a
    # budget, whatever data that budget lacks
    first: bool = False
    # data only a budget publishes: a 决算 without it is not lacking anything
    budget_only: bool = False


# A 决算 publishes its nine tables and a narrative: no project list, procurement table or
# performance targets. A rule that needs one of these does not apply to a 决算 that lacks it.
BUDGET_ONLY = frozenset({
    "projects", "performance", "performance_overall", "performance_projects", "project_expenditure", "procurement",
})


def _table_present(table_id: str) -> Condition:
    return Condition(TABLE_TITLES.get(table_id, table_id), lambda d: table_id in d.tables)


_NAMED: dict[str, Condition] = {
    "projects": Condition("项目支出明细", lambda d: bool(d.projects)),
    # headings alone (a file of tables lists them on its contents page) are no 情况说明
    "narrative": Condition("情况说明文字", lambda d: bool(d.narrative.claims)
                           or any(s.text.strip() for s in d.narrative.sections)),
    "claims": Condition("情况说明中的金额", lambda d: bool(d.narrative.claims)),
    "performance": Condition(
        "绩效目标表", lambda d: bool(d.performance_projects) or d.performance_overall is not None
    ),
    "performance_overall": Condition("整体绩效目标表", lambda d: d.performance_overall is not None),
    "performance_projects": Condition("项目绩效目标表", lambda d: bool(d.performance_projects)),
    "year": Condition("预算年度", lambda d: d.year is not None),
    "department": Condition("部门名称", lambda d: bool(d.department)),
}


def _any_of(conditions: list[Condition]) -> Condition:
    return Condition("或".join(c.label for c in conditions), lambda d: any(c.holds(d) for c in conditions),
                     budget_only=all(c.budget_only for c in conditions))


def need(spec: str | Condition) -> Condition:
    """'general_expenditure', 'expenditure|general_expenditure', 'projects', ... as a Condition."""
    if isinstance(spec, Condition):
        return spec
    options = [_one(name) for name in spec.split("|")]
    return options[0] if len(options) == 1 else _any_of(options)


def _one(name: str) -> Condition:
    condition = _NAMED.get(name) or _table_present(name)
    return replace(condition, budget_only=True) if name in BUDGET_ONLY else condition


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    family: str
    severity: Severity
    title: str  # one line, Chinese
    basis: str  # the regulation or domain rule it rests on
    needs: tuple[Condition, ...]
    applies: Condition | None
    check: Check | Pair
    counterpart: Counterpart | None = None  # the other document a cross-document rule reads

    @property
    def family_title(self) -> str:
        return FAMILIES[self.family]

    def __reduce_ex__(self, protocol: SupportsIndex) -> str | tuple[Any, ...]:
        # a registered rule holds closures (its conditions): it goes to another process (a report checked
        # in a child under a time limit) by its id, and is the same rule there
        if _REGISTRY.get(self.id) is self:
            return (_registered, (self.id,))
        return object.__reduce_ex__(self, protocol)


def _registered(rule_id: str) -> Rule:
    return _REGISTRY[rule_id]


_REGISTRY: dict[str, Rule] = {}


def rule(*, id: str, family: str, severity: Severity, title: str, basis: str,
         needs: Iterable[str | Condition] = (), applies: Condition | None = None) -> Callable[[Check], Check]:
    def register(check: Check) -> Check:
        add(Rule(id, family, severity, title, basis, tuple(map(need, needs)), applies, check))
        return check

    return register


def add(rule_: Rule) -> None:
    """Register a rule (`@rule` and `@cross_rule` do)."""
    if rule_.family not in FAMILIES:
        raise ValueError(f"unknown rule family {rule_.family!r}")
    if rule_.id in _REGISTRY:
        raise ValueError(f"rule {rule_.id} registered twice")
    _REGISTRY[rule_.id] = rule_


def registered_rules(*, across_documents: bool = False) -> list[Rule]:
    """Every rule over one document (or, `across_documents`, every cross-document rule registered so far), by
    family in the order of FAMILIES, then in the order they were registered."""
    order = list(FAMILIES)
    chosen = [r for r in _REGISTRY.values() if (r.counterpart is not None) == across_documents]
    return sorted(chosen, key=lambda r: order.index(r.family))


def run_rule(rule_: Rule, doc: Doc) -> RuleResult:
    if rule_.applies is not None and rule_.applies.first and not rule_.applies.holds(doc.disclosure):
        return RuleResult(rule_, RuleStatus.not_applicable, reason=f"仅当{rule_.applies.label}时适用")
    unmet = [c for c in rule_.needs if not c.holds(doc.disclosure)]
    if doc.disclosure.kind == "final" and any(c.budget_only for c in unmet):
        labels = "、".join(c.label for c in unmet if c.budget_only)
        return RuleResult(rule_, RuleStatus.not_applicable, reason=f"决算公开不含{labels}")
    if unmet:
        return RuleResult(rule_, RuleStatus.could_not_run, reason=_unmet_reason(unmet, doc))
    if rule_.applies is not None and not rule_.applies.holds(doc.disclosure):
        return RuleResult(rule_, RuleStatus.not_applicable, reason=f"仅当{rule_.applies.label}时适用")
    doc.severity = rule_.severity
    doc.start_rule()
    try:
        findings = list(rule_.check(doc))
    except Exception as error:  # a broken rule must not hide the results of the others
        return broken(rule_, error)
    if not findings and (doc.unprinted or doc.doubts or doc.lacking) and not doc.compared:
        # every comparison needed a part the document does not hold, a column the tables do not print, or a
        # reading in doubt: nothing was checked
        reasons = (["未识别到：" + "、".join(doc.lacking)] if doc.lacking else []) + \
            (["表格未列出：" + "、".join(doc.unprinted)] if doc.unprinted else []) + list(doc.doubts)
        return RuleResult(rule_, RuleStatus.could_not_run, reason="；".join(reasons))
    return judged(rule_, findings)


def judged(rule_: Rule, findings: list[Finding], counterpart: str | None = None) -> RuleResult:
    """The result of a rule that ran: failed when a finding is a problem, else passed."""
    for finding in findings:
        finding.rule = rule_.id
        finding.severity = finding.severity or rule_.severity
    status = RuleStatus.failed if any(f.is_problem for f in findings) else RuleStatus.passed
    return RuleResult(rule_, status, findings, counterpart=counterpart)


def broken(rule_: Rule, error: Exception) -> RuleResult:
    """The result of a rule that raised: it could not run, and says what went wrong."""
    return RuleResult(rule_, RuleStatus.could_not_run, reason=f"规则执行出错：{type(error).__name__}: {error}")


def _unmet_reason(unmet: list[Condition], doc: Doc) -> str:
    """What the rule lacks: data not recognized at all, or tables recognized but read unreliably."""
    doubtful = [c.label for c in unmet if c.holds(doc.recognized)]
    missing = [c.label for c in unmet if not c.holds(doc.recognized)]
    said = ["未识别到：" + "、".join(missing)] if missing else []
    return "；".join(said + (["未能可靠读取：" + "、".join(doubtful)] if doubtful else []))


def readable(disclosure: Disclosure) -> Disclosure:
    """The disclosure as the rules see it: without the tables whose reading the recognizer doubted
    (what a rule would find there is the misreading; each such table is reported once, as unreadable),
    and with the sentences of its narrative's text as it stands (the rules read the text by them)."""
    update: dict[str, object] = {}
    if not disclosure.narrative.sentences_fit():
        narrative = disclosure.narrative
        update["narrative"] = narrative.model_copy(update={"sentences": narrative_sentences(narrative.sections)})
    if any(t.doubtful for t in disclosure.tables.values()):
        update["tables"] = {table_id: t for table_id, t in disclosure.tables.items() if not t.doubtful}
    return disclosure.model_copy(update=update) if update else disclosure


def run_rules(disclosure: Disclosure, rules: Iterable[Rule], tolerance: Decimal = DEFAULT_TOLERANCE,
              participation: Participation | None = None) -> Report:
    doc = Doc(readable(disclosure), tolerance, participation)
    doc.recognized = disclosure
    return Report(
        document=disclosure.source_name,
        department=disclosure.department,
        year=disclosure.year,
        unit=disclosure.unit.value,
        results=[run_rule(r, doc) for r in rules],
        tables_read=len(disclosure.tables) + (disclosure.performance_overall is not None)
        + len(disclosure.performance_projects) + bool(disclosure.projects),
        missing_parts=missing_parts(disclosure),
    )
