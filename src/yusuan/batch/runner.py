"""A batch run: discover, skip what is archived, process the rest on an engine, store, summarize.

    summary = run_batch([Path("downloads")], BatchOptions(db=Path("all.duckdb"), workers=2))

Resumable: a document is keyed by the SHA-256 of its bytes; one already in the archive (or one that
failed in an earlier run, unless `retry_failed`) is skipped before any parsing, and what is stored
is stored whole (see sinks.py), so a run killed at any point loses at most the documents in work,
which the next run does again.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rich.console import Console

from ..archive import Archive, waiting_message
from ..archive.connection import resolve_path
from ..errors import YusuanError
from ..readers import Limits
from .discover import check_paths, count, discover
from .failures import FailureLog
from .progress import BatchProgress
from .sinks import ArchiveSink, Sink
from .summary import BatchSummary
from .work import Failed, Task

ENGINES = ("local", "ray")
SUMMARY_NAME = "summary.json"
# DuckDB caches pages up to 80% of the machine's memory by default; a batch only appends and looks up
# hashes, so a small cache keeps the batch process's memory flat however large the archive grows
ARCHIVE_MEMORY = "1GB"


@dataclass
class BatchOptions:
    db: Path | None = None  # the archive (default: $YUSUAN_DB or ./yusuan.duckdb)
    out: Path | None = None  # failure log, summary, and (Ray) the Parquet partitions; default <db>.batch/
    workers: int = field(default_factory=lambda: os.cpu_count() or 1)
    engine: str = "local"
    address: str | None = None  # Ray: a running cluster ("auto", "ray://head:10001"); None starts one here
    timeout: float | None = 300.0  # seconds per document
    memory_mb: int | None = 4096  # address space of the child process working on one document
    retry_failed: bool = False
    list_files: tuple[Path, ...] = ()
    progress: bool = True

    def limits(self) -> Limits:
        """The bounds of one document's work (isolation.py)."""
        return Limits(max_seconds=self.timeout, max_memory_bytes=(self.memory_mb or 0) * 1024 * 1024 or None)

    def out_folder(self, db: Path) -> Path:
        return self.out if self.out is not None else db.with_name(db.name + ".batch")


def content_hash(path: Path, data: bytes | None) -> str:
    if data is not None:
        return hashlib.sha256(data).hexdigest()
    with path.open("rb") as stream:
        return hashlib.file_digest(stream, "sha256").hexdigest()


def _read(path: Path, with_data: bool) -> tuple[str, bytes | None]:
    from ..readers import file_bytes

    # a device or a pipe has no end to hash: its bytes are read, and refused, up to the file size limit
    data = file_bytes(path) if with_data or not path.is_file() else None
    return content_hash(path, data), data


def pending_tasks(paths: Iterator[Path], sink: Sink, retry_failed: bool, with_data: bool) -> Iterator[Task]:
    """The documents still to do; the others are counted (and the progress bar moved) as they are skipped."""
    summary = sink.summary
    for path in paths:
        summary.found += 1
        try:
            digest, data = _read(path, with_data)
        except OSError as error:
            sink.fail(Failed(str(path), "", f"无法读取“{path.name}”：{error.strerror}。请检查文件权限后再试。"))
            continue
        except YusuanError as error:
            sink.fail(Failed(str(path), "", error.message))
            continue
        if sink.archive.find(digest) is not None:
            summary.archived_before += 1
            sink.progress.advance()
        elif sink.log.failed_before(digest) and not retry_failed:
            summary.failed_before += 1
            sink.progress.advance()
        else:
            yield Task(str(path), digest, data)


def _engine_and_sink(options: BatchOptions, out: Path, archive: Archive, log: FailureLog, summary: BatchSummary,
                     progress: BatchProgress):
    if options.engine == "ray":
        from .ray_engine import ParquetSink, RayEngine  # Ray is an optional extra, imported only when asked for

        return RayEngine(options.workers, options.limits(), options.address), \
            ParquetSink(archive, log, summary, progress, out)
    from .local import LocalEngine

    return LocalEngine(options.workers, options.limits()), ArchiveSink(archive, log, summary, progress)


def _write_summary(summary: BatchSummary, out: Path) -> None:
    failures = [{"path": f.path, "content_hash": f.content_hash, "error": f.error} for f in summary.failures]
    text = json.dumps({**summary.as_dict(), "failures": failures}, ensure_ascii=False, indent=2)
    (out / SUMMARY_NAME).write_text(text + "\n", encoding="utf-8")


def _say_waiting(path: Path, timeout: float) -> None:
    """Told once when a running server (or another program) keeps the archive: the batch waits for it."""
    print(waiting_message(path, timeout), file=sys.stderr, flush=True)


def run_batch(paths: list[Path], options: BatchOptions, console: Console | None = None) -> BatchSummary:
    if options.engine not in ENGINES:
        raise YusuanError(f"不支持的引擎“{options.engine}”。请使用 local 或 ray。")
    check_paths(paths, options.list_files)
    db = resolve_path(options.db)
    out = options.out_folder(db)
    total = count(paths, options.list_files)
    summary = BatchSummary()
    with Archive.open(db, on_wait=_say_waiting) as archive, BatchProgress(summary, total, console, options.progress) as progress:
        with archive.cursor() as cursor:
            cursor.execute(f"SET memory_limit = '{ARCHIVE_MEMORY}'")
        log = FailureLog(out)
        engine, sink = _engine_and_sink(options, out, archive, log, summary, progress)
        tasks = pending_tasks(discover(paths, options.list_files), sink, options.retry_failed,
                              with_data=options.engine == "ray")
        engine.run(tasks, sink.deliver)
    summary.finished = time.monotonic()
    _write_summary(summary, out)
    return summary
