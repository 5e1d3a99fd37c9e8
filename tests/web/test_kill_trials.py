"""Killing the server in the middle of uploads, and a batch in the middle of its work, at random
points (SIGKILL, 10 trials each): the archive never holds a partial document, and a rerun completes.

After every kill the archive is checked whole (killing.check_archive): each document has exactly the
child rows archiving it makes, in every table; no child row lacks its document. For the server the
file store is checked too: every archived document has its files, complete, named by content hash.

Server trials share one archive, as a server's life would: the restart after a kill is the rerun of
the uploads the kill interrupted (all must end done and archived), then the next trial's uploads are
sent and the server killed again. The point of each kill is drawn at random from

    body     while a request's body is arriving (half sent)
    file     at the n-th file written into the store
    insert   at the n-th child-table insert: inside a document's transaction
    stored   at the n-th commit
    delay    a random 0–0.5 s after the uploads start

Batch trials: a batch over a small synthetic collection killed at the n-th insert or commit, then
run again to the end on the same archive.

YUSUAN_KILL_SEED=<n> repeats a run's choices (the seed is printed with -s).
"""

from __future__ import annotations

import hashlib
import os
import random
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

from yusuan.archive.rows import CHILD_COLUMNS
from yusuan.batch.local import QUEUED_PER_WORKER

from .helpers import FINISHED, _free_port, variant
from .killing import BATCH, SERVER, Watched, check_archive, expected_rows

TRIALS = 10
FILES_PER_TRIAL = 3
# files: source, positions, model; inserts: one per child table of the archive; one commit
MARKS_PER_DOCUMENT = {"file": 3, "insert": len(CHILD_COLUMNS), "stored": 1}
SERVER_KILLS = ("body", "file", "insert", "stored", "delay")
BATCH_DOCUMENTS = 8
# one worker keeps QUEUED_PER_WORKER documents in flight, delivered in any order among themselves:
# once that many and one more new ones are stored, every earlier one has been
MARGIN = QUEUED_PER_WORKER + 1


def _seed() -> int:
    seed = int(os.environ.get("YUSUAN_KILL_SEED") or random.randrange(10**6))
    print(f"\nkill trials: YUSUAN_KILL_SEED={seed}")
    return seed


def _start_server(script: Path, db: Path) -> tuple[Watched, httpx.Client]:
    port = _free_port()
    server = Watched(script, str(db), str(port))
    client = httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60)
    deadline = time.monotonic() + 60
    while True:
        try:
            if client.get("/api/facets").status_code == 200:
                return server, client
        except httpx.TransportError:
            pass
        assert time.monotonic() < deadline and server.process.poll() is None, "the server did not start"
        time.sleep(0.1)


def _post(client: httpx.Client, name: str, data: bytes) -> str | None:
    try:
        response = client.post("/api/uploads", files=[("files", (name, data, "text/plain"))])
        return response.json()["jobs"][0]["id"]
    except (httpx.TransportError, KeyError, ValueError):  # the server was killed under the request
        return None


def _rerun(client: httpx.Client, files: list[tuple[str, bytes]]) -> None:
    """Upload the files again and wait: every one ends done (archived now or before)."""
    jobs = client.post("/api/uploads", files=[("files", (n, d, "text/plain")) for n, d in files]).json()["jobs"]
    deadline = time.monotonic() + 120
    ids = ",".join(job["id"] for job in jobs)
    while True:
        states = client.get(f"/api/jobs?ids={ids}").json()
        if all(job["state"] in FINISHED for job in states):
            break
        assert time.monotonic() < deadline, states
        time.sleep(0.05)
    assert [job["state"] for job in states] == ["done"] * len(files), states


def _half_sent_upload(client: httpx.Client, name: str, data: bytes, half_sent: threading.Event,
                      killed: threading.Event) -> None:
    boundary = "killtrialboundary"
    head = (f'--{boundary}\r\nContent-Disposition: form-data; name="files"; filename="{name}"\r\n'
            "Content-Type: text/plain\r\n\r\n").encode()
    body = head + data + f"\r\n--{boundary}--\r\n".encode()

    def chunks():
        yield body[: len(body) // 2]
        half_sent.set()
        killed.wait(30)
        yield body[len(body) // 2:]

    try:
        client.post("/api/uploads", content=chunks(), headers={"content-type": f"multipart/form-data; boundary={boundary}"})
    except httpx.TransportError:
        pass
    finally:
        half_sent.set()


def _kill_server_during_uploads(server: Watched, client: httpx.Client, files, kind: str, rng: random.Random) -> str:
    """Send the uploads, kill the server at the chosen point; returns where it was killed."""
    paused = server.counts["paused"]
    if kind in MARKS_PER_DOCUMENT:
        n = rng.randint(1, MARKS_PER_DOCUMENT[kind] * len(files) - 1)
        server.aim(kind, n)  # the server is idle (the rerun has finished): counted from these uploads
    half_sent, killed = threading.Event(), threading.Event()
    with ThreadPoolExecutor(len(files) + 1) as pool:
        for name, data in files:
            pool.submit(_post, client, name, data)
        if kind == "body":
            name, data = files[rng.randrange(len(files))]
            pool.submit(_half_sent_upload, client, f"streamed-{name}", data, half_sent, killed)
            assert half_sent.wait(30)
            where = "half of a request's body sent"
        elif kind == "delay":
            delay = rng.uniform(0, 0.5)
            time.sleep(delay)
            where = f"{delay * 1000:.0f} ms after the uploads started"
        else:
            assert server.wait_for("paused", paused + 1), f"the server never reached {kind} {n}"
            where = f"{kind} #{n}"
        server.kill()
        killed.set()
    return where


def test_killing_the_server_mid_upload_never_leaves_a_partial_document(tmp_path):
    rng = random.Random(_seed())
    script, db = tmp_path / "serve.py", tmp_path / "archive.duckdb"
    script.write_text(SERVER)
    files_root = db.with_name(db.name + ".files")
    trials = [[(f"t{t}-{i}.txt", variant(f"重庆市潼南区试验{t}局{i}科")) for i in range(FILES_PER_TRIAL)]
              for t in range(TRIALS)]
    hashes = [[hashlib.sha256(data).hexdigest() for _, data in trial] for trial in trials]
    expected = dict(expected_rows(data, name) for trial in trials for name, data in trial)
    kinds = [SERVER_KILLS[t % len(SERVER_KILLS)] for t in range(TRIALS)]
    rng.shuffle(kinds)
    outcomes, previous = [], None
    for t, files in enumerate(trials):
        server, client = _start_server(script, db)
        try:
            if previous is not None:  # the restart reruns what the last kill interrupted
                _rerun(client, previous)
            where = _kill_server_during_uploads(server, client, files, kinds[t], rng)
        finally:
            server.kill()
            client.close()
        archived = check_archive(db, expected, files_root)
        if previous is not None:
            assert set(hashes[t - 1]) <= archived
        outcomes.append((where, sum(h in archived for h in hashes[t])))
        previous = files
    server, client = _start_server(script, db)
    try:
        _rerun(client, previous)
    finally:
        server.stop()
        client.close()
    archived = check_archive(db, expected, files_root, settled=True)
    assert archived == set(expected)
    print(f"server kills (where, of {FILES_PER_TRIAL} uploaded documents archived):", outcomes)


def test_killing_a_batch_never_leaves_a_partial_document(tmp_path):
    from yusuan.batch import BatchOptions, run_batch
    from yusuan.synth.generate import SynthOptions, generate

    rng = random.Random(_seed())
    script, db = tmp_path / "batch.py", tmp_path / "archive.duckdb"
    script.write_text(BATCH)
    folders = [tmp_path / f"in-{t}" for t in range(TRIALS)]
    for t, folder in enumerate(folders):
        generate(SynthOptions(count=BATCH_DOCUMENTS, seed=rng.randrange(10**6)), folder)
    documents = [sorted(folder.rglob("*.txt")) for folder in folders]
    assert all(len(found) == BATCH_DOCUMENTS for found in documents)
    hashes = [{hashlib.sha256(p.read_bytes()).hexdigest() for p in found} for found in documents]
    expected = dict(expected_rows(p.read_bytes(), p.name) for found in documents for p in found)
    outcomes, left = [], 0  # documents of the previous folder the last kill left undone
    for t, folder in enumerate(folders):
        # the run is the rerun of the previous folder (its undone documents come first, one worker
        # stores them in order) and then the new folder, killed at a random point inside the new folder;
        # past the first MARGIN documents, so the previous folder's have all been delivered
        kind = ("insert", "stored")[t % 2]
        marks = MARKS_PER_DOCUMENT[kind]
        n = rng.randint(marks * (left + MARGIN) + 1, marks * (left + BATCH_DOCUMENTS) - 1)
        paths = [str(p) for p in (folders[t - 1:t] + [folder])]
        batch = Watched(script, *paths, str(db), kill_at=f"{kind} {n}")
        try:
            assert batch.wait_for("paused", 1), f"the batch ended before {kind} {n}: {batch.counts} {batch.errors[-20:]}"
        finally:
            batch.kill()
        archived = check_archive(db, expected)
        if t > 0:
            assert hashes[t - 1] <= archived, "the rerun did not finish the previous folder's documents"
        done = len(hashes[t] & archived)
        assert done < BATCH_DOCUMENTS
        outcomes.append((f"{kind} #{n - marks * left}", done))
        left = BATCH_DOCUMENTS - done
    summary = run_batch(folders, BatchOptions(db=db, workers=1, progress=False))  # the last rerun, to the end
    assert summary.added == left and summary.archived_before == TRIALS * BATCH_DOCUMENTS - left
    assert not summary.failures
    assert check_archive(db, expected) == set(expected)
    print(f"batch kills (where in the new folder, of {BATCH_DOCUMENTS} documents archived):", outcomes)
