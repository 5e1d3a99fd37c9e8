"""Classification codes."""

import pytest

from yusuan.checks.engine.findings import RuleStatus
from yusuan.model import Row

from .builder import assert_fails, assert_passes, assert_reports, result_of
from .consistent import consistent

RULES = ["CODE-KNOWN", "CODE-NAME", "CODE-DOMAIN", "CODE-DUPLICATE"]


@pytest.mark.parametrize("rule_id", RULES)
def test_passes_on_consistent_document(rule_id):
    assert_passes(consistent(), rule_id)


def test_an_unknown_code_is_one_note_per_document_whatever_the_tables():
    # the same unknown 项 printed in two tables is one gap in the catalog, told once where first printed
    builder = consistent().add_row("general_expenditure", ("2011388", "某某事务", {"total": "1"}))
    builder = builder.add_row("expenditure", ("2011388", "某某事务", {"total": "1"}))
    [finding] = assert_reports(builder, "CODE-KNOWN", "info")
    assert "2011388" in finding.message and "可能不全" in finding.message
    assert result_of(builder, "CODE-KNOWN").status == RuleStatus.passed


def test_in_a_document_older_than_the_catalogs_an_unknown_item_code_or_another_name_is_told():
    builder = consistent().add_row("general_expenditure", ("2011388", "某某事务", {"total": "1"}))
    builder = builder.rename("basic_expenditure", "30201", "办公用品费")
    builder.year = 2018
    [known] = assert_reports(builder, "CODE-KNOWN", "info")
    [named] = assert_reports(builder, "CODE-NAME", "info")
    assert "2018 年的科目" in known.message and "2018 年的科目" in named.message
    assert result_of(builder, "CODE-KNOWN").status == RuleStatus.passed


def test_an_unknown_class_code_is_a_note_too():
    builder = consistent().add_row("general_expenditure", ("299", "不存在的类", {"total": "1"}))
    [finding] = assert_reports(builder, "CODE-KNOWN", "info")
    assert "299" in finding.message


def test_a_legacy_code_is_known_in_the_years_it_was_valid():
    # 2010308 信访事务 was a 项 of 20103 until the 2024 款 20140
    builder = consistent().add_row("general_expenditure", ("2010308", "信访事务", {"total": "1"}))
    builder.year = 2023
    assert not result_of(builder, "CODE-KNOWN").findings
    builder.year = 2025
    [finding] = assert_reports(builder, "CODE-KNOWN", "info")
    assert "2010308" in finding.message


def test_an_unknown_functional_code_of_a_project_is_told_once():
    builder = consistent().project("P003", "新项目", "1", "2011388").project("P004", "另一项目", "1", "2011388")
    [finding] = assert_reports(builder, "CODE-KNOWN", "info")
    assert finding.place.table == "project_expenditure"


def test_a_name_that_belongs_to_a_sibling_code_is_an_error():
    [finding] = assert_fails(consistent().rename("basic_expenditure", "30231", "公务接待费"), "CODE-NAME",
                             severity="error")
    assert "30217" in finding.message and finding.expected == "公务用车运行维护费"


def test_another_name_is_a_warning():
    assert_fails(consistent().rename("basic_expenditure", "30201", "办公用品费"), "CODE-NAME", severity="warning",
                 count=1)


def test_the_same_wrong_name_in_several_tables_is_one_finding():
    builder = consistent().rename("general_expenditure", "2210201", "住房公积金支出")
    builder = builder.rename("expenditure", "2210201", "住房公积金支出")
    [finding] = assert_fails(builder, "CODE-NAME", severity="warning")
    assert finding.expected == "住房公积金"


def test_a_truncated_name_or_lost_brackets_is_the_same_name():
    # a narrow column cuts 机关事业单位基本养老保险缴费支出; a PDF text layer moves the brackets of 维修（护）费
    builder = consistent().rename("general_expenditure", "2080505", "机关事业单位基本养老保险缴")
    builder = builder.add_row("basic_expenditure", ("30213", "维修护费()", {"total": "0"}))
    assert_passes(builder, "CODE-NAME")


def test_an_old_name_is_the_same_name_in_the_years_it_was_used():
    builder = consistent().add_row("general_expenditure", ("21305", "扶贫", {"total": "0"}))
    builder.year = 2020
    assert_passes(builder, "CODE-NAME")
    builder.year = 2024
    assert_fails(builder, "CODE-NAME", count=1)


def test_a_name_cell_holding_an_amount_is_a_misread_not_a_name():
    assert_passes(consistent().rename("general_expenditure", "2210201", "6,931.53"), "CODE-NAME")


def test_against_a_name_the_catalog_only_recalls_a_printed_name_is_told():
    # 2130599 is `uncertain` in the catalog
    builder = consistent().add_row("general_expenditure", ("2130599", "其他乡村振兴支出", {"total": "0"}))
    [finding] = assert_reports(builder, "CODE-NAME", "info")
    assert result_of(builder, "CODE-NAME").status == RuleStatus.passed
    assert "2130599" in finding.message


def test_names_read_off_their_lines_are_one_note_for_the_table():
    # each name printed one line below its code: the reading, not the document, paired them wrongly
    builder = consistent().rename("general_expenditure", "208", "行政事业单位养老支出")
    builder = builder.rename("general_expenditure", "20805", "机关事业单位基本养老保险缴费支出")
    builder = builder.rename("general_expenditure", "2080505", "机关事业单位职业年金缴费支出")
    [finding] = assert_reports(builder, "CODE-NAME", "info")
    assert "错行" in finding.message
    assert result_of(builder, "CODE-NAME").status == RuleStatus.passed


def test_names_compare_after_width_and_space_normalization():
    assert_passes(consistent().rename("basic_expenditure", "30201", "办 公 费"), "CODE-NAME")


def test_economic_code_in_a_functional_table():
    assert_fails(consistent().add_row("general_expenditure", ("30101", "基本工资", {"total": "1"})), "CODE-DOMAIN",
                 count=1, says="不是支出功能分类的编码")


def test_functional_code_in_the_economic_table():
    assert_fails(consistent().add_row("basic_expenditure", ("2011301", "行政运行", {"total": "1"})), "CODE-DOMAIN",
                 count=1)


def test_an_economic_sub_item_under_its_section_is_an_economic_code():
    # Chongqing details 30102 津贴补贴 into 3010201 规范性津补贴 and 30305 生活补助 into 3030501
    builder = consistent().add_row("basic_expenditure", ("3010201", "规范性津补贴", {"total": "2", "personnel": "2"}))
    builder.add_row("basic_expenditure", ("3030501", "生活补助（遗属）", {"total": "3", "personnel": "3"}))
    assert_passes(builder, "CODE-DOMAIN")


def test_a_seven_digit_code_under_no_economic_section_is_out_of_domain():
    builder = consistent().add_row("basic_expenditure", ("3098801", "不存在的款下", {"total": "1", "personnel": "1"}))
    assert_fails(builder, "CODE-DOMAIN", count=1, says="3098801")


def test_a_code_with_letters():
    disclosure = consistent().build()
    disclosure.tables["general_expenditure"].rows.append(Row(code="2O1", name="一般公共服务支出"))
    assert_fails(disclosure, "CODE-DOMAIN", count=1, says="非数字")


def test_a_code_listed_twice():
    builder = consistent().add_row("general_expenditure", ("2011301", "行政运行", {"total": "60"}))
    assert_fails(builder, "CODE-DUPLICATE", count=1, table="general_expenditure")
