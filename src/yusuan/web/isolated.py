"""Running one untrusted job (reading and checking an uploaded file, rendering a document, drawing a PDF
page) in a process of its own.

Why a process and not a thread: an uploaded file is hostile until read. A reader that crashes the
interpreter (a C library on a broken PDF), loops, or eats memory then takes down its worker, not
the server: the worker is killed after `timeout`, its address space is capped, and the server
reports the document as failed and goes on serving.

Workers are forked from a forkserver that has imported the readers once (`PRELOAD`), so starting
one costs milliseconds, not the second a fresh interpreter would take to import them. The input
goes through a pipe after the worker starts; the worker reports progress and then its result.

A worker ends when the server dies, even by kill -9 (a `lifeline.Lifeline`): its parent is the
forkserver, which stays alive as long as any worker does, so the worker cannot wait for its parent.
With the last worker gone, the forkserver and multiprocessing's resource tracker end too.
"""

from __future__ import annotations

from dataclasses import dataclass

import importlib
import logging
import multiprocessing
import threading
import time
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any

from ..errors import YusuanError
from ..isolation import cap_memory
from ..lifeline import Lifeline, hold

# yusuan.cli too: a worker re-imports the program's main module (for `yusuan serve`, the console
# script, which imports yusuan.cli); preloaded, that import finds everything already loaded.
PRELOAD = ["yusuan.web.parsing", "yusuan.web.rendering", "yusuan.web.pdfpages", "yusuan.cli"]
_CONTEXT = multiprocessing.get_context("forkserver")
_CONTEXT.set_forkserver_preload(PRELOAD)

Progress = Callable[..., None]
log = logging.getLogger(__name__)


def warm_up() -> None:
    """Start the forkserver now, in the background: the first upload then need not wait for it to import
    the readers (a second or two)."""

    def start() -> None:
        try:
            from multiprocessing import forkserver

            forkserver.ensure_running()
        except Exception:  # the first job starts it instead
            log.exception("could not start the forkserver ahead of time")

    threading.Thread(target=start, name="yusuan-forkserver", daemon=True).start()


class WorkerFailed(YusuanError):
    """The worker died, ran out of time or memory, or hit a bug: the message says which."""


def resolve(target: str) -> Callable[..., Any]:
    """'package.module:function' -> the function (only names the server was configured with)."""
    module, _, name = target.partition(":")
    return getattr(importlib.import_module(module), name)


def _worker(conn: Connection, lifeline: Connection, target: str, memory_mb: int) -> None:
    hold(lifeline)
    if memory_mb > 0:
        cap_memory(memory_mb * 1024 * 1024)
    try:
        payload = conn.recv()
        result = resolve(target)(payload, lambda stage, **info: conn.send(("progress", stage, info)))
        conn.send(("result", result, None))
    except YusuanError as error:  # the file's fault, said in words the user can act on
        conn.send(("refused", error.message, None))
    except MemoryError:
        conn.send(("memory", memory_mb, None))
    except Exception as error:  # a bug: reported with its type, so it can be fixed
        conn.send(("failed", f"{type(error).__name__}: {error}", None))
    finally:
        conn.close()


_NEVER = threading.Event()
_STOP_CHECK_SECONDS = 0.5  # how soon a worker is stopped once the server is stopping


@dataclass(frozen=True)
class Advice:
    """What a person can do when the worker ran out of time, or died."""

    too_slow: str
    died: str


# an upload: the file itself is the cause, another version of it may go through
FOR_A_FILE = Advice("请拆分文件，或请管理员调高时限（--parse-timeout）。", "请换一个版本（如另存为 PDF 或 XLSX）再试。")
# a download of an archived document: another format may go through
FOR_A_RENDERING = Advice("请下载其他格式，或请管理员调高时限（--parse-timeout）。",
                         "请下载其他格式，或请管理员调高内存上限（--parse-memory）。")


def run_isolated(target: str, payload: Any, *, timeout: float, memory_mb: int = 0,
                 on_progress: Progress | None = None, stop: threading.Event = _NEVER,
                 advice: Advice = FOR_A_FILE) -> Any:
    """Run `target(payload, progress)` in a worker; its result, or YusuanError / WorkerFailed.

    Setting `stop` (the server is shutting down) ends the worker within half a second.
    """
    ours, theirs = _CONTEXT.Pipe()
    lifeline = Lifeline(_CONTEXT)
    process = _CONTEXT.Process(target=_worker, args=(theirs, lifeline.child_end, target, memory_mb), daemon=True)
    try:
        process.start()
    except BaseException:
        lifeline.cut()
        raise
    finally:
        theirs.close()
        lifeline.given()
    try:
        ours.send(payload)
        return _await_result(ours, process, time.monotonic() + timeout, timeout, memory_mb, on_progress, stop,
                             advice)
    finally:
        ours.close()
        _stop(process, lifeline)


def _wait_for_message(conn: Connection, deadline: float, timeout: float, stop: threading.Event,
                      advice: Advice) -> None:
    while not conn.poll(min(max(deadline - time.monotonic(), 0), _STOP_CHECK_SECONDS)):
        if stop.is_set():
            raise WorkerFailed("服务正在停止，这份文件未处理完。请在服务重新启动后再上传。")
        if time.monotonic() >= deadline:
            raise WorkerFailed(f"处理超过 {timeout:.0f} 秒，已停止。{advice.too_slow}")


def _await_result(conn: Connection, process, deadline: float, timeout: float, memory_mb: int,
                  on_progress: Progress | None, stop: threading.Event, advice: Advice) -> Any:
    while True:
        _wait_for_message(conn, deadline, timeout, stop, advice)
        try:
            kind, value, info = conn.recv()
        except (EOFError, OSError):
            process.join(5)
            cause = f"文件可能已损坏，或所需内存超过上限 {memory_mb} MB（--parse-memory）" if memory_mb else "文件可能已损坏"
            raise WorkerFailed(f"处理文件的进程意外退出（退出码 {process.exitcode}）。{cause}；{advice.died}") from None
        if kind == "progress":
            if on_progress is not None:
                on_progress(value, **info)
            continue
        if kind == "result":
            return value
        if kind == "refused":
            raise YusuanError(value)
        if kind == "memory":
            raise WorkerFailed(f"处理这个文件需要的内存超过上限 {value} MB，已停止。"
                               "请拆分文件，或请管理员调高上限（--parse-memory）。")
        raise WorkerFailed(f"内部错误（{value}）。请报告这个问题。")


def _stop(process, lifeline: Lifeline) -> None:
    process.join(1)
    lifeline.cut()  # a worker still running ends at once (SIGIO); kill() below is for the rest
    if process.is_alive():
        process.kill()
        process.join(5)
    process.close()
