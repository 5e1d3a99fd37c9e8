"""The web server's use of the one isolation path (`yusuan.isolation.run_within`): reading and checking
an upload, rendering an archived document, drawing a PDF page, each in a process of its own.

Why a process and not a thread: an uploaded file is hostile until read. A reader that crashes the
interpreter (a C library on a broken PDF), loops, or eats memory then takes down its worker, not
the server: the worker is stopped at --parse-timeout, its address space is capped at --parse-memory,
and the server reports the document as failed and goes on serving.

The worker is the child `run_within` starts for every face, always forked from the forkserver (the
server runs threads, so it never forks itself): the forkserver has imported the readers and the web's
work once (`PRELOAD`), and the worker dies with the server, even by kill -9 (a `lifeline.Lifeline`).
What is the web's own is here: its work named "module:function" (`Settings.parser`, `Settings.renderer`;
a test names one that crashes), and the words a person reads when a worker is stopped or dies
(`WorkerFailed`, with the `Advice` that suits the kind of job).
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..errors import YusuanError
from ..isolation import MB, Wording, preload, run_within

# yusuan.cli too: a worker re-imports the program's main module (for `yusuan serve`, the console
# script, which imports yusuan.cli); preloaded, that import finds everything already loaded.
PRELOAD = ["yusuan.web.parsing", "yusuan.web.rendering", "yusuan.web.pdfpages", "yusuan.cli"]
preload(PRELOAD)

Progress = Callable[..., None]


class WorkerFailed(YusuanError):
    """The worker died, ran out of time or memory, was stopped with the server, or hit a bug: the message
    says which."""


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


@dataclass(frozen=True)
class _WebWording(Wording):
    """The server's options (--parse-timeout, --parse-memory) and the advice for the kind of job; a file's
    name is left out (the page shows it beside the message)."""

    advice: Advice

    def too_slow(self, name: str, seconds: float) -> BaseException:
        return WorkerFailed(f"处理超过 {seconds:.0f} 秒，已停止。{self.advice.too_slow}")

    def too_big(self, name: str, memory_bytes: int) -> BaseException:
        return WorkerFailed(f"处理这个文件需要的内存超过上限 {memory_bytes // MB} MB，已停止。"
                            "请拆分文件，或请管理员调高上限（--parse-memory）。")

    def crashed(self, name: str, exitcode: int | None, memory_bytes: int | None) -> BaseException:
        cause = (f"文件可能已损坏，或所需内存超过上限 {memory_bytes // MB} MB（--parse-memory）" if memory_bytes
                 else "文件可能已损坏")
        return WorkerFailed(f"处理文件的进程意外退出（退出码 {exitcode}）。{cause}；{self.advice.died}")

    def stopped(self, name: str) -> BaseException:
        return WorkerFailed("服务正在停止，这份文件未处理完。请在服务重新启动后再上传。")

    def bug(self, error: BaseException) -> BaseException:  # reported with its type, so it can be fixed
        return WorkerFailed(f"内部错误（{type(error).__name__}: {error}）。请报告这个问题。")


def resolve(target: str) -> Callable[..., Any]:
    """'package.module:function' -> the function (only names the server was configured with)."""
    module, _, name = target.partition(":")
    return getattr(importlib.import_module(module), name)


def _run_target(target: str, payload: Any, progress: Progress) -> Any:
    # resolved in the worker: a target need not be picklable by reference (a test's is made by a function)
    return resolve(target)(payload, progress)


def _ignore(stage: str, **info: Any) -> None:
    pass


def run_isolated(target: str, payload: Any, *, timeout: float, memory_mb: int = 0,
                 on_progress: Progress | None = None, stop: threading.Event | None = None,
                 advice: Advice = FOR_A_FILE) -> Any:
    """Run `target(payload, progress)` in a worker; its result, or YusuanError / WorkerFailed.

    Setting `stop` (the server is stopping) ends the worker.
    """
    return run_within(timeout, target, _run_target, target, payload, memory_bytes=memory_mb * MB,
                      on_progress=on_progress or _ignore, stop=stop, forkserver=True, wording=_WebWording(advice))
