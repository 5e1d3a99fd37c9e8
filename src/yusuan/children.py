"""A call run in a child process and watched by its parent: the mechanics of the one isolation path
(`isolation.run_within` chooses where the work runs and what its user is told; this module knows no
wording). The parent waits for the child's messages until a deadline or until a `stop` event is set,
passes its progress reports on, and ends it however the wait ends: the child never outlives its call.

A child forked from the caller dies with it by the kernel (`lifeline.die_with_parent`); one forked from
the forkserver, whose child it is, through a `lifeline.Lifeline` held by the caller.
"""

from __future__ import annotations

import os
import resource
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.process import BaseProcess
from typing import Any

from .errors import YusuanError
from .lifeline import Lifeline, die_with_parent, hold

Progress = Callable[..., None]
_STOP_CHECK_SECONDS = 0.5  # how soon a child is ended once its caller sets `stop`


@dataclass(frozen=True)
class Watch:
    """What a parent watches its child for: its bounds (None: none), where its progress reports go (None:
    the work gets no `progress`), and an event that ends it early."""

    seconds: float | None = None
    memory_bytes: int | None = None
    on_progress: Progress | None = None
    stop: threading.Event | None = None


def cap_memory(memory_bytes: int) -> None:
    """Cap this process's address space, for good (soft and hard; never above the hard limit it has)."""
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    size = memory_bytes if hard == resource.RLIM_INFINITY else min(memory_bytes, hard)
    resource.setrlimit(resource.RLIMIT_AS, (size, size))


def in_child(context, watch: Watch, work: Callable[..., Any], args: tuple) -> tuple[str, Any]:
    """`work(*args)` in a child started by `context` (fork or forkserver), as (kind, value): ("result", what
    it returned), ("refused", its YusuanError), ("bug", another exception), ("memory", None) past the cap,
    ("late", None) at the deadline, ("stopped", None) once `stop` is set, ("crashed", its exit code)."""
    forked = context.get_start_method() == "fork"
    ours, theirs = context.Pipe(duplex=False)
    lifeline = None if forked else Lifeline(context)
    tie = os.getpid() if lifeline is None else lifeline.child_end
    process = context.Process(target=_child, daemon=True,
                              args=(theirs, tie, watch.memory_bytes, watch.on_progress is not None, work, args))
    deadline = None if watch.seconds is None else time.monotonic() + watch.seconds
    _start(process, ours, theirs, lifeline)
    try:
        return _outcome(ours, process, deadline, watch)
    finally:
        _end(process, ours, lifeline)


def _child(conn, tie, memory_bytes: int | None, reports: bool, work: Callable[..., Any], args: tuple) -> None:
    if isinstance(tie, int):
        die_with_parent(tie)  # forked from the caller's only thread: the kernel ends it with its parent
    else:
        hold(tie)  # forked from the forkserver: ends when the caller lets go of the lifeline, or dies
    if reports:
        args = (*args, lambda stage, **info: conn.send(("progress", (stage, info))))
    try:
        if memory_bytes:
            cap_memory(memory_bytes)
        outcome = ("result", work(*args))
    except MemoryError:
        outcome = ("memory", None)
    except YusuanError as error:  # the document's fault, said in words the user can act on
        outcome = ("refused", error)
    except BaseException as error:  # a bug: carried to the parent as it is, so it is reported as one
        outcome = ("bug", error)
    _send(conn, outcome)


def _send(conn, outcome: tuple[str, Any]) -> None:
    try:
        conn.send(outcome)
    except MemoryError:
        conn.send(("memory", None))
    except Exception as error:  # an exception that cannot be pickled: its type and text are enough
        conn.send(("bug", RuntimeError(f"{type(outcome[1]).__name__}: {outcome[1]} ({error})")))
    finally:
        conn.close()


def _start(process: BaseProcess, ours, theirs, lifeline: Lifeline | None) -> None:
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


def _outcome(conn, process: BaseProcess, deadline: float | None, watch: Watch) -> tuple[str, Any]:
    """The child's last message; its progress reports are passed on meanwhile."""
    while True:
        if not _message_waiting(conn, deadline, watch.stop):
            return ("stopped", None) if watch.stop is not None and watch.stop.is_set() else ("late", None)
        try:
            kind, value = conn.recv()
        except (EOFError, OSError):
            process.join(5)
            return "crashed", process.exitcode
        if kind != "progress":
            return kind, value
        stage, info = value
        watch.on_progress(stage, **info)


def _message_waiting(conn, deadline: float | None, stop: threading.Event | None) -> bool:
    """True once the child has sent a message or died; False at the deadline or once `stop` is set."""
    while not conn.poll(_next_look(deadline, stop)):
        if (stop is not None and stop.is_set()) or (deadline is not None and time.monotonic() >= deadline):
            return False
    return True


def _next_look(deadline: float | None, stop: threading.Event | None) -> float | None:
    """How long to wait for the child before looking at the deadline and `stop` again (None: no need to)."""
    left = None if deadline is None else max(0.0, deadline - time.monotonic())
    if stop is None:
        return left
    return _STOP_CHECK_SECONDS if left is None else min(left, _STOP_CHECK_SECONDS)


def _end(process: BaseProcess, conn, lifeline: Lifeline | None) -> None:
    conn.close()
    if lifeline is not None:
        lifeline.cut()  # a child still running ends at once (SIGIO)
    if process.is_alive():
        process.kill()
    process.join(5)
    process.close()
