"""Which server keeps an archive: the file `<archive>.server` beside it, locked while the server runs.

A server holds its archive only while it handles a request (sharing.py), so the archive's own lock
no longer says that a server is running. This mark does: one server per archive (the uploaded files
beside it are swept at start, which only the one server may do), and a command that has to wait can
say what it waits for. The lock, not the file's text, says whether the server runs: a server that
was killed leaves the text behind but not the lock.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

from ..errors import YusuanError


class ServerRunning(YusuanError):
    pass


def mark_path(database: Path) -> Path:
    return database.with_name(database.name + ".server")


class ServerMark:
    """Held by a running server: `acquire` refuses when another server has the same archive."""

    def __init__(self, database: Path):
        self.database = database
        self.path = mark_path(database)
        self._fd: int | None = None

    def acquire(self, address: str) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise ServerRunning(f"档案“{self.database}”已由另一个 yusuan serve 使用（{_described(_holder(self.path))}）。"
                                "请使用那个服务，或用 --db 指定另一个档案。") from None
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()} {address}\n".encode())
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            os.ftruncate(self._fd, 0)
            os.close(self._fd)  # closing the file drops the lock
            self._fd = None


def server_using(database: Path) -> str | None:
    """'进程 <pid>，<address>' of the server running on this archive, or None when none runs (or it is us)."""
    path = mark_path(database)
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
            return None  # nobody holds it: no server runs
        except BlockingIOError:
            pass
    finally:
        os.close(fd)
    words = _holder(path)
    if words and words[0] == str(os.getpid()):
        return None
    return _described(words)


def _holder(path: Path) -> list[str]:
    """[pid, address] as the running server wrote them."""
    try:
        return path.read_text(encoding="utf-8", errors="replace").split()
    except OSError:
        return []


def _described(words: list[str]) -> str:
    return f"进程 {words[0]}，{words[1]}" if len(words) >= 2 else "一个正在运行的服务"


def waiting_message(database: Path, timeout: float) -> str:
    """What a command says when it starts to wait for the archive."""
    server = server_using(database)
    if server is not None:
        return (f"档案“{database}”正由 yusuan serve（{server}）处理请求，等它空闲后继续（最多等 {timeout:g} 秒）。"
                "服务运行时仍可随时查看档案；也可以在网页上上传、删除文件。")
    return f"档案“{database}”正被其他 yusuan 程序使用，等它结束后继续（最多等 {timeout:g} 秒）……"


def busy_message(database: Path, timeout: float) -> str:
    """What an opener says when it gave up waiting for the archive."""
    server = server_using(database)
    if server is not None:
        return (f"档案“{database}”正由 yusuan serve（{server}）使用，等待 {timeout:g} 秒后仍未空闲。"
                "请稍后再试，或在网页上上传、删除文件；查看档案不必等待。")
    return (f"档案“{database}”正被其他程序使用，等待 {timeout:g} 秒后仍未释放。"
            "请等其他 yusuan 命令结束后再试，或用 --db 指定另一个档案文件。")
