"""How the archive's connection is kept: held for the Archive's life, or shared with other programs.

DuckDB lets one process write a file, or several processes read it; while one process has the file
open for writing, another cannot even read it, and while one reads, none can write. A command
(`yusuan db ...`, a batch) holds its connection for as long as it runs. A server runs for days: had
it held a writable connection, every `yusuan db ...` on the same file would wait for it and fail.

So a server keeps its archive *shared*: it reads through a read-only connection, opened on first
use and closed once no call has used it for `linger` seconds, and for each write it waits for its
own reads to finish, closes that connection, and opens a writable one for that write alone.
Meanwhile other programs read beside it (shared lock), and their writes wait only until the server
is idle; the server's reads and writes wait for theirs in the same way (the lock file, locking.py).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from .connection import open_for_reading, open_for_writing
from .locking import FileLock

Prepare = Callable[[duckdb.DuckDBPyConnection], None]


class HeldConnection:
    """One connection, opened by the caller, kept until close (reads and writes both use it)."""

    def __init__(self, con: duckdb.DuckDBPyConnection, lock: FileLock):
        self._con = con
        self._lock = lock

    @contextmanager
    def reading(self) -> Iterator[duckdb.DuckDBPyConnection]:
        yield self._con

    writing = reading

    def prepare(self, step: Prepare) -> None:
        step(self._con)

    def close(self) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None
            self._lock.release()


class SharedConnection:
    """A read-only connection while in use, a writable one for each write; nothing held while idle."""

    def __init__(self, path: Path, timeout: float, linger: float, on_wait=None):
        self.path = path
        self.timeout = timeout
        self.linger = linger
        self._on_wait = on_wait
        self._state = threading.Condition()
        self._readers = 0  # calls of this process reading now
        self._writing = False
        self._con: duckdb.DuckDBPyConnection | None = None
        self._lock: FileLock | None = None
        self._prepared: list[Prepare] = []  # applied to every read-only connection opened
        self._last_used = time.monotonic()
        self._closer: threading.Thread | None = None
        self._closed = False

    @contextmanager
    def reading(self) -> Iterator[duckdb.DuckDBPyConnection]:
        with self._state:
            while self._writing:
                self._state.wait()
            self._check_open()
            if self._con is None:
                self._open_reader()
            self._readers += 1
            con = self._con
        try:
            yield con
        finally:
            with self._state:
                self._readers -= 1
                self._last_used = time.monotonic()
                self._state.notify_all()

    @contextmanager
    def writing(self) -> Iterator[duckdb.DuckDBPyConnection]:
        # waits for every read of this process: a write started inside a read would wait for itself
        with self._state:
            while self._writing or self._readers:
                self._state.wait()
            self._check_open()
            self._writing = True
            self._close_reader()
        try:
            con, lock = open_for_writing(self.path, self.timeout, self._on_wait)
            try:
                yield con
            finally:
                con.close()
                lock.release()
        finally:
            with self._state:
                self._writing = False
                self._last_used = time.monotonic()
                self._state.notify_all()

    def prepare(self, step: Prepare) -> None:
        with self._state:
            self._prepared.append(step)
            if self._con is not None:
                step(self._con)

    def close(self) -> None:
        with self._state:
            self._closed = True
            self._state.wait_for(lambda: not self._readers and not self._writing, timeout=self.timeout)
            self._close_reader()
            self._state.notify_all()

    @property
    def is_open(self) -> bool:
        """Whether this process holds the file now (for tests and the server's status)."""
        with self._state:
            return self._con is not None or self._writing

    # -- under self._state -------------------------------------------------------------------------

    def _check_open(self) -> None:
        if self._closed:
            raise RuntimeError("this archive has been closed")

    def _open_reader(self) -> None:
        self._con, self._lock = open_for_reading(self.path, self.timeout, self._on_wait)
        for step in self._prepared:
            step(self._con)
        if self._closer is None:
            self._closer = threading.Thread(target=self._close_when_idle, name="yusuan-archive-idle", daemon=True)
            self._closer.start()

    def _close_reader(self) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None
            self._lock.release()
            self._lock = None

    def _close_when_idle(self) -> None:
        with self._state:
            while self._con is not None and not self._closed:
                idle = time.monotonic() - self._last_used
                if not self._readers and idle >= self.linger:
                    self._close_reader()
                    break
                self._state.wait(timeout=max(self.linger - idle, 0.01) if not self._readers else None)
            self._closer = None
