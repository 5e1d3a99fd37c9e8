"""Kill the batch process (SIGKILL, at a random point) and run it again: every document ends up in the
archive exactly once, and none is done twice."""

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from .contents import hashes

# The batch prints a line per stored document so the test can kill it at a chosen count whatever the
# machine's speed (a sleep would find it finished on a fast machine).
SCRIPT = """
import sys
from pathlib import Path
from yusuan.batch import BatchOptions, run_batch
from yusuan.batch.sinks import Sink

_stored = Sink.stored

def stored(self, done, new):
    _stored(self, done, new)
    print("stored", flush=True)

Sink.stored = stored
if __name__ == "__main__":
    run_batch([Path(sys.argv[1])], BatchOptions(db=Path(sys.argv[2]), workers=2, progress=False))
"""


def _start(script: Path, folder: Path, db: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, str(script), str(folder), str(db)], start_new_session=True,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)


def _wait_for_stored(process: subprocess.Popen, count: int) -> None:
    seen = 0
    for line in process.stdout:
        seen += line.strip() == "stored"
        if seen >= count:
            return
    raise AssertionError(f"the batch ended after {seen} documents, before the kill")


def _no_workers_left(group: int, seconds: float = 10.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            os.killpg(group, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.2)
    return False


def test_a_killed_batch_resumes_without_losing_or_redoing_a_document(tmp_path):
    from yusuan.synth.generate import SynthOptions, generate

    folder, db, script = tmp_path / "in", tmp_path / "a.duckdb", tmp_path / "run.py"
    generate(SynthOptions(count=200, seed=5), folder)
    script.write_text(SCRIPT)
    process = _start(script, folder, db)
    _wait_for_stored(process, random.randint(20, 150))  # somewhere in the middle
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert _no_workers_left(process.pid), "workers outlived the killed batch"
    done = len(hashes(db)) if db.exists() else 0
    assert 0 < done < 200, f"kill was not halfway ({done} of 200 archived)"

    resumed = subprocess.run([sys.executable, str(script), str(folder), str(db)], capture_output=True, timeout=600)
    assert resumed.returncode == 0, resumed.stderr.decode()
    archived = hashes(db)
    assert len(archived) == len(set(archived)) == 200
    written = sorted(__import__("hashlib").sha256(p.read_bytes()).hexdigest() for p in folder.rglob("*.txt"))
    assert archived == written
    summary = __import__("json").loads((tmp_path / "a.duckdb.batch" / "summary.json").read_text())
    assert summary["archived_before"] == done and summary["added"] == 200 - done
