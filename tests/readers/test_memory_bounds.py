"""Memory bounds counted while a document is read (issue 15, cause 3): lines, cells, characters, spans
and the objects of a PDF page are counted as they are made, so a small hostile file is refused before
it fills the memory. Each input here is the shape of an attack at a small scale, with a bound made small
to match; tracemalloc measures the peak of what the reader allocated.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import tracemalloc
import zlib
from pathlib import Path

import pytest

import yusuan
from yusuan.errors import UnreadableInput
from yusuan.readers import Limits, read_bytes
from yusuan.readers import html as html_reader
from yusuan.readers import text as text_reader

from .pdfs import raw_pdf

MB = 1024 * 1024
SRC = Path(yusuan.__file__).resolve().parents[1]  # the yusuan under test, for the child process


def refused_within(data: bytes, name: str, match: str, limits: Limits, peak_bytes: int) -> UnreadableInput:
    """Read the data, expect a refusal matching `match`, and a peak of new allocations under `peak_bytes`."""
    tracemalloc.start()
    try:
        with pytest.raises(UnreadableInput, match=match) as info:
            read_bytes(data, name, limits)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < peak_bytes, f"peak {peak / MB:.1f} MB"
    return info.value


# -- HTML spans ------------------------------------------------------------------------------------


def test_an_html_rowspan_bomb_is_refused_before_its_rows_are_made():
    # 20 cells, each spanning 1,000 columns and 1,000 rows, over 50 rows: 1,000,000 cells from 2 KB
    first = "".join('<td colspan="1000" rowspan="1000">甲</td>' for _ in range(20))
    rows = "<tr><td>乙</td></tr>" * 50
    page = f"<html><body><table><tr>{first}</tr>{rows}</table></body></html>".encode()
    error = refused_within(page, "bomb.html", r"表格单元格.*超过上限 100,000 个", Limits(max_cells=100_000), 20 * MB)
    assert "Limits.max_cells" in error.message


def test_html_rows_filled_out_to_a_span_far_to_the_right_count_every_cell_they_make():
    # one span at the 1,000th column over 1,000 rows, every other row one cell wide: each row is made
    # 1,000 cells wide, 1,000,000 in all, from 20 KB
    first = '<tr><td colspan="999">甲</td><td rowspan="1000">乙</td></tr>'
    page = f"<html><body><table>{first}{'<tr><td>丙</td></tr>' * 999}</table></body></html>".encode()
    refused_within(page, "wide.html", r"表格单元格.*超过上限 100,000 个", Limits(max_cells=100_000), 20 * MB)


def test_html_rows_within_the_cell_bound_are_read_with_their_spans():
    page = ('<html><body><table><tr><td rowspan="2">项目</td><td colspan="2">金额</td></tr>'
            "<tr><td>预算数</td><td>决算数</td></tr></table></body></html>").encode()
    doc = read_bytes(page, "ok.html", Limits(max_cells=6))  # two rows of three columns: six cells
    assert [line.texts for line in doc.lines] == [["项目", "金额", ""], ["", "预算数", "决算数"]]


def test_html_lines_are_counted_while_they_are_made():
    page = ("<html><body>" + "<p>一段文字</p>" * 5_000 + "</body></html>").encode()
    error = refused_within(page, "long.html", "行数超过上限 1,000 个", Limits(max_lines=1_000), 5 * MB)
    assert "Limits.max_lines" in error.message


def test_an_html_reader_out_of_memory_says_so_not_an_empty_format_error(monkeypatch):
    def no_memory(self, data):
        raise MemoryError

    monkeypatch.setattr(html_reader._Reader, "data", no_memory)  # the parser hands it the text
    with pytest.raises(UnreadableInput, match="内存") as info:
        read_bytes(b"<html><body><p>x</p></body></html>", "x.html")
    assert "（）" not in info.value.message


# -- text: lines, cells, characters ------------------------------------------------------------------


def test_a_text_of_many_one_character_lines_is_refused_while_it_is_split():
    data = b"1\n" * 100_000
    error = refused_within(data, "lines.txt", "行数超过上限 1,000 个", Limits(max_lines=1_000), 3 * MB)
    assert "Limits.max_lines" in error.message


def test_text_cells_are_counted_while_the_lines_are_split():
    data = ("\t".join(["1"] * 1_000) + "\n").encode() * 100
    error = refused_within(data, "wide.txt", "单元格超过上限 10,000 个", Limits(max_cells=10_000), 3 * MB)
    assert "Limits.max_cells" in error.message


def test_a_long_text_is_refused_while_it_is_decoded():
    # few lines, long ones: the characters are what is too many, not the lines
    data = ("收入预算" * 2_500 + "\n").encode() * 200  # 2,000,000 characters, 6 MB
    error = refused_within(data, "big.txt", "字符数超过上限 100,000 个", Limits(max_characters=100_000), 2 * MB)
    assert "Limits.max_characters" in error.message


def test_gb18030_text_is_bounded_by_characters_too():
    data = ("支出" * 100_000).encode("gb18030")
    with pytest.raises(UnreadableInput, match="字符数超过上限"):
        read_bytes(data, "gbk.txt", Limits(max_characters=100_000))
    assert read_bytes(data, "gbk.txt", Limits(max_characters=200_000)).lines[0].texts == ["支出" * 100_000]


@pytest.mark.parametrize("text", [
    "甲\r\n乙\n\n丙\r丁\x0c戊\u2028己\x85庚\r\n",
    "一行\r\n" * 9 + "末行",
    "\n\n\r\n\r\r\n甲\t乙\n",
])
def test_lines_split_piece_by_piece_are_numbered_as_the_whole_text_splits(monkeypatch, text):
    monkeypatch.setattr(text_reader, "_PIECE", 3)  # pieces end inside "\r\n" pairs and after every kind of break
    assert list(text_reader._numbered_lines(text)) == list(enumerate(text.splitlines(), start=1))


def test_a_utf8_file_cut_inside_its_last_character_keeps_the_rest(monkeypatch):
    monkeypatch.setattr(text_reader, "_PIECE", 4)  # the cut character straddles pieces as well
    data = "预算收入\t100\n支出".encode() + "出".encode()[:2]
    assert [line.texts for line in read_bytes(data, "cut.txt").lines] == [["预算收入", "100"], ["支出"]]


# -- PDF: objects of a page, characters of the document -----------------------------------------------


def pdf_with_pages(contents: list[bytes]) -> bytes:
    """A PDF of A4 pages each drawing its (compressed) content stream, Helvetica as /F1."""
    count = len(contents)
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(count)).encode()
    font = 3 + 2 * count
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count)]
    for i, content in enumerate(contents):
        stream = zlib.compress(content, 9)
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 %d 0 R >> >>"
                       b" /Contents %d 0 R >>" % (font, 4 + 2 * i))
        objects.append(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    return raw_pdf(objects)

def text_lines(lines: int, per_line: int) -> bytes:
    """Lines of digits (a multiple of ten a line) in 10-point type, 12 points apart."""
    body = b" T* ".join(b"(" + b"1234567890" * (per_line // 10) + b") Tj" for _ in range(lines))
    return b"BT /F1 10 Tf 12 TL 20 800 Td " + body + b" ET"


def test_a_small_pdf_page_drawing_many_glyphs_is_refused_while_it_is_parsed():
    # 50,000 glyphs in one string: a few hundred bytes once compressed
    data = pdf_with_pages([b"BT /F1 1 Tf 10 400 Td (" + b"A" * 50_000 + b") Tj ET"])
    assert len(data) < 2_000
    error = refused_within(data, "dense.pdf", "第 1 页的字符、线条和图像超过上限 1,000 个", Limits(max_page_objects=1_000),
                           10 * MB)
    assert "Limits.max_page_objects" in error.message


def test_a_page_within_the_object_bound_is_read():
    data = pdf_with_pages([text_lines(10, 50)])  # 500 glyphs
    doc = read_bytes(data, "ok.pdf", Limits(max_page_objects=500))
    assert sum(len(line.texts[0]) for line in doc.lines) == 500


def test_the_characters_of_a_pdf_are_counted_over_its_pages():
    data = pdf_with_pages([text_lines(10, 50)] * 3)  # 500 glyphs a page
    with pytest.raises(UnreadableInput, match="字符数超过上限 1,200 个.*Limits.max_characters"):
        read_bytes(data, "pages.pdf", Limits(max_characters=1_200))
    doc = read_bytes(data, "pages.pdf", Limits(max_characters=1_500))  # exactly at the bound: read
    assert doc.page_count == 3 and doc.lines


# -- endless inputs ----------------------------------------------------------------------------------


def test_an_endless_device_is_read_only_up_to_the_size_limit():
    """/dev/zero has size 0 and no end: read in a child, so that a regression fails the test (by its time
    or memory cap) instead of filling the memory of the test run."""
    code = textwrap.dedent("""
        import resource, sys
        from pathlib import Path
        from yusuan.errors import UnreadableInput
        from yusuan.readers import Limits, read_path
        try:
            read_path(Path("/dev/zero"), Limits(max_file_bytes=4 * 1024 * 1024))
        except UnreadableInput as exc:
            print(exc.message)
        print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    """)

    def cap_memory():
        import resource
        resource.setrlimit(resource.RLIMIT_AS, (1024 * MB, 1024 * MB))

    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                          env={"PYTHONPATH": str(SRC)}, preexec_fn=cap_memory)
    message, max_rss_kb = done.stdout.strip().splitlines()
    assert "文件超过上限 4 MB" in message and "Limits.max_file_bytes" in message, done.stderr
    before = subprocess.run([sys.executable, "-c", "import resource, yusuan.readers;"
                             "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"],
                            capture_output=True, text=True, env={"PYTHONPATH": str(SRC)})
    # what the read added to the interpreter with the readers imported: the bytes under the limit, a few MB
    assert int(max_rss_kb) - int(before.stdout) < 32 * 1024


def test_adding_an_endless_device_to_the_archive_is_refused_at_the_size_limit(tmp_path):
    """`yusuan db add /dev/zero` took the bytes of the path with no bound (its own read, before the reader's)."""

    def cap_memory():
        import resource
        resource.setrlimit(resource.RLIMIT_AS, (1536 * MB, 1536 * MB))

    done = subprocess.run([sys.executable, "-m", "yusuan", "db", "add", "/dev/zero"], capture_output=True, text=True,
                          timeout=120, env={"PYTHONPATH": str(SRC), "YUSUAN_DB": str(tmp_path / "a.duckdb")},
                          preexec_fn=cap_memory)
    assert done.returncode == 2, done.stderr
    assert "文件超过上限" in done.stdout + done.stderr and "Traceback" not in done.stderr
