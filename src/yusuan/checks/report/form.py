"""The plain form of a check report: dicts of text, numbers and lists, and a report rebuilt from one.

It is what the JSON report prints (json.py), what the archive keeps under its own column
names (archiving.py writes it, the archive gives it back) and what the web rebuilds an archived
report from. Amounts are text ("1379.35"), so that no reader turns them into floats; read back,
text that is a number is a Decimal again and words stay words.

    data = report_to_dict(report)          # report_to_dict(report_from_dict(data)) == data
    report = report_from_dict(data)        # a rule no longer registered comes back as a stand-in
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal

from ...model import plain
from ..engine.findings import Finding, Place, Report, RuleResult, RuleStatus, Value
from ..engine.registry import Rule, registered_rules
from .grouping import location

AmountText = Callable[[Value], str | None]


def amount_text(value: Value) -> str | None:
    """An amount as the JSON report has always written it (`str` of the Decimal); a word as it is."""
    return None if value is None else str(value)


def amount_of(text: str | None) -> Value:
    """Text written from an amount (`str` or `plain`) as that Decimal again, so the report prints it as the checker
    did; any other text as it was written: a word, or digits that are a word ("05", a code)."""
    if text is None:
        return None
    try:
        value = Decimal(text)
    except ArithmeticError:
        return text
    return value if value.is_finite() and text in (str(value), plain(value)) else text


def finding_to_dict(finding: Finding, text: AmountText = amount_text) -> dict:
    """A finding's plain form; `text` writes its amounts (the archive's never in exponent form: rows.as_text)."""
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
        "provided": text(finding.provided),
        "expected": text(finding.expected),
        "difference": text(finding.difference),
    }


def finding_from_dict(d: Mapping) -> Finding:
    """The finding of a plain form; `where` is said again from the place, other keys are not read."""
    place = Place(table=d.get("table"), code=d.get("code"), name=d.get("name"), column=d.get("column"),
                  line=d.get("line"), page=d.get("page"))
    difference = amount_of(d.get("difference"))
    return Finding(d["message"], place, d.get("severity"), d.get("rule") or "", amount_of(d.get("provided")),
                   amount_of(d.get("expected")), difference if isinstance(difference, Decimal) else None)


def result_to_dict(result: RuleResult) -> dict:
    """A rule's result, its findings counted (they are listed once, in the report's `findings`); a cross-document
    rule's also names the other document it read (`counterpart`)."""
    rule = result.rule
    return {
        "id": rule.id,
        "status": result.status.value,
        "family": rule.family,
        "severity": rule.severity,
        "title": rule.title,
        "reason": result.reason,
        "findings": len(result.findings),
        **({"counterpart": result.counterpart} if result.counterpart is not None else {}),
    }


def rule_of(d: Mapping, known: Mapping[str, Rule]) -> Rule:
    """The registered rule of a result; a rule reported by an older version and since retired keeps its id."""
    rule_id = d["id"]
    return known.get(rule_id) or Rule(rule_id, d["family"], d["severity"], d.get("title", rule_id), "", (), None,
                                      lambda doc: ())


def report_to_dict(report: Report) -> dict:
    """A report's plain form, as the JSON report prints it: its results, then all its findings in order."""
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
        "rules": [result_to_dict(r) for r in report.results],
        "findings": [finding_to_dict(f) for f in report.findings],
    }


def report_from_dict(d: Mapping) -> Report:
    """The report of a plain form: each finding goes to the result of its rule (the engine names it on every
    finding); what the form derives (counts, the reading note, `where`) is derived again, not read."""
    known = {r.id: r for r in (*registered_rules(), *registered_rules(across_documents=True))}
    findings: dict[str, list[Finding]] = {}
    for f in d.get("findings") or ():
        findings.setdefault(f.get("rule") or "", []).append(finding_from_dict(f))
    results = [RuleResult(rule_of(r, known), RuleStatus(r["status"]), findings.get(r["id"], []), r.get("reason"),
                          r.get("counterpart")) for r in d.get("rules") or ()]
    return Report(d.get("document"), d.get("department"), d.get("year"), d["unit"], results, d.get("tables_read"),
                  list(d.get("missing_parts") or ()))
