"""A column a table does not print is unknown, not 0 (docs/notes/pdf-recognition.md, R12), and the
identities of layouts seen on real PDFs: 单位预留机动经费, 会议费/培训费 beside the 三公, 财政拨款收入 as
one column, a 决算 收入表 without 上年结转, a 基本支出表 printed as two halves, the pre-2018 code of
住房公积金, a 决算 spending carry-over.

jiangsu 2017/2018 print 财政拨款支出预算表 and 基本支出预算表 with one 金额 column: the model has
`columns == ["total"]`, and a comparison with 基本支出 or 人员经费 could not be made.
"""

from decimal import Decimal

from yusuan.checks.engine.context import Doc
from yusuan.checks.engine.figures import Figure
from yusuan.checks.engine.findings import RuleStatus

from .builder import assert_fails, assert_passes, result_of
from .consistent import BASIC_ROWS, GENERAL_ROWS, consistent


def _total_only(rows):
    return [(key, name, {"total": values["total"]}) for key, name, values in rows]


def jiangsu_style():
    """General and basic tables printing one amount column each."""
    return consistent().table("general_expenditure", _total_only(GENERAL_ROWS)) \
        .table("basic_expenditure", _total_only(BASIC_ROWS))


# -- the engine -----------------------------------------------------------------------------------

def test_a_comparison_with_an_unprinted_column_is_not_made():
    disclosure = jiangsu_style().build()
    doc = Doc(disclosure)
    general = disclosure.tables["general_expenditure"]
    total = general.rows[0]
    assert doc.compare(doc.cell(general, total, "total"), doc.cell(general, total, "basic")) is None
    assert doc.compared == 0
    assert list(doc.unprinted) == ["一般公共预算支出表「基本支出」栏"]


def test_a_sum_that_needs_an_unprinted_column_is_unknown():
    disclosure = jiangsu_style().build()
    doc = Doc(disclosure)
    general = disclosure.tables["general_expenditure"]
    parts = Figure.total_of([doc.cell(general, general.rows[0], "total"), doc.cell(general, general.rows[0], "project")],
                            "之和")
    assert parts.missing == ("一般公共预算支出表「项目支出」栏",)


def test_rules_whose_columns_are_not_printed_could_not_run():
    result = result_of(jiangsu_style(), "XTAB-GENERAL-BASIC")
    assert result.status == RuleStatus.could_not_run
    assert result.reason == "表格未列出：一般公共预算支出表「基本支出」栏"
    result = result_of(jiangsu_style(), "ROLLUP-PERSONNEL-CLASSES")
    assert result.status == RuleStatus.could_not_run
    assert "「人员经费」栏" in result.reason and "「公用经费」栏" in result.reason


def test_a_printed_column_left_empty_is_still_compared_as_blank():
    [finding] = assert_fails(consistent().set("general_expenditure", "total", "basic", ""), "XTAB-GENERAL-BASIC")
    assert "（空白）" in finding.message


def test_a_rule_that_could_make_some_of_its_comparisons_runs():
    rows = [(key, name, {"total": v["total"], "personnel": v["personnel"]}) for key, name, v in BASIC_ROWS]
    assert_passes(consistent().table("basic_expenditure", rows), "ROLLUP-PERSONNEL-CLASSES")
    broken = consistent().table("basic_expenditure", rows).set("basic_expenditure", "total", "personnel", "60")
    assert_fails(broken, "ROLLUP-PERSONNEL-CLASSES", count=1)


# -- identities of the layouts on real PDFs -------------------------------------------------------

def test_total_is_basic_plus_project_plus_reserve_where_the_reserve_is_printed():
    row = ("total", "合计", {"total": "100", "basic": "60", "project": "30", "reserve": "10"})
    assert_passes(consistent().table("expenditure", [row]), "ARITH-ROW-SUM")
    assert_fails(consistent().table("expenditure", [row]).set("expenditure", "total", "reserve", ""), "ARITH-ROW-SUM",
                 count=1)


def _three_public(total: str, subtotal: str):
    values = {"total": total, "three_public_total": subtotal, "overseas": "1", "vehicle": "3", "vehicle_purchase": "0",
              "vehicle_operation": "3", "reception": "1", "meeting": "2", "training": "4"}
    return consistent().table("three_public", [(None, "2024", values)])


def test_three_public_total_with_meeting_and_training():
    assert_passes(_three_public("11", "5"), "ARITH-THREE-PUBLIC")
    [finding] = assert_fails(_three_public("12", "5"), "ARITH-THREE-PUBLIC")
    assert "会议费" in finding.message
    assert_fails(_three_public("11", "6"), "ARITH-THREE-PUBLIC", count=2)


def test_a_three_public_claim_is_the_three_public_subtotal_where_the_total_adds_meetings():
    findings = result_of(_three_public("11", "5"), "NARR-AMOUNT").findings
    assert not [f for f in findings if f.place.code == "three_public_total"]
    builder = _three_public("11", "5").drop_claims("three_public_total").claim("three_public_total", "11", "“三公”经费")
    [finding] = [f for f in result_of(builder, "NARR-AMOUNT").findings if f.place.code == "three_public_total"]
    assert "“三公”经费 5 万元" in finding.message


def test_fiscal_revenue_column_is_a_source_where_the_three_fiscal_sources_are_not_split():
    rows = [("total", "合计", {"total": "123", "fiscal": "123", "operating": ""}),
            ("201", "一般公共服务支出", {"total": "100", "fiscal": "100", "operating": ""})]
    assert_passes(consistent().table("revenue", rows), "ARITH-FUNDING-SOURCES")
    assert_fails(consistent().table("revenue", rows).set("revenue", "201", "fiscal", "90"), "ARITH-FUNDING-SOURCES",
                 count=1)


def test_a_revenue_table_without_carryover_matches_this_years_income():
    builder = consistent().set("summary", "carryover", "total", "5", side="income") \
        .set("summary", "grand_total", "total", "128", side="income")
    revenue = [(key, name, {"total": v["total"], "general_budget": v["total"]}) for key, name, v in GENERAL_ROWS]
    assert_passes(builder.table("revenue", revenue), "XTAB-SUMMARY-REVENUE")
    # with a 上年结转 column its 合计 includes the carry-over: it is compared with 收入总计
    assert_fails(consistent().set("summary", "grand_total", "total", "128", side="income"), "XTAB-SUMMARY-REVENUE",
                 count=1, says="收入总计")


def test_basic_table_in_two_halves_totals_personnel_and_public():
    halves = [r for r in _total_only(BASIC_ROWS) if r[0] != "total"] + [
        ("personnel", "人员经费合计", {"total": "68"}), ("public", "公用经费合计", {"total": "15"})]
    assert_passes(consistent().table("basic_expenditure", halves), "XTAB-GENERAL-BASIC")
    broken = consistent().table("basic_expenditure", halves).set("basic_expenditure", "public", "total", "16")
    assert_fails(broken, "XTAB-GENERAL-BASIC", count=1, says="人员经费合计与公用经费合计之和")


def test_two_halves_close_with_personnel_and_public_that_follow_the_classes():
    halves = [r for r in _total_only(BASIC_ROWS) if r[0] != "total"] + [
        ("personnel", "人员经费合计", {"total": "68"}), ("public", "公用经费合计", {"total": "15"})]
    assert_passes(consistent().table("basic_expenditure", halves), "ROLLUP-PERSONNEL-CLASSES")
    broken = consistent().table("basic_expenditure", halves).set("basic_expenditure", "personnel", "total", "70")
    assert_fails(broken, "ROLLUP-PERSONNEL-CLASSES", count=1, says="人员经费合计")


def test_housing_fund_under_its_pre_2018_code_mirrors_the_functional_line():
    rows = [("30311", "住房公积金", values) if key == "30113" else (key, name, values) for key, name, values in BASIC_ROWS]
    assert_passes(consistent().table("basic_expenditure", rows), "XTAB-ECONOMIC-MIRROR")
    other = [("30311", "代缴社会保险费", values) if key == "30113" else (key, name, values)
             for key, name, values in BASIC_ROWS]
    assert_fails(consistent().table("basic_expenditure", other), "XTAB-ECONOMIC-MIRROR", says="未列 30113")


def test_a_final_account_does_not_compare_revenue_and_spending_by_function():
    builder = consistent().set("revenue", "2011301", "total", "55").set("revenue", "2011301", "general_budget", "55")
    assert_fails(builder, "XTAB-FUNCTION-LINES", table="revenue")
    builder.kind = "final"
    assert [f for f in result_of(builder, "XTAB-FUNCTION-LINES").findings if f.place.table == "revenue"] == []


def test_money_is_compared_exactly():
    disclosure = consistent().build()
    doc = Doc(disclosure)
    general = disclosure.tables["general_expenditure"]
    figure = doc.cell(general, general.rows[0], "total")
    assert figure.value == Decimal("123") and isinstance(figure.value, Decimal)


def test_a_cell_whose_amount_was_not_read_is_not_compared():
    # the 基本支出表 合计 prints an amount the reader could not read: "could not check", not "blank ≠ 83"
    disclosure = consistent().build()
    total = disclosure.tables["basic_expenditure"].item("total")
    total.values["total"], total.unread = None, ["total"]
    result = result_of(disclosure, "XTAB-GENERAL-BASIC")
    assert result.status == RuleStatus.could_not_run and "金额未能读出" in result.reason
