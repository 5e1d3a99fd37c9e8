"""Hierarchy roll-ups."""

import pytest

from .builder import assert_fails, assert_passes, assert_reports, result_of
from .consistent import consistent

RULES = ["ROLLUP-FUNCTION", "ROLLUP-ECONOMIC", "ROLLUP-TOTAL", "ROLLUP-PROJECT-LIST", "ROLLUP-PERSONNEL-CLASSES"]


@pytest.mark.parametrize("rule_id", RULES)
def test_passes_on_consistent_document(rule_id):
    assert_passes(consistent(), rule_id)


def test_section_equals_its_items_in_every_column():
    [finding] = assert_fails(consistent().set("general_expenditure", "2011302", "project", "41"), "ROLLUP-FUNCTION",
                             table="general_expenditure")
    assert (finding.place.code, finding.place.column) == ("20113", "project")
    assert "其下各项项目支出之和 41 万元" in finding.message


def test_class_equals_its_sections_in_prior_year_column_too():
    assert_fails(consistent().set("general_expenditure", "20805", "prior_year", "18")
                 .set("general_expenditure", "2080505", "prior_year", "12"), "ROLLUP-FUNCTION", count=1,
                 says="其下各款上年预算数之和")


def test_economic_class_equals_its_sections():
    [finding] = assert_fails(consistent().set("basic_expenditure", "30201", "total", "6"), "ROLLUP-ECONOMIC",
                             table="basic_expenditure")
    assert finding.place.code == "302"


def test_total_equals_the_classes():
    assert_fails(consistent().set("general_expenditure", "221", "total", "9"), "ROLLUP-TOTAL",
                 table="general_expenditure", count=1, says="各类之和")
    assert_fails(consistent().set("summary", "221", "total", "9", side="expenditure"), "ROLLUP-TOTAL",
                 table="summary", count=1, says="各类支出之和")


def _fiscal_closed_by_grand_total(science: str, other: str, below=()):
    """湖州's 财政拨款收支总表: 类 lines with their 款 and 项 under them (no code printed on the lines
    below a 类), no 本年支出合计 line, 支出总计 right after the last line."""
    return consistent().table("fiscal_summary", income=[
        ("general_budget", "一般公共预算", {"total": "25591.21"}),
        ("gov_fund", "政府性基金预算", {"total": "12600.00"}),
        ("income_total", "本年收入合计", {"total": "38191.21"}),
        ("grand_total", "收入总计", {"total": "38191.21"}),
    ], expenditure=[
        ("206", "科学技术支出", {"total": science}),
        (None, "基础研究", {"total": "83.78"}),
        (None, "实验室及相关设施", {"total": "83.78"}),
        ("229", "其他支出", {"total": other}),
        (None, "其他地方自行试点项目收益专项债券收入安排的支出", {"total": other}),
        *below,
        ("grand_total", "支出总计", {"total": "38191.21"}),
    ])


def test_total_is_the_grand_total_where_no_year_total_is_printed():
    [finding] = assert_fails(_fiscal_closed_by_grand_total("1140.61", "15000.00"), "ROLLUP-TOTAL",
                             table="fiscal_summary", says="各类支出之和")
    assert "38,191.21" in finding.message and "16,140.61" in finding.message
    assert_passes(_fiscal_closed_by_grand_total("23191.21", "15000.00"), "ROLLUP-TOTAL")


def test_grand_total_with_money_carried_forward_is_not_the_sum_of_classes():
    carried = [("carry_forward", "结转下年", {"total": "15000.00"})]
    assert_passes(_fiscal_closed_by_grand_total("23191.21", "0", carried), "ROLLUP-TOTAL")
    empty = [("carry_forward", "结转下年", {"total": ""})]
    assert_fails(_fiscal_closed_by_grand_total("1140.61", "15000.00", empty), "ROLLUP-TOTAL", table="fiscal_summary")


def test_grand_total_holding_spending_beside_the_classes_is_not_their_sum():
    # a 支出总计 that also holds 事业单位经营支出 (or 对附属单位补助支出) printed under the classes
    business = [(None, "事业单位经营支出", {"total": "22050.60"})]
    assert_passes(_fiscal_closed_by_grand_total("1140.61", "15000.00", business), "ROLLUP-TOTAL")


def test_spending_side_opening_with_an_uncoded_line_is_not_summed():
    """The first line lost its class code (a name the catalogue does not know): the classes read would
    miss its money."""
    builder = _fiscal_closed_by_grand_total("1140.61", "15000.00")
    builder.tables["fiscal_summary"]["rows"].insert(4, {"code": None, "item": None, "name": "某某支出", "side": "expenditure",
                                                        "values": {"total": "22050.60"}})
    assert_passes(builder, "ROLLUP-TOTAL")


def test_project_list_total_equals_the_projects():
    assert_fails(consistent().set("project_expenditure", "P002", "amount", "16"), "ROLLUP-PROJECT-LIST",
                 table="project_expenditure", count=1)


def test_personnel_and_public_follow_the_economic_classes():
    builder = consistent().set("basic_expenditure", "total", "personnel", "70").set(
        "basic_expenditure", "total", "public", "13")
    assert_fails(builder, "ROLLUP-PERSONNEL-CLASSES", severity="warning", count=2)


def _huzhou_split():
    """湖州's template: 303 3 = 30305 生活补助 2 under 人员经费 + 30399 其他对个人和家庭的补助 1 under 公用经费,
    so 人员经费 67 = 301 65 + 2 and 公用经费 16 = 302 15 + 1."""
    builder = consistent().set("basic_expenditure", "30305", "total", "2").set("basic_expenditure", "30305", "personnel", "2")
    builder.add_row("basic_expenditure", ("30399", "其他对个人和家庭的补助", {"total": "1", "personnel": "", "public": "1"}))
    builder.set("basic_expenditure", "303", "personnel", "2").set("basic_expenditure", "303", "public", "1")
    return builder.set("basic_expenditure", "total", "personnel", "67").set("basic_expenditure", "total", "public", "16")


def test_a_section_the_template_places_in_the_other_column_is_a_note():
    found = assert_reports(_huzhou_split(), "ROLLUP-PERSONNEL-CLASSES", "info")
    assert len(found) == 2 and all("30399 其他对个人和家庭的补助" in f.message for f in found)
    assert not [f.message for f in result_of(_huzhou_split(), "ROLLUP-PERSONNEL-CLASSES").findings if f.is_problem]


def test_a_whole_class_printed_in_the_other_column_is_a_warning():
    """上海 p.18: 303 对个人和家庭的补助 (only 30399, 3 here) printed in the 公用经费 column, class line and
    款 alike; 人员经费 65 = 301 only, 公用经费 18 = 302 15 + 3. The lines add up, but no 款 of the 类 is
    left in 人员经费: the class is misplaced, not split by a template."""
    builder = consistent().drop_row("basic_expenditure", "30305")
    builder.add_row("basic_expenditure", ("30399", "其他对个人和家庭的补助", {"total": "3", "personnel": "", "public": "3"}))
    builder.set("basic_expenditure", "303", "personnel", "").set("basic_expenditure", "303", "public", "3")
    builder.set("basic_expenditure", "total", "personnel", "65").set("basic_expenditure", "total", "public", "18")
    found = assert_fails(builder, "ROLLUP-PERSONNEL-CLASSES", severity="warning", count=2)
    assert all("「303 对个人和家庭的补助」整类列入另一栏" in f.message for f in found)


def test_a_template_split_seen_in_the_only_column_printed_is_a_note():
    # Changsha: only 总计 | 公用经费 read; 30228 工会经费 17.10 has 6.18 in 公用经费, the rest in 人员经费
    builder = consistent().configure("basic_expenditure", columns=["total", "public"])
    builder.set("basic_expenditure", "total", "public", "13").set("basic_expenditure", "302", "public", "13")
    builder.set("basic_expenditure", "30299", "public", "3")
    [finding] = assert_reports(builder, "ROLLUP-PERSONNEL-CLASSES", "info")
    assert "「30299 其他商品和服务支出」" in finding.message
    assert not [f.message for f in result_of(builder, "ROLLUP-PERSONNEL-CLASSES").findings if f.is_problem]


def test_a_total_the_class_lines_own_split_does_not_explain_is_a_warning():
    builder = _huzhou_split().set("basic_expenditure", "total", "personnel", "66").set(
        "basic_expenditure", "total", "public", "17")
    assert_fails(builder, "ROLLUP-PERSONNEL-CLASSES", severity="warning", count=2)
