"""Reading one cell: which texts are amounts, and what they are worth."""

from decimal import Decimal

import pytest

from yusuan.document import Document
from yusuan.readers.text import read_text
from yusuan.recognize import recognize
from yusuan.recognize.cells import has_irregular_groups, is_label, read_amount

D = Decimal


@pytest.mark.parametrize(("text", "amount"), [
    ("3,805.35", D("3805.35")),
    ("1726.00", D("1726.00")),
    ("-12.5", D("-12.5")),
    ("550.00.", D("550.00")),
    # only the last thousands separator printed (Shanghai 收入预算总表)
    ("120258,600", D("120258600")),
    ("1234,567,890", D("1234567890")),
    ("7880,000.50", D("7880000.50")),
])
def test_amounts(text, amount):
    assert read_amount(text) == amount


@pytest.mark.parametrize("text", [
    "1,5",  # a decimal comma, or two numbers: not an amount we can be sure of
    "1,50",
    "12,3456",
    "1,2,345",  # a one-digit group between commas: not thousands separators
    "1.2.3",
])
def test_ambiguous_digits_are_no_amount(text):
    assert read_amount(text) is None
    assert is_label(text)


def test_a_table_printing_only_the_last_thousands_separator():
    text = "\n".join("\t".join(row) for row in [
        ("2025年部门收入预算总表",),
        ("编制部门:某某局 单位:元",),
        ("功能分类科目编码", "功能分类科目名称", "合计", "财政拨款收入", "其他收入"),
        ("221", "住房保障支出", "925,901", "925,901", ""),
        ("合计", "", "128138,600", "120258,600", "7880,000"),
    ])
    lines = read_text(text.encode(), "x.txt").lines
    table = recognize(Document(name="x.pdf", reader="pdf", lines=lines)).tables["revenue"]
    assert table.item("total").values == {"total": D("128138600"), "fiscal": D("120258600"), "other": D("7880000")}
    # read all the same, and kept as printed for the hygiene check (上海 p.7)
    assert [p.text for p in recognize(Document(name="x.pdf", reader="pdf", lines=lines)).odd_amounts] == \
        ["128138,600", "120258,600", "7880,000"]


@pytest.mark.parametrize(("text", "irregular"), [
    ("120258,600", True),
    ("1234,567,890", True),
    ("7880,000.50", True),
    ("925,901", False),
    ("120,258,600", False),
    ("-1,234.50", False),
    ("120258600", False),  # no separator at all is a way of printing too
    ("2024", False),
    ("1,5", False),  # no amount
])
def test_irregular_thousands_separators(text, irregular):
    assert has_irregular_groups(text) is irregular
