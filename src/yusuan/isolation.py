"""One document's work in a child process with a time limit and a memory cap: the one isolation path of
every face that parses or renders a document. The CLI (parse, export, check, render --from-parsed),
`db add` and the batch workers call `run_within`, and so does the web server (`web/isolated.py`) for an
upload's reading and checks, a rendering and a page image.

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
worker, the web server, an application embedding the library), the child is forked from
multiprocessing's forkserver instead, which has the readers and the checks loaded (`_PRELOAD`, to
which a face adds the modules of its own work with `preload`): the work and its input then travel
pickled, and the child ends with its caller through a `Lifeline` (`children.py` starts, watches and
ends a child). A server asks for the forkserver
always (`forkserver=True`): it runs threads whenever it serves, and a crash must never end it, so its
work never runs in process. Only where neither can be used does an alarm signal stop the work (main
thread only, between bytecodes), without a memory cap.

What a caller needs beyond the bounds are options of the same call: the child's progress reports
(`on_progress`), an event that ends the child early (`stop`: a server stopping), and the `Wording` of
what its user is told when the child is stopped or dies (the CLI's by default; the web has its own).
"""

from __future__ import annotations

import logging
import multiprocessing
import signal
import sys
import threading
from collections.abc import Callable
from contextlib import contextmanager
from typing import Any, TypeVar

from .children import Progress, Watch, in_child
from .errors import UnreadableInput, YusuanError

log = logging.getLogger(__name__)

T = TypeVar("T")
MB = 1024 * 1024


class TimeLimitExceeded(UnreadableInput):
    """The work on a document took longer than its time limit."""


class MemoryLimitExceeded(UnreadableInput):
    """The work on a document needed more memory than its cap."""


class ReaderCrashed(UnreadableInput):
    """The child process working on a document died (a native library crashed, or it ran out of memory)."""


class Wording:
    """What the user is told when a child did not bring its work's outcome back, as the exception the caller
    catches. These are the command line's (they name --timeout and --memory); the web words its own."""

    def too_slow(self, name: str, seconds: float) -> BaseException:
        return TimeLimitExceeded(
            f"无法处理“{name}”：处理超过 {seconds:g} 秒的时限，已停止。文件可能过大或结构异常；"
            "请只提供预算或决算公开文件本身，或用 --timeout 调高时限（秒，0 为不限）后再试。")

    def too_big(self, name: str, memory_bytes: int) -> BaseException:
        return MemoryLimitExceeded(
            f"无法处理“{name}”：所需内存超过上限 {memory_bytes // MB} MB，已停止。文件可能过大或结构异常；"
            "请只提供预算或决算公开文件本身，或用 --memory 调高上限（MB，0 为不限）后再试。")

    def crashed(self, name: str, exitcode: int | None, memory_bytes: int | None) -> BaseException:
        cause = f"可能是文件损坏或所需内存超过上限 {memory_bytes // MB} MB" if memory_bytes else "可能是文件损坏或内存不足"
        return ReaderCrashed(f"无法处理“{name}”：处理文件的进程意外退出（退出码 {exitcode}），{cause}。"
                             "请换一个版本（如另存为 PDF 或 XLSX）后再试。")

    def stopped(self, name: str) -> BaseException:
        return YusuanError(f"“{name}”未处理完：已按要求停止。")

    def bug(self, error: BaseException) -> BaseException:
        return error  # raised as it is, so that it is reported as the bug it is


def run_within(seconds: float | None, name: str, work: Callable[..., T], *args: Any,
               memory_bytes: int | None = None, on_progress: Progress | None = None,
               stop: threading.Event | None = None, forkserver: bool = False, wording: Wording = Wording()) -> T:
    """`work(*args)`, stopped after `seconds` with `wording.too_slow` and held under `memory_bytes` of
    address space with `wording.too_big` (None or 0: no such bound).

    With `on_progress`, `work` gets one more argument, a `progress(stage, **info)` whose calls reach
    `on_progress(stage, **info)` here. Once `stop` is set, the child is ended (`wording.stopped`).
    With `forkserver`, the work runs in a child forked from the forkserver, bounded or not.
    """
    watch = Watch(seconds or None, memory_bytes or None, on_progress, stop)
    if forkserver:
        return _apart(_forkserver_context(), watch, name, wording, work, args)
    if not seconds and not memory_bytes:
        return work(*_reporting(args, on_progress))
    if _can_fork():
        return _apart(multiprocessing.get_context("fork"), watch, name, wording, work, args)
    if _forkserver_available():
        return _apart(_forkserver_context(), watch, name, wording, work, args)
    in_main_thread = threading.current_thread() is threading.main_thread()
    _say_once_unbounded(memory=bool(memory_bytes), deadline=bool(seconds) and not in_main_thread)
    if seconds and in_main_thread:
        with _alarm(seconds, name, wording):
            return work(*_reporting(args, on_progress))
    return work(*_reporting(args, on_progress))


def _reporting(args: tuple, progress: Progress | None) -> tuple:
    return args if progress is None else (*args, progress)


def _apart(context, watch: Watch, name: str, wording: Wording, work: Callable[..., T], args: tuple) -> T:
    kind, value = in_child(context, watch, work, args)
    if kind == "result":
        return value
    raise _said(kind, value, watch, name, wording)


def _said(kind: str, value: Any, watch: Watch, name: str, wording: Wording) -> BaseException:
    """What the caller raises for a child that did not return its work's result."""
    if kind == "refused":
        return value
    if kind == "bug":
        return wording.bug(value)
    if kind == "late":
        return wording.too_slow(name, watch.seconds)
    if kind == "stopped":
        return wording.stopped(name)
    if kind == "memory":
        return wording.too_big(name, watch.memory_bytes or 0)
    return wording.crashed(name, value, watch.memory_bytes)


_unbounded_said: set[str] = set()


def _say_once_unbounded(*, memory: bool, deadline: bool) -> None:
    """Logged once per process (a Ray worker would say it for every document)."""
    for bound, lacking in (("memory cap", memory), ("time limit", deadline)):
        if lacking and bound not in _unbounded_said:
            _unbounded_said.add(bound)
            log.warning("%s not enforced in this process: it can neither fork nor use a forkserver", bound)


def _can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


def _forkserver_available() -> bool:
    return "forkserver" in multiprocessing.get_all_start_methods()


# what the forkserver imports once, so that a child forked from it starts with the readers and the checks
_PRELOAD = ["yusuan.pipeline", "yusuan.checks", "yusuan.readers.pdf", "yusuan.readers.spreadsheet",
            "yusuan.readers.docx", "yusuan.readers.html"]


def preload(modules: list[str]) -> None:
    """Have the forkserver import `modules` too (a face's own work); effective only before it starts."""
    _PRELOAD.extend(module for module in modules if module not in _PRELOAD)


def _forkserver_context():
    context = multiprocessing.get_context("forkserver")
    # every child runs the caller's main module again (multiprocessing does), and a Ray worker's imports
    # ray: loaded once here, the child finds it loaded instead of importing it again
    context.set_forkserver_preload(_PRELOAD + [name for name in ("ray",) if name in sys.modules])
    return context


def warm_up() -> None:
    """Start the forkserver now, in the background: a server's first job then need not wait for it to import
    what it preloads."""
    _forkserver_context()

    def start() -> None:
        try:
            from multiprocessing import forkserver

            forkserver.ensure_running()
        except Exception:  # the first job starts it instead
            log.exception("could not start the forkserver ahead of time")

    threading.Thread(target=start, name="yusuan-forkserver", daemon=True).start()


class _Alarm(BaseException):
    """Raised by the alarm handler; a BaseException so that no `except Exception` in a reader eats it."""


@contextmanager
def _alarm(seconds: float, name: str, wording: Wording):
    def interrupt(signum, frame):
        raise _Alarm()

    previous = signal.signal(signal.SIGALRM, interrupt)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except _Alarm:
        raise wording.too_slow(name, seconds) from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
