"""Child processes that die with the process that started them, so that nothing of the work stays
behind a kill -9 of yusuan (a reading worker left running can grow to gigabytes with nobody to stop it).

Two ways, both carried out by the kernel, so they hold even while the child's Python is stuck in one
call into C that never lets another thread run (a backtracking regular expression, a native parser):

- `die_with_parent(parent)`: for a child forked or spawned by the process that must outlive it. On Linux
  the kernel sends it SIGKILL when the parent dies (prctl PR_SET_PDEATHSIG). The kernel sends it when the
  *thread* that started the child ends, so only children started from a thread that lives as long as
  the work may use it (the main thread; a pool's own thread). Elsewhere a thread of the child watches
  its parent id instead.
- `Lifeline`: for a child started by someone else (the forkserver of the web app's workers, which itself
  stays alive while any worker holds it). The parent keeps the write end of a pipe that nothing is ever
  written to; the child asks for SIGIO on the read end (F_SETOWN, O_ASYNC). When the last write end
  closes, which the kernel does when the parent dies, the child gets SIGIO, whose default action ends
  it. Python installs no handler for SIGIO, so no Python code has to run for it.
"""

from __future__ import annotations

import ctypes
import fcntl
import logging
import os
import select
import signal
import sys
import threading
import time
from multiprocessing.connection import Connection

log = logging.getLogger(__name__)

_PR_SET_PDEATHSIG = 1
_WATCH_SECONDS = 1.0  # where the kernel cannot do it: how often a child looks whether its parent is gone


def die_with_parent(parent: int) -> None:
    """Called in the child, first thing: end this process when `parent` (its parent's id) dies."""
    if sys.platform.startswith("linux") and _set_death_signal():
        if os.getppid() != parent:  # the parent died before the request was made: nobody would send it
            os._exit(1)
        return
    threading.Thread(target=_exit_with_parent, args=(parent,), name="yusuan-lifeline", daemon=True).start()


def _set_death_signal() -> bool:
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _exit_with_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(_WATCH_SECONDS)
    os._exit(1)


class Lifeline:
    """A pipe kept open by the parent for as long as the child may live; `child_end` goes to the child,
    which calls `hold(child_end)` first thing. `cut()` in the parent (or its death) ends the child."""

    def __init__(self, context) -> None:
        self.child_end, self._parent_end = context.Pipe(duplex=False)

    def given(self) -> None:
        """In the parent, once the child has started: its copy of the child's end is not needed."""
        self.child_end.close()

    def cut(self) -> None:
        self._parent_end.close()


def hold(child_end: Connection) -> None:
    """In the child: end this process as soon as every write end of the lifeline is closed."""
    fd = child_end.fileno()
    os.set_inheritable(fd, False)
    if hasattr(fcntl, "F_SETOWN") and hasattr(os, "O_ASYNC"):
        fcntl.fcntl(fd, fcntl.F_SETOWN, os.getpid())
        fcntl.fcntl(fd, fcntl.F_SETFL, fcntl.fcntl(fd, fcntl.F_GETFL) | os.O_ASYNC)
        if signal.getsignal(signal.SIGIO) not in (signal.SIG_DFL, None):
            signal.signal(signal.SIGIO, signal.SIG_DFL)
    else:  # no SIGIO on this system: a thread waits for the end of the pipe instead
        threading.Thread(target=_exit_at_end, args=(fd,), name="yusuan-lifeline", daemon=True).start()
    if select.select([fd], [], [], 0)[0]:  # closed already, before SIGIO was asked for: nothing would send it
        os._exit(1)


def _exit_at_end(fd: int) -> None:
    select.select([fd], [], [])
    os._exit(1)
