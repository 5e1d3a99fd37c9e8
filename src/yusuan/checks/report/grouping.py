"""Findings grouped by the table they point at, in the order the tables are usually printed."""

from __future__ import annotations

from ...model import TABLE_TITLES
from ..engine.findings import NARRATIVE, SEVERITY_RANK, Finding, Report, RuleStatus
from ..engine.wording import standard_title

_ORDER = [NARRATIVE, *TABLE_TITLES]
WHOLE_DOCUMENT = "全文"


def group_title(table_id: str | None) -> str:
    return WHOLE_DOCUMENT if table_id is None else standard_title(table_id)


def _group_rank(table_id: str | None) -> tuple[int, str]:
    if table_id in _ORDER:
        return _ORDER.index(table_id), ""
    return len(_ORDER), table_id or "~"


def by_table(findings: list[Finding]) -> list[tuple[str | None, list[Finding]]]:
    groups: dict[str | None, list[Finding]] = {}
    for finding in findings:
        groups.setdefault(finding.place.table, []).append(finding)
    ordered = sorted(groups.items(), key=lambda item: _group_rank(item[0]))
    return [(table, sorted(items, key=_finding_rank)) for table, items in ordered]


def _finding_rank(finding: Finding) -> tuple[int, int]:
    return -SEVERITY_RANK[finding.severity or "error"], finding.place.line or 0


def location(finding: Finding) -> str:
    """Where a reader finds it, as every report and the archive say it."""
    return finding.place.location


def status_counts(report: Report) -> dict[RuleStatus, int]:
    return {status: len(report.with_status(status)) for status in RuleStatus}
