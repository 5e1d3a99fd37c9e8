"""One document's work, as a worker process or a Ray task runs it: read, parse, check, build its rows.

The rows (`DocumentRecord`) are built here, in the worker, so that the process holding the archive
only stores them. Nothing here raises: every document ends as `Done` or `Failed`, and a failure
carries the message a person can act on.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ..archive import DocumentRecord, document_record, hash_bytes
from ..archive.adding import read_input
from ..checks import run_checks
from ..errors import YusuanError
from ..pipeline import parse_bytes


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


class DocumentTimeout(BaseException):
    """Raised inside the work when a document takes too long. A BaseException, so that the readers'
    own `except Exception` clauses cannot swallow it."""


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Interrupt the work after `seconds` (main thread of a process only; elsewhere no limit)."""
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum, frame):
        raise DocumentTimeout()

    previous = signal.signal(signal.SIGALRM, interrupt)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _record(task: Task) -> DocumentRecord:
    data = task.data if task.data is not None else read_input(Path(task.path))
    # the file may have changed since it was hashed: the rows must carry the hash of what was parsed
    digest = task.content_hash if task.data is not None else hash_bytes(data)
    disclosure = parse_bytes(data, task.name)
    return document_record(disclosure, digest, run_checks(disclosure))


def process(task: Task, timeout: float | None = None) -> Outcome:
    """Parse, check and build the rows of one document; any failure becomes a `Failed`."""
    try:
        with time_limit(timeout):
            record = _record(task)
    except DocumentTimeout:
        return Failed(task.path, task.content_hash, f"处理超时（超过 {timeout:g} 秒），已跳过。可用 --timeout 放宽限制后重试。")
    except YusuanError as error:
        return Failed(task.path, task.content_hash, error.message)
    except Exception as error:  # a bug on one document must not stop the others; it is reported, not hidden
        return Failed(task.path, task.content_hash, f"内部错误（{type(error).__name__}: {error}）。请报告这个问题。")
    return Done(task.path, record.content_hash, record)


def process_all(tasks: list[Task], timeout: float | None = None) -> list[Outcome]:
    return [process(task, timeout) for task in tasks]
