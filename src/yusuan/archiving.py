"""Putting documents into the archive: read and checked here, the archive only storing the rows it is handed.

    added = add_file(archive, Path("预算.txt"))          # read, check, store; a file already archived is not read
    add_files(archive, paths)                           # each on its own; failures returned, not raised
    add(archive, disclosure, content_hash=None, report=None)   # a model in hand; checked unless a report is given
    archive.add_record(document_record(d, hash, report))       # rows built before the write lock (bulk)
    import_parquet(archive, folder)                     # Parquet rows; headline figures derived where missing
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from .archive import Archive, DocumentRecord, Stored, content_hash_of_model, hash_bytes
from .archive.importing import Imported
from .archive.report_rows import finding_row, rule_result_row
from .archive.rows import as_text, record_of
from .checks import Report, run_checks
from .checks.headline import headline_figures
from .checks.report.form import finding_to_dict, result_to_dict
from .errors import UnreadableInput, YusuanError
from .model import Disclosure
from .pipeline import check_bytes
from .readers import DEFAULT_LIMITS, Limits, file_bytes

Outcome = Literal["added", "existing", "failed"]


def rule_result_rows(report: Report | None) -> Iterator[dict]:
    """The report's rule results: their plain form (checks/report/form.py) under the archive's column names."""
    for r in report.results if report else ():
        yield rule_result_row(result_to_dict(r))


def finding_rows(report: Report | None) -> Iterator[dict]:
    """The report's findings: their plain form under the archive's column names, numbered from 1."""
    for n, f in enumerate(report.findings if report else (), start=1):
        yield finding_row(n, finding_to_dict(f, text=as_text))


def figure_rows(d: Disclosure) -> Iterator[dict]:
    for f in headline_figures(d):
        yield {"year": f.year, "metric": f.metric, "rank": f.rank, "amount": f.amount, "origin": f.origin}


def document_record(d: Disclosure, content_hash: str, report: Report | None = None,
                    region: str | None = None) -> DocumentRecord:
    """Everything the archive keeps about one document: its model, its report and its headline figures."""
    counts = {s: report.count(s) for s in ("error", "warning", "info")} if report else {}
    derived = {"rule_results": rule_result_rows(report), "findings": finding_rows(report), "figures": figure_rows(d)}
    return record_of(d, content_hash, region, counts, derived)


def add(archive: Archive, disclosure: Disclosure, content_hash: str | None = None, report: Report | None = None,
        region: str | None = None) -> Stored:
    """Archive a parsed document (checked here unless a report is given). The hash defaults to the model's.

    The step after a file is read and checked, wherever that ran: `add_file` calls it after its parse, the
    web's uploads after their worker's (web/processing.py).
    """
    report = report if report is not None else run_checks(disclosure)
    digest = content_hash or content_hash_of_model(disclosure)
    return archive.add_record(document_record(disclosure, digest, report, region))


def import_parquet(archive: Archive, directory: Path) -> Imported:
    """Documents and their rows from a folder of Parquet, the headline figures derived where the folder has none."""
    return archive.import_parquet(directory, figure_rows)


def read_input(path: Path) -> bytes:
    if not path.exists():
        raise UnreadableInput(f"找不到文件“{path}”。请检查路径是否正确。")
    if path.is_dir():
        raise UnreadableInput(f"“{path}”是一个文件夹，不是文件。请指定要加入档案的公开文件。")
    return file_bytes(path)


@dataclass(frozen=True, slots=True)
class Added:
    """What adding a file did: added, already there, or failed (with the message a person can act on)."""

    path: Path
    outcome: Outcome
    id: int | None = None
    department: str | None = None
    year: int | None = None
    kind: str | None = None
    errors: int = 0
    warnings: int = 0
    error: str | None = None  # why it failed

    @classmethod
    def existing(cls, path: Path, document_id: int) -> Added:
        return cls(path, "existing", document_id)

    @classmethod
    def stored(cls, path: Path, stored: Stored, disclosure: Disclosure, errors: int = 0, warnings: int = 0) -> Added:
        return cls(path, "added" if stored.new else "existing", stored.id, disclosure.department, disclosure.year,
                   disclosure.kind, errors, warnings)

    @classmethod
    def attempt(cls, path: Path, add: Callable[[Path], Added]) -> Added:
        try:
            return add(path)
        except YusuanError as error:
            return cls(path, "failed", error=error.message)
        except Exception as error:  # a bug on one file must not stop the others; it is reported, not hidden
            return cls(path, "failed", error=f"内部错误（{type(error).__name__}: {error}）。请报告这个问题。")


def add_file(archive: Archive, path: Path, region: str | None = None, limits: Limits = DEFAULT_LIMITS) -> Added:
    """Read, parse, check and archive one file; a file already archived is not parsed again.

    `region` overrides the region read from the department name. Reading and checking run within
    `limits` (time and memory: pipeline.check_bytes); only storing the rows runs here.
    """
    data = read_input(path)
    digest = hash_bytes(data)
    known = archive.find(digest)
    if known is not None:
        return Added.existing(path, known)
    disclosure, report = check_bytes(data, path.name, limits)
    stored = add(archive, disclosure, digest, report, region)
    return Added.stored(path, stored, disclosure, report.count("error"), report.count("warning"))


def add_files(archive: Archive, paths: Iterable[Path], region: str | None = None,
              limits: Limits = DEFAULT_LIMITS) -> list[Added]:
    """Each file on its own: one that fails leaves nothing behind and is returned with its error."""
    return [Added.attempt(path, lambda p: add_file(archive, p, region, limits)) for path in paths]
