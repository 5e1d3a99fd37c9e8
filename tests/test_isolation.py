"""One isolation path for every face: a document's work (reading, checking, rendering) in a child process
bounded in time and memory, whose crash refuses that document only (isolation.py)."""

import re
import threading
import time

import pytest
from typer.testing import CliRunner

from yusuan import isolation, pipeline
from yusuan.cli import app
from yusuan.errors import YusuanError
from yusuan.isolation import MemoryLimitExceeded, ReaderCrashed, run_within

from misbehaving import abort, eat_memory, report_then_sleep, sleep_long, vsz_mb

runner = CliRunner()
MB = 1024 * 1024


@pytest.fixture
def forking(monkeypatch):
    """The child process, even if an earlier test left a thread running in this process."""
    monkeypatch.setattr(isolation, "_can_fork", lambda: True)


def _plain(output: str) -> str:
    return re.sub(r"[\s\u2500-\u257f]+", "", output)  # rich wraps messages at the width, in tables too


def test_past_the_memory_cap_the_work_stops_with_a_message_and_this_process_goes_on(forking):
    with pytest.raises(MemoryLimitExceeded) as refused:
        run_within(None, "big.txt", eat_memory, memory_bytes=600 * MB)
    assert "“big.txt”：所需内存超过上限 600 MB" in refused.value.message and "--memory" in refused.value.message
    assert run_within(None, "small.txt", sum, [1, 2, 3], memory_bytes=600 * MB) == 6


def test_a_native_abort_in_the_child_is_a_refusal_that_names_the_cap(forking):
    with pytest.raises(ReaderCrashed) as refused:
        run_within(30, "abort.xlsx", abort, memory_bytes=600 * MB)
    assert "意外退出" in refused.value.message and "600 MB" in refused.value.message


@pytest.fixture
def threaded():
    """A thread of someone else's in this process (a Ray worker's, an embedding application's): no fork."""
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait, daemon=True)
    thread.start()
    yield
    stop.set()
    thread.join()


def test_beside_other_threads_the_bounds_hold_through_the_forkserver(threaded):
    assert not isolation._can_fork()
    with pytest.raises(MemoryLimitExceeded, match="所需内存超过上限 2048 MB"):
        run_within(None, "big.txt", eat_memory, memory_bytes=2048 * MB)
    started = time.monotonic()
    with pytest.raises(isolation.TimeLimitExceeded, match="处理超过 2 秒的时限"):
        run_within(2, "slow.txt", sleep_long)
    assert time.monotonic() - started < 15
    with pytest.raises(ReaderCrashed, match="意外退出"):
        run_within(30, "abort.xlsx", abort)
    assert run_within(30, "small.txt", sum, [1, 2, 3], memory_bytes=2048 * MB) == 6


def test_beside_other_threads_a_document_is_parsed_and_checked_as_in_process(threaded, seed_path):
    from yusuan.checks import report_to_dict
    from yusuan.readers import Limits

    report = pipeline.check_path(seed_path, Limits(max_seconds=60, max_memory_bytes=2048 * MB))
    assert report_to_dict(report) == report_to_dict(pipeline.check_path(seed_path))


def test_from_a_thread_a_child_reports_its_progress_and_ends_once_told_to_stop():
    """What the web server asks of the same path: a child forked from the forkserver for a caller that is
    not the main thread, whose progress reaches the caller and which ends when the caller sets `stop`."""
    stop = threading.Event()
    reports, raised = [], []

    def on_progress(stage, **info):
        reports.append((stage, info))
        stop.set()

    def call():
        try:
            run_within(60, "slow.txt", report_then_sleep, "reading", on_progress=on_progress, stop=stop,
                       forkserver=True)
        except YusuanError as error:
            raised.append(error)

    started = time.monotonic()
    caller = threading.Thread(target=call, daemon=True)
    caller.start()
    caller.join(30)
    assert reports == [("reading", {"pages": 3})]
    assert [error.message for error in raised] == ["“slow.txt”未处理完：已按要求停止。"]
    assert time.monotonic() - started < 15


def test_an_open_archive_leaves_db_add_free_to_fork(tmp_path):
    """`db add` opens the archive before a document is read: the document must still be read in a bounded
    child, not under an alarm without a memory cap (a thread in this process would forbid the fork)."""
    from yusuan.archive import Archive

    with Archive.open(tmp_path / "a.duckdb") as archive:
        archive.find("0" * 64)
        assert isolation._can_fork()
    stray = threading.Thread(target=time.sleep, args=(1,))
    stray.start()
    assert not isolation._can_fork()  # a thread may hold a lock the child needs
    stray.join()


def test_cli_check_past_its_memory_cap_refuses_that_document_and_checks_the_next(monkeypatch, forking, tmp_path,
                                                                                seed_path):
    from yusuan import checks

    real = checks.run_checks
    monkeypatch.setattr(checks, "run_checks",
                        lambda d, *a, **k: eat_memory() if d.source_name == "big.txt" else real(d, *a, **k))
    (tmp_path / "big.txt").write_bytes(seed_path.read_bytes())
    cap = vsz_mb() + 700
    result = runner.invoke(app, ["check", "--memory", str(cap), "--format", "json", str(tmp_path / "big.txt"),
                                 str(seed_path)])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert f"“big.txt”：所需内存超过上限{cap}MB" in _plain(result.output)
    assert '"document"' in result.stdout  # the second document's report


def test_db_add_stops_a_document_whose_checks_are_slow_and_adds_the_others(monkeypatch, forking, tmp_path,
                                                                          seed_path):
    real = pipeline._check_bytes

    def slow_checks(data, name, limits):
        if name == "slow.txt":
            time.sleep(60)
        return real(data, name, limits)

    monkeypatch.setattr(pipeline, "_check_bytes", slow_checks)
    (tmp_path / "slow.txt").write_bytes(seed_path.read_bytes() + b"\n")  # other content: not already archived
    env = {"YUSUAN_DB": str(tmp_path / "a.duckdb"), "COLUMNS": "200"}
    started = time.monotonic()
    result = runner.invoke(app, ["db", "add", "--timeout", "2", str(tmp_path / "slow.txt"), str(seed_path)], env=env)
    assert time.monotonic() - started < 30
    assert result.exit_code == 2 and "处理超过2秒的时限" in _plain(result.output)
    listed = runner.invoke(app, ["db", "ls"], env=env)
    assert "共 1 份" in listed.stdout  # the seed; nothing of slow.txt


def test_render_from_parsed_past_its_memory_cap_writes_nothing(monkeypatch, forking, tmp_path, seed_path):
    from yusuan.writers import registry

    monkeypatch.setattr(registry, "render", eat_memory)
    out = tmp_path / "out.html"
    cap = vsz_mb() + 700
    result = runner.invoke(app, ["render", "--from-parsed", "--memory", str(cap), "-o", str(out), str(seed_path)])
    assert result.exit_code == 2 and f"所需内存超过上限{cap}MB" in _plain(result.output)
    assert not out.exists()


@pytest.mark.parametrize("command", [["check"], ["parse"], ["db", "add"], ["render", "--from-parsed"]])
def test_a_negative_memory_cap_is_refused(tmp_path, seed_path, command):
    result = runner.invoke(app, [*command, "--memory", "-1", str(seed_path)],
                           env={"YUSUAN_DB": str(tmp_path / "a.duckdb")})
    assert result.exit_code == 2 and "--memory的值-1无效" in _plain(result.output)
