"""Header labels to column ids: a group header over its parts."""

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


def values(table, code: str | None) -> dict[str, Decimal]:
    row = table.row(code) if code else table.item("total")
    return {column: value for column, value in row.values.items() if value is not None}


# 湖州 支出总表: 基本支出 printed over 人员支出 | 公用经费, with no column of its own
GROUP_WITHOUT_OWN_COLUMN = (
    ("2026年市级部门支出预算总表",),
    ("507-某某委员会", "单位:万元"),
    ("科目编码", "科目名称", "总计", "基本支出", "", "项目支出", "事业单位经营支出", "上缴上级支出", "对附属单位补助支出"),
    ("", "", "", "人员支出", "公用经费", "", "", "", ""),
    ("", "合计", "120.50", "80.00", "25.50", "15.00", "", "", ""),
    ("201", "一般公共服务支出", "105.50", "80.00", "25.50", "", "", "", ""),
    ("206", "科学技术支出", "15.00", "", "", "15.00", "", "", ""),
)


def test_a_group_without_a_column_of_its_own_is_the_sum_of_its_parts():
    table = read(*GROUP_WITHOUT_OWN_COLUMN).tables["expenditure"]
    assert table.column_ids[:5] == ["total", "basic", "personnel", "public", "project"]
    assert values(table, None) == {
        "total": D("120.50"), "basic": D("105.50"), "personnel": D("80.00"), "public": D("25.50"), "project": D("15.00")}
    assert values(table, "201") == {
        "total": D("105.50"), "basic": D("105.50"), "personnel": D("80.00"), "public": D("25.50")}
    # no part printed: no 基本支出 either, not a 0 the table does not print
    assert values(table, "206") == {"total": D("15.00"), "project": D("15.00")}


def test_a_group_with_its_own_subtotal_column_keeps_it():
    table = read(
        ("2026年市级部门一般公共预算支出表",),
        ("507-某某委员会", "单位:万元"),
        ("科目编码", "科目名称", "合计", "基本支出", "", "", "项目支出"),
        ("", "", "", "小计", "人员经费", "公用经费", ""),
        ("201", "一般公共服务支出", "120.00", "100.00", "70.00", "20.00", "20.00"),
    ).tables["general_expenditure"]
    # the printed 小计 stays 基本支出, even where it differs from its parts
    assert values(table, "201") == {
        "total": D("120.00"), "basic": D("100.00"), "personnel": D("70.00"), "public": D("20.00"), "project": D("20.00")}


def test_a_carryover_named_by_its_source_is_the_carryover():
    # other provinces print 上年结转 as "上年财政拨款结转" or "财政拨款结转": not this year's 财政拨款收入
    from yusuan.prose.columns import column_id

    for label in ("上年财政拨款结转", "财政拨款结转", "上年结转"):
        assert column_id("revenue", label, 2024) == "carryover", label
    assert column_id("revenue", "财政拨款", 2024) == "fiscal"
    assert column_id("revenue", "一般公共预算拨款收入", 2024) == "general_budget"


def test_a_unit_beside_the_department_over_a_table_is_the_tables_unit():
    # "部门：某局 | 金额单位：元" (or 编制单位) on one line between the title and the header
    from yusuan.model import Unit

    for over in (("部门:某市测试局", "", "金额单位:元"), ("编制单位:某市测试局", "单位:元")):
        disclosure = read(
            ("2024年部门收支总表",),
            ("单位:万元",),
            ("收入", "", "支出", ""),
            ("项目", "预算数", "项目", "预算数"),
            ("一般公共预算拨款收入", "20.00", "一般公共服务支出", "20.00"),
            ("2024年政府采购预算明细表",),
            over,
            ("项目", "合计", "货物类", "工程类", "服务类"),
            ("合计", "200000.00", "200000.00", "", ""),
        )
        table = disclosure.tables["procurement"]
        assert disclosure.unit == Unit.wanyuan and table.unit == Unit.yuan, over
        assert values(table, None)["total"] == D("200000.00")
