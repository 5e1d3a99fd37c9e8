"""收入预算总表: printed as a list of groups (jiangsu), or with a column per source."""

from decimal import Decimal

from yusuan.document import Document
from yusuan.readers.text import read_text
from yusuan.recognize import recognize

D = Decimal


def read(*rows: tuple[str, ...]):
    text = "\n".join("\t".join(row) for row in rows)
    lines = read_text(text.encode(), "x.txt").lines
    for line in lines:
        line.page = 1
    return recognize(Document(name="x.pdf", reader="pdf", lines=lines))


def test_a_subtotal_in_the_header_is_a_column_not_a_group_line():
    # 湖州: 本年收入 over 小计 | 一般公共预算 | …, one line per unit
    table = read(
        ("2026年市级部门收入预算总表",),
        ("507-某某委员会", "单位:万元"),
        ("单位名称", "总计", "本年收入", "", "", "", "上年结转结余"),
        ("", "", "小计", "一般公共预算", "事业收入", "其他收入", "小计"),
        ("**", "1", "2", "3", "4", "5", "6"),
        ("合计", "150.00", "150.00", "100.00", "40.00", "10.00", ""),
        ("某某委员会", "100.00", "100.00", "100.00", "", "", ""),
        ("某某医院", "50.00", "50.00", "", "40.00", "10.00", ""),
    ).tables["revenue"]
    assert table.column_ids == ["total", "income", "general_budget", "operating", "other", "carryover"]
    assert [r.name for r in table.rows] == ["合计", "某某委员会", "某某医院"]
    assert {c: v for c, v in table.item("total").values.items() if v is not None} == {
        "total": D("150.00"), "income": D("150.00"), "general_budget": D("100.00"), "operating": D("40.00"),
        "other": D("10.00")}
