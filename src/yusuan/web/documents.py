"""One archived document for the web: its model, its findings and its check report.

The model comes from the file store when the document was uploaded here (everything it read);
a document added another way (`yusuan db add`, an import) is rebuilt from the archive's rows,
which keep its tables and the narrative's amounts but not its projects or performance tables.
Findings and rule results always come from the archive, so every page shows the same report.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..archive import Archive, DocumentSummary
from ..archive.rebuild import rebuild
from ..checks import Finding, Place, Report, Rule, RuleResult, RuleStatus, all_rules
from ..checks.findings import NARRATIVE, SEVERITY_RANK
from ..checks.grouping import group_title, location
from ..model import TABLE_TITLES, Disclosure
from .browse import summary_of
from .store import FileStore

FINDING_COLUMNS = ("ordinal", "rule_id", "severity", "message", "table_id", "code", "name", "column_id",
                   "source_line", "source_page", "provided", "expected", "difference")
_TABLE_ORDER = [NARRATIVE, *TABLE_TITLES]


@dataclass(frozen=True, slots=True)
class FindingRow:
    ordinal: int
    rule_id: str
    severity: str
    message: str
    table_id: str | None
    code: str | None
    name: str | None
    column_id: str | None
    source_line: int | None
    source_page: int | None
    provided: str | None
    expected: str | None
    difference: str | None


@dataclass(frozen=True, slots=True)
class FindingGroup:
    table_id: str | None
    title: str
    findings: list[FindingRow]


@dataclass(slots=True)
class Loaded:
    summary: DocumentSummary
    disclosure: Disclosure
    rebuilt: bool  # True: from the archive's rows (no projects, performance tables or narrative text)


def load(archive: Archive, store: FileStore, document_id: int) -> Loaded | None:
    summary = summary_of(archive, document_id)
    if summary is None:
        return None
    disclosure = store.model(summary.content_hash)
    if disclosure is not None:
        return Loaded(summary, disclosure, rebuilt=False)
    with archive.cursor() as cur:
        return Loaded(summary, rebuild(cur, document_id), rebuilt=True)


def findings_of(archive: Archive, document_id: int) -> list[FindingRow]:
    with archive.cursor() as cur:
        rows = cur.execute(f"SELECT {', '.join(FINDING_COLUMNS)} FROM findings WHERE document_id = ? "
                           "ORDER BY ordinal", [document_id]).fetchall()
    return [FindingRow(*row) for row in rows]


def finding(archive: Archive, document_id: int, ordinal: int) -> FindingRow | None:
    with archive.cursor() as cur:
        row = cur.execute(f"SELECT {', '.join(FINDING_COLUMNS)} FROM findings WHERE document_id = ? AND ordinal = ?",
                          [document_id, ordinal]).fetchone()
    return None if row is None else FindingRow(*row)


def _group_rank(table_id: str | None) -> tuple[int, str]:
    return (_TABLE_ORDER.index(table_id), "") if table_id in _TABLE_ORDER else (len(_TABLE_ORDER), table_id or "~")


def grouped(findings: list[FindingRow]) -> list[FindingGroup]:
    """By the table they point at, in the order tables are printed; in a group, errors first, then by line."""
    groups: dict[str | None, list[FindingRow]] = {}
    for row in findings:
        groups.setdefault(row.table_id, []).append(row)
    ordered = sorted(groups.items(), key=lambda item: _group_rank(item[0]))
    return [FindingGroup(table_id, group_title(table_id),
                         sorted(rows, key=lambda f: (-SEVERITY_RANK.get(f.severity, 2), f.source_line or 0)))
            for table_id, rows in ordered]


def rule_statuses(archive: Archive, document_id: int) -> dict[str, int]:
    with archive.cursor() as cur:
        return dict(cur.execute("SELECT status, count(*) FROM rule_results WHERE document_id = ? GROUP BY status",
                                [document_id]).fetchall())


# -- the check report, rebuilt from the archive's rows ---------------------------------------------


def _exact(text: str | None) -> Decimal | str | None:
    """Amounts come back as Decimals (so the report prints them as the checker did), words as words."""
    if text is None:
        return None
    try:
        return Decimal(text)
    except ArithmeticError:
        return text


def _as_finding(row: FindingRow) -> Finding:
    place = Place(table=row.table_id, code=row.code, name=row.name, column=row.column_id, line=row.source_line,
                  page=row.source_page)
    difference = _exact(row.difference)
    return Finding(row.message, place, row.severity, row.rule_id, _exact(row.provided), _exact(row.expected),
                   difference if isinstance(difference, Decimal) else None)


def where(row: FindingRow) -> str:
    """Where the finding is, as every report says it: of a PDF the page and the printed row, never a line."""
    return location(_as_finding(row))


def _rule(rule_id: str, family: str, severity: str, known: dict[str, Rule]) -> Rule:
    # a rule archived by an older version and since retired keeps its id in the report
    return known.get(rule_id) or Rule(rule_id, family, severity, rule_id, "", (), None, lambda doc: ())


def report_of(archive: Archive, summary: DocumentSummary) -> Report:
    known = {r.id: r for r in all_rules()}
    findings: dict[str, list[Finding]] = {}
    for row in findings_of(archive, summary.id):
        findings.setdefault(row.rule_id, []).append(_as_finding(row))
    with archive.cursor() as cur:
        results = cur.execute("SELECT rule_id, family, severity, status, reason FROM rule_results "
                              "WHERE document_id = ? ORDER BY rowid", [summary.id]).fetchall()
    return Report(summary.source_name, summary.department, summary.year, summary.unit, [
        RuleResult(_rule(rule_id, family, severity, known), RuleStatus(status), findings.get(rule_id, []), reason)
        for rule_id, family, severity, status, reason in results])
