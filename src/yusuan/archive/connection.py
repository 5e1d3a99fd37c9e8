"""Opening the archive file: where it is, the lock, the DuckDB connection, the schema upgrade."""

from __future__ import annotations

import os
from pathlib import Path

import duckdb

from ..errors import YusuanError
from .locking import FileLock, OnWait
from .migrations import LATEST, current_version, migrate

DEFAULT_PATH = Path("yusuan.duckdb")
PATH_VARIABLE = "YUSUAN_DB"
DEFAULT_TIMEOUT = 60.0  # seconds to wait for another program to let go of the archive


class ArchiveMissing(YusuanError):
    pass


def resolve_path(path: Path | str | None = None) -> Path:
    """--db PATH, else $YUSUAN_DB, else ./yusuan.duckdb."""
    return Path(path or os.environ.get(PATH_VARIABLE) or DEFAULT_PATH)


def _connect(path: Path, read_only: bool) -> duckdb.DuckDBPyConnection:
    try:
        return duckdb.connect(str(path), read_only=read_only)
    except duckdb.Error as error:
        raise YusuanError(
            f"无法打开档案“{path}”：{error}。请确认这是 yusuan 创建的档案文件，或用 --db 指定另一个文件。"
        ) from error


def open_for_writing(path: Path, timeout: float, on_wait: OnWait | None = None
                     ) -> tuple[duckdb.DuckDBPyConnection, FileLock]:
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(path, exclusive=True)
    lock.acquire(timeout, on_wait)
    try:
        con = _connect(path, read_only=False)
    except BaseException:
        lock.release()
        raise
    try:
        migrate(con)
    except BaseException:
        con.close()
        lock.release()
        raise
    return con, lock


def _open_read_only_once(path: Path, timeout: float, on_wait: OnWait | None
                         ) -> tuple[duckdb.DuckDBPyConnection, FileLock, int]:
    lock = FileLock(path, exclusive=False)
    lock.acquire(timeout, on_wait)
    try:
        con = _connect(path, read_only=True)
        return con, lock, current_version(con)
    except BaseException:
        lock.release()
        raise


def open_for_reading(path: Path, timeout: float, on_wait: OnWait | None = None
                     ) -> tuple[duckdb.DuckDBPyConnection, FileLock]:
    """A read-only connection; an archive of an older schema is upgraded first (briefly writable)."""
    if not path.exists():
        raise ArchiveMissing(f"找不到档案“{path}”。请先用 yusuan db add 加入文件，或用 --db 指定档案。")
    con, lock, version = _open_read_only_once(path, timeout, on_wait)
    if version >= LATEST:
        return con, lock
    con.close()
    lock.release()
    writer, write_lock = open_for_writing(path, timeout, on_wait)
    writer.close()
    write_lock.release()
    con, lock, _ = _open_read_only_once(path, timeout, on_wait)
    return con, lock
