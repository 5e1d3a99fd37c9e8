"""The local engine: every document archived once, skipped when archived, one failure never stops the others."""

from pathlib import Path

from yusuan.batch import BatchOptions, discover, run_batch
from yusuan.batch.failures import LOG_NAME

from .contents import hashes


def _options(tmp_path: Path, **changes) -> BatchOptions:
    return BatchOptions(db=tmp_path / "a.duckdb", workers=2, progress=False, **changes)


def test_discovery_walks_folders_in_name_order_and_skips_what_is_no_document(tmp_path):
    for name in ("b/2.txt", "a/1.pdf", "a/.hidden.txt", "manifest.jsonl", "c.docx"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    assert [p.relative_to(tmp_path).as_posix() for p in discover([tmp_path])] == ["a/1.pdf", "b/2.txt", "c.docx"]


def test_a_list_file_names_documents_relative_to_itself(tmp_path):
    (tmp_path / "x.txt").write_text("x")
    (tmp_path / "list.txt").write_text("# downloaded\nx.txt\thttps://example.org/x.txt\n\n")
    assert list(discover([], [tmp_path / "list.txt"])) == [tmp_path / "x.txt"]


def test_every_document_is_archived_once_and_a_second_run_skips_them_all(collection, tmp_path):
    first = run_batch([collection], _options(tmp_path))
    assert (first.found, first.added, first.failed) == (24, 24, 0)
    assert len(hashes(tmp_path / "a.duckdb")) == 24
    second = run_batch([collection], _options(tmp_path))
    assert (second.archived_before, second.added) == (24, 0)


def test_a_failing_document_is_recorded_and_the_others_are_archived(collection, tmp_path):
    broken = tmp_path / "in"
    broken.mkdir()
    for path in sorted(collection.rglob("*.txt"))[:3]:
        (broken / path.name).write_bytes(path.read_bytes())
    (broken / "notes.txt").write_text("会议纪要：今天天气很好。", encoding="utf-8")
    summary = run_batch([broken], _options(tmp_path))
    assert (summary.added, summary.failed, summary.exit_code) == (3, 1, 2)
    assert "notes.txt" in summary.failures[0].path and "没有找到预算或决算公开" in summary.failures[0].error
    log = (tmp_path / "a.duckdb.batch" / LOG_NAME).read_text(encoding="utf-8")
    assert "notes.txt" in log
    again = run_batch([broken], _options(tmp_path))  # known failures are not parsed again
    assert (again.failed_before, again.failed, again.added) == (1, 0, 0)
    retried = run_batch([broken], _options(tmp_path, retry_failed=True))
    assert retried.failed == 1


def test_a_document_that_takes_too_long_is_stopped_and_recorded(tmp_path, monkeypatch):
    from yusuan.batch.work import Task, process

    monkeypatch.setattr("yusuan.batch.work._record", lambda task: __import__("time").sleep(5))
    failed = process(Task("slow.txt", "0" * 64), timeout=0.2)
    assert "超时" in failed.error
    assert "--timeout" in failed.error and "DocumentTimeout" not in failed.error  # the option to raise, by its name
