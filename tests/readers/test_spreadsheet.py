"""XLS/XLSX reader (python-calamine): rows in order, one cell per column, numbers as typed."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import re
import zipfile

import pytest
import xlsxwriter

from yusuan.errors import UnreadableInput
from yusuan.readers import read_bytes
from yusuan.isolation import run_within
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
# -- what calamine would be asked to allocate, checked before it is -------------------------------------------


def _small_workbook() -> bytes:
    def build(book):
        sheet = book.add_worksheet("收支总表")
        sheet.write(0, 0, "部门收支总表")
        sheet.write(1, 0, "单位：万元")
        sheet.write_row(2, 0, ["一般公共预算拨款收入", "712.35"])
    return workbook(build)


def _edited(data: bytes, edit) -> bytes:
    """The workbook with its members changed by `edit(members)` (a dict of name -> bytes, changed in place)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    edit(members)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for member, body in members.items():
            archive.writestr(member, body)
    return out.getvalue()


def _add_cell(attributes: bytes, row: bytes = b""):
    """A cell added far from the others: `<c{attributes}>`, in a row `<row{row}>` (by default one without a
    number: the cell's reference alone says where it is)."""
    def edit(members):
        sheet = "xl/worksheets/sheet1.xml"
        members[sheet] = members[sheet].replace(
            b"</sheetData>", b"<row" + row + b"><c" + attributes + b"><v>1</v></c></row></sheetData>", 1)
    return edit


def _sheet_moved_out_of_worksheets(members):
    _add_cell(b' r="XFD1048576"')(members)
    members["xl/sheet1.xml"] = members.pop("xl/worksheets/sheet1.xml")
    members["xl/_rels/workbook.xml.rels"] = members["xl/_rels/workbook.xml.rels"].replace(
        b'Target="worksheets/sheet1.xml"', b'Target="sheet1.xml"')


def _shared_strings(declaration: bytes):
    def edit(members):
        members["xl/sharedStrings.xml"] = re.sub(rb'\scount="\d+" uniqueCount="\d+"', b" " + declaration,
                                                 members["xl/sharedStrings.xml"], count=1)
    return edit

TOO_MANY_CELLS = "单元格超过 2,000,000 个的上限"
OUTSIDE_EXCEL = "Excel 范围（A1 至 XFD1048576）以外"
STRINGS = "共享字符串表声明有 2,147,483,647 项"


@pytest.mark.parametrize("edit, refusal", [
    # each of these passed the checks before and aborted the interpreter inside calamine (SIGABRT)
    (_add_cell(b" r='XFD1048576'"), TOO_MANY_CELLS),
    (_sheet_moved_out_of_worksheets, TOO_MANY_CELLS),
    (_add_cell(b' r="AAAA1048576"'), OUTSIDE_EXCEL),
    (_shared_strings(b'count="2"' + b" " * 5000 + b'uniqueCount="2147483647"'), STRINGS),
    (_shared_strings(b"count='2' uniqueCount='2147483647'"), STRINGS),
    # and their neighbours: a row of eight digits, a reference spaced out, a ">" in a value before it
    (_add_cell(b' r="A99999999"', row=b' r="99999999"'), OUTSIDE_EXCEL),
    (_add_cell(b' r = "XFD1048576"'), TOO_MANY_CELLS),
    (_add_cell(b' x=">" r="XFD1048576"'), TOO_MANY_CELLS),
], ids=["single-quoted-reference", "sheet-outside-worksheets", "four-letter-column", "unique-count-past-4kb",
        "unique-count-single-quoted", "eight-digit-row", "spaced-reference", "quoted-greater-than"])
def test_an_xlsx_calamine_would_abort_on_is_refused_before_it_loads(edit, refusal):
    data = _edited(_small_workbook(), edit)
    # in a child process: were calamine to get it, the abort must fail this test, not end the test run
    with pytest.raises(UnreadableInput, match=re.escape(refusal)):
        run_within(60, "crafted.xlsx", read_bytes, data, "crafted.xlsx")


def test_the_workbook_the_shapes_are_made_from_is_read():
    doc = read_bytes(_small_workbook(), "small.xlsx")
    assert [c.text for c in doc.lines[-1].cells] == ["一般公共预算拨款收入", "712.35"]
