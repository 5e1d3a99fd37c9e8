"""Classification codes."""

import pytest

from yusuan.checks.findings import RuleStatus
from yusuan.model import Row

from .builder import assert_fails, assert_passes, assert_reports, result_of
from .consistent import consistent

RULES = ["CODE-KNOWN", "CODE-NAME", "CODE-DOMAIN", "CODE-DUPLICATE"]


@pytest.mark.parametrize("rule_id", RULES)
def test_passes_on_consistent_document(rule_id):
    assert_passes(consistent(), rule_id)


def test_an_unknown_item_code_is_a_warning_given_the_catalogs_confidence():
    builder = consistent().add_row("general_expenditure", ("2011388", "某某事务", {"total": "1"}))
    [finding] = assert_fails(builder, "CODE-KNOWN", severity="warning", table="general_expenditure")
    assert "可能不全" in finding.message


def test_in_a_document_older_than_the_catalogs_an_unknown_item_code_or_another_name_is_told():
    builder = consistent().add_row("general_expenditure", ("2011388", "某某事务", {"total": "1"}))
    builder = builder.rename("basic_expenditure", "30201", "办公用品费")
    builder.year = 2018
    [known] = assert_reports(builder, "CODE-KNOWN", "info")
    [named] = assert_reports(builder, "CODE-NAME", "info")
    assert "2018 年的科目" in known.message and "2018 年的科目" in named.message
    assert result_of(builder, "CODE-KNOWN").status == RuleStatus.passed


def test_in_an_older_document_an_unknown_class_is_still_an_error():
    builder = consistent().add_row("general_expenditure", ("299", "不存在的类", {"total": "1"}))
    builder.year = 2018
    assert_fails(builder, "CODE-KNOWN", severity="error", count=1)


def test_an_unknown_class_code_is_an_error():
    assert_fails(consistent().add_row("general_expenditure", ("299", "不存在的类", {"total": "1"})), "CODE-KNOWN",
                 severity="error", count=1)


def test_an_unknown_functional_code_of_a_project():
    builder = consistent().project("P003", "新项目", "1", "2011388")
    assert_fails(builder, "CODE-KNOWN", table="project_expenditure", count=1)


def test_a_name_that_belongs_to_a_sibling_code_is_an_error():
    [finding] = assert_fails(consistent().rename("basic_expenditure", "30231", "公务接待费"), "CODE-NAME",
                             severity="error")
    assert "30217" in finding.message and finding.expected == "公务用车运行维护费"


def test_another_name_is_a_warning():
    assert_fails(consistent().rename("basic_expenditure", "30201", "办公用品费"), "CODE-NAME", severity="warning",
                 count=1)


def test_names_compare_after_width_and_space_normalization():
    assert_passes(consistent().rename("basic_expenditure", "30201", "办 公 费"), "CODE-NAME")


def test_economic_code_in_a_functional_table():
    assert_fails(consistent().add_row("general_expenditure", ("30101", "基本工资", {"total": "1"})), "CODE-DOMAIN",
                 count=1, says="不是支出功能分类的编码")


def test_functional_code_in_the_economic_table():
    assert_fails(consistent().add_row("basic_expenditure", ("2011301", "行政运行", {"total": "1"})), "CODE-DOMAIN",
                 count=1)


def test_a_code_with_letters():
    disclosure = consistent().build()
    disclosure.tables["general_expenditure"].rows.append(Row(code="2O1", name="一般公共服务支出"))
    assert_fails(disclosure, "CODE-DOMAIN", count=1, says="非数字")


def test_a_code_listed_twice():
    builder = consistent().add_row("general_expenditure", ("2011301", "行政运行", {"total": "60"}))
    assert_fails(builder, "CODE-DUPLICATE", count=1, table="general_expenditure")
