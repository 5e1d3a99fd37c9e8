"""Coded tables (recognize/coded.py): which cell is a code, which rows are classification lines.

Each test prints a table the way the PDF reader hands it on (one line per printed row, one cell per
column) and states by hand what the model must hold.
"""

from decimal import Decimal

from yusuan.document import Document
from yusuan.readers.text import read_text
from yusuan.recognize import recognize

D = Decimal


def page(*rows) -> str:
    return "\n".join("\t".join(row) if isinstance(row, tuple) else row for row in rows)


def read(*pages: str):
    lines = []
    for number, text in enumerate(pages, start=1):
        for line in read_text(text.encode(), "x.txt").lines:
            line.page = number
            lines.append(line)
    return recognize(Document(name="x.pdf", reader="pdf", lines=lines))


EXPENDITURE_HEADER = ("科目编码", "科目名称", "合计", "基本支出", "项目支出")


def test_an_amount_in_the_name_cell_is_no_code():
    # the next table's title was not taken for one: its lines run on under the 支出总表's columns
    text = page(
        "部门支出总表",
        EXPENDITURE_HEADER,
        ("合计", "", "10.00", "6.00", "4.00"),
        ("201", "一般公共服务支出", "10.00", "6.00", "4.00"),
        ("20101", "人大事务", "10.00", "6.00", "4.00"),
        ("2010101", "行政运行", "10.00", "6.00", "4.00"),
        ("一、本年收入", "118,773.55", "一、本年支出", "172,283.15", "128,148.56"),
        ("二、上年结转", "280.40", "二、结转下年", "", ""),
    )
    table = read(text).tables["expenditure"]
    assert [r.code for r in table.rows if r.code] == ["201", "20101", "2010101"]

