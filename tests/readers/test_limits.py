"""Every bound of readers/limits.py: what is refused at it, with which message, and how fast.

(Bounds tested in test_bad_inputs.py too: max_pages, the 2,000-page PDF, max_unzipped_bytes and
max_zip_ratio on a top-level bomb, max_file_bytes from bytes.)
"""

from __future__ import annotations

import io
import json
import os
import re
import signal
import time
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from yusuan import pipeline
from yusuan.cli import app
from yusuan.errors import UnreadableInput
from yusuan import isolation as deadline
from yusuan.readers import Limits, ocr, read_bytes, read_path
from yusuan.isolation import ReaderCrashed, TimeLimitExceeded
from yusuan.readers.pdf.geometry import PageContent
from yusuan.readers.zipcheck import office_kind

SEEDS = Path(__file__).resolve().parents[2] / "fuzz" / "seeds"
MB = 1024 * 1024


def synth(fmt: str) -> bytes:
    return (SEEDS / f"synth.{fmt}").read_bytes()


def zipped(members: dict[str, bytes], method=zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as archive:
        for name, body in members.items():
            archive.writestr(name, body)
    return out.getvalue()


def with_members(office: bytes, extra: dict[str, bytes]) -> bytes:
    """An office file with more members (an embedded workbook, say)."""
    with zipfile.ZipFile(io.BytesIO(office)) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    return zipped({**members, **extra})


def refused(data: bytes, name: str, match: str, limits: Limits = Limits(), seconds: float = 5) -> UnreadableInput:
    start = time.perf_counter()
    with pytest.raises(UnreadableInput, match=match) as info:
        read_bytes(data, name, limits)
    assert time.perf_counter() - start < seconds
    return info.value


# -- file size ---------------------------------------------------------------------------------------


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path, monkeypatch):
    path = tmp_path / "big.pdf"
    path.write_bytes(b"%PDF-1.4\n" + b"0" * 3 * MB)
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("the file was read into memory"))
    with pytest.raises(UnreadableInput, match=r"文件有 3 MB，超过上限 2 MB.*Limits.max_file_bytes"):
        read_path(path, Limits(max_file_bytes=2 * MB))


# -- OCR pages and image size ----------------------------------------------------------------------


def scanned_pdf(pages: int) -> bytes:
    from PIL import Image, ImageDraw

    images = []
    for _ in range(pages):
        image = Image.new("RGB", (595, 842), "white")
        ImageDraw.Draw(image).rectangle((60, 60, 535, 400), outline="black", width=3)
        images.append(image)
    out = io.BytesIO()
    images[0].save(out, "PDF", resolution=72, save_all=True, append_images=images[1:])
    return out.getvalue()


def test_pages_sent_to_ocr_are_bounded(monkeypatch):
    done = []

    def fake_ocr(image, number, scale):
        done.append(number)
        return PageContent(number, 595, 842)

    monkeypatch.setattr(ocr, "available", lambda: True)
    monkeypatch.setattr(ocr, "page_content", fake_ocr)
    error = refused(scanned_pdf(3), "scan.pdf", "超过 2 页的上限", Limits(max_ocr_pages=2))
    assert "Limits.max_ocr_pages" in error.message
    assert done == [1, 2]  # the third page was not rendered at all


def test_an_image_over_the_pixel_limit_is_refused_from_its_header(monkeypatch):
    from PIL import Image

    png = io.BytesIO()
    Image.new("1", (2000, 1000)).save(png, "PNG")
    monkeypatch.setattr(ocr, "available", lambda: True)
    monkeypatch.setattr(ocr, "page_content", lambda *a, **k: pytest.fail("the image was read"))
    error = refused(png.getvalue(), "scan.png", "2000×1000 像素，超过上限 1,000,000 像素", Limits(max_image_pixels=1_000_000))
    assert "Limits.max_image_pixels" in error.message


# -- zips: members, ratio, nesting -------------------------------------------------------------------


def test_a_zip_with_too_many_members_is_refused():
    data = with_members(synth("xlsx"), {f"xl/media/{i}.xml": b"<a/>" for i in range(40)})
    error = refused(data, "many.xlsx", r"压缩包内有 \d+ 个文件", Limits(max_zip_members=30))
    assert "Limits.max_zip_members" in error.message


def test_a_small_member_with_a_high_ratio_is_no_bomb():
    """900 KB of zeros deflate 1000-fold: below min_ratio_checked_bytes (1 MB) that is an empty sheet."""
    data = with_members(synth("xlsx"), {"xl/media/empty.xml": b"\0" * 900 * 1024})
    assert office_kind(data, "sparse.xlsx", Limits()) == "xlsx"
    assert read_bytes(data, "sparse.xlsx").reader == "xlsx"


def test_a_workbook_embedded_in_a_docx_is_read_as_one_level_of_nesting():
    data = with_members(synth("docx"), {"word/embeddings/Microsoft_Excel_Worksheet.xlsx": synth("xlsx")})
    document = read_bytes(data, "with-chart.docx")
    assert document.reader == "docx" and document.lines


def test_a_zip_nested_deeper_than_the_limit_is_refused():
    inner = zipped({"a.xml": b"<a/>"})
    for _ in range(3):
        inner = zipped({"nested.zip": inner})
    data = with_members(synth("docx"), {"word/embeddings/package.zip": inner})  # 5 levels with the docx
    error = refused(data, "deep.docx", "嵌套超过 3 层", Limits(max_zip_depth=3))
    assert "word/embeddings/package.zip" in error.message or "nested.zip" in error.message
    assert read_bytes(data, "deep.docx", Limits(max_zip_depth=5)).reader == "docx"


def test_a_bomb_one_level_down_is_refused():
    """The embedded zip is stored, so the outer member's own ratio is 1: only inflating it finds the bomb."""
    bomb = zipped({"sheet.xml": b"\0" * 50 * MB})
    data = with_members(synth("docx"), {})
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, body in members.items():
            archive.writestr(name, body)
        archive.writestr("word/embeddings/bomb.zip", bomb, compress_type=zipfile.ZIP_STORED)
    refused(out.getvalue(), "bomb-inside.docx", "“sheet.xml”的压缩比超过 200 倍")


def test_nested_zips_count_in_the_same_uncompressed_total():
    inner = zipped({"data.xml": os.urandom(3 * MB)}, zipfile.ZIP_STORED)
    data = with_members(synth("docx"), {"word/embeddings/a.zip": inner})
    # the docx inflates to 3 MB and more: its embedded zip (3 MB) and that zip's member (3 MB again)
    refused(data, "big-inside.docx", "解压后超过 5 MB", Limits(max_unzipped_bytes=5 * MB))


def test_a_damaged_embedded_zip_does_not_spoil_the_document():
    data = with_members(synth("docx"), {"word/embeddings/broken.xlsx": b"PK\x03\x04" + b"\x00" * 100})
    assert read_bytes(data, "with-broken-embedding.docx").reader == "docx"


# -- cells -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["xlsx", "docx"])
def test_cells_over_the_limit_are_refused(fmt):
    error = refused(synth(fmt), f"wide.{fmt}", "单元格超过 100 个的上限", Limits(max_cells=100))
    assert "Limits.max_cells" in error.message
    assert read_bytes(synth(fmt), f"ok.{fmt}", Limits(max_cells=100_000)).lines


# -- time per document ---------------------------------------------------------------------------------


def slow_recognizer(document):
    time.sleep(60)


def regex_in_c(document):
    """Catastrophic backtracking: minutes inside the C regex engine, where no signal is handled."""
    re.match(r"(a+)+$", "a" * 64 + "b")


@pytest.fixture
def forking(monkeypatch):
    """The child process, even if an earlier test left a thread running in this process (then the
    library falls back to an alarm, which could stop neither the regex in C nor survive the crash)."""
    monkeypatch.setattr(deadline, "_can_fork", lambda: True)


@pytest.mark.parametrize("work", [slow_recognizer, regex_in_c], ids=["sleeping", "inside-c"])
def test_a_parse_past_the_time_limit_is_stopped_with_a_message(monkeypatch, forking, work):
    monkeypatch.setattr(pipeline, "recognize", work)
    start = time.perf_counter()
    with pytest.raises(TimeLimitExceeded, match="处理超过 1 秒的时限，已停止") as info:
        pipeline.parse_bytes(synth("txt"), "slow.txt", Limits(max_seconds=1))
    assert time.perf_counter() - start < 8
    assert "--timeout" in info.value.message and "Limits" not in info.value.message


def test_without_fork_or_forkserver_an_alarm_stops_a_python_loop(monkeypatch):
    monkeypatch.setattr(deadline, "_can_fork", lambda: False)
    monkeypatch.setattr(deadline, "_forkserver_available", lambda: False)
    monkeypatch.setattr(pipeline, "recognize", slow_recognizer)
    start = time.perf_counter()
    with pytest.raises(TimeLimitExceeded):
        pipeline.parse_bytes(synth("txt"), "slow.txt", Limits(max_seconds=1))
    assert time.perf_counter() - start < 8


def test_a_reader_that_dies_is_reported_not_fatal(monkeypatch, forking):
    """As when a native library crashes or the kernel's OOM killer steps in."""
    monkeypatch.setattr(pipeline, "recognize", lambda document: os.kill(os.getpid(), signal.SIGKILL))
    with pytest.raises(ReaderCrashed, match="意外退出"):
        pipeline.parse_bytes(synth("txt"), "crash.txt", Limits(max_seconds=30))


def test_within_the_limit_the_result_and_the_refusals_are_those_of_a_plain_parse():
    timed = pipeline.parse_bytes(synth("txt"), "synth.txt", Limits(max_seconds=60))
    assert timed == pipeline.parse_bytes(synth("txt"), "synth.txt")
    with pytest.raises(UnreadableInput, match="文件是空的"):
        pipeline.parse_bytes(b"", "empty.txt", Limits(max_seconds=60))


def test_cli_parse_stops_at_its_timeout(monkeypatch, forking, tmp_path):
    monkeypatch.setattr(pipeline, "recognize", slow_recognizer)
    path = tmp_path / "slow.txt"
    path.write_bytes(synth("txt"))
    start = time.perf_counter()
    result = CliRunner().invoke(app, ["parse", "--timeout", "1", str(path)])
    assert time.perf_counter() - start < 8
    assert result.exit_code == 2
    output = result.output.replace("\n", "")  # rich wraps the message at the terminal width
    assert "处理超过 1 秒的时限" in output and "Traceback" not in output


def _slow_reading(monkeypatch) -> None:
    real = pipeline.recognize

    def slow_first(document):
        if document.name == "slow.txt":
            time.sleep(60)
        return real(document)

    monkeypatch.setattr(pipeline, "recognize", slow_first)


def _slow_checking(monkeypatch) -> None:
    """The checks of slow.txt take a minute (as a crafted text once made them take: docs/reliability.md);
    its reading takes no longer than any other's."""
    from yusuan import checks

    real = checks.run_checks

    def slow_checks(disclosure, *args, **kwargs):
        if disclosure.source_name == "slow.txt":
            time.sleep(60)
        return real(disclosure, *args, **kwargs)

    monkeypatch.setattr(checks, "run_checks", slow_checks)


@pytest.mark.parametrize("slow", [_slow_reading, _slow_checking], ids=["reading", "checking"])
def test_cli_check_reports_the_timeout_per_document_and_goes_on(monkeypatch, forking, tmp_path, slow):
    slow(monkeypatch)
    (tmp_path / "slow.txt").write_bytes(synth("txt"))
    (tmp_path / "fine.txt").write_bytes(synth("txt"))
    if slow is _slow_checking:  # what is slow is the checks, not the reading
        assert pipeline.parse_path(tmp_path / "slow.txt", Limits(max_seconds=2)).source_name == "slow.txt"
    result = CliRunner().invoke(app, ["check", "--timeout", "2", "--format", "json",
                                      str(tmp_path / "slow.txt"), str(tmp_path / "fine.txt")])
    assert result.exit_code == 2  # an unreadable document outranks findings
    assert "“slow.txt”：处理超过 2 秒的时限" in result.output.replace("\n", "")
    report = json.loads(result.output[result.output.index("{"):])
    assert report["document"] == "fine.txt"  # the second document was checked


def test_cli_refuses_a_negative_timeout(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(synth("txt"))
    result = CliRunner().invoke(app, ["parse", "--timeout", "-1", str(path)])
    assert result.exit_code == 2 and "--timeout 的值 -1 无效" in result.output.replace("\n", "")
