"""Results of the cross-document checks, in the checker's terms (RuleStatus, Finding)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..checks.findings import Finding, RuleStatus, Severity


@dataclass(frozen=True, slots=True)
class XdocRule:
    id: str
    severity: Severity
    title: str
    basis: str


@dataclass(slots=True)
class XdocResult:
    rule: XdocRule
    status: RuleStatus
    findings: list[Finding] = field(default_factory=list)
    reason: str | None = None  # why it could not run or does not apply
    counterpart: str | None = None  # the other document, as messages name it

    @classmethod
    def could_not_run(cls, rule: XdocRule, reason: str) -> XdocResult:
        return cls(rule, RuleStatus.could_not_run, reason=reason)

    @classmethod
    def not_applicable(cls, rule: XdocRule, reason: str) -> XdocResult:
        return cls(rule, RuleStatus.not_applicable, reason=reason)

    @classmethod
    def judged(cls, rule: XdocRule, findings: list[Finding], counterpart: str) -> XdocResult:
        for finding in findings:
            finding.rule = rule.id
            finding.severity = finding.severity or rule.severity
        failed = any(f.is_problem for f in findings)
        return cls(rule, RuleStatus.failed if failed else RuleStatus.passed, findings, counterpart=counterpart)


@dataclass(slots=True)
class XdocReport:
    document: str  # as messages name it
    results: list[XdocResult] = field(default_factory=list)

    @property
    def findings(self) -> list[Finding]:
        return [f for r in self.results for f in r.findings]

    def status_of(self, rule_id: str) -> RuleStatus:
        return next(r.status for r in self.results if r.rule.id == rule_id)

    def count(self, status: RuleStatus) -> int:
        return sum(1 for r in self.results if r.status == status)
