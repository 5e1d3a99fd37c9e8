"""Row arithmetic: every rule passes on the consistent document and fails on one changed cell."""

import pytest

from yusuan.checks.engine.findings import RuleStatus

from .builder import assert_fails, assert_passes, doc, result_of
from .consistent import consistent

RULES = ["ARITH-ROW-SUM", "ARITH-PERSONNEL-PUBLIC", "ARITH-FUNDING-SOURCES", "ARITH-PROJECT-FUNDING",
         "ARITH-THREE-PUBLIC", "ARITH-PROCUREMENT-KINDS", "ARITH-SUMMARY-BALANCE", "ARITH-SUMMARY-INCOME"]


@pytest.mark.parametrize("rule_id", RULES)
def test_passes_on_consistent_document(rule_id):
    assert_passes(consistent(), rule_id)


def test_total_is_basic_plus_project():
    [finding] = assert_fails(consistent().set("general_expenditure", "2011301", "total", "61"), "ARITH-ROW-SUM",
                             table="general_expenditure")
    assert (finding.place.code, finding.place.column) == ("2011301", "total")
    assert finding.message == ("一般公共预算支出表「2011301 行政运行」为 61 万元，与本行基本支出与项目支出之和 60 万元不一致"
                               "（相差 1 万元）。")


def test_a_row_whose_split_is_left_empty_is_not_a_mismatch():
    assert_passes(consistent().set("expenditure", "221", "basic", "").set("expenditure", "221", "project", ""),
                  "ARITH-ROW-SUM")


def _split_into_personnel_and_public(row_208: dict, with_basic: bool) -> object:
    # 湖州 支出预算总表 prints 基本支出 as 人员支出 | 公用经费, with or without a 小计 column
    columns = ["total", "basic", "personnel", "public", "project"] if with_basic else ["total", "personnel", "public", "project"]
    return doc().table("expenditure", [("total", "合计", row_208), ("208", "社会保障和就业支出", row_208)], columns=columns)


def test_basic_printed_as_its_personnel_and_public_parts():
    good = {"total": "10", "personnel": "6", "public": "1", "project": "3"}
    assert_passes(_split_into_personnel_and_public(good, with_basic=False), "ARITH-ROW-SUM")
    bad = dict(good, public="2")
    assert_fails(_split_into_personnel_and_public(bad, with_basic=False), "ARITH-ROW-SUM", count=2)


def test_basic_subtotal_is_personnel_plus_public():
    row = {"total": "10", "basic": "7", "personnel": "6", "public": "2", "project": "3"}
    [first, second] = assert_fails(_split_into_personnel_and_public(row, with_basic=True), "ARITH-ROW-SUM")
    assert (first.place.column, first.expected) == ("basic", 8)


def test_total_is_personnel_plus_public():
    assert_fails(consistent().set("basic_expenditure", "30101", "personnel", "41"), "ARITH-PERSONNEL-PUBLIC",
                 table="basic_expenditure", count=1)


def test_funding_sources_add_up_in_revenue_and_fiscal_tables():
    assert_fails(consistent().set("revenue", "201", "general_budget", "99"), "ARITH-FUNDING-SOURCES",
                 table="revenue", count=1)
    assert_fails(consistent().set("fiscal_summary", "201", "general_budget", "99", side="expenditure"),
                 "ARITH-FUNDING-SOURCES", table="fiscal_summary", count=1)


def test_project_funding_columns_add_up():
    assert_fails(consistent().set("project_expenditure", "P001", "general_project", "24"), "ARITH-PROJECT-FUNDING",
                 table="project_expenditure", count=1, says="年初特定目标")


def test_project_funding_split_by_source_when_no_subtotals():
    builder = consistent().table("project_expenditure", [
        ("P001", "办公系统运维", {"amount": "25", "general_budget": "20", "operating": "4"}),
    ])
    assert_fails(builder, "ARITH-PROJECT-FUNDING", count=1)


def test_project_funding_counts_the_units_own_money():
    # 湖州 p.38 合计: 171462.41 = 一般公共预算 24815.52 + 政府性基金 139963.40 + 单位资金 6683.49
    def listed(unit_funds: str):
        return consistent().table("project_expenditure", [("total", "合计", {
            "amount": "171462.41", "general_budget": "24815.52", "gov_fund": "139963.40", "state_capital": "",
            "special_account": "", "unit_funds": unit_funds})])
    assert_passes(listed("6683.49"), "ARITH-PROJECT-FUNDING")
    assert_fails(listed("6583.49"), "ARITH-PROJECT-FUNDING", count=1, says="单位资金")


def test_three_public_items_add_up():
    assert_fails(consistent().set("three_public", "2024", "reception", "2.5"), "ARITH-THREE-PUBLIC", count=1,
                 says="因公出国（境）费、公务用车购置及运行费、公务接待费之和")
    assert_fails(consistent().set("three_public", "2024", "vehicle_purchase", "1"), "ARITH-THREE-PUBLIC", count=1,
                 says="公务用车购置费与公务用车运行维护费之和")


def test_procurement_kinds_add_up():
    assert_fails(consistent().set("procurement", "goods", "total", "9"), "ARITH-PROCUREMENT-KINDS",
                 table="procurement", count=1, says="货物类、工程类、服务类之和")


def test_summary_balances():
    findings = assert_fails(consistent().set("summary", "grand_total", "total", "124", side="income"),
                            "ARITH-SUMMARY-BALANCE", table="summary", count=2)
    assert {f.place.name for f in findings} == {"收入总计"}


def test_summary_income_lines_add_up():
    assert_fails(consistent().set("summary", "general_budget", "total", "120", side="income"),
                 "ARITH-SUMMARY-INCOME", table="summary", count=1, says="各项收入之和")


def _changsha_summary(fiscal: str, total: str, general: str | None = None):
    """长沙 p.12: 一、本级财政拨款收入 656.73 printed as one line (no line per fund), then 财政专户管理事业收入 …
    事业收入 left blank, 本年收入合计 656.73; a template printing the funds under it as 其中 lines is the
    other case."""
    income = [("fiscal", "本级财政拨款收入", {"total": fiscal})]
    if general is not None:
        income.append(("general_budget", "一般公共预算", {"total": general}))
    income += [("special_account", "财政专户管理事业收入", {"total": ""}), ("other", "其它收入", {"total": ""}),
               ("operating", "事业收入", {"total": ""}), ("income_total", "本年收入合计", {"total": total}),
               ("carryover", "上年结转", {"total": ""}), ("grand_total", "收入总计", {"total": total})]
    spending = [("basic", "基本支出", {"total": "386.73"}), ("project", "项目支出", {"total": "270.00"}),
                ("expenditure_total", "本年支出合计", {"total": total}), ("grand_total", "支出总计", {"total": total})]
    return consistent().table("summary", income=income, expenditure=spending)


def test_fiscal_money_printed_as_one_line_counts_in_the_years_income():
    assert_passes(_changsha_summary("656.73", "656.73"), "ARITH-SUMMARY-INCOME")
    assert_fails(_changsha_summary("656.73", "665.73"), "ARITH-SUMMARY-INCOME", table="summary", count=1)


def test_fiscal_line_with_its_funds_under_it_is_not_counted_twice():
    assert_passes(_changsha_summary("656.73", "656.73", general="656.73"), "ARITH-SUMMARY-INCOME")
    assert_fails(_changsha_summary("656.73", "656.73", general="600.00"), "ARITH-SUMMARY-INCOME", table="summary")


def _changsha(fiscal: str, total: str):
    """长沙: the 收支总表 prints 财政拨款 as one income line ("一、本级财政拨款收入"), not its three sources."""
    builder = consistent().drop_row("summary", "general_budget", side="income")
    builder.add_row("summary", ("fiscal", "一、本级财政拨款收入", {"total": fiscal}), side="income")
    builder.add_row("summary", ("superior_subsidy", "四、上级补助收入", {"total": ""}), side="income")
    return builder.set("summary", "income_total", "total", total, side="income")


def test_one_fiscal_line_is_an_income_line():
    assert_passes(_changsha("656.73", "656.73"), "ARITH-SUMMARY-INCOME")
    assert_fails(_changsha("656.73", "657.73"), "ARITH-SUMMARY-INCOME", table="summary", count=1, says="各项收入之和")


def test_a_total_over_income_lines_all_blank_could_not_be_checked():
    builder = _changsha("", "656.73")
    assert_passes(builder, "ARITH-SUMMARY-INCOME")  # the 财政拨款收支总表 is still checked
    builder.tables.pop("fiscal_summary")
    result = result_of(builder, "ARITH-SUMMARY-INCOME")
    assert result.status == RuleStatus.could_not_run and "各项收入未能读出" in result.reason
