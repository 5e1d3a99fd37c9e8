"""Helpers of the kill trials: programs that say on stdout where they are, killing one at a chosen
point, and the consistency check of an archive (and of the web app's file store) after the kill.

A program run here prints a word, flushed, at each point of interest, before the work it names:

    file     the web app starts writing a file into its store (source, positions, model)
    insert   a child table's rows are being inserted: inside a document's transaction
    stored   a document's transaction has been committed

The test names the n-th word of a kind (KILL_AT=<word> <n> at the start, or `<word> +<n>` on stdin,
counted from then): the program stops there, prints `paused`, and the test kills its process group
(SIGKILL). So the kill lands at that point whatever the machine's speed, where a sleep would find the
work done, and a loaded machine cannot let the program run past it before the signal arrives.
"""

from __future__ import annotations

import hashlib
import os
import queue
import re
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from contextlib import nullcontext
from pathlib import Path

from yusuan.archive import Archive
from yusuan.archive.rows import CHILD_COLUMNS
from yusuan.batch.work import Done, Task, process

MARKERS = """
import os as _os
import sys as _sys
import threading as _threading
import time as _time

from yusuan.archive import archive as _archive, store as _store

_counts, _aim = {}, {}
# print() writes a word and its newline in two calls: two threads printing at once can merge their
# words into one line ("filepaused"), and the test would never see its word. One write under a lock.
_lock = _threading.Lock()

def tell(word):
    with _lock:
        _sys.stdout.write(word + "\\n")
        _sys.stdout.flush()

def aim(text):
    # "insert 57": stop at the 57th insert; "insert +3": at the third from now
    word, _, n = text.strip().partition(" ")
    with _lock:
        _aim.clear()
        _aim[word] = _counts.get(word, 0) + int(n) if n.startswith("+") else int(n)

def _listen():
    for line in _sys.stdin:
        aim(line)
        tell("aimed")  # the test sends its uploads only after this: counting starts here

def listen():
    # in the main process only: a worker that read stdin would hang when multiprocessing closes it
    if _os.environ.get("KILL_AT"):
        aim(_os.environ["KILL_AT"])
    _threading.Thread(target=_listen, daemon=True).start()

def say(word):
    with _lock:  # counted under the lock too: two threads must not both take the same number
        _counts[word] = n = _counts.get(word, 0) + 1
        chosen = _aim.get(word) == n
    tell(word)
    if chosen:  # the chosen point: wait here for the kill
        tell("paused")
        while True:
            _time.sleep(60)

_insert = _store.insert_children

def insert_children(cur, document_id, table, rows):
    say("insert")
    _insert(cur, document_id, table, rows)

_store.insert_children = insert_children
_add_record = _archive.Archive.add_record

def add_record(self, record):
    stored = _add_record(self, record)
    say("stored")
    return stored

_archive.Archive.add_record = add_record
"""

SERVER = MARKERS + """
import sys
from pathlib import Path

import uvicorn

from yusuan.web import Settings, create_app
from yusuan.web.store import FileStore

_write = FileStore.write

def write(self, content_hash, suffix, data):
    say("file")
    _write(self, content_hash, suffix, data)

FileStore.write = write

if __name__ == "__main__":
    listen()
    settings = Settings(db=Path(sys.argv[1]), parse_workers=2, upload_rate=0, parse_timeout=60)
    uvicorn.run(create_app(settings), host="127.0.0.1", port=int(sys.argv[2]), log_level="warning")
"""

BATCH = MARKERS + """
import sys
from pathlib import Path

from yusuan.batch import BatchOptions, run_batch

if __name__ == "__main__":  # batch.py FOLDER... ARCHIVE
    listen()
    run_batch([Path(p) for p in sys.argv[1:-1]], BatchOptions(db=Path(sys.argv[-1]), workers=1, progress=False))
"""

STORE_NAME = re.compile(r"(?P<hash>[0-9a-f]{64})\.(?P<suffix>[a-z0-9][a-z0-9.-]*)")


class Watched:
    """A program in a session of its own, its stdout read line by line into counts of words."""

    def __init__(self, script: Path, *args: str, kill_at: str = ""):
        self.process = subprocess.Popen([sys.executable, str(script), *args], start_new_session=True,
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                        text=True, env={**os.environ, "KILL_AT": kill_at})
        self.errors: list[str] = []  # the program's stderr, for the message when it ends too soon
        threading.Thread(target=lambda: self.errors.extend(self.process.stderr), daemon=True).start()
        self.counts: Counter = Counter()
        self._changed = threading.Condition()
        self._lines: queue.Queue = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.process.stdout:
            with self._changed:
                self.counts[line.strip()] += 1
                self._changed.notify_all()
        with self._changed:
            self.counts["<exit>"] += 1
            self._changed.notify_all()

    def wait_for(self, word: str, count: int, timeout: float = 60) -> bool:
        """True once `word` has been printed `count` times; False if the program ended first."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while self.counts[word] < count:
                if self.counts["<exit>"] or time.monotonic() > deadline:
                    return False
                self._changed.wait(0.5)
        return True

    def aim(self, word: str, ahead: int) -> None:
        """Have the program stop at the `ahead`-th `word` from now (it then prints `paused` and waits).
        Returns once the program has taken the aim, so that what the caller does next is counted."""
        aimed = self.counts["aimed"]
        self.process.stdin.write(f"{word} +{ahead}\n")
        self.process.stdin.flush()
        assert self.wait_for("aimed", aimed + 1), "the program did not take the aim"

    def kill(self) -> None:
        try:
            os.killpg(self.process.pid, signal.SIGKILL)  # the program and every worker it started
        except ProcessLookupError:
            pass
        self.process.wait(30)
        deadline = time.monotonic() + 10
        while _alive_in_group(self.process.pid):  # workers die with the group; wait until none is left
            assert time.monotonic() < deadline, "processes of the killed program outlived it"
            time.sleep(0.02)

    def stop(self) -> None:
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(20)
        except subprocess.TimeoutExpired:
            pass
        self.kill()


def _alive_in_group(group: int) -> bool:
    """Whether a process of the group still runs (a zombie waiting for init to reap it does not)."""
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[2]) == group and fields[0] != "Z":  # state, ppid, pgrp
            return True
    return False


def expected_rows(data: bytes, name: str) -> tuple[str, dict[str, int]]:
    """(content hash, rows per child table) that archiving this file must leave, made the batch's way."""
    digest = hashlib.sha256(data).hexdigest()
    done = process(Task(name, digest, data))
    assert isinstance(done, Done), done
    return digest, {table: rows.num_rows for table, rows in done.record.children.items()}


def check_archive(db: Path | Archive, expected: dict[str, dict[str, int]], files: Path | None = None,
                  settled: bool = False) -> set[str]:
    """Every document in the archive is whole: all the child rows of every table that archiving it
    makes, no more and no fewer; no child row without its document; the counts of findings by
    severity as its row says. With `files` (the web app's store), every archived document has its
    files, each complete (the source hashes to its name, the model reads), and every file there is
    named by a content hash; `settled` (after a restart) also wants no temporary file left.
    Returns the content hashes archived. `db` is the archive's file, or an Archive open (a server's)."""
    with (nullcontext(db) if isinstance(db, Archive) else Archive.open(db, read_only=True, timeout=30)) as archive:
        documents = {h: i for i, h in archive.query("SELECT id, content_hash FROM documents").rows}
        assert set(documents) <= set(expected), "a document no trial uploaded"
        for table in CHILD_COLUMNS:
            counts = dict(archive.query(f"SELECT document_id, count(*) FROM {table} GROUP BY document_id").rows)
            orphans = set(counts) - set(documents.values())
            assert not orphans, f"{table} rows without their document: {orphans}"
            for content_hash, document_id in documents.items():
                found, wanted = counts.get(document_id, 0), expected[content_hash][table]
                assert found == wanted, f"document {document_id}: {found} {table} rows of {wanted}"
        severities = archive.query(
            "SELECT d.id, d.errors, d.warnings, d.infos, count(*) FILTER (f.severity = 'error'), "
            "count(*) FILTER (f.severity = 'warning'), count(*) FILTER (f.severity = 'info') "
            "FROM documents d LEFT JOIN findings f ON f.document_id = d.id GROUP BY ALL").rows
        for row in severities:
            assert tuple(row[1:4]) == tuple(row[4:7]), f"document {row[0]}: counts {row[1:4]}, findings {row[4:7]}"
    if files is not None:
        check_files(files, set(documents), settled)
    return set(documents)


def check_files(root: Path, archived: set[str], settled: bool) -> None:
    from yusuan.model import Disclosure

    for path in root.rglob("*"):
        if path.is_dir():
            assert re.fullmatch(r"[0-9a-f]{2}", path.name) and path.parent == root, path
            continue
        if path.name.startswith(".") and path.name.endswith(".part"):
            assert not settled, f"a temporary file outlived the restart: {path}"
            continue
        name = STORE_NAME.fullmatch(path.name)
        assert name and path.parent.name == name["hash"][:2], f"a file not named by a content hash: {path}"
        if name["suffix"] == "source":
            assert hashlib.sha256(path.read_bytes()).hexdigest() == name["hash"], f"a partial source: {path}"
    for content_hash in archived:
        folder = root / content_hash[:2]
        source = folder / f"{content_hash}.source"
        assert hashlib.sha256(source.read_bytes()).hexdigest() == content_hash
        Disclosure.model_validate_json((folder / f"{content_hash}.model.json").read_bytes())
        assert (folder / f"{content_hash}.positions.json").is_file()
