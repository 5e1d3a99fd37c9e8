"""Work that misbehaves the way hostile documents make a reader or a check misbehave, for the isolation tests
(run in a child process, which must stop it and say so). Module-level functions: a child forked from the
forkserver gets them by name."""

import faulthandler
import os
import re
import time
from pathlib import Path

MB = 1024 * 1024


def eat_memory(*args):
    hoard = []
    for _ in range(96):  # 6 GB, past any cap here; bounded should the work run uncapped by mistake
        hoard.append(bytearray(64 * MB))
    return hoard


def abort(*args):
    faulthandler.disable()  # pytest's, inherited by the child: no dump of a crash asked for
    os.abort()  # as calamine does when an allocation fails


def sleep_long(*args):
    time.sleep(600)


def report_then_sleep(stage, progress):
    progress(stage, pages=3)
    time.sleep(600)


def vsz_mb() -> int:
    """This process's address space now: a child's cap counts what it inherits."""
    status = Path("/proc/self/status").read_text()
    return int(re.search(r"VmSize:\s+(\d+) kB", status).group(1)) // 1024
