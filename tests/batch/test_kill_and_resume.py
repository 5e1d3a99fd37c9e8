"""Kill the batch process (SIGKILL, in the middle of writing a document) and run it again: every
document ends up in the archive exactly once and whole, and none is done twice.

The kill lands inside a document's writing, at a child-table insert drawn at random: the program
stops there and waits to be killed, so the kill lands there however fast or slow the machine. After
the kill every archived document must have all its rows. A store that commits a document and its
rows in two transactions leaves one without its rows at that point; the second test runs this test
against such a store and wants it to fail, so this test is known to be able to fail.
"""

import hashlib
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from yusuan.archive import Archive
from yusuan.archive.rows import CHILD_COLUMNS
from yusuan.batch.work import Done, Task, process

from .contents import hashes

DOCUMENTS = 60
INSERTS_PER_DOCUMENT = len(CHILD_COLUMNS)  # one per child table, empty ones included

# In the batch process (the archive is written there, not in the workers). KILL_AT_INSERT=n: stop at
# the n-th child-table insert and wait for the kill. TWO_STEP=1: the store under test commits the
# document's row, then its rows in a transaction of their own (the defect the test must catch).
SCRIPT = """
import os
import sys
import time
from pathlib import Path

from yusuan.archive import archive as _archive, store as _store
from yusuan.batch import BatchOptions, run_batch

_insert = _store.insert_children
_inserts = 0
_aim = int(os.environ.get("KILL_AT_INSERT") or 0)

def insert_children(cur, document_id, table, rows):
    global _inserts
    _inserts += 1
    if _inserts == _aim:
        print("paused", flush=True)
        while True:
            time.sleep(60)
    _insert(cur, document_id, table, rows)

_store.insert_children = insert_children

def two_step_store(cur, record):
    cur.begin()
    known = _store.find_by_hash(cur, record.content_hash)
    if known is not None:
        cur.rollback()
        return _store.Stored(known, new=False)
    document_id = _store._insert_document(cur, record)
    cur.commit()
    cur.begin()
    for table, rows in record.children.items():
        _store.insert_children(cur, document_id, table, rows)
    cur.commit()
    return _store.Stored(document_id, new=True)

if os.environ.get("TWO_STEP"):
    _archive.store = two_step_store

if __name__ == "__main__":
    run_batch([Path(sys.argv[1])], BatchOptions(db=Path(sys.argv[2]), workers=2, progress=False))
"""


def _run(script: Path, folder: Path, db: Path, kill_at_insert: int = 0, two_step: bool = False) -> subprocess.Popen:
    environment = {**os.environ, "KILL_AT_INSERT": str(kill_at_insert), "TWO_STEP": "1" if two_step else ""}
    return subprocess.Popen([sys.executable, str(script), str(folder), str(db)], start_new_session=True,
                            env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _no_workers_left(group: int, seconds: float = 10.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            os.killpg(group, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.2)
    return False


def _rows_wanted(folder: Path) -> dict[str, dict[str, int]]:
    """Rows per child table that archiving each file makes, by content hash, built outside the batch."""
    wanted = {}
    for path in folder.rglob("*.txt"):
        data = path.read_bytes()
        done = process(Task(path.name, hashlib.sha256(data).hexdigest(), data))
        assert isinstance(done, Done), done
        wanted[done.content_hash] = {table: rows.num_rows for table, rows in done.record.children.items()}
    return wanted


def _assert_whole(db: Path, wanted: dict[str, dict[str, int]]) -> None:
    """Every archived document has exactly the rows archiving it makes, in every child table."""
    with Archive.open(db, read_only=True, timeout=30) as archive:
        documents = dict(archive.query("SELECT content_hash, id FROM documents").rows)
        for table in CHILD_COLUMNS:
            counts = dict(archive.query(f"SELECT document_id, count(*) FROM {table} GROUP BY document_id").rows)
            for content_hash, document_id in documents.items():
                found, expected = counts.get(document_id, 0), wanted[content_hash][table]
                assert found == expected, f"document {document_id}: {found} {table} rows of {expected}"


def _kill_and_resume(tmp_path: Path, two_step: bool) -> None:
    from yusuan.synth.generate import SynthOptions, generate

    folder, db, script = tmp_path / "in", tmp_path / "a.duckdb", tmp_path / "run.py"
    generate(SynthOptions(count=DOCUMENTS, seed=5), folder)
    script.write_text(SCRIPT)
    # inside the writing of a document somewhere in the middle, after its first insert
    document, insert = random.randrange(5, DOCUMENTS - 15), random.randrange(1, INSERTS_PER_DOCUMENT)
    batch = _run(script, folder, db, document * INSERTS_PER_DOCUMENT + insert + 1, two_step)
    line = batch.stdout.readline()
    assert line.strip() == "paused", f"the batch ended before the kill: {batch.stderr.read()[-2000:]}"
    os.kill(batch.pid, signal.SIGKILL)  # the program alone: its workers must die with it
    batch.wait()
    assert _no_workers_left(batch.pid), "workers outlived the killed batch"

    wanted = _rows_wanted(folder)
    _assert_whole(db, wanted)
    done = len(hashes(db))
    assert done == document, f"{done} documents archived before the kill, not {document}"

    resumed = _run(script, folder, db, two_step=two_step)
    _, errors = resumed.communicate(timeout=600)
    assert resumed.returncode == 0, errors
    archived = hashes(db)
    assert len(archived) == len(set(archived)) == DOCUMENTS
    assert archived == sorted(wanted)
    _assert_whole(db, wanted)
    summary = json.loads((tmp_path / "a.duckdb.batch" / "summary.json").read_text())
    assert summary["archived_before"] == done and summary["added"] == DOCUMENTS - done


def test_a_killed_batch_resumes_without_losing_or_redoing_a_document(tmp_path):
    _kill_and_resume(tmp_path, two_step=False)


def test_the_kill_test_fails_against_a_store_that_commits_in_two_steps(tmp_path):
    with pytest.raises(AssertionError, match=r"document \d+: 0 \w+ rows of [1-9]"):
        _kill_and_resume(tmp_path, two_step=True)
