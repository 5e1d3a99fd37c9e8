"""A time limit per document (`Limits.max_seconds`): the parse runs in a child process, killed at the limit.

Why a child process, and not a deadline checked between pages or an alarm signal: the time goes
where no check can be placed. One PDF page can take minutes in pdfminer (a content stream of a
million operators), a regular expression runs in C until it returns, calamine and lxml parse in
native code, and a C library can crash the interpreter outright. A signal is only handled between
Python bytecodes of the main thread; a check between pages never runs inside a page. Killing a
process stops all of it, frees its memory, and turns a crash of a native library into a message.

The child is forked (it inherits the loaded modules and the input) and the Disclosure comes back
pickled through a pipe: about 15 ms a document in all (the bundled example: 19 ms in process, 34 ms
with a limit; BENCHMARKS.md). Where forking is unsafe, because the calling process runs other threads (a lock held by one
of them would stay locked in the child), or unavailable, an alarm signal stops the parse instead
(main thread only, and only between bytecodes); elsewhere the parse runs without a limit.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable
from contextlib import contextmanager
from typing import Any, TypeVar

from ..errors import UnreadableInput, YusuanError
from ..lifeline import die_with_parent

log = logging.getLogger(__name__)

T = TypeVar("T")


class TimeLimitExceeded(UnreadableInput):
    """Reading a document took longer than `Limits.max_seconds`."""


class ReaderCrashed(UnreadableInput):
    """The child process reading a document died (a native library crashed, or it ran out of memory)."""


def _too_slow(name: str, seconds: float) -> str:
    return (
        f"无法读取“{name}”：处理超过 {seconds:g} 秒的时限，已停止。文件可能过大或结构异常；"
        "请只提供预算或决算公开文件本身，或用 --timeout 调高时限（秒，0 为不限）后再试。"
    )


def run_within(seconds: float | None, name: str, work: Callable[..., T], *args: Any) -> T:
    """`work(*args)`, stopped after `seconds` (None or 0: no limit) with a TimeLimitExceeded."""
    if not seconds:
        return work(*args)
    if _can_fork():
        return _in_child(seconds, name, work, args)
    if threading.current_thread() is threading.main_thread():
        with _alarm(seconds, name):
            return work(*args)
    log.warning("time limit for %s not enforced: not in the main thread and the process cannot fork", name)
    return work(*args)


def _can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


def _child(conn, parent: int, work: Callable[..., Any], args: tuple) -> None:
    die_with_parent(parent)  # forked from the only thread: the kernel ends it with its parent
    try:
        outcome = ("result", work(*args))
    except YusuanError as error:
        outcome = ("error", error)
    except BaseException as error:  # a bug: carried to the parent as it is, so it is reported as one
        outcome = ("error", error)
    try:
        conn.send(outcome)
    except Exception as error:  # an exception that cannot be pickled: its type and text are enough
        conn.send(("error", RuntimeError(f"{type(outcome[1]).__name__}: {outcome[1]} ({error})")))
    finally:
        conn.close()


def _in_child(seconds: float, name: str, work: Callable[..., T], args: tuple) -> T:
    context = multiprocessing.get_context("fork")
    ours, theirs = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(theirs, os.getpid(), work, args), daemon=True)
    deadline = time.monotonic() + seconds
    process.start()
    theirs.close()
    try:
        if not ours.poll(max(0.0, deadline - time.monotonic())):
            raise TimeLimitExceeded(_too_slow(name, seconds))
        try:
            kind, value = ours.recv()
        except (EOFError, OSError):
            process.join(5)
            raise ReaderCrashed(
                f"无法读取“{name}”：读取文件的进程意外退出（退出码 {process.exitcode}），可能是文件损坏或内存不足。"
                "请换一个版本（如另存为 PDF 或 XLSX）后再试。"
            ) from None
    finally:
        ours.close()
        if process.is_alive():
            process.kill()
        process.join(5)
        process.close()
    if kind == "error":
        raise value
    return value


class _Alarm(BaseException):
    """Raised by the alarm handler; a BaseException so that no `except Exception` in a reader eats it."""


@contextmanager
def _alarm(seconds: float, name: str):
    def interrupt(signum, frame):
        raise _Alarm()

    previous = signal.signal(signal.SIGALRM, interrupt)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except _Alarm:
        raise TimeLimitExceeded(_too_slow(name, seconds)) from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
