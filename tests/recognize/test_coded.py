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


REVENUE_BY_UNIT = page(
    "收入总表",
    "部门:某某局 单位:万元",
    ("部门代码", "部门名称", "合计", "本年收入", "", "上年结转结余"),
    ("", "", "", "小计", "一般公共预算", "小计"),
    ("合计", "", "300.00", "300.00", "300.00", ""),
    ("123", "某某局", "300.00", "300.00", "300.00", ""),
    ("123001", "某某局(本级)", "200.00", "200.00", "200.00", ""),
    ("123002", "某某执法支队", "100.00", "100.00", "100.00", ""),
)


def test_a_table_listed_by_unit_code_has_unit_rows_not_functional_lines():
    table = read(REVENUE_BY_UNIT).tables["revenue"]
    assert [(r.item, r.code, r.name, r.values["total"]) for r in table.rows] == [
        ("total", None, "合计", D("300.00")),
        ("unit", None, "某某局", D("300.00")),
        ("unit", None, "某某局(本级)", D("200.00")),
        ("unit", None, "某某执法支队", D("100.00")),
    ]


def test_functional_codes_under_a_unit_name_header_stay_functional_lines():
    text = page(
        "收入总表",
        ("科目编码", "单位名称", "合计", "一般公共预算"),
        ("合计", "", "30.00", "30.00"),
        ("201", "一般公共服务支出", "30.00", "30.00"),
        ("20101", "人大事务", "30.00", "30.00"),
    )
    table = read(text).tables["revenue"]
    assert [r.code for r in table.rows] == [None, "201", "20101"]


def test_unit_codes_of_functional_shape_alone_stay_functional_lines():
    # "单位编码" over codes that all could be functional ones: nothing says they are not
    text = page(
        "收入总表",
        ("单位编码", "单位名称", "合计", "一般公共预算"),
        ("合计", "", "30.00", "30.00"),
        ("201", "一般公共服务支出", "30.00", "30.00"),
    )
    assert read(text).tables["revenue"].row("201") is not None


def test_a_department_of_one_unit_is_a_grid_not_a_list_of_subtotals():
    # 小计 heads a column under 本年收入: it is no group's subtotal line of a list
    text = page(
        "收入总表",
        "单位:某某局 单位:万元",
        ("单位代码", "单位名称", "合计", "本年收入", "", "上年结转结余"),
        ("", "", "", "小计", "一般公共预算", "小计"),
        ("合计", "", "90.00", "80.00", "80.00", "10.00"),
        ("075001", "某某局", "90.00", "80.00", "80.00", "10.00"),
    )
    table = read(text).tables["revenue"]
    assert [(r.item, r.name, r.values.get("general_budget"), r.values.get("carryover")) for r in table.rows] == [
        ("total", "合计", D("80.00"), D("10.00")),
        ("unit", "某某局", D("80.00"), D("10.00")),
    ]


REVENUE_HEADER = ("科目编码", "科目名称", "合计", "一般公共预算")


def test_names_set_a_line_above_their_codes_are_paired_back():
    # the name column sits a line higher than codes and amounts: each code is read with the next name
    first = page(
        "部门收入总表",
        REVENUE_HEADER,
        ("合计", "", "30.00", "30.00"),
        ("", "一般公共服务支出", "", ""),
        ("201", "发展与改革事务", "10.00", "10.00"),
        ("20104", "社会事业发展规划", "10.00", "10.00"),
        ("2010406", "科学技术支出", "10.00", "10.00"),
        ("206", "", "20.00", "20.00"),
    )
    second = page(
        REVENUE_HEADER,
        ("", "基础研究", "", ""),
        ("20602", "机构运行", "20.00", "20.00"),
        ("2060201", "", "20.00", "20.00"),
    )
    table = read(first, second).tables["revenue"]
    assert [(r.code, r.name) for r in table.rows if r.code] == [
        ("201", "一般公共服务支出"), ("20104", "发展与改革事务"), ("2010406", "社会事业发展规划"),
        ("206", "科学技术支出"), ("20602", "基础研究"), ("2060201", "机构运行")]
    assert [r.name for r in table.rows if not r.code] == ["合计"]


def test_a_name_alone_above_codes_the_catalog_does_not_confirm_shifted_stays():
    # nothing says the names are a line off: the printed pairing is kept, the lone name is no row's
    text = page(
        "部门收入总表",
        REVENUE_HEADER,
        ("合计", "", "20.00", "20.00"),
        ("", "某某专项", "", ""),
        ("201", "一般公共服务支出", "10.00", "10.00"),
        ("20104", "发展与改革事务", "10.00", "10.00"),
    )
    table = read(text).tables["revenue"]
    assert [(r.code, r.name) for r in table.rows if r.code] == [("201", "一般公共服务支出"), ("20104", "发展与改革事务")]


def test_a_page_number_line_is_no_part_of_the_last_name():
    text = page(
        "部门支出总表",
        EXPENDITURE_HEADER,
        ("合计", "", "10.00", "6.00", "4.00"),
        ("221", "住房保障支出", "10.00", "6.00", "4.00"),
        ("22102", "住房改革支出", "10.00", "6.00", "4.00"),
        ("2210201", "住房公积金", "10.00", "6.00", "4.00"),
        "—11—表三",
    )
    table = read(text).tables["expenditure"]
    assert [r.name for r in table.rows] == ["合计", "住房保障支出", "住房改革支出", "住房公积金"]


def test_a_table_listed_by_unit_name_alone_has_unit_rows():
    text = page(
        "部门收入预算总表",
        ("单位名称", "总计", "一般公共预算", "事业收入"),
        ("合计", "50.00", "20.00", "30.00"),
        ("某某委员会", "50.00", "20.00", "30.00"),
        ("某某医院", "30.00", "", "30.00"),
    )
    table = read(text).tables["revenue"]
    assert [(r.item, r.name) for r in table.rows] == [("total", "合计"), ("unit", "某某委员会"), ("unit", "某某医院")]
