"""One upload's way into the archive: read and check it in a worker process, keep its files, archive it.

A failure at any step fails that job alone, with a message; the server and the other jobs go on.
At most `parse_workers` files are read at a time; the rest wait in the queue.
"""

from __future__ import annotations

import logging
import threading
from concurrent.futures import ThreadPoolExecutor

from .. import archiving
from ..archive import Archive, hash_bytes
from ..errors import YusuanError
from ..isolation import warm_up
from ..model import Disclosure
from .isolated import run_isolated  # which sets what the forkserver preloads for the web, before warm_up
from .jobs import Job, JobBoard
from .parsing import Upload
from .settings import Settings
from .store import FileStore

log = logging.getLogger(__name__)


class Processor:
    def __init__(self, settings: Settings, archive: Archive, store: FileStore, board: JobBoard):
        self.settings = settings
        self.archive = archive
        self.store = store
        self.board = board
        self.stopping = threading.Event()
        self._pool = ThreadPoolExecutor(max_workers=settings.parse_workers, thread_name_prefix="yusuan-upload")
        warm_up()

    def submit(self, job: Job, data: bytes) -> None:
        self._pool.submit(self._run, job, data)

    def shutdown(self) -> None:
        """Drop the queue, stop the workers that are reading, and wait for the jobs to let go of the archive."""
        self.stopping.set()
        self._pool.shutdown(wait=True, cancel_futures=True)

    def _run(self, job: Job, data: bytes) -> None:
        try:
            self._process(job, data)
        except YusuanError as error:
            self.board.update(job, state="failed", message=error.message)
        except Exception as error:  # a bug fails this document only; logged so it can be fixed
            log.exception("upload %s (%s) failed", job.id, job.name)
            self.board.update(job, state="failed", message=f"内部错误（{type(error).__name__}）。请报告这个问题。")

    def _process(self, job: Job, data: bytes) -> None:
        digest = hash_bytes(data)
        known = self.archive.find(digest)
        if known is not None and self.store.has(digest, "model.json"):
            self._finish_existing(job, known)
            return
        parsed = self._read(job, data)
        if self.stopping.is_set():
            raise YusuanError("服务正在停止，这份文件未归档。请在服务重新启动后再上传。")
        disclosure = Disclosure.model_validate_json(parsed["model"])
        report = parsed["report"]
        self.board.update(job, state="archiving")
        self.store.save_parsed(digest, data, parsed)  # files first: an archived document always has them
        stored = archiving.add(self.archive, disclosure, digest, report)
        self.board.update(job, state="done", document_id=stored.id, existing=not stored.new,
                          department=disclosure.department, year=disclosure.year,
                          errors=report.count("error"), warnings=report.count("warning"))

    def _read(self, job: Job, data: bytes) -> dict:
        def progress(stage: str, pages: int | None = None) -> None:
            if stage in ("reading", "recognizing", "checking"):  # a worker reports only these; others are ignored
                self.board.update(job, state=stage, pages=pages if pages is not None else job.pages)

        self.board.update(job, state="reading")
        upload = Upload(data, job.name, self.settings.reader_limits())
        return run_isolated(self.settings.parser, upload, timeout=self.settings.parse_timeout,
                            memory_mb=self.settings.parse_memory_mb, on_progress=progress, stop=self.stopping)

    def _finish_existing(self, job: Job, document_id: int) -> None:
        summary = self.archive.summary(document_id)
        self.board.update(job, state="done", document_id=document_id, existing=True,
                          department=summary.department, year=summary.year,
                          errors=summary.errors, warnings=summary.warnings)
