"""Document hygiene."""

import pytest

from .builder import assert_fails, assert_passes, assert_reports
from .consistent import consistent

RULES = ["HYGIENE-DEPARTMENT", "HYGIENE-YEAR", "HYGIENE-PLACEHOLDER", "HYGIENE-OCR", "HYGIENE-DUPLICATE-WORD",
         "HYGIENE-UNREADABLE"]


@pytest.mark.parametrize("rule_id", RULES)
def test_passes_on_consistent_document(rule_id):
    assert_passes(consistent(), rule_id)


def test_department_name_differs_in_a_title():
    builder = consistent().configure("summary", title="某市测验局部门收支总表")
    [finding] = assert_fails(builder, "HYGIENE-DEPARTMENT", table="summary")
    assert finding.provided == "某市测验局"


def test_a_title_without_department_name_is_fine():
    assert_passes(consistent().configure("summary", title="部门收支总表"), "HYGIENE-DEPARTMENT")


@pytest.mark.parametrize("title", [
    "四、财政拨款收支预算总表",  # numbered as in Jiangsu's 2017 budgets
    "公开04表:财政拨款收支预算总表",
    "表1-1 2024年部门收支总表",
    "（一）某市测试局部门收支总表",
    "附表一：某市测试局2024年度部门收支总表",
    "2024年某市测试局部门财政拨款收支总表",
    "2024年预算单位财务收支预算总表",  # Shanghai's unit budgets
    "一般公共预算支出表",
])
def test_numbers_years_and_whose_words_around_the_name_are_not_the_name(title):
    assert_passes(consistent().configure("summary", title=title), "HYGIENE-DEPARTMENT")


@pytest.mark.parametrize("title", [
    "2024年某市测验局部门收支总表",
    "三、某市测验局收支预算总表",
    "表 1  某市测验局 部门收支总表",
])
def test_another_name_after_a_number_or_a_year_is_found(title):
    [finding] = assert_fails(consistent().configure("summary", title=title), "HYGIENE-DEPARTMENT", table="summary")
    assert finding.provided == "某市测验局"


def test_the_same_other_name_on_several_titles_is_one_finding():
    builder = consistent().configure("summary", title="某市测验局部门收支总表")
    builder = builder.configure("revenue", title="某市测验局部门收入总表")
    [finding] = assert_fails(builder, "HYGIENE-DEPARTMENT")
    assert "收支总表" in finding.message and "收入总表" in finding.message


@pytest.mark.parametrize("title", [
    "2026年市级部门项目支出预算表",  # Huzhou: the level of government before 部门
    "年部门收入总体情况表",  # Chongqing: the year's digits lost by the text layer
    "总计一般公共预算政府性基金单位资金",  # a header read as a title
    "某市测试部门收支总表",  # a title wrapped inside the name keeps its beginning
])
def test_what_is_no_other_department_name(title):
    assert_passes(consistent().configure("summary", title=title), "HYGIENE-DEPARTMENT")


def test_department_name_in_the_overall_performance_table():
    builder = consistent().overall("123", consistent().performance_overall.indicators, name="某市测验局")
    assert_fails(builder, "HYGIENE-DEPARTMENT", table="performance_overall", count=1)


def test_a_header_read_as_the_overall_tables_department_is_no_name():
    # Huzhou: the 整体绩效目标表's name cell read from the header line above it
    builder = consistent().overall("123", consistent().performance_overall.indicators, name="总计一般公共预算政府性基金单位资金")
    assert_passes(builder, "HYGIENE-DEPARTMENT")


def test_a_year_that_is_neither_the_budget_year_nor_the_year_before():
    builder = consistent().configure("general_expenditure", labels={"prior_year": "2022 年预算数"})
    assert_fails(builder, "HYGIENE-YEAR", count=1, says="2022 年")
    assert_fails(consistent().claim("basic", "1", "基本支出", year=2021), "HYGIENE-YEAR", count=1)
    assert_fails(consistent().rename("three_public", "2023", "2022"), "HYGIENE-YEAR", count=1)


def test_template_leftovers():
    builder = consistent().section("其他", "202 年部门名称的收入预算为 XX 万元。")
    findings = assert_fails(builder, "HYGIENE-PLACEHOLDER", table="narrative", count=3)
    assert {f.message.split("“")[2].split("”")[0] for f in findings} == {"202 年", "部门名称", "XX"}


@pytest.mark.parametrize("text", [
    # 重庆 p.3: the department was merged, its name not yet changed
    "注：根据机构改革方案，本部门职责已划转，故部门名称、机构设置等暂未调整。",
    "项目名称和实施内容与上年一致。",
    "单位名称：重庆市商务委员会",
])
def test_a_template_word_in_a_sentence_is_no_blank(text):
    assert_passes(consistent().section("其他", text), "HYGIENE-PLACEHOLDER")


@pytest.mark.parametrize("text", ["（部门名称）2026年部门预算。", "单位名称：", "部门名称2026年预算情况说明"])
def test_a_template_word_standing_for_the_name_is_a_blank(text):
    assert_fails(consistent().section("其他", text), "HYGIENE-PLACEHOLDER", count=1, says="模板字样")


@pytest.mark.parametrize("text", [
    # 江苏 人大/政协: the template's instruction left after the list it asks for
    "主要包括：基本工资、津贴补贴、奖金。（按“部门预算公开06表 财政拨款基本支出预算表”中实际发生经济分类支出事项填写）",
    "主要用于：（请根据实际情况填写）",
    "（此处按项目支出预算表填列。）",
])
def test_a_fill_in_instruction_left_in(text):
    assert_fails(consistent().section("基本支出", text), "HYGIENE-PLACEHOLDER", count=1, says="模板填写说明")


def test_a_bracket_that_says_how_it_was_counted_is_no_instruction():
    text = "2026年项目支出40万元（按项目支出预算表汇总），其中信息化25万元（根据合同约定支付）。"
    assert_passes(consistent().section("项目支出", text), "HYGIENE-PLACEHOLDER")


def test_ocr_garbage():
    builder = consistent().configure("revenue", labels={"general_budget": "一般公共が算拨款收入"})
    assert_fails(builder, "HYGIENE-OCR", table="revenue", count=1, says="“が”")
    assert_passes(consistent().section("绩效", "满意度≥90%，成本≦10万元，温度≥20℃"), "HYGIENE-OCR")


def test_doubled_words():
    builder = consistent().section("支出", "资源勘探工业信息等支出支出 1100 万元。")
    assert_fails(builder, "HYGIENE-DUPLICATE-WORD", count=1, says="“支出支出”")


def test_unreadable_parts_are_listed_as_info():
    [finding] = assert_reports(consistent().unreadable_part("第 3 页的表格", line=42), "HYGIENE-UNREADABLE", "info")
    assert finding.place.line == 42
