"""Which lines of a table are its header: a line numbering the columns is one of them."""

from decimal import Decimal

import pytest

from yusuan.document import Document
from yusuan.readers.text import read_text
from yusuan.recognize import recognize
from yusuan.recognize.grid import is_column_numbers

D = Decimal


def read(*rows: tuple[str, ...]):
    text = "\n".join("\t".join(row) for row in rows)
    lines = read_text(text.encode(), "x.txt").lines
    for line in lines:
        line.page = 1
    return recognize(Document(name="x.pdf", reader="pdf", lines=lines))


def line(*cells: str):
    return read_text("\t".join(cells).encode(), "x.txt").lines[0]


# 湖州: "** ** 1 2 3" under the header of every table
HUZHOU_BASIC = (
    ("2026年市级部门一般公共预算基本支出表",),
    ("507-某某委员会", "单位:万元"),
    ("经济分类科目", "", "本年一般公共预算基本支出", "", ""),
    ("科目编码", "科目名称", "合计", "人员经费", "公用经费"),
    ("**", "**", "1", "2", "3"),
    ("", "合计", "31.00", "24.00", "7.00"),
    ("301", "工资福利支出", "24.00", "24.00", ""),
    ("302", "商品和服务支出", "7.00", "", "7.00"),
)


def test_a_column_number_line_is_no_row():
    table = read(*HUZHOU_BASIC).tables["basic_expenditure"]
    assert [(r.code, r.name) for r in table.rows] == [(None, "合计"), ("301", "工资福利支出"), ("302", "商品和服务支出")]
    assert table.column_ids == ["total", "personnel", "public"]
    assert table.item("total").values == {"total": D("31.00"), "personnel": D("24.00"), "public": D("7.00")}


def test_column_numbers_marked_with_lanci_under_an_empty_table():
    table = read(
        ("国有资本经营预算支出预算表",),
        ("单位:某某局", "单位:万元"),
        ("项目", "", "本年支出合计", "基本支出", "项目支出"),
        ("功能分类科目编码", "科目名称", "", "", ""),
        ("栏次", "", "1", "2", "3"),
        ("合计", "", "", "", ""),
    ).tables["state_capital_expenditure"]
    assert [r.name for r in table.rows] == ["合计"]
    assert table.column_ids == ["total", "basic", "project"]


def test_column_numbers_of_a_final_account_summary_in_two_halves():
    table = read(
        ("收入支出决算总表",),
        ("部门:某某局", "单位:万元"),
        ("收入", "", "", "支出", "", ""),
        ("项目", "行次", "金额", "项目", "行次", "金额"),
        ("栏次", "", "1", "栏次", "", "2"),
        ("一、一般公共预算财政拨款收入", "1", "100.00", "一、一般公共服务支出", "32", "100.00"),
        ("本年收入合计", "2", "100.00", "本年支出合计", "33", "100.00"),
    ).tables["summary"]
    assert [(r.side, r.name) for r in table.rows] == [
        ("income", "一般公共预算财政拨款收入"), ("income", "本年收入合计"),
        ("expenditure", "一般公共服务支出"), ("expenditure", "本年支出合计")]


@pytest.mark.parametrize("cells", [
    ("**", "**", "1", "2", "3"),
    ("**", "**", "1"),
    ("栏次", "", "1", "2", "3"),
    ("甲", "乙", "1", "2", "3", "4"),
    ("", "", "1", "2", "3", "4", "5"),
    ("栏次", "", "1", "栏次", "", "2"),  # a 决算 总表 in two halves
])
def test_column_number_lines(cells):
    assert is_column_numbers(line(*cells))


@pytest.mark.parametrize("cells", [
    ("201", "一般公共服务支出", "1", "2", "3"),  # a row of small amounts
    ("合计", "", "1", "2", "3"),
    ("", "", "1", "2"),  # unmarked: too short to tell from a row's amounts
    ("**", "**", "1", "3", "4"),
    ("", "", "2", "3", "4"),
])
def test_rows_that_are_no_column_numbers(cells):
    assert not is_column_numbers(line(*cells))
