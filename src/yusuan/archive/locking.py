"""A lock file beside the archive, so that processes wait for each other instead of failing.

DuckDB lets one process write a database file, or several read it, and refuses a second opener
at once with an I/O error. Several `yusuan db add` started together, or a batch run next to a
query, should queue instead: each opener first takes this lock (exclusive to write, shared to
read) and holds it for as long as its connection is open.

flock locks belong to an open file, not to a process, so two openers in one process queue too.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Callable
from pathlib import Path

from ..errors import YusuanError
from .serving import busy_message

_POLL_SECONDS = 0.05
OnWait = Callable[[Path, float], None]  # told once, when an opener starts to wait: (database, timeout)


class ArchiveBusy(YusuanError):
    """Another program kept the archive for longer than we were willing to wait."""


class FileLock:
    """The lock of the archive at `database` (the file `<database>.lock` beside it)."""

    def __init__(self, database: Path, exclusive: bool):
        self.database = database
        self.path = database.with_name(database.name + ".lock")
        self.exclusive = exclusive
        self._fd: int | None = None

    def acquire(self, timeout: float, on_wait: OnWait | None = None) -> None:
        self._fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        mode = (fcntl.LOCK_EX if self.exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB
        deadline = time.monotonic() + timeout
        told = False
        while True:
            try:
                fcntl.flock(self._fd, mode)
                return
            except BlockingIOError:
                if on_wait is not None and not told:
                    on_wait(self.database, timeout)
                    told = True
                if time.monotonic() >= deadline:
                    self.release()
                    raise ArchiveBusy(busy_message(self.database, timeout)) from None
                time.sleep(_POLL_SECONDS)

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the file drops the lock
            self._fd = None

