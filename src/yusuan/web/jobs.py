"""Uploaded files being read, checked and archived in the background, and how far each has got.

A job moves queued -> reading -> recognizing -> checking -> archiving -> done (or failed at any
step). The page asks /api/jobs for the state while it waits; nothing here blocks a request.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections import OrderedDict
from dataclasses import asdict, dataclass, field
from typing import Literal

State = Literal["queued", "reading", "recognizing", "checking", "archiving", "done", "failed"]
STATE_LABELS: dict[str, str] = {
    "queued": "排队等待", "reading": "读取文件", "recognizing": "识别表格", "checking": "检查",
    "archiving": "归档", "done": "完成", "failed": "未能处理",
}
STEPS: tuple[str, ...] = ("queued", "reading", "recognizing", "checking", "archiving", "done")
JOBS_KEPT = 1000  # finished jobs are forgotten oldest first beyond this many


@dataclass(slots=True)
class Job:
    id: str
    name: str  # the file name as the uploader gave it: shown, never used as a path
    size: int
    format: str  # as sniffed from the content: pdf, zip (docx/xlsx), ole (xls), image, text
    state: State = "queued"
    pages: int | None = None
    message: str | None = None  # why it failed
    document_id: int | None = None
    existing: bool = False  # the same content was already archived
    department: str | None = None
    year: int | None = None
    errors: int = 0
    warnings: int = 0
    created: float = field(default_factory=time.time)
    finished: float | None = None

    @property
    def is_finished(self) -> bool:
        return self.state in ("done", "failed")

    def snapshot(self) -> dict:
        data = asdict(self)
        data["state_label"] = STATE_LABELS[self.state]
        data["step"] = STEPS.index(self.state) if self.state in STEPS else None
        data["steps"] = len(STEPS) - 1
        data["elapsed"] = round((self.finished or time.time()) - self.created, 1)
        return data


def new_job(name: str, size: int, format: str) -> Job:
    return Job(id=secrets.token_hex(8), name=name, size=size, format=format)


class JobBoard:
    """Every job by id, safe to update from worker threads while requests read it."""

    def __init__(self) -> None:
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._lock = threading.Lock()

    def add(self, job: Job) -> Job:
        with self._lock:
            self._jobs[job.id] = job
            self._forget_old()
        return job

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            return self._jobs.get(job_id)

    def snapshot(self, job_id: str) -> dict | None:
        with self._lock:
            job = self._jobs.get(job_id)
            return None if job is None else job.snapshot()

    def update(self, job: Job, **changes) -> None:
        with self._lock:
            for name, value in changes.items():
                setattr(job, name, value)
            if job.is_finished and job.finished is None:
                job.finished = time.time()

    def _forget_old(self) -> None:
        while len(self._jobs) > JOBS_KEPT:
            oldest = next((k for k, j in self._jobs.items() if j.is_finished), None)
            if oldest is None:
                return
            del self._jobs[oldest]
