"""Table layouts of real PDFs (docs/notes/pdf-recognition.md, R1–R11), on small hand-written lines.

Each test prints a table the way the PDF reader hands it on (one line per printed row, one cell per
column, empty cells kept) and states by hand what the model must hold.
"""

from decimal import Decimal

import pytest

from yusuan.document import Document
from yusuan.readers.text import read_text
from yusuan.recognize import recognize
from yusuan.recognize.kinds import find_table_kind, looks_like_title


def page(*rows) -> str:
    """A page: a row is a tuple of cells (joined by tabs) or a one-cell line."""
    return "\n".join("\t".join(row) if isinstance(row, tuple) else row for row in rows)


def document(*pages: str) -> Document:
    """Lines of each page carry its page number, as the PDF reader gives them."""
    lines = []
    for number, text in enumerate(pages, start=1):
        for line in read_text(text.encode(), "x.txt").lines:
            line.page = number
            lines.append(line)
    return Document(name="x.pdf", reader="pdf", lines=lines)


def read(*pages: str):
    return recognize(document(*pages))


def values(table, key: str, side: str | None = None) -> dict[str, Decimal]:
    row = table.row(key, side) if key.isdigit() else table.item(key, side)
    assert row is not None, f"no row {key} in {table.id}"
    return {column: value for column, value in row.values.items() if value is not None}


D = Decimal


# -- R1: 收支总表 with 收入 | 功能分类 | 支出用途 --------------------------------------------------------

THREE_SIDED_SUMMARY = page(
    "收支预算总表",
    "部门: 某某厅 单位:万元",
    ("收入", "", "支出", "", "", ""),
    ("项目名称", "金额", "功能分类", "", "支出用途", ""),
    ("", "", "功能科目名称", "金额", "项目名称", "金额"),
    ("一、财政拨款", "100.00", "一、一般公共服务支出", "80.00", "一、基本支出", "60.00"),
    ("1.一般公共预算", "100.00", "二、外交支出", "", "二、项目支出", "30.00"),
    ("2.政府性基金预算", "", "三、住房保障支出", "25.00", "三、单位预留机动经费", "15.00"),
    ("二、财政专户管理资金", "", "", "", "", ""),
    ("三、其他资金", "5.00", "", "", "", ""),
    # 当年支出小计 is printed in one cell merged over 功能分类 and 支出用途: its amount is in the last cell
    ("当年收入小计", "105.00", "当年支出小计", "", "", "105.00"),
    ("上年结转资金", "", "结转下年资金", "", "", ""),
    ("收入合计", "105.00", "支出合计", "", "", "105.00"),
)


def test_summary_with_a_purpose_side_has_basic_project_and_reserve_rows():
    table = read(THREE_SIDED_SUMMARY).tables["summary"]
    assert values(table, "basic", "expenditure") == {"total": D("60.00")}
    assert values(table, "project", "expenditure") == {"total": D("30.00")}
    assert values(table, "reserve", "expenditure") == {"total": D("15.00")}
    assert values(table, "201", "expenditure") == {"total": D("80.00")}
    assert values(table, "221", "expenditure") == {"total": D("25.00")}
    assert table.row("202", "expenditure").values == {"total": None}


def test_summary_totals_merged_over_the_expenditure_columns_keep_their_amount():
    table = read(THREE_SIDED_SUMMARY).tables["summary"]
    assert values(table, "expenditure_total", "expenditure") == {"total": D("105.00")}
    assert values(table, "grand_total", "expenditure") == {"total": D("105.00")}
    assert table.item("carry_forward", "expenditure").values == {"total": None}


def test_summary_income_groups_and_totals():
    table = read(THREE_SIDED_SUMMARY).tables["summary"]
    assert values(table, "fiscal", "income") == {"total": D("100.00")}
    assert values(table, "general_budget", "income") == {"total": D("100.00")}
    assert values(table, "other", "income") == {"total": D("5.00")}  # 其他资金
    assert values(table, "income_total", "income") == {"total": D("105.00")}  # 当年收入小计
    assert values(table, "grand_total", "income") == {"total": D("105.00")}  # 收入合计
    assert table.item("special_account", "income").values == {"total": None}
    assert [r.item for r in table.rows if r.side == "income"] == [
        "fiscal", "general_budget", "gov_fund", "special_account", "other", "income_total", "carryover", "grand_total"]


def test_fiscal_summary_with_only_the_purpose_side():
    text = page(
        "财政拨款收支预算总表",
        ("收入", "", "支出", ""),
        ("项目名称", "金额", "支出用途", ""),
        ("", "", "项目名称", "金额"),
        ("一、一般公共预算", "90.00", "一、基本支出", "50.00"),
        ("二、政府性基金预算", "", "二、项目支出", "30.00"),
        ("", "", "三、单位预留机动经费", "10.00"),
        ("收入合计", "90.00", "支出合计", "90.00"),
    )
    table = read(text).tables["fiscal_summary"]
    assert [(r.side, r.item, r.values["total"]) for r in table.rows] == [
        ("income", "general_budget", D("90.00")), ("income", "gov_fund", None), ("income", "grand_total", D("90.00")),
        ("expenditure", "basic", D("50.00")), ("expenditure", "project", D("30.00")),
        ("expenditure", "reserve", D("10.00")), ("expenditure", "grand_total", D("90.00"))]


def test_income_sum_line_above_a_grand_total_line_is_the_years_total():
    text = page(
        "收支总表",
        ("项目", "预算数", "项目", "预算数"),
        ("一般公共预算拨款收入", "10.00", "一般公共服务支出", "12.00"),
        ("收入合计", "10.00", "支出合计", "12.00"),
        ("上年结转", "2.00", "", ""),
        ("收入总计", "12.00", "支出总计", "12.00"),
    )
    table = read(text).tables["summary"]
    assert values(table, "income_total", "income") == {"total": D("10.00")}
    assert values(table, "grand_total", "income") == {"total": D("12.00")}
    # no 支出总计 / 支出合计 pair on the expenditure side beyond one of each: 支出合计 is the year's
    assert values(table, "expenditure_total", "expenditure") == {"total": D("12.00")}


def test_summary_splitting_each_expenditure_line_into_personnel_public_and_project():
    # 上海: 本年支出 | 合计 | 基本支出 (人员经费 | 公用经费) | 项目支出, each 类 on its own line, in 元
    text = page(
        "2026年预算单位财务收支预算总表",
        "编制单位：某老干部活动室 单位：元",
        ("本年收入", "", "本年支出", "", "", "", ""),
        ("项目", "预算数", "项目", "预算数", "", "", ""),
        ("", "", "", "合计", "基本支出", "", "项目支出"),
        ("", "", "", "", "人员经费", "公用经费", ""),
        ("一、财政拨款收入", "866,296", "一、社会保障和就业支出", "40,340", "39,540", "800", ""),
        ("1、一般公共预算", "866,296", "二、农林水支出", "825,956", "172,800", "587,090", "66,066"),
        ("二、事业收入", "", "", "", "", "", ""),
        ("收入总计", "866,296", "支出总计", "866,296", "212,340", "587,890", "66,066"),
    )
    table = read(text).tables["summary"]
    assert values(table, "213", "expenditure") == {
        "total": D("825956"), "personnel": D("172800"), "public": D("587090"), "project": D("66066")}
    assert values(table, "208", "expenditure") == {"total": D("40340"), "personnel": D("39540"), "public": D("800")}
    assert values(table, "grand_total", "expenditure") == {
        "total": D("866296"), "personnel": D("212340"), "public": D("587890"), "project": D("66066")}
    assert values(table, "fiscal", "income") == {"total": D("866296")}


# -- R2, R3: titles with a qualifier, contents pages, tables the model has no place for ------------

def test_a_title_may_end_in_a_qualifier_in_parentheses():
    assert find_table_kind("财政拨款支出预算表(功能科目)") == "general_expenditure"
    assert find_table_kind("财政拨款基本支出预算表(经济科目)") == "basic_expenditure"
    assert find_table_kind("“三公”经费、会议费、培训费支出预算表(一般公共预算)") == "three_public"
    assert find_table_kind("一般公共预算机关运行经费支出预算表") == "operating_cost"


GENERAL = (
    ("功能科目编码", "功能科目名称", "金额"),
    ("合计", "", "10.00"),
    ("201", "一般公共服务支出", "10.00"),
)


def test_contents_entries_followed_by_titles_are_not_tables():
    contents = page("目 录", "一、收支预算总表", "二、一般公共预算支出预算表", "三、政府采购支出预算表")
    disclosure = read(contents, page("一般公共预算支出预算表", *GENERAL))
    assert set(disclosure.tables) == {"general_expenditure"}
    assert len(disclosure.tables["general_expenditure"].rows) == 2


def test_the_general_budget_table_is_preferred_to_the_fiscal_one_and_operating_cost_is_not_read():
    text = page(
        "财政拨款支出预算表(功能科目)",
        ("功能科目编码", "功能科目名称", "金额"),
        ("合计", "", "12.00"),
        ("201", "一般公共服务支出", "10.00"),
        ("212", "城乡社区支出", "2.00"),
        "一般公共预算支出预算表(功能科目)",
        *GENERAL,
        "一般公共预算机关运行经费支出预算表",
        ("科目编码", "科目名称", "机关运行经费支出"),
        ("合计", "", "3.00"),
        ("302", "商品和服务支出", "3.00"),
    )
    disclosure = read(text)
    table = disclosure.tables["general_expenditure"]
    assert table.title == "一般公共预算支出预算表(功能科目)"
    assert [(r.item, r.code, r.values["total"]) for r in table.rows] == [("total", None, D("10.00")), (None, "201", D("10.00"))]
    assert not any("重复" in u.what for u in disclosure.unreadable)


def test_a_table_that_prints_one_amount_column_has_that_column_only():
    text = page(
        "一般公共预算基本支出预算表",
        ("科目编码", "科目名称", "金额"),
        ("", "合计", "9.00"),
        ("301", "工资福利支出", "9.00"),
    )
    table = read(text).tables["basic_expenditure"]
    assert table.column_ids == ["total"]
    assert all(set(r.values) == {"total"} for r in table.rows)


def test_table_numbers_page_numbers_and_notes_are_not_rows():
    text = page(
        "一般公共预算支出预算表",
        "公开表五",
        *GENERAL,
        ":“科目编码”和“科目名称”为必填项。",
        "17",
    )
    disclosure = read(text)
    table = disclosure.tables["general_expenditure"]
    assert len(table.rows) == 2
    assert table.note == ":“科目编码”和“科目名称”为必填项。"
    assert not disclosure.unreadable


def test_the_next_tables_number_atop_a_new_page_is_no_row():
    # 上海-e259e5ad p.9: "单位预算03表" over the next table's title, after the last row of the one before
    first = page("一般公共预算支出预算表", *GENERAL)
    second = page("单位预算03表", "2026年预算单位支出预算总表", ("科目编码", "科目名称", "合计", "基本支出", "项目支出"),
                  ("201", "一般公共服务支出", "9.00", "9.00", ""))
    disclosure = read(first, second)
    assert len(disclosure.tables["general_expenditure"].rows) == 2
    assert not disclosure.unreadable


@pytest.mark.parametrize("saying", ["(无政府性基金支出)", "本部门无政府性基金预算支出", "此表无数据", "无"])
def test_a_line_saying_an_empty_table_has_nothing_is_its_note(saying):
    text = page(
        "政府性基金支出预算表",
        ("科目编码", "科目名称", "合计", "基本支出", "项目支出"),
        ("", "合计", "", "", ""),
        saying,
    )
    table = read(text).tables["gov_fund_expenditure"]
    assert table.is_empty and table.note == saying


@pytest.mark.parametrize("wrapped", ["无形资产购置", "无障碍设施改造支出"])
def test_a_row_name_starting_with_wu_is_not_a_note(wrapped):
    text = page(
        "一般公共预算基本支出预算表",
        ("科目编码", "科目名称", "金额"),
        ("", "合计", "2.00"),
        ("310", "资本性支出", "2.00"),
        wrapped,
    )
    assert read(text).tables["basic_expenditure"].note is None


# -- R4: 三公 table with a merged header over one unlabelled line -----------------------------------

THREE_PUBLIC_HEADER = (
    ("合计", "“三公”经费", "", "", "", "", "", "会议费", "培训费"),
    ("", "小计", "因公出国(境)费", "公务用车购置及运行维护费", "", "", "公务接待费", "", ""),
    ("", "", "", "小计", "公务用车购置费", "公务用车运行维护费", "", "", ""),
)


def test_three_public_with_meeting_and_training_is_the_budget_years_row():
    text = page(
        "2017年度“三公”经费、会议费、培训费支出预算表",
        *THREE_PUBLIC_HEADER,
        ("2,542.60", "833.60", "222.50", "183.60", "0", "183.60", "427.50", "1,305.25", "403.75"),
    )
    table = read(text).tables["three_public"]
    assert [r.name for r in table.rows] == ["2017"]
    assert table.rows[0].values == {
        "total": D("2542.60"), "three_public_total": D("833.60"), "overseas": D("222.50"), "vehicle": D("183.60"),
        "vehicle_purchase": D("0"), "vehicle_operation": D("183.60"), "reception": D("427.50"),
        "meeting": D("1305.25"), "training": D("403.75")}


def test_three_public_final_account_prints_budget_and_actual_for_each_item():
    text = page(
        "2024年度部门决算",
        "财政拨款“三公”经费支出决算表",
        ("财政拨款“三公”经费", "", "", "", "", "", "", "", "", "", "", ""),
        ("合计", "", "因公出国(境)费", "", "公务用车购置及运行维护费", "", "", "", "", "", "公务接待费", ""),
        ("", "", "", "", "小计", "", "公务用车购置费", "", "公务用车运行维护费", "", "", ""),
        ("预算数", "决算数") * 6,
        ("2.85", "0.39", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "2.85", "0.39"),
    )
    table = read(text).tables["three_public"]
    # the 决算数 first: it is the year's figure in a final account
    assert [(r.name, r.values["total"], r.values["reception"]) for r in table.rows] == [
        ("2024", D("0.39"), D("0.39")), ("2024年预算数", D("2.85"), D("2.85"))]


def test_three_public_with_operating_cost_beside_it():
    text = page(
        "2025年部门“三公”经费和机关运行经费预算表",
        "编制部门:某某委 单位:万元",
        ("“三公”经费预算数", "", "", "", "", "", "机关运行经费预算数"),
        ("合计", "因公出国(境)费", "公务接待费", "公务用车购置及运行费", "", "", ""),
        ("", "", "", "小计", "购置费", "运行费", ""),
        ("1.00", "", "1.00", "", "", "", "171.01"),
    )
    table = read(text).tables["three_public"]
    assert table.column_ids == ["total", "overseas", "vehicle", "vehicle_purchase", "vehicle_operation",
                                "reception", "operating_cost"]
    assert {k: v for k, v in table.rows[0].values.items() if v is not None} == {
        "total": D("1.00"), "reception": D("1.00"), "operating_cost": D("171.01")}


# -- R5, R6, R7: codes as 类 | 款 | 项, a header repeated on the next page, 合计 in the code cell ----

SHANGHAI_HEADER = (
    ("项目", "", "", "", "一般公共预算支出", "", ""),
    ("功能分类科目编码", "", "", "功能分类科目名称", "合计", "基本支出", "项目支出"),
    ("类", "款", "项", "", "", "", ""),
)


def test_codes_in_three_columns_a_repeated_header_and_a_total_in_the_code_cell():
    first = page(
        "2025年部门一般公共预算支出功能分类预算表",
        "编制部门:某某委 单位:元",
        *SHANGHAI_HEADER,
        ("201", "", "", "一般公共服务支出", "30.00", "20.00", "10.00"),
        ("201", "13", "", "商贸事务", "30.00", "20.00", "10.00"),
        ("201", "13", "01", "行政运行", "20.00", "20.00", ""),
    )
    second = page(
        *SHANGHAI_HEADER,
        ("201", "13", "02", "一般行政管理事务", "10.00", "", "10.00"),
        ("合计", "", "", "", "30.00", "20.00", "10.00"),
    )
    disclosure = read(first, second)
    table = disclosure.tables["general_expenditure"]
    assert [(r.code, r.name, r.item) for r in table.rows] == [
        ("201", "一般公共服务支出", None), ("20113", "商贸事务", None), ("2011301", "行政运行", None),
        ("2011302", "一般行政管理事务", None), (None, "合计", "total")]
    assert values(table, "total") == {"total": D("30.00"), "basic": D("20.00"), "project": D("10.00")}
    assert not disclosure.unreadable


# -- R8: two tables side by side ---------------------------------------------------------------------

def test_personnel_and_public_halves_are_read_as_one_table():
    text = page(
        "一般公共预算财政拨款基本支出决算表",
        ("经济分类科目编码", "科目名称", "决算数", "经济分类科目编码", "科目名称", "决算数"),
        ("301", "工资福利支出", "10.00", "302", "商品和服务支出", "4.00"),
        ("30101", "基本工资", "10.00", "30201", "办公费", "4.00"),
        ("", "", "", "310", "资本性支出", "1.00"),
        ("", "", "", "31002", "办公设备购置", "1.00"),
        ("人员经费合计", "", "10.00", "公用经费合计", "", "5.00"),
    )
    table = read(text).tables["basic_expenditure"]
    assert table.column_ids == ["total"]
    assert [(r.code or r.item, r.values["total"]) for r in table.rows] == [
        ("301", D("10.00")), ("30101", D("10.00")), ("personnel", D("10.00")),
        ("302", D("4.00")), ("30201", D("4.00")), ("310", D("1.00")), ("31002", D("1.00")), ("public", D("5.00"))]


# -- R9: 收入预算总表 as a list ------------------------------------------------------------------------

def test_revenue_printed_as_a_list_of_groups():
    text = page(
        "收入预算总表",
        ("项目名称", "", "", "金额"),
        ("收入总计", "", "", "17,996.68"),
        ("一般公共预算资金", "", "小计", "17,981.68"),
        ("", "", "公共财政拨款(补助)资金", "17,981.68"),
        ("政府性基金", "", "小计", ""),
        ("其他资金", "", "小计", "15.00"),
        ("", "", "事业收入", ""),
        ("", "", "其他收入", "15.00"),
        ("上年结转和结余资金", "", "小计", ""),
        ("", "", "其中:动用上年结转和结余资金", ""),
    )
    table = read(text).tables["revenue"]
    assert table.column_ids == ["total"]
    assert [(r.item, r.name, r.values["total"]) for r in table.rows] == [
        ("total", "收入总计", D("17996.68")),
        ("general_budget", "一般公共预算资金", D("17981.68")),
        (None, "公共财政拨款(补助)资金", D("17981.68")),
        ("gov_fund", "政府性基金", None),
        ("other", "其他资金", D("15.00")),
        (None, "事业收入", None),
        (None, "其他收入", D("15.00")),
        ("carryover", "上年结转和结余资金", None),
        (None, "其中:动用上年结转和结余资金", None)]


# -- R10: a table with no label column ----------------------------------------------------------------

def test_expenditure_table_without_label_column_is_its_total_row():
    text = page(
        "支出预算总表",
        ("合计", "基本支出", "项目支出", "单位预留机动经费", "结转下年资金"),
        ("15897.44", "7877.76", "6333.96", "1685.72", ""),
    )
    table = read(text).tables["expenditure"]
    assert table.column_ids == ["total", "basic", "project", "reserve", "carry_forward"]
    assert [(r.item, r.name) for r in table.rows] == [("total", "合计")]
    assert values(table, "total") == {"total": D("15897.44"), "basic": D("7877.76"), "project": D("6333.96"),
                                      "reserve": D("1685.72")}


# -- R11: 政府采购表 with category, 专项 and item columns ------------------------------------------------

def test_procurement_rows_are_named_by_their_left_most_label():
    text = page(
        "政府采购支出预算表",
        ("采购品目大类", "专项名称", "经济科目", "采购物品名称", "采购组织形式", "总计"),
        ("合计", "", "", "", "", "370.00"),
        ("一、货物A", "", "", "", "", "20.00"),
        ("", "办公设备购置费", "办公设备购置", "", "", "20.00"),
        ("", "", "", "PC服务器", "部门集中采购", "20.00"),
        ("三、服务C", "", "", "", "", "350.00"),
        ("", "", "物业管理费", "", "", "350.00"),
        ("", "", "", "物业管理服务", "部门集中采购", "330.00"),
        # 物业管理服务 is printed once, in a cell merged over this row and the one above
        ("", "", "", "", "分散自行组织", "20.00"),
    )
    table = read(text).tables["procurement"]
    assert [(r.item, r.name, r.values["total"]) for r in table.rows] == [
        ("total", "合计", D("370.00")), ("goods", "货物A", D("20.00")), (None, "办公设备购置费", D("20.00")),
        (None, "PC服务器", D("20.00")), ("services", "服务C", D("350.00")), (None, "物业管理费", D("350.00")),
        (None, "物业管理服务", D("330.00")), (None, "物业管理服务", D("20.00"))]


# -- project list: a row that prints every cell keeps its columns -------------------------------------

# title, unit and the two header rows of a project list with two funding groups
_PROJECT_LIST_HEAD = (
    "某某局2024年项目支出表",
    "单位：万元",
    ("序号", "预算单位", "功能分类科目", "", "项目名称", "合计", "年初特定目标", "", "", "",
     "上级专项", "", "", ""),
    ("", "", "科目编码", "科目名称", "", "", "小计", "人员性项目", "一般性项目", "民生配套项目",
     "小计", "提前下达专项", "结转项目", "市级专项"),
)


def test_project_row_printing_every_cell_keeps_its_columns_when_another_column_is_more_used():
    text = page(
        *_PROJECT_LIST_HEAD,
        ("", "", "", "", "合计", "160.00", "160.00", "40.00", "120.00", "", "", "", "", ""),
        ("1", "001-某某局本级", "2011302", "招商引资", "50011224T000000000001-招商服务", "70.00", "70.00", "", "70.00",
         "", "", "", "", ""),
        ("2", "001-某某局本级", "2011302", "招商引资", "50011224T000000000002-园区规划", "50.00", "50.00", "", "50.00",
         "", "", "", "", ""),
        # funded only from 人员性项目: the empty 一般性项目 cell is printed, so 40.00 is not 一般性项目
        ("3", "001-某某局本级", "2011399", "其他商贸事务支出", "50011224T000000000003-聘用人员经费", "40.00", "40.00",
         "40.00", "", "", "", "", "", ""),
    )
    disclosure = read(text)
    by_code = {p.code: p for p in disclosure.projects}
    hired = by_code["50011224T000000000003"]
    assert {c: v for c, v in hired.funding.items() if v is not None} == {
        "specific_target": D("40.00"), "personnel_project": D("40.00")}
    assert {c: v for c, v in by_code["50011224T000000000001"].funding.items() if v is not None} == {
        "specific_target": D("70.00"), "general_project": D("70.00")}
    table = disclosure.tables["project_expenditure"]
    assert values(table, "total") == {"amount": D("160.00"), "specific_target": D("160.00"),
                                      "personnel_project": D("40.00"), "general_project": D("120.00")}


def test_project_row_that_lost_its_empty_cells_is_still_placed_by_the_arithmetic():
    text = page(
        *_PROJECT_LIST_HEAD,
        ("", "", "", "", "合计", "100.00", "", "", "", "", "100.00", "100.00", "", ""),
        ("1", "001-某某局本级", "2011302", "招商引资", "50011224T000000000001-招商服务", "70.00", "", "", "",
         "", "70.00", "70.00", "", ""),
        # printed as 合计, 小计, 提前下达专项 with the empty cells lost: placed as the other rows are
        ("2", "001-某某局本级", "2011302", "招商引资", "50011224T000000000002-专项补助", "30.00", "30.00", "30.00"),
    )
    by_code = {p.code: p for p in read(text).projects}
    assert {c: v for c, v in by_code["50011224T000000000002"].funding.items() if v is not None} == {
        "superior_special": D("30.00"), "advance_special": D("30.00")}


def test_project_total_printing_every_cell_keeps_its_columns_when_it_does_not_add_up():
    text = page(
        *_PROJECT_LIST_HEAD,
        # 70 + 30 is 100, not 110: the checks report it; the reader keeps each amount in its column
        ("", "", "", "", "合计", "110.00", "70.00", "", "70.00", "", "30.00", "30.00", "", ""),
        ("1", "001-某某局本级", "2011302", "招商引资", "50011224T000000000001-招商服务", "70.00", "70.00", "", "70.00",
         "", "", "", "", ""),
        ("2", "001-某某局本级", "2011302", "招商引资", "50011224T000000000002-专项补助", "30.00", "", "", "",
         "", "30.00", "30.00", "", ""),
    )
    disclosure = read(text)
    assert values(disclosure.tables["project_expenditure"], "total") == {
        "amount": D("110.00"), "specific_target": D("70.00"), "general_project": D("70.00"),
        "superior_special": D("30.00"), "advance_special": D("30.00")}
    assert not [u for u in disclosure.unreadable if "资金来源" in u.what]


# -- titles and headers of other provinces ----------------------------------------------------------

def test_a_summary_titled_as_an_overall_situation_table():
    assert find_table_kind("2026年部门收支总体情况表") == "summary"
    assert find_table_kind("2026年财政拨款收支总体情况表") == "fiscal_summary"
    assert find_table_kind("2026年部门收入总体情况表") == "revenue"


def test_a_project_performance_table_titled_without_target():
    # 湖州 表11 "2026年市级部门项目支出绩效表": not the project list
    assert find_table_kind("2026年市级部门项目支出绩效表") == "performance"
    assert find_table_kind("2026年项目支出预算表") == "project_expenditure"
    assert find_table_kind("2024年度项目支出绩效自评表") != "performance"


def test_the_last_contents_entry_naming_a_performance_table_does_not_swallow_the_tables():
    contents = page("第二部分 2026年部门预算表", "8、政府性基金预算支出表", "9、项目支出绩效目标表",
                    "10、部门整体支出绩效目标表", "注:以上部门预算报表中,空表表示本部门无相关收支情况")
    disclosure = read(contents, page("2026年一般公共预算支出情况表", *GENERAL))
    assert set(disclosure.tables) == {"general_expenditure"}
    assert disclosure.performance_overall is None and not disclosure.performance_projects


def test_a_line_numbering_the_columns_is_header_not_a_row():
    text = page(
        "2026年一般公共预算基本支出情况表",
        ("经济科目编码", "经济科目名称", "总计", "人员类", "公用经费"),
        ("**", "**", "1", "2", "3"),
        ("", "合计", "9.00", "7.00", "2.00"),
        ("301", "工资福利支出", "7.00", "7.00", ""),
        ("302", "商品和服务支出", "2.00", "", "2.00"),
    )
    table = read(text).tables["basic_expenditure"]
    assert [(r.code, r.name) for r in table.rows] == [(None, "合计"), ("301", "工资福利支出"), ("302", "商品和服务支出")]
    assert table.column_ids == ["total", "personnel", "public"]
    assert values(table, "total") == {"total": D("9.00"), "personnel": D("7.00"), "public": D("2.00")}


def test_codes_in_three_columns_with_the_upper_levels_left_blank():
    # 长沙 / 重庆: the 类 printed once, the 款 once, the 项 rows print only their own part
    text = page(
        "2026年部门支出总体情况表",
        ("科目编码", "", "", "功能科目", "总计", "基本支出", "项目支出"),
        ("类", "款", "项", "", "", "", ""),
        ("**", "**", "**", "**", "1", "2", "3"),
        ("", "", "", "合计", "30.00", "20.00", "10.00"),
        ("208", "", "", "社会保障和就业支出", "30.00", "20.00", "10.00"),
        ("", "05", "", "行政事业单位养老支出", "20.00", "20.00", ""),
        ("", "", "05", "机关事业单位基本养老保险缴费支出", "12.00", "12.00", ""),
        ("", "", "06", "机关事业单位职业年金缴费支出", "8.00", "8.00", ""),
        ("", "07", "", "就业补助", "10.00", "", "10.00"),
        ("", "", "99", "其他就业补助支出", "10.00", "", "10.00"),
    )
    table = read(text).tables["expenditure"]
    assert [r.code for r in table.rows] == [None, "208", "20805", "2080505", "2080506", "20807", "2080799"]


def test_basic_expenditure_split_into_personnel_and_public_without_its_own_subtotal():
    # 湖州 支出预算总表: 基本支出 spans 人员支出 | 公用经费 and prints no 小计: 基本支出 is their sum
    text = page(
        "2026年市级部门支出预算总表",
        ("科目编码", "科目名称", "总计", "基本支出", "", "项目支出"),
        ("", "", "", "人员支出", "公用经费", ""),
        ("**", "**", "1", "2", "3", "4"),
        ("", "合计", "10.00", "6.00", "1.00", "3.00"),
        ("208", "社会保障和就业支出", "10.00", "6.00", "1.00", "3.00"),
    )
    table = read(text).tables["expenditure"]
    assert set(table.column_ids) == {"total", "basic", "personnel", "public", "project"}
    assert values(table, "208") == {"total": D("10.00"), "basic": D("7.00"), "personnel": D("6.00"),
                                    "public": D("1.00"), "project": D("3.00")}


def test_a_class_cell_printing_no_class_is_mended_and_the_printed_code_kept():
    text = page(
        "2026年一般公共预算支出情况表",
        ("科目编码", "", "", "科目名称", "合计"),
        ("类", "款", "项", "", ""),
        ("", "", "", "合计", "5.00"),
        ("210", "", "", "卫生健康支出", "5.00"),
        ("210", "11", "", "行政事业单位医疗", "5.00"),
        ("210", "11", "01", "行政单位医疗", "3.00"),
        ("7", "11", "02", "事业单位医疗", "2.00"),
    )
    table = read(text).tables["general_expenditure"]
    assert [(r.code, r.printed_code) for r in table.rows] == [
        (None, None), ("210", None), ("21011", None), ("2101101", None), ("2101102", "7 11 02")]


def test_a_table_of_no_known_kind_ends_the_table_before_it_and_is_named_as_not_read():
    extra = page(
        "2026年专项业务经费支出表",
        ("项目名称", "金额"),
        ("信息化运维", "4.00"),
        ("执法装备", "6.00"),
    )
    disclosure = read(page("2026年一般公共预算支出情况表", *GENERAL), extra)
    assert len(disclosure.tables["general_expenditure"].rows) == 2
    assert [u.what for u in disclosure.unreadable] == ["第 2 页的表格“2026年专项业务经费支出表”不是可识别的标准表格，未读入"]


def test_a_sentence_pointing_at_a_table_is_no_title():
    assert not looks_like_title("预算编制范围的单位详细情况见下表:")
    assert not looks_like_title("表十一")
    assert looks_like_title("2026年会议费培训费支出预算表")


def test_amounts_under_a_header_naming_no_column_are_not_astray():
    # 长沙 收入总表: 本级财政拨款 spans 金额 | 其中:经费拨款
    text = page(
        "2026年部门收入总体情况表",
        ("类", "款", "项", "功能科目", "合计", "本级财政拨款", "", "其它收入"),
        ("", "", "", "", "", "金额", "其中:经费拨款", ""),
        ("", "", "", "合计", "10.00", "10.00", "10.00", ""),
        ("201", "", "", "一般公共服务支出", "10.00", "10.00", "10.00", ""),
        ("", "40", "", "信访事务", "10.00", "10.00", "10.00", ""),
        ("201", "40", "01", "行政运行", "10.00", "10.00", "10.00", ""),
    )
    disclosure = read(text)
    table = disclosure.tables["revenue"]
    assert table.doubtful is None
    assert table.column_ids == ["total", "fiscal", "other"]
    assert [u.what for u in disclosure.unreadable] == ["栏目“其中:经费拨款”未能识别，其中的金额未读入"]


def test_summary_income_lines_of_a_city_template():
    text = page(
        "2026年部门收支总体情况表",
        ("收入", "", "支出", ""),
        ("项目", "本年预算", "项目", "本年预算"),
        ("一、本级财政拨款收入", "8.00", "一、基本支出", "6.00"),
        ("二、事业单位经营服务收入", "1.00", "二、项目支出", "3.00"),
        ("三、其它收入", "", "", ""),
        ("本年收入合计", "9.00", "本年支出合计", "9.00"),
    )
    table = read(text).tables["summary"]
    assert [(r.item, r.value("total")) for r in table.rows if r.side == "income"] == [
        ("fiscal", D("8.00")), ("business", D("1.00")), ("other", None), ("income_total", D("9.00"))]


def test_a_revenue_table_by_unit_with_subtotal_in_its_header_is_not_a_list():
    # 苏州 收入总表: 本年收入 spans 小计 | 一般公共预算 | …; its rows are units
    text = page(
        "收入总表",
        ("单位代码", "单位名称", "合计", "本年收入", "", "上年结转结余"),
        ("", "", "", "小计", "一般公共预算", "小计"),
        ("合计", "", "186,241.00", "186,241.00", "186,241.00", ""),
        ("075001", "苏州市科学技术局", "186,241.00", "186,241.00", "186,241.00", ""),
    )
    disclosure = read(text)
    table = disclosure.tables["revenue"]
    # the 小计 of 本年收入 is this year's income, a column of its own beside 合计
    assert table.column_ids == ["total", "income", "general_budget", "carryover"]
    assert values(table, "total") == {"total": D("186241.00"), "income": D("186241.00"),
                                      "general_budget": D("186241.00")}
    assert not any("本年收入小计" in u.what for u in disclosure.unreadable)


def test_a_performance_table_printed_without_its_title_ends_the_table_before_it():
    fund = page(
        "2025年政府性基金预算支出情况表",
        ("科目编码", "功能科目", "总计", "基本支出", "项目支出"),
        ("", "合计", "", "", ""),
    )
    targets = page(
        ("单位编码", "单位(项目)名称", "资金总额", "绩效目标", "绩效指标", "", ""),
        ("", "", "", "", "一级指标", "二级指标", "三级指标"),
        ("106001", "大型警保卫工作经费", "428.69", "做好安保", "产出指标", "数量指标", "印发宣传资料"),
    )
    table = read(fund, targets).tables["gov_fund_expenditure"]
    assert [r.name for r in table.rows] == ["合计"]


def test_a_project_list_header_naming_its_amount_columns_is_no_performance_table():
    # 湖州 项目支出预算表: 单位名称 | 项目名称 | 总计 | 一般公共预算 | 政府性基金 | … | 单位资金, no functional code;
    # the 项目名称 label is the list's, the table goes on with its 合计 line
    text = page(
        "2026年市级部门项目支出预算表",
        "606-湖州市交通运输局 单位:万元",
        ("", "", "", "", "", "国有资本经营", "财政专户管理", ""),
        ("单位名称", "项目名称", "总计", "一般公共预算", "政府性基金", "", "", "单位资金"),
        ("", "", "", "", "", "预算", "资金", ""),
        ("", "合计", "171462.41", "24815.52", "139963.40", "", "", "6683.49"),
        ("湖州市交通运输局", "综合交通运行保障", "7108.06", "7108.06", "", "", "", ""),
        ("湖州市水上应急救援中心", "湖州航区骨干航道养护", "5499.85", "", "", "", "", "5499.85"),
    )
    disclosure = read(text)
    table = disclosure.tables["project_expenditure"]
    assert table.column_ids == ["amount", "general_budget", "gov_fund", "state_capital", "special_account", "unit_funds"]
    assert values(table, "total") == {"amount": D("171462.41"), "general_budget": D("24815.52"),
                                      "gov_fund": D("139963.40"), "unit_funds": D("6683.49")}
    assert not disclosure.performance_projects and disclosure.performance_overall is None


def test_a_cell_whose_amount_cannot_be_read_is_unknown_not_empty():
    # OCR ran two numbers together ("1,2,345"); a dash printed for nothing is no misread amount
    text = page(
        "一般公共预算基本支出预算表",
        ("科目编码", "科目名称", "合计", "人员经费", "公用经费"),
        ("", "合计", "12.00", "1,2,345", "-"),
        ("301", "工资福利支出", "12.00", "12.00", ""),
    )
    table = read(text).tables["basic_expenditure"]
    total = table.item("total")
    assert total.values["personnel"] is None and total.unread == ["personnel"]
    assert table.row("301").unread == []
# -- a document's title printed above a table's own title ------------------------------------------

def test_a_book_title_above_a_tables_title_is_kept_as_printed():
    # 上海 普陀 决算 p.7: "上海市规划和自然资源局 2024 年度部门决算表" above "收入支出决算总表"
    disclosure = read(page(
        "上海市规划和自然资源局 2024 年度部门决算表",
        "收入支出决算总表",
        "单位:万元",
        ("收入", "", "支出", ""),
        ("项目", "决算数", "项目", "决算数"),
        ("一、一般公共预算财政拨款收入", "100.00", "一、一般公共服务支出", "100.00"),
        ("本年收入合计", "100.00", "本年支出合计", "100.00"),
    ), page(
        "收入决算表",
        "单位:万元",
        ("科目编码", "科目名称", "本年收入合计", "财政拨款收入"),
        ("201", "一般公共服务支出", "100.00", "100.00"),
    ))
    assert [h.text for h in disclosure.headings] == ["上海市规划和自然资源局2024年度部门决算表"]
    assert disclosure.headings[0].source.page == 1


def _project_list(header: tuple[str, ...], *rows: tuple[str, ...]):
    return read(page("2024年项目支出预算表", "单位:万元", header, *rows)).tables["project_expenditure"]


def test_a_project_list_funded_by_fiscal_money_special_accounts_and_its_own():
    # 北京-like: 财政拨款 | 财政专户管理资金 | 单位资金; the 合计 line leaves the 项目名称 cell empty, and a
    # project named as its 科目 prints the name twice
    table = _project_list(
        ("科目编码", "科目名称", "项目名称", "合计", "财政拨款", "财政专户管理资金", "单位资金"),
        ("", "合计", "", "80.00", "70.00", "", "10.00"),
        ("2011308", "招商引资", "招商引资", "50.00", "50.00", "", ""),
        ("2011302", "一般行政管理事务", "信息系统运维", "30.00", "20.00", "", "10.00"),
    )
    assert table.column_ids == ["amount", "fiscal", "special_account", "unit_funds"]
    assert values(table, "total") == {"amount": D("80.00"), "fiscal": D("70.00"), "unit_funds": D("10.00")}
    projects = {row.name: {c: v for c, v in row.values.items() if v is not None} for row in table.rows
                if row.item != "total"}
    assert projects == {"招商引资": {"amount": D("50.00"), "fiscal": D("50.00")},
                        "信息系统运维": {"amount": D("30.00"), "fiscal": D("20.00"), "unit_funds": D("10.00")}}


def test_project_funding_columns_in_the_order_printed():
    # 本年财政拨款 before 上年结转: no 上级专项 group (its header is not printed), the columns as printed
    table = _project_list(
        ("科目编码", "科目名称", "项目名称", "合计", "上年结转", "一般公共预算"),
        ("", "合计", "", "80.00", "30.00", "50.00"),
        ("2011302", "一般行政管理事务", "信息系统运维", "80.00", "30.00", "50.00"),
    )
    assert table.column_ids == ["amount", "carryover", "general_budget"]
    assert values(table, "total") == {"amount": D("80.00"), "carryover": D("30.00"), "general_budget": D("50.00")}


def test_a_project_list_printing_the_name_before_the_code():
    table = _project_list(
        ("项目名称", "功能科目编码", "功能科目名称", "金额"),
        ("合计", "", "", "80.00"),
        ("招商引资", "2011308", "招商引资", "50.00"),
        ("信息系统运维", "2011302", "一般行政管理事务", "30.00"),
    )
    names = [row.name for row in table.rows if row.item != "total"]
    assert names == ["招商引资", "信息系统运维"]
    assert values(table, "total") == {"amount": D("80.00")}
