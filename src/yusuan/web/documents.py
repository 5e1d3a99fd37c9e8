"""One archived document for the web: its model, its findings and its check report.

The model comes from the file store when the document was uploaded here (everything it read);
a document added another way (`yusuan db add`, an import) is rebuilt from the archive's rows,
which keep its tables and the narrative's amounts but not its projects or performance tables.
Findings and rule results always come from the archive, so every page shows the same report.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..archive import Archive, DocumentSummary
from ..checks import Finding, Report, report_from_dict
from ..checks.engine.findings import NARRATIVE, SEVERITY_RANK
from ..checks.report.form import finding_from_dict
from ..checks.report.grouping import group_title
from ..model import TABLE_TITLES, Disclosure
from .store import FileStore

_TABLE_ORDER = [NARRATIVE, *TABLE_TITLES]


@dataclass(frozen=True, slots=True)
class FindingRow:
    """One finding of an archived report: its number in the report (links name it), its plain form as the
    archive keeps it (the API answers that, amounts as archived) and the finding read back from it (the pages)."""

    ordinal: int
    form: dict
    finding: Finding

    @classmethod
    def of(cls, row: dict) -> FindingRow:
        """From a row of `Archive.findings`: the plain form with its ordinal."""
        form = {key: value for key, value in row.items() if key != "ordinal"}
        return cls(row["ordinal"], form, finding_from_dict(form))

    @property
    def table_id(self) -> str | None:
        return self.finding.place.table


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
    summary = archive.summary(document_id)
    if summary is None:
        return None
    disclosure = store.model(summary.content_hash)
    if disclosure is not None:
        return Loaded(summary, disclosure, rebuilt=False)
    return Loaded(summary, archive.rebuild(document_id), rebuilt=True)


def findings_of(archive: Archive, document_id: int) -> list[FindingRow]:
    return [FindingRow.of(row) for row in archive.findings(document_id)]


def finding(archive: Archive, document_id: int, ordinal: int) -> FindingRow | None:
    return next((FindingRow.of(row) for row in archive.findings(document_id, ordinal)), None)


def _group_rank(table_id: str | None) -> tuple[int, str]:
    return (_TABLE_ORDER.index(table_id), "") if table_id in _TABLE_ORDER else (len(_TABLE_ORDER), table_id or "~")


def _finding_rank(row: FindingRow) -> tuple[int, int]:
    return -SEVERITY_RANK.get(row.finding.severity, 2), row.finding.place.line or 0


def grouped(findings: list[FindingRow]) -> list[FindingGroup]:
    """By the table they point at, in the order tables are printed; in a group, errors first, then by line."""
    groups: dict[str | None, list[FindingRow]] = {}
    for row in findings:
        groups.setdefault(row.table_id, []).append(row)
    ordered = sorted(groups.items(), key=lambda item: _group_rank(item[0]))
    return [FindingGroup(table_id, group_title(table_id), sorted(rows, key=_finding_rank))
            for table_id, rows in ordered]


def rule_statuses(archive: Archive, document_id: int) -> dict[str, int]:
    return dict(Counter(r["status"] for r in archive.rule_results(document_id)))


def report_of(archive: Archive, summary: DocumentSummary) -> Report:
    """The check report, rebuilt from the archive's rows (the same on every page and download)."""
    return report_from_dict({"document": summary.source_name, "department": summary.department,
                             "year": summary.year, "unit": summary.unit,
                             "rules": archive.rule_results(summary.id), "findings": archive.findings(summary.id)})
