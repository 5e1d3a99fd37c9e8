"""The local engine: a pool of worker processes with a bounded queue.

At most `window` documents are queued or in work at any time, whatever the size of the collection,
so memory stays bounded. Workers are recycled after `tasks_per_worker` documents (a leak in a
reader cannot grow without end) and die with the batch process (`lifeline.die_with_parent`: a kill
must not leave orphans parsing). A worker that dies on a document (a crash in a native library, the
kernel's OOM killer) breaks the pool: the documents that were in work then are run again one at a
time in a fresh pool, so the one that kills its worker is found, recorded as failed, and the others
go on.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool

from ..lifeline import die_with_parent
from ..readers import DEFAULT_LIMITS, Limits
from .work import Failed, Outcome, Task, process

Deliver = Callable[[list[Outcome]], None]

QUEUED_PER_WORKER = 4
TASKS_PER_WORKER = 500
WORKER_DIED = "处理该文件时工作进程意外退出（可能是内存不足或读取库崩溃），已跳过。请单独检查这个文件。"


class LocalEngine:
    def __init__(self, workers: int, limits: Limits = DEFAULT_LIMITS, tasks_per_worker: int = TASKS_PER_WORKER):
        self.workers = max(1, workers)
        self.limits = limits
        self.tasks_per_worker = tasks_per_worker
        self.window = self.workers * QUEUED_PER_WORKER

    def _pool(self, workers: int) -> ProcessPoolExecutor:
        # spawn: a fresh interpreter per worker (fork from a process holding DuckDB and threads is unsafe)
        return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=die_with_parent, initargs=(os.getpid(),),
                                   max_tasks_per_child=self.tasks_per_worker)

    def run(self, tasks: Iterable[Task], deliver: Deliver) -> None:
        """Process every task, calling `deliver` (in this thread) with each outcome as it comes."""
        pool = self._pool(self.workers)
        pending: dict[Future, Task] = {}
        try:
            for task in tasks:
                pending[pool.submit(process, task, self.limits)] = task
                while len(pending) >= self.window:
                    pool = self._collect(pool, pending, deliver)
            while pending:
                pool = self._collect(pool, pending, deliver)
        finally:
            pool.shutdown(wait=True, cancel_futures=True)

    def _collect(self, pool: ProcessPoolExecutor, pending: dict[Future, Task],
                 deliver: Deliver) -> ProcessPoolExecutor:
        """Deliver what has finished; a broken pool is replaced (the pool to use next is returned)."""
        done, _ = wait(pending, return_when=FIRST_COMPLETED)
        broken: list[Task] = []
        for future in done:
            task = pending.pop(future)
            try:
                deliver([future.result()])
            except BrokenProcessPool:
                broken.append(task)
        if not broken:
            return pool
        # every document in work when the pool broke is a suspect: all pending futures fail with it
        broken += pending.values()
        pending.clear()
        pool.shutdown(wait=True, cancel_futures=True)
        self._isolate(broken, deliver)
        return self._pool(self.workers)

    def _isolate(self, suspects: list[Task], deliver: Deliver) -> None:
        """Run each suspect alone: the one that kills its worker again is the culprit."""
        for task in suspects:
            with self._pool(1) as single:
                try:
                    deliver([single.submit(process, task, self.limits).result()])
                except BrokenProcessPool:
                    deliver([Failed(task.path, task.content_hash, WORKER_DIED)])
