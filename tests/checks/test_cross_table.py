"""Cross-table identities."""

import pytest

from yusuan.checks.engine.findings import RuleStatus

from .builder import assert_fails, assert_passes, assert_reports, result_of
from .consistent import consistent

RULES = ["XTAB-FUNCTION-LINES", "XTAB-FUNCTION-SCOPES", "XTAB-SUMMARY-REVENUE", "XTAB-SUMMARY-EXPENDITURE",
         "XTAB-FISCAL-GENERAL", "XTAB-FISCAL-FUNDS", "XTAB-GENERAL-BASIC", "XTAB-PROJECTS-FUNCTION", "XTAB-PROJECTS-TOTAL",
         "XTAB-THREE-PUBLIC-ECONOMIC", "XTAB-ECONOMIC-MIRROR"]


@pytest.mark.parametrize("rule_id", RULES)
def test_passes_on_consistent_document(rule_id):
    assert_passes(consistent(), rule_id)


def test_a_revenue_table_listed_by_unit_has_no_functional_lines_to_compare():
    # Suzhou lists its 收入总表 by unit: "068 苏州市数据局", not by functional code
    builder = consistent()
    unit_rows = [("total", "合计", {"total": "123", "carryover": "", "general_budget": "123"}),
                 ("068", "某市测试局", {"total": "123", "carryover": "", "general_budget": "123"})]
    builder.table("revenue", unit_rows)
    assert_passes(builder, "XTAB-FUNCTION-LINES")


def test_same_functional_line_same_amount_in_every_table():
    builder = consistent().set("revenue", "2011301", "total", "61").set("revenue", "2011301", "general_budget", "61")
    findings = assert_fails(builder, "XTAB-FUNCTION-LINES", table="revenue", count=2)
    assert {f.place.column for f in findings} == {"total", "general_budget"}


def test_a_budget_spending_a_carryover_compares_no_fund_with_this_years_income():
    # 10 of 行政运行's 60 come from last year's 一般公共预算 carry-over: the 收入总表's 一般公共预算 column (this
    # year's income) prints 50, the 一般公共预算支出表 (all the fund spends) 60
    builder = consistent()
    for code, carried in (("total", "10"), ("201", "10"), ("20113", "10"), ("2011301", "10")):
        stated = {"total": "113", "201": "90", "20113": "90", "2011301": "50"}[code]
        builder.set("revenue", code, "carryover", carried).set("revenue", code, "general_budget", stated)
    assert_passes(builder, "XTAB-FUNCTION-LINES")
    # the lines of all funds are still compared
    assert_fails(builder.set("revenue", "2011301", "total", "61"), "XTAB-FUNCTION-LINES", table="revenue", count=1)


def test_a_line_missing_from_one_table_is_reported_there():
    [finding] = assert_fails(consistent().drop_row("revenue", "2011301"), "XTAB-FUNCTION-LINES", table="revenue")
    assert "未列出「2011301 行政运行」" in finding.message


def test_with_one_source_all_funds_tables_equal_general_budget_tables():
    builder = consistent().set("expenditure", "2011301", "basic", "59").set("expenditure", "2011301", "project", "1")
    assert_fails(builder, "XTAB-FUNCTION-SCOPES", table="expenditure", count=2)


def test_scopes_are_not_compared_when_there_is_other_money():
    builder = consistent().add_row("summary", ("operating", "事业收入", {"total": "5"}), side="income")
    assert result_of(builder, "XTAB-FUNCTION-SCOPES").status == RuleStatus.not_applicable


def test_summary_income_matches_revenue_table():
    assert_fails(consistent().set("summary", "general_budget", "total", "120", side="income"), "XTAB-SUMMARY-REVENUE",
                 table="summary", count=1, says="收入总表合计一般公共预算")


def test_summary_spending_matches_expenditure_table():
    assert_fails(consistent().set("summary", "expenditure_total", "total", "120", side="expenditure"),
                 "XTAB-SUMMARY-EXPENDITURE", table="summary", count=1)


def test_fiscal_summary_matches_general_budget_table_and_summary():
    assert_fails(consistent().set("fiscal_summary", "expenditure_total", "general_budget", "120", side="expenditure"),
                 "XTAB-FISCAL-GENERAL", table="fiscal_summary", count=1)
    assert_fails(consistent().set("fiscal_summary", "general_budget", "total", "120", side="income"),
                 "XTAB-FISCAL-GENERAL", table="fiscal_summary", count=1)


def _chongqing(summary_general: str, fiscal_general: str, carried: str):
    """重庆: the 收支总表 prints no 上年结转 line and books the carry-over inside 一般公共预算资金; the
    财政拨款收支总表 prints 本年 一般公共预算资金 and a 上年结转 一般公共预算拨款 line under 上年结转."""
    builder = consistent().drop_row("summary", "carryover", side="income")
    builder.set("summary", "general_budget", "total", summary_general, side="income")
    builder.set("fiscal_summary", "general_budget", "total", fiscal_general, side="income")
    builder.add_row("fiscal_summary", ("carryover", "上年结转", {"total": carried}), side="income")
    return builder.add_row("fiscal_summary", ("carryover_general_budget", "一般公共预算拨款", {"total": carried}),
                           side="income")


def test_a_summary_booking_the_carryover_inside_its_fund_matches_this_year_plus_carryover():
    # 表一 一般公共预算资金 227,955.11 = 表四 本年 223,898.88 + 上年结转 一般公共预算拨款 4,056.23
    assert_passes(_chongqing("227955.11", "223898.88", "4056.23"), "XTAB-FISCAL-GENERAL")


def test_no_reading_of_the_carryover_makes_the_funds_agree():
    assert_fails(_chongqing("227955.11", "223898.88", "4000.00"), "XTAB-FISCAL-GENERAL",
                 table="fiscal_summary", count=1)


def test_a_summary_printing_its_own_carryover_line_is_compared_with_this_year_only():
    builder = _chongqing("227955.11", "223898.88", "4056.23")
    builder.add_row("summary", ("carryover", "上年结转", {"total": "4056.23"}), side="income")
    assert_fails(builder, "XTAB-FISCAL-GENERAL", table="fiscal_summary", count=1)


def test_fund_tables_match_fiscal_summary():
    assert_fails(consistent().set("gov_fund_expenditure", "total", "total", "5"), "XTAB-FISCAL-FUNDS",
                 table="gov_fund_expenditure", count=1)


def test_basic_table_matches_general_table_basic_column():
    [finding] = assert_fails(consistent().set("basic_expenditure", "total", "total", "84"), "XTAB-GENERAL-BASIC",
                             table="basic_expenditure")
    assert finding.message == ("一般公共预算基本支出表「合计」为 84 万元，与一般公共预算支出表基本支出合计 83 万元不一致"
                               "（相差 1 万元）。")


def test_project_list_by_function_matches_project_column():
    builder = consistent()
    builder.projects[1].functional_code = "2011301"
    findings = assert_fails(builder, "XTAB-PROJECTS-FUNCTION", table="expenditure", count=2)
    assert {f.place.code for f in findings} == {"2011301", "2011302"}


def test_project_on_a_line_the_table_does_not_print():
    builder = consistent()
    builder.projects[1].functional_code = "2011308"
    assert_fails(builder, "XTAB-PROJECTS-FUNCTION", says="未列出功能科目 2011308")


def _project_list_of_totals(listed: str, all_funds: str, general: str, gov_fund: str):
    """湖州's 项目支出预算表 (单位名称 | 项目名称 | 总计 | 一般公共预算 | 政府性基金 | … | 单位资金, no
    functional code: only its 合计 is read) beside the 项目支出 合计 of the 支出总表 and of the fund tables."""
    builder = consistent().table("project_expenditure", [
        ("total", "合计", {"amount": listed, "general_budget": general, "gov_fund": gov_fund, "unit_funds": "6683.49"}),
    ])
    builder.projects.clear()
    builder.set("expenditure", "total", "project", all_funds).set("general_expenditure", "total", "project", general)
    return builder.set("gov_fund_expenditure", "total", "project", gov_fund)


def test_project_list_total_matches_the_project_column():
    # p.38 合计 171462.41 counts the 200.00 经营支出 of 航道维护 as a project; 支出总表 项目支出 171262.41
    [finding] = assert_fails(_project_list_of_totals("171462.41", "171262.41", "24815.52", "139963.40"),
                             "XTAB-PROJECTS-TOTAL", table="project_expenditure")
    assert "171,262.41" in finding.message and "200.00" in finding.message
    assert_passes(_project_list_of_totals("171262.41", "171262.41", "24815.52", "139963.40"), "XTAB-PROJECTS-TOTAL")


def test_a_project_list_of_fiscal_money_only_matches_that_scope():
    # a list of the 一般公共预算 projects, or of the 财政拨款 ones (一般公共预算 + 政府性基金)
    assert_passes(_project_list_of_totals("24815.52", "171262.41", "24815.52", "139963.40"), "XTAB-PROJECTS-TOTAL")
    assert_passes(_project_list_of_totals("164778.92", "171262.41", "24815.52", "139963.40"), "XTAB-PROJECTS-TOTAL")


def test_three_public_item_larger_than_its_basic_line_is_project_spending_not_a_finding():
    # 公务接待费 2 in the "三公" table, 1 in the basic table: project money pays the other 1
    assert_passes(consistent().set("basic_expenditure", "30217", "total", "1"), "XTAB-THREE-PUBLIC-ECONOMIC")


def test_basic_economic_line_larger_than_three_public_item_is_an_error():
    assert_fails(consistent().set("basic_expenditure", "30217", "total", "3"), "XTAB-THREE-PUBLIC-ECONOMIC",
                 severity="error", count=1)


def test_economic_lines_mirror_functional_lines():
    assert_fails(consistent().set("basic_expenditure", "30113", "total", "9"), "XTAB-ECONOMIC-MIRROR",
                 severity="warning", count=1, table="basic_expenditure")


def _medical_contributions(aid: str):
    """30110 职工基本医疗保险缴费 5 and 30111 公务员医疗补助缴费 `aid` in the 基本支出表."""
    builder = consistent()
    builder.add_row("basic_expenditure", ("30110", "职工基本医疗保险缴费", {"total": "5", "personnel": "5"}))
    return builder.add_row("basic_expenditure", ("30111", "公务员医疗补助缴费", {"total": aid, "personnel": aid}))


def _shanghai(aid: str):
    """Shanghai books both under 2101101 行政单位医疗 7, with no 2101103 line."""
    builder = _medical_contributions(aid)
    for code, name in (("210", "卫生健康支出"), ("21011", "行政事业单位医疗"), ("2101101", "行政单位医疗")):
        builder.add_row("general_expenditure", (code, name, {"total": "7", "basic": "7", "project": ""}))
    return builder


def test_medical_aid_without_its_own_item_is_compared_with_the_section_together_with_30110():
    assert_passes(_shanghai("2"), "XTAB-ECONOMIC-MIRROR")
    [finding] = assert_fails(_shanghai("3"), "XTAB-ECONOMIC-MIRROR", severity="warning")
    assert "30110" in finding.message and "21011" in finding.message


def test_contributions_whose_sections_no_table_prints_are_one_note():
    # Changsha: 30108, 30109, 30113 in the 基本支出表; the functional tables print 201 lines only
    builder = consistent()
    for table in ("general_expenditure", "expenditure", "revenue"):
        for code in ("208", "20805", "2080505", "2080506", "221", "22102", "2210201"):
            builder.drop_row(table, code)
    [finding] = assert_reports(builder, "XTAB-ECONOMIC-MIRROR", "info")
    assert all(code in finding.message for code in ("30108", "30109", "30113"))
    assert not [f for f in result_of(builder, "XTAB-ECONOMIC-MIRROR").findings if f.is_problem]


def test_a_contribution_whose_section_is_printed_without_its_item_is_a_warning():
    builder = consistent().drop_row("general_expenditure", "2080506")
    [finding] = assert_fails(builder, "XTAB-ECONOMIC-MIRROR", severity="warning")
    assert "30109" in finding.message and "2080506" in finding.message


def test_medical_aid_where_no_table_prints_the_medical_section_is_one_note():
    # Suzhou, Fuzhou: no 21011 line in any table; the contribution sits under 行政运行
    [finding] = assert_reports(_medical_contributions("2"), "XTAB-ECONOMIC-MIRROR", "info")
    assert "30111" in finding.message
    assert not [f for f in result_of(_medical_contributions("2"), "XTAB-ECONOMIC-MIRROR").findings if f.is_problem]
