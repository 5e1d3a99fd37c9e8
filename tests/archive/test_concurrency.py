"""Several writers at once, in threads and in processes: no corruption, no duplicates, nothing lost."""

import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

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
    jobs = [lambda f=f: archive.add_file(f) for f in files] + [lambda m=m: archive.add(m) for m in models]
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
            return archive.add_file(path).id

    with ThreadPoolExecutor(max_workers=6) as pool:
        ids = list(pool.map(add, files * 2))
    assert ids[:3] == ids[3:]
    with Archive.open(db_path, read_only=True) as archive:
        _consistent(archive, 3)


_ADD_SCRIPT = """
import sys
from pathlib import Path
from yusuan.archive import Archive
with Archive.open(sys.argv[1], timeout=120) as archive:
    for name in sys.argv[2:]:
        result = archive.add_file(Path(name))
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
