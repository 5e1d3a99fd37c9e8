"""A report as JSON. Amounts are strings ("1379.35") so no reader turns them into floats."""

from __future__ import annotations

import json
from collections.abc import Sequence
from decimal import Decimal

from .findings import Finding, Report, RuleResult, RuleStatus
from .grouping import location


def _exact(value: Decimal | str | None) -> str | None:
    return None if value is None else str(value)


def finding_to_dict(finding: Finding) -> dict:
    place = finding.place
    return {
        "rule": finding.rule,
        "severity": finding.severity,
        "message": finding.message,
        "table": place.table,
        "code": place.code,
        "name": place.name,
        "column": place.column,
        "line": place.line,
        "page": place.page,
        # for a reader: the page and printed row (a PDF), or the line (a text input); `line` is the model's
        "where": location(finding),
        "provided": _exact(finding.provided),
        "expected": _exact(finding.expected),
        "difference": _exact(finding.difference),
    }


def _result_to_dict(result: RuleResult) -> dict:
    rule = result.rule
    return {
        "id": rule.id,
        "status": result.status.value,
        "family": rule.family,
        "severity": rule.severity,
        "title": rule.title,
        "reason": result.reason,
        "findings": len(result.findings),
    }


def report_to_dict(report: Report) -> dict:
    return {
        "document": report.document,
        "department": report.department,
        "year": report.year,
        "unit": report.unit,
        "counts": {**{s: report.count(s) for s in ("error", "warning", "info")},
                   "could_not_check": len(report.with_status(RuleStatus.could_not_run))},
        "tables_read": report.tables_read,
        "reading": report.reading_note,
        "missing_parts": report.missing_parts,
        "rules": [_result_to_dict(r) for r in report.results],
        "findings": [finding_to_dict(f) for f in report.findings],
    }


def render_json(reports: Report | Sequence[Report], indent: int | None = 2) -> str:
    """One report as an object; several as a list of objects."""
    if isinstance(reports, Report):
        data: dict | list = report_to_dict(reports)
    else:
        data = [report_to_dict(r) for r in reports]
    return json.dumps(data, ensure_ascii=False, indent=indent)
