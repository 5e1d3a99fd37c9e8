"""One document's work in a child process with a time limit and a memory cap: the isolation path of the
CLI (parse, export, check, render --from-parsed), `db add` and the batch workers.

Why a child process, and not a deadline checked between pages or an alarm signal: the time goes
where no check can be placed. One PDF page can take minutes in pdfminer (a content stream of a
million operators), a regular expression runs in C until it returns, calamine and lxml parse in
native code, and a C library can crash the interpreter outright. A signal is only handled between
Python bytecodes of the main thread; a check between pages never runs inside a page. Killing a
process stops all of it, frees its memory, and turns a crash of a native library into a message.
The memory cap is the child's address space (RLIMIT_AS): past it an allocation fails, Python raises
MemoryError (said as such) and a native library aborts (said as a crash), and the caller goes on.

The child is forked (it inherits the loaded modules and the input) and the result comes back
pickled through a pipe (BENCHMARKS.md has the cost). Where forking is unsafe, because the calling
process runs other Python threads (a lock held by one of them would stay locked in the child: a Ray
worker, an application embedding the library), the child is forked from multiprocessing's
forkserver instead, which has the readers and the checks loaded (`_PRELOAD`): the work and its
input then travel pickled, and the child ends with its caller through a `Lifeline`. Only where
neither can be used does an alarm signal stop the work (main thread only, between bytecodes),
without a memory cap.

The web server runs its own workers from a forkserver (`web/isolated.py`), with the same two bounds
and progress reports.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import resource
import signal
import sys
import threading
import time
from collections.abc import Callable
from contextlib import contextmanager
from typing import Any, TypeVar

from .errors import UnreadableInput, YusuanError
from .lifeline import Lifeline, die_with_parent, hold

log = logging.getLogger(__name__)

T = TypeVar("T")
MB = 1024 * 1024


class TimeLimitExceeded(UnreadableInput):
    """The work on a document took longer than its time limit."""


class MemoryLimitExceeded(UnreadableInput):
    """The work on a document needed more memory than its cap."""


class ReaderCrashed(UnreadableInput):
    """The child process working on a document died (a native library crashed, or it ran out of memory)."""


def _too_slow(name: str, seconds: float) -> str:
    return (
        f"无法处理“{name}”：处理超过 {seconds:g} 秒的时限，已停止。文件可能过大或结构异常；"
        "请只提供预算或决算公开文件本身，或用 --timeout 调高时限（秒，0 为不限）后再试。"
    )


def _too_big(name: str, memory_bytes: int) -> str:
    return (
        f"无法处理“{name}”：所需内存超过上限 {memory_bytes // MB} MB，已停止。文件可能过大或结构异常；"
        "请只提供预算或决算公开文件本身，或用 --memory 调高上限（MB，0 为不限）后再试。"
    )


def _crashed(name: str, exitcode: int | None, memory_bytes: int | None) -> str:
    cause = f"可能是文件损坏或所需内存超过上限 {memory_bytes // MB} MB" if memory_bytes else "可能是文件损坏或内存不足"
    return (f"无法处理“{name}”：处理文件的进程意外退出（退出码 {exitcode}），{cause}。"
            "请换一个版本（如另存为 PDF 或 XLSX）后再试。")


def run_within(seconds: float | None, name: str, work: Callable[..., T], *args: Any,
               memory_bytes: int | None = None) -> T:
    """`work(*args)`, stopped after `seconds` with a TimeLimitExceeded and held under `memory_bytes` of
    address space with a MemoryLimitExceeded (None or 0: no such bound)."""
    if not seconds and not memory_bytes:
        return work(*args)
    if _can_fork():
        return _in_child("fork", seconds or None, memory_bytes or None, name, work, args)
    if _forkserver_available():
        return _in_child("forkserver", seconds or None, memory_bytes or None, name, work, args)
    in_main_thread = threading.current_thread() is threading.main_thread()
    _say_once_unbounded(memory=bool(memory_bytes), deadline=bool(seconds) and not in_main_thread)
    if seconds and in_main_thread:
        with _alarm(seconds, name):
            return work(*args)
    return work(*args)


_said: set[str] = set()


def _say_once_unbounded(*, memory: bool, deadline: bool) -> None:
    """Logged once per process (a Ray worker would say it for every document)."""
    for bound, lacking in (("memory cap", memory), ("time limit", deadline)):
        if lacking and bound not in _said:
            _said.add(bound)
            log.warning("%s not enforced in this process: it can neither fork nor use a forkserver", bound)


def _can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


def _forkserver_available() -> bool:
    return "forkserver" in multiprocessing.get_all_start_methods()


# what the forkserver imports once, so that a child forked from it starts with the readers and the checks
_PRELOAD = ["yusuan.pipeline", "yusuan.checks", "yusuan.readers.pdf", "yusuan.readers.spreadsheet",
            "yusuan.readers.docx", "yusuan.readers.html"]
_preloaded = False


def _forkserver():
    global _preloaded
    context = multiprocessing.get_context("forkserver")
    if not _preloaded:  # takes effect only if the forkserver has not started yet (the web app starts its own)
        # every child runs the caller's main module again (multiprocessing does), and a Ray worker's imports
        # ray: loaded once here, the child finds it loaded (a second a document otherwise)
        context.set_forkserver_preload(_PRELOAD + [name for name in ("ray",) if name in sys.modules])
        _preloaded = True
    return context


def cap_memory(memory_bytes: int) -> None:
    """Cap this process's address space, for good (soft and hard; never above the hard limit it has)."""
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    size = memory_bytes if hard == resource.RLIM_INFINITY else min(memory_bytes, hard)
    resource.setrlimit(resource.RLIMIT_AS, (size, size))


def _child(conn, tie, memory_bytes: int | None, work: Callable[..., Any], args: tuple) -> None:
    if isinstance(tie, int):
        die_with_parent(tie)  # forked from the caller's only thread: the kernel ends it with its parent
    else:
        hold(tie)  # forked from the forkserver: ends when the caller lets go of the lifeline, or dies
    try:
        if memory_bytes:
            cap_memory(memory_bytes)
        outcome = ("result", work(*args))
    except MemoryError:
        outcome = ("memory", None)
    except YusuanError as error:
        outcome = ("error", error)
    except BaseException as error:  # a bug: carried to the parent as it is, so it is reported as one
        outcome = ("error", error)
    try:
        conn.send(outcome)
    except MemoryError:
        conn.send(("memory", None))
    except Exception as error:  # an exception that cannot be pickled: its type and text are enough
        conn.send(("error", RuntimeError(f"{type(outcome[1]).__name__}: {outcome[1]} ({error})")))
    finally:
        conn.close()


def _in_child(method: str, seconds: float | None, memory_bytes: int | None, name: str, work: Callable[..., T],
              args: tuple) -> T:
    context = multiprocessing.get_context("fork") if method == "fork" else _forkserver()
    ours, theirs = context.Pipe(duplex=False)
    lifeline = None if method == "fork" else Lifeline(context)
    tie = os.getpid() if lifeline is None else lifeline.child_end
    process = context.Process(target=_child, args=(theirs, tie, memory_bytes, work, args), daemon=True)
    deadline = None if seconds is None else time.monotonic() + seconds
    try:
        process.start()
    except BaseException:
        ours.close()
        if lifeline is not None:
            lifeline.cut()
        raise
    finally:
        theirs.close()
        if lifeline is not None:
            lifeline.given()
    try:
        if not ours.poll(None if deadline is None else max(0.0, deadline - time.monotonic())):
            raise TimeLimitExceeded(_too_slow(name, seconds))
        try:
            kind, value = ours.recv()
        except (EOFError, OSError):
            process.join(5)
            raise ReaderCrashed(_crashed(name, process.exitcode, memory_bytes)) from None
    finally:
        ours.close()
        if lifeline is not None:
            lifeline.cut()  # a child still running ends at once (SIGIO)
        if process.is_alive():
            process.kill()
        process.join(5)
        process.close()
    if kind == "memory":
        raise MemoryLimitExceeded(_too_big(name, memory_bytes or 0))
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
