"""kill -9 of a yusuan process leaves none of its children running (issue 15, cause 8).

Each case starts a program in a session of its own that sets one kind of child to work on something
without end, kills the program (SIGKILL, the program alone, not its group) once the child is at work,
and then wants no process of the session left within a few seconds. The child's work is a
backtracking regular expression: it runs in C without ever letting another Python thread run, so a
child that only watches its parent from a thread of its own would stay.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")

HANG = '''
import re

def forever(*args, **kwargs):
    print("working", flush=True)
    re.match(r"(a+)+$", "a" * 60 + "b")  # exponential backtracking: far longer than any test
'''

PROGRAMS = {
    # the web app's reading worker, forked by the forkserver (whose child it is, not the server's)
    "web-worker": '''
import threading, time
from yusuan.web import isolated
import hang

if __name__ == "__main__":
    threading.Thread(target=isolated.run_isolated, args=("hang:forever", b"", ), kwargs={"timeout": 600},
                     daemon=True).start()
    time.sleep(600)
''',
    # a batch worker of the local engine (spawned)
    "batch-worker": '''
from yusuan.batch import local
from yusuan.batch.work import Task
import hang

if __name__ == "__main__":
    local.process = hang.forever
    local.LocalEngine(1).run([Task("a.txt", "0" * 64, b"")], lambda outcomes: None)
''',
    # the child of `--timeout` (forked)
    "time-limit-child": '''
from yusuan.isolation import run_within
import hang

if __name__ == "__main__":
    run_within(600, "a.txt", hang.forever)
''',
    # the child of a bound set in a process that runs threads (a Ray worker): forked by the forkserver
    "bounded-child-beside-threads": '''
import threading
from yusuan.isolation import run_within
import hang

if __name__ == "__main__":
    threading.Thread(target=threading.Event().wait, daemon=True).start()
    run_within(600, "a.txt", hang.forever, memory_bytes=2 << 30)
''',
    # the PDF writer's render (forked)
    "pdf-child": '''
from yusuan.writers import pdf
import hang

if __name__ == "__main__":
    pdf._in_child(hang.forever)
''',
}


def _alive_in_session(session: int) -> list[int]:
    """The processes of the session still running (a zombie waiting to be reaped is not)."""
    alive = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[3]) == session and fields[0] != "Z":  # state, ppid, pgrp, session
            alive.append(int(stat.parent.name))
    return alive


@pytest.mark.parametrize("kind", PROGRAMS)
def test_no_child_outlives_a_killed_program(tmp_path, kind):
    (tmp_path / "hang.py").write_text(HANG)
    script = tmp_path / "program.py"
    script.write_text(PROGRAMS[kind])
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), *sys.path])}
    program = subprocess.Popen([sys.executable, str(script)], start_new_session=True, cwd=tmp_path,
                               env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = program.stdout.readline()
        assert line.strip() == "working", f"the child did not start: {line!r} {program.stderr.read()[-2000:]}"
        os.kill(program.pid, signal.SIGKILL)
        program.wait(30)
        deadline = time.monotonic() + 5
        while (left := _alive_in_session(program.pid)) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not left, f"processes of the killed program still run: {left}"
    finally:
        try:
            os.killpg(program.pid, signal.SIGKILL)  # whatever a failure left behind
        except ProcessLookupError:
            pass
