"""Several writers at once, in threads and in processes: no corruption, no duplicates, nothing lost."""

import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from yusuan import archiving
from yusuan.archive import Archive

from .builders import TONGNAN_JXW, budget, count, tongnan_2023


def _variants(seed_path: Path, folder: Path, n: int) -> list[Path]:
    """Copies of the seed text that differ in the department's name (different content, same shape)."""
    text = seed_path.read_text(encoding="utf-8")
    paths = []
    for i in range(n):
        path = folder / f"variant-{i}.txt"
        path.write_text(text.replace(TONGNAN_JXW, f"重庆市潼南区测试委员会{i}"), encoding="utf-8")
        paths.append(path)
    return paths


def _consistent(archive, documents: int) -> None:
    assert count(archive, "documents") == documents
    assert archive.query("SELECT count(DISTINCT content_hash) FROM documents").rows[0][0] == documents
    # every line belongs to a document, and each document has all of its lines exactly once
    assert archive.query("SELECT count(*) FROM lines WHERE document_id NOT IN (SELECT id FROM documents)").rows == [(0,)]
    per_document = archive.query("SELECT count(*) FROM lines GROUP BY document_id").rows
    assert len(per_document) == documents


def test_threads_sharing_one_archive(archive, seed_path, tmp_path):
    files = [seed_path, *_variants(seed_path, tmp_path, 3)]
    models = [tongnan_2023(), budget("重庆市潼南区某局", 2024, basic="1", project="2", classes={})]
    jobs = ([lambda f=f: archiving.add_file(archive, f) for f in files]
            + [lambda m=m: archiving.add(archive, m) for m in models])
    with ThreadPoolExecutor(max_workers=8) as pool:  # every job three times, interleaved
        results = list(pool.map(lambda job: job(), jobs * 3))
    _consistent(archive, len(files) + len(models))
    ids = [r.id for r in results]
    assert len(set(ids)) == len(files) + len(models)  # the same content always got the same id
    lines_of_seed = archive.query("SELECT count(*) FROM lines WHERE document_id = ?", [results[0].id]).rows[0][0]
    assert lines_of_seed == archive.query("SELECT count(*) FROM lines WHERE document_id = ?", [ids[1]]).rows[0][0]


def test_threads_each_opening_the_archive_wait_for_each_other(db_path, seed_path, tmp_path):
    files = [seed_path, *_variants(seed_path, tmp_path, 2)]

    def add(path):
        with Archive.open(db_path) as archive:
            return archiving.add_file(archive, path).id

    with ThreadPoolExecutor(max_workers=6) as pool:
        ids = list(pool.map(add, files * 2))
    assert ids[:3] == ids[3:]
    with Archive.open(db_path, read_only=True) as archive:
        _consistent(archive, 3)


_ADD_SCRIPT = """
import sys
from pathlib import Path
from yusuan import archiving
from yusuan.archive import Archive
with Archive.open(sys.argv[1], timeout=120) as archive:
    for name in sys.argv[2:]:
        result = archiving.add_file(archive, Path(name))
        assert result.outcome in ("added", "existing"), result
"""


def test_processes_adding_at_the_same_time(db_path, seed_path, tmp_path):
    files = [str(p) for p in (seed_path, *_variants(seed_path, tmp_path, 3))]
    orders = [files, files[::-1], files[1:] + files[:1], files[2:] + files[:2]]
    processes = [subprocess.Popen([sys.executable, "-c", _ADD_SCRIPT, str(db_path), *order],
                                  stderr=subprocess.PIPE, text=True) for order in orders]
    for process in processes:
        _, stderr = process.communicate(timeout=240)
        assert process.returncode == 0, stderr
    with Archive.open(db_path, read_only=True) as archive:
        _consistent(archive, len(files))
        names = {d.department for d in archive.list().items}
    assert names == {TONGNAN_JXW, *(f"重庆市潼南区测试委员会{i}" for i in range(3))}


def test_a_reader_waits_while_a_writer_holds_the_archive(db_path):
    from yusuan.archive import ArchiveBusy

    with Archive.open(db_path):
        with pytest.raises(ArchiveBusy) as busy:
            Archive.open(db_path, read_only=True, timeout=0.2)
    assert "正被其他程序使用" in busy.value.message
    Archive.open(db_path, read_only=True, timeout=0.2).close()  # free again once the writer closed


_READ_SCRIPT = """
import sys
from yusuan.archive import Archive
with Archive.open(sys.argv[1], read_only=True, timeout=float(sys.argv[2])) as archive:
    print(archive.query("SELECT count(*) FROM documents").rows[0][0])
"""


def _other_process(script: str, *args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", script, *map(str, args)], capture_output=True, text=True,
                          timeout=120)


def test_another_process_reads_while_a_shared_archive_is_in_use(db_path, seed_path):
    with Archive.open(db_path, shared=True, linger=60) as served:
        archiving.add_file(served, seed_path)
        with served.cursor() as cur:  # a request being answered: the server has the file open now
            assert cur.execute("SELECT count(*) FROM documents").fetchone() == (1,)
            read = _other_process(_READ_SCRIPT, db_path, 2)
        assert read.returncode == 0, read.stderr
        assert read.stdout.split() == ["1"]


def test_another_process_writes_once_a_shared_archive_is_idle_and_the_server_sees_it(db_path, seed_path, tmp_path):
    (other,) = _variants(seed_path, tmp_path, 1)
    with Archive.open(db_path, shared=True, linger=0.1) as served:
        archiving.add_file(served, seed_path)
        assert served.list().total == 1  # reads open the file; it is let go a moment after
        added = _other_process(_ADD_SCRIPT, db_path, other)
        assert added.returncode == 0, added.stderr
        assert {d.department for d in served.list().items} == {TONGNAN_JXW, "重庆市潼南区测试委员会0"}


def test_a_writer_waits_for_the_servers_request_and_is_told_why(db_path, seed_path):
    from yusuan.archive import ServerMark, waiting_message

    mark = ServerMark(db_path)
    mark.acquire("http://127.0.0.1:8123/")
    try:
        with Archive.open(db_path, shared=True, linger=0.1) as served:
            archiving.add_file(served, seed_path)
            told = []
            script = ("import sys\nfrom yusuan.archive import Archive, waiting_message\n"
                      "with Archive.open(sys.argv[1], timeout=30, on_wait=lambda p, t: print(waiting_message(p, t),"
                      " file=sys.stderr, flush=True)) as a:\n    print(a.remove(1))\n")
            with served.cursor():  # a request holds the file while the other program wants to write
                writer = subprocess.Popen([sys.executable, "-c", script, str(db_path)], stdout=subprocess.PIPE,
                                          stderr=subprocess.PIPE, text=True)
                told.append(writer.stderr.readline())  # it says why it waits, and waits
                assert writer.poll() is None
            out, _ = writer.communicate(timeout=60)
            assert writer.returncode == 0 and out.split() == ["True"]
            assert served.list().total == 0
    finally:
        mark.release()
    assert "yusuan serve" in told[0] and "http://127.0.0.1:8123/" in told[0] and "等它空闲" in told[0]
    assert waiting_message(db_path, 5) == waiting_message(db_path, 5)  # no server now: the generic message
    assert "yusuan serve" not in waiting_message(db_path, 5)


def test_one_server_per_archive(db_path):
    from yusuan.archive import ServerMark, ServerRunning, server_using

    first = ServerMark(db_path)
    first.acquire("http://127.0.0.1:8001/")
    try:
        # in this process the mark is our own; another process sees the server
        seen = _other_process("import sys\nfrom pathlib import Path\nfrom yusuan.archive import server_using\n"
                              "print(server_using(Path(sys.argv[1])))", db_path)
        assert "http://127.0.0.1:8001/" in seen.stdout
        with pytest.raises(ServerRunning) as refused:
            ServerMark(db_path).acquire("http://127.0.0.1:8002/")
        assert "已由另一个 yusuan serve 使用（进程" in refused.value.message and "8001" in refused.value.message
    finally:
        first.release()
    assert server_using(db_path) is None
    again = ServerMark(db_path)
    again.acquire("http://127.0.0.1:8002/")  # free once the first server stopped
    again.release()
