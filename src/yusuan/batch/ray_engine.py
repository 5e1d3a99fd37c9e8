"""The Ray engine: the same work as the local engine, as Ray tasks, stored as Parquet partitions.

The driver (this process) discovers the files, hashes them and skips what the archive holds, exactly
as the local engine does; it then sends the bytes of each chunk of documents to a Ray task (so the
cluster's nodes need yusuan installed, not the files) and gets their rows back. Each finished chunk
is written as Parquet partitions (see partitions.py) into a staging folder, imported into the
archive in one transaction, then moved into place under `--out`. A run killed at any point is
resumed by the next: staging folders left behind are imported (documents already archived are
skipped) and moved, and what was never imported is processed again.

Run against a cluster: `ray start --head` on one machine, `ray start --address HEAD:6379` on the
others, then `yusuan batch DIR --engine ray --address auto` on the head (docs/scale.md).
"""

from __future__ import annotations

import itertools
import shutil
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

import ray

from ..archive import Archive
from ..archiving import import_parquet
from ..readers import Limits
from .failures import FailureLog
from .partitions import write_partitions
from .progress import BatchProgress
from .sinks import Sink, storing_failure
from .summary import BatchSummary
from .work import Done, Failed, Outcome, Task, process_all

CHUNK_SIZE = 16  # documents per Ray task: enough to amortise a task's overhead and an import
CHUNKS_PER_CPU = 2  # chunks queued or in work per CPU of the cluster: bounds the driver's memory
STAGING = "_staging"

Deliver = Callable[[list[Outcome]], None]


@ray.remote
def _process_chunk(tasks: list[Task], limits: Limits) -> list[Outcome]:
    return process_all(tasks, limits)


def chunks(tasks: Iterable[Task], size: int) -> Iterator[list[Task]]:
    iterator = iter(tasks)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


class RayEngine:
    def __init__(self, workers: int, limits: Limits, address: str | None, chunk_size: int = CHUNK_SIZE):
        self.workers = workers
        self.limits = limits
        self.address = address
        self.chunk_size = chunk_size

    def _connect(self) -> bool:
        """Join the cluster (or start one here); True when this call started Ray and must stop it."""
        if ray.is_initialized():
            return False
        if self.address:
            ray.init(address=self.address, log_to_driver=False)
        else:
            ray.init(num_cpus=self.workers, include_dashboard=False, log_to_driver=False)
        return True

    def _window(self) -> int:
        return max(2, int(ray.cluster_resources().get("CPU", self.workers)) * CHUNKS_PER_CPU)

    def run(self, tasks: Iterable[Task], deliver: Deliver) -> None:
        started_here = self._connect()
        try:
            self._run(tasks, deliver)
        finally:
            if started_here:
                ray.shutdown()

    def _run(self, tasks: Iterable[Task], deliver: Deliver) -> None:
        window = self._window()
        in_work: dict[ray.ObjectRef, list[Task]] = {}
        for chunk in chunks(tasks, self.chunk_size):
            in_work[_process_chunk.remote(chunk, self.limits)] = chunk
            while len(in_work) >= window:
                self._collect(in_work, deliver)
        while in_work:
            self._collect(in_work, deliver)

    def _collect(self, in_work: dict[ray.ObjectRef, list[Task]], deliver: Deliver) -> None:
        [ready], _ = ray.wait(list(in_work), num_returns=1)
        chunk = in_work.pop(ready)
        try:
            deliver(ray.get(ready))
        except (ray.exceptions.RayTaskError, ray.exceptions.WorkerCrashedError) as error:
            # the task itself died (a worker crash, not a document's error): each document is then tried alone
            deliver(self._one_by_one(chunk, error))

    def _one_by_one(self, chunk: list[Task], error: Exception) -> list[Outcome]:
        outcomes: list[Outcome] = []
        for task in chunk:
            try:
                outcomes += ray.get(_process_chunk.remote([task], self.limits))
            except ray.exceptions.RayError:
                outcomes.append(Failed(task.path, task.content_hash,
                                       f"处理该文件的 Ray 任务失败（{type(error).__name__}），已跳过。请单独检查这个文件。"))
        return outcomes


class ParquetSink(Sink):
    """Chunks written as Parquet partitions under `out`, each imported into the archive in one transaction."""

    def __init__(self, archive: Archive, log: FailureLog, summary: BatchSummary, progress: BatchProgress, out: Path):
        super().__init__(archive, log, summary, progress)
        self.out = out
        self.staging = out / STAGING
        self._recover()

    def _recover(self) -> None:
        """Staging folders a killed run left behind: import (what is archived is skipped) and move into place."""
        if self.staging.is_dir():
            for folder in sorted(p for p in self.staging.iterdir() if p.is_dir()):
                if any(folder.rglob("documents/**/*.parquet")):
                    import_parquet(self.archive, folder)
                    self._publish(folder)
                else:
                    shutil.rmtree(folder)

    def deliver(self, outcomes: Sequence[Outcome]) -> None:
        new: list[Done] = []
        seen: set[str] = set()
        for outcome in outcomes:
            if isinstance(outcome, Failed):
                self.fail(outcome)
            elif outcome.content_hash in seen or self.archive.find(outcome.content_hash) is not None:
                self.stored(outcome, new=False)
            else:
                seen.add(outcome.content_hash)
                new.append(outcome)
        if new:
            self._store(new)

    def _store(self, done: list[Done]) -> None:
        part = uuid.uuid4().hex
        folder = self.staging / part
        try:
            write_partitions((d.record for d in done), folder, part)
            import_parquet(self.archive, folder)
        except Exception as error:  # the chunk's rows could not be stored: its documents are reported, not lost
            shutil.rmtree(folder, ignore_errors=True)
            for item in done:
                self.fail(storing_failure(item, error))
            return
        self._publish(folder)
        for item in done:
            self.stored(item, new=True)

    def _publish(self, folder: Path) -> None:
        """Move a staged chunk's files to their partitions under `out` (a rename each), then drop the folder."""
        for path in sorted(folder.rglob("*.parquet")):
            target = self.out / path.relative_to(folder)
            target.parent.mkdir(parents=True, exist_ok=True)
            path.replace(target)
        shutil.rmtree(folder)
