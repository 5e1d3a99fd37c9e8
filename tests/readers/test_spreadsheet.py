"""XLS/XLSX reader (python-calamine): rows in order, one cell per column, numbers as typed."""

from __future__ import annotations

import io
import os
import subprocess
import sys

import pytest
import xlsxwriter

from yusuan.readers import read_bytes
from yusuan.readers.spreadsheet import number_text


def workbook(build) -> bytes:
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out)
    build(book)
    book.close()
    return out.getvalue()


def two_tables_on_one_sheet(book) -> None:
    sheet = book.add_worksheet("公开表")
    money = book.add_format({"num_format": "#,##0.00"})
    sheet.write(0, 0, "部门收入总表")
    sheet.write(1, 0, "单位：万元")
    sheet.merge_range(2, 0, 2, 1, "项目")
    sheet.write(2, 2, "合计")
    sheet.write(2, 3, "一般公共预算")
    sheet.write_row(3, 0, ["201", "一般公共服务支出"])
    sheet.write_number(3, 2, 2251.4, money)
    sheet.write_number(3, 3, 2251.4, money)
    sheet.write(5, 0, "部门支出总表")
    sheet.write_row(6, 0, ["科目编码", "科目名称", "合计", "基本支出"])
    sheet.write_row(7, 0, ["201", "一般公共服务支出"])
    sheet.write_formula(7, 2, "=D8+0.2", money, 925.6000000000001)
    sheet.write_number(7, 3, 925.4, money)


@pytest.fixture(scope="module")
def sheet_doc():
    return read_bytes(workbook(two_tables_on_one_sheet), "预算.xlsx")


def test_rows_keep_their_columns_and_merged_cells_read_once(sheet_doc):
    assert sheet_doc.reader == "xlsx"
    texts = [line.texts for line in sheet_doc.lines]
    assert texts[0][0] == "部门收入总表" and not any(texts[0][1:])
    assert texts[2] == ["项目", "", "合计", "一般公共预算"]
    assert texts[3] == ["201", "一般公共服务支出", "2251.4", "2251.4"]


def test_several_tables_on_one_sheet_follow_each_other(sheet_doc):
    titles = [line.filled[0] for line in sheet_doc.lines if len(line.filled) == 1]
    assert titles == ["部门收入总表", "单位:万元", "部门支出总表"]


def test_formula_values_lose_their_float_noise(sheet_doc):
    assert sheet_doc.lines[-1].texts == ["201", "一般公共服务支出", "925.6", "925.4"]


def test_a_sheet_without_a_title_row_is_titled_by_its_name():
    def build(book):
        sheet = book.add_worksheet("部门支出总表")
        sheet.write_row(0, 0, ["科目编码", "科目名称", "合计"])
        sheet.write_row(1, 0, ["201", "一般公共服务支出", 2251.4])

    doc = read_bytes(workbook(build), "x.xlsx")
    assert doc.lines[0].texts == ["部门支出总表"]
    assert doc.lines[1].texts == ["科目编码", "科目名称", "合计"]


def test_one_table_per_sheet_in_sheet_order():
    def build(book):
        for title in ("部门收支总表", "部门收入总表"):
            sheet = book.add_worksheet(title[:10])
            sheet.write(0, 0, title)
            sheet.write_row(1, 0, ["项目", "预算数"])

    doc = read_bytes(workbook(build), "x.xlsx")
    assert [line.page for line in doc.lines] == [1, 1, 2, 2]


@pytest.mark.parametrize(
    ("value", "text"),
    [(3805.35, "3805.35"), (0.1 + 0.2, "0.3"), (100.0, "100"), (371514655.0, "371514655"), (1e-7, "0.0000001")],
)
def test_number_text(value, text):
    assert number_text(value) == text


def test_an_ole_file_goes_to_the_xls_reader_and_a_broken_one_is_named():
    # no .xls writer is a dependency, so this checks the dispatch and the message for a broken one
    from yusuan.errors import UnreadableInput

    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 1000
    with pytest.raises(UnreadableInput, match="Excel 文件已损坏"):
        read_bytes(ole, "old.xls")


# A worksheet with a cell in A1 and one in XFD1048576: calamine asks for 17 billion cells at once and
# its failed allocation aborts the process. The reader refuses it beforehand; the check is switched
# off here so that calamine itself fails, as it does on any shape the pre-check misses.
_ABORTING_READ = """
import io, sys, xlsxwriter
from yusuan.readers import Limits, spreadsheet
out = io.BytesIO()
book = xlsxwriter.Workbook(out)
sheet = book.add_worksheet()
sheet.write(0, 0, "部门收入总表")
sheet.write(1048575, 16383, 1)
book.close()
spreadsheet.check_sheet_extents = lambda *args: None
spreadsheet.read_spreadsheet(out.getvalue(), "巨表.xlsx", Limits(), "xlsx")
"""


def test_a_rust_backtrace_never_reaches_stderr():
    env = {**os.environ, "RUST_BACKTRACE": "full"}
    done = subprocess.run([sys.executable, "-c", _ABORTING_READ], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode != 0 and "memory allocation" in done.stderr  # calamine did fail
    assert "stack backtrace" not in done.stderr and "calamine::" not in done.stderr
