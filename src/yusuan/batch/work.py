"""One document's work, as a worker process or a Ray task runs it: read, parse, check, build its rows.

The rows (`DocumentRecord`) are built here, in the worker, so that the process holding the archive
only stores them. Nothing here raises: every document ends as `Done` or `Failed`, and a failure
carries the message a person can act on.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from ..archive import DocumentRecord, hash_bytes
from ..archiving import document_record, read_input
from ..errors import YusuanError
from ..pipeline import bounded, check_bytes
from ..readers import DEFAULT_LIMITS, Limits


@dataclass(frozen=True, slots=True)
class Task:
    """A document to process. `data` is None when the worker reads the file itself (same machine)."""

    path: str
    content_hash: str
    data: bytes | None = None

    @property
    def name(self) -> str:
        return Path(self.path).name


@dataclass(frozen=True, slots=True)
class Done:
    path: str
    content_hash: str
    record: DocumentRecord

    @property
    def errors(self) -> int:
        return int(self.record.document["errors"])


@dataclass(frozen=True, slots=True)
class Failed:
    path: str
    content_hash: str
    error: str


Outcome = Done | Failed


def _record(task: Task, limits: Limits) -> DocumentRecord:
    data = task.data if task.data is not None else read_input(Path(task.path))
    # the file may have changed since it was hashed: the rows must carry the hash of what was parsed
    digest = task.content_hash if task.data is not None else hash_bytes(data)
    return bounded(limits, task.name, _checked_record, data, task.name, digest, limits)


def _checked_record(data: bytes, name: str, digest: str, limits: Limits) -> DocumentRecord:
    """In the bounded child (so no second child for the check): the rows are built there too."""
    disclosure, report = check_bytes(data, name, replace(limits, max_seconds=None, max_memory_bytes=None))
    return document_record(disclosure, digest, report)


def process(task: Task, limits: Limits = DEFAULT_LIMITS) -> Outcome:
    """Parse, check and build the rows of one document within `limits` (time and memory, in a child
    process: isolation.py); any failure becomes a `Failed`."""
    try:
        record = _record(task, limits)
    except YusuanError as error:
        return Failed(task.path, task.content_hash, error.message)
    except Exception as error:  # a bug on one document must not stop the others; it is reported, not hidden
        return Failed(task.path, task.content_hash, f"内部错误（{type(error).__name__}: {error}）。请报告这个问题。")
    return Done(task.path, record.content_hash, record)


def process_all(tasks: list[Task], limits: Limits = DEFAULT_LIMITS) -> list[Outcome]:
    return [process(task, limits) for task in tasks]
