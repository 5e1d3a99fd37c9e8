"""What a check reports: findings (where, what, how far off) and the report of a whole run."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum
from typing import TYPE_CHECKING, Literal

from ...model.places import NARRATIVE, Place

if TYPE_CHECKING:
    from .registry import Rule

# Place and NARRATIVE are the model's (the archive tells places too); the rules take them from here.
__all__ = [
    "FailOn", "Finding", "NARRATIVE", "Place", "Report", "RuleResult", "RuleStatus", "SEVERITY_LABELS", "SEVERITY_RANK",
    "STATUS_LABELS", "Severity", "Value",
]

Severity = Literal["error", "warning", "info"]
FailOn = Literal["error", "warning", "never"]

SEVERITY_RANK: dict[str, int] = {"info": 0, "warning": 1, "error": 2}
SEVERITY_LABELS: dict[str, str] = {"error": "错误", "warning": "警告", "info": "提示"}


class RuleStatus(str, Enum):
    passed = "passed"
    failed = "failed"
    not_applicable = "not_applicable"
    could_not_run = "could_not_run"


STATUS_LABELS: dict[RuleStatus, str] = {
    RuleStatus.passed: "通过",
    RuleStatus.failed: "未通过",
    RuleStatus.not_applicable: "不适用",
    RuleStatus.could_not_run: "无法检查",
}


Value = Decimal | str | None


@dataclass(slots=True)
class Finding:
    """One problem found. `severity` None means the rule's own severity (the engine fills it in)."""

    message: str
    place: Place = field(default_factory=Place)
    severity: Severity | None = None
    rule: str = ""
    provided: Value = None
    expected: Value = None
    difference: Decimal | None = None
    # the other rules that reached the same cause, whose findings were merged into this one (checks/engine/dedup.py)
    also: list[str] = field(default_factory=list)

    @classmethod
    def at(cls, place: Place, message: str, severity: Severity | None = None) -> Finding:
        return cls(message=message, place=place, severity=severity)

    @classmethod
    def mismatch(
        cls, at: Place, provided: Value, expected: Value, message: str, severity: Severity | None = None
    ) -> Finding:
        difference = provided - expected if isinstance(provided, Decimal) and isinstance(expected, Decimal) else None
        return cls(message, at, severity, provided=provided, expected=expected, difference=difference)

    @property
    def is_problem(self) -> bool:
        """Errors and warnings fail a rule; info findings only explain a pass (e.g. rounding)."""
        return self.severity in ("error", "warning")


@dataclass(slots=True)
class RuleResult:
    rule: Rule
    status: RuleStatus
    findings: list[Finding] = field(default_factory=list)
    reason: str | None = None  # why a rule could not run or does not apply
    counterpart: str | None = None  # the other document a cross-document rule read, as its messages name it


@dataclass(slots=True)
class Report:
    document: str | None
    department: str | None
    year: int | None
    unit: str
    results: list[RuleResult] = field(default_factory=list)
    tables_read: int | None = None  # tables recognized in the document; None when the caller did not count
    # the parts of a disclosure a document holding only part of one lacks (checks/engine/parts.py), as printed names
    missing_parts: list[str] = field(default_factory=list)

    @property
    def nothing_read(self) -> bool:
        """No table at all was recognized: the table rules could not check anything, which is not a pass."""
        return self.tables_read == 0

    @property
    def partial(self) -> bool:
        """The document holds only part of a disclosure: what it holds was checked, the rest could not be."""
        return bool(self.missing_parts)

    @property
    def reading_label(self) -> str:
        """What the reading note is about, as the reports head it."""
        return "只含部分内容" if self.partial else "未能读出"

    @property
    def reading_note(self) -> str | None:
        blocked = len(self.with_status(RuleStatus.could_not_run))
        if self.partial:
            return (f"文件只含部分公开内容，未见{'、'.join(self.missing_parts)}。只检查了文件中有的部分，"
                    f"{blocked} 条规则因缺少其余部分无法检查，这不等于检查通过。"
                    "若其余部分在另一份文件中，请一并检查；要完整检查，请提供完整的公开文件（PDF 原件、DOCX 或 XLSX）。")
        if not self.nothing_read:
            return None
        return (f"未能从文件中识别出任何表格，{blocked} 条规则无法检查，这不等于检查通过。"
                "若表格在另一份文件中，请一并检查；若表格被复制成了纯文本（各栏挤在一行），请改用 PDF 原件、DOCX 或 XLSX。")

    @property
    def findings(self) -> list[Finding]:
        return [f for result in self.results for f in result.findings]

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    def with_status(self, status: RuleStatus) -> list[RuleResult]:
        return [r for r in self.results if r.status == status]

    def reaches(self, fail_on: FailOn) -> bool:
        """True when some finding is at least as severe as `fail_on` ("never" never fails)."""
        if fail_on == "never":
            return False
        threshold = SEVERITY_RANK[fail_on]
        return any(SEVERITY_RANK[f.severity or "error"] >= threshold for f in self.findings)

    def exit_code(self, fail_on: FailOn = "error") -> int:
        failed = self.reaches(fail_on) or ((self.nothing_read or self.partial) and fail_on != "never")
        return 1 if failed else 0
