"""Narrative against tables, and the year-on-year changes it states."""

import copy
from decimal import Decimal
import pytest
from yusuan.checks.engine.findings import RuleStatus
from yusuan.model import Unit
from .builder import assert_fails, assert_passes, doc, result_of
from .consistent import consistent

RULES = ["NARR-AMOUNT", "NARR-SAME-SUBJECT", "NARR-OPERATING-COST", "NARR-PROCUREMENT-SPLIT", "NARR-CHANGE-AMOUNT",
         "NARR-DIRECTION", "NARR-CHANGE-SUM", "NARR-PERCENT", "NARR-BASE-YEAR"]


@pytest.mark.parametrize("rule_id", RULES)
def test_passes_on_consistent_document(rule_id):
    assert_passes(consistent(), rule_id)


def _restate(subject, value, **fields):
    return consistent().drop_claims(subject).claim(subject, value, subject, **fields)


def test_a_stated_amount_must_equal_the_table():
    [finding] = assert_fails(_restate("expenditure:201", "101"), "NARR-AMOUNT", table="narrative")
    assert finding.message.startswith("情况说明中“expenditure:201”为 101 万元，与")


@pytest.mark.parametrize("subject,wrong", [
    ("revenue_total", "124"), ("basic", "80"), ("personnel", "60"), ("reception", "3"),
    ("procurement:goods", "11"), ("performance:general_budget", "41"), ("three_public_total", "6"),
])
def test_each_kind_of_stated_amount_is_compared(subject, wrong):
    assert_fails(_restate(subject, wrong), "NARR-AMOUNT", count=1)


def test_an_amount_stated_in_yuan_is_compared_in_the_documents_unit():
    assert_passes(_restate("expenditure:201", "1000000", unit=Unit.yuan), "NARR-AMOUNT")
    assert_fails(_restate("expenditure:201", "1010000", unit=Unit.yuan), "NARR-AMOUNT", count=1)


def test_a_finding_states_each_amount_in_the_unit_it_was_printed_in():
    # a sentence in 元 in a 万元 document: "1,010,000元" is what the reader can search for, not "101 万元"
    [finding] = assert_fails(_restate("expenditure:201", "1010000", unit=Unit.yuan), "NARR-AMOUNT", count=1)
    assert finding.message == ("情况说明中“expenditure:201”为 1,010,000 元，与支出总表「201 一般公共服务支出」 100 万元"
                               "不一致（相差 1 万元）。")
    # a sentence in 亿元: "1.5 亿元" as printed; the gap in the document's unit, without a conversion's zeros
    [finding] = assert_fails(_restate("expenditure:201", "1.5", unit=Unit.yi), "NARR-AMOUNT", count=1)
    assert finding.message == ("情况说明中“expenditure:201”为 1.5 亿元，与支出总表「201 一般公共服务支出」 100 万元"
                               "不一致（相差 14,900 万元）。")


def test_a_table_in_yuan_and_a_sentence_in_wanyuan_are_each_stated_as_printed():
    # 上海: tables in 元, the 情况说明 in 万元; 17,190万元 against 171,915,169元 is off by more than rounding
    [finding] = assert_fails(_in_yuan("171915169", "17190"), "NARR-AMOUNT", count=1, severity="error")
    assert finding.message == ("情况说明中“财政拨款支出”为 17,190 万元，与一般公共预算支出表「合计」 171,915,169 元"
                               "不一致（相差 15,169 元）。")


def test_an_amount_in_yi_yuan_agrees_with_the_table_it_rounds_to():
    # "1.52亿元" for 15,234.56万元: rounded to 0.01 亿元
    assert_passes(_restate("expenditure:201", "1.52", unit=Unit.yi).set("expenditure", "201", "total", "15234.56"),
                  "NARR-AMOUNT")


def _in_yuan(total: str, stated: str):
    """A document in 元 (Shanghai): the 一般公共预算支出表 prints 元, the text rounds to 万元."""
    built = (doc().table("general_expenditure", [("total", "合计", {"total": total})], unit=Unit.yuan)
             .claim("fiscal_expenditure", stated, "财政拨款支出").build())
    return built.model_copy(update={"unit": Unit.yuan})


def test_an_amount_in_whole_wanyuan_agrees_with_the_table_in_yuan_it_rounds_to():
    assert_passes(_in_yuan("171915169", "17192"), "NARR-AMOUNT")
    assert_passes(_in_yuan("7315", "0.73"), "NARR-AMOUNT")
    assert_fails(_in_yuan("171915169", "17190"), "NARR-AMOUNT", count=1, severity="error")
    assert_fails(_in_yuan("7315", "0.72"), "NARR-AMOUNT", count=1, severity="error")


def _classes_in_yuan(*classes: tuple[str, str, str]):
    """A document in 元 (上海): the 支出总表 prints each 类 in 元, the text states them in whole 万元."""
    rows = [(code, name, {"total": yuan}) for code, name, yuan, _ in classes]
    built = doc().table("expenditure", rows, unit=Unit.yuan)
    for code, name, _, stated in classes:
        built = built.claim(f"expenditure:{code}", stated, name)
    return built.build().model_copy(update={"unit": Unit.yuan})


def test_an_amount_one_printed_step_off_the_rounded_table_amount_is_one_warning():
    # 上海: 1,256万元 for 12,565,793元 = 1,256.58万元, forced so that the items add up; 526 = 5,257,920元 rounds half-up
    document = _classes_in_yuan(("208", "社会保障和就业支出", "12565793", "1256"),
                                ("210", "卫生健康支出", "5257920", "526"))
    [finding] = assert_fails(document, "NARR-AMOUNT", severity="warning", count=1)
    assert "社会保障和就业支出" in finding.message and "四舍五入应为 1,257 万元" in finding.message


def test_a_forced_figure_rounded_up_is_a_warning_too():
    # 5,331万元 for 53,300,945元 = 5,330.09万元
    document = _classes_in_yuan(("208", "社会保障和就业支出", "53300945", "5331"))
    assert_fails(document, "NARR-AMOUNT", severity="warning", count=1, says="四舍五入应为 5,330 万元")


def test_an_amount_rounded_half_up_is_no_finding():
    document = _classes_in_yuan(("208", "社会保障和就业支出", "12565793", "1257"), ("221", "住房保障支出", "575900", "58"))
    assert_passes(document, "NARR-AMOUNT")


def test_a_document_whose_other_figures_cut_may_cut():
    # every figure where cutting and rounding differ is cut: 1,256 for 1,256.58 is this document's way
    document = _classes_in_yuan(("208", "社会保障和就业支出", "12565793", "1256"),
                                ("210", "卫生健康支出", "5257920", "525"), ("221", "住房保障支出", "575900", "57"))
    result = result_of(document, "NARR-AMOUNT")
    assert [f for f in result.findings if f.is_problem] == []


def test_a_figure_cut_where_the_others_round_half_up_is_a_break():
    document = _classes_in_yuan(("208", "社会保障和就业支出", "12565793", "1257"),
                                ("210", "卫生健康支出", "5257920", "526"), ("221", "住房保障支出", "575900", "57"))
    assert_fails(document, "NARR-AMOUNT", severity="warning", count=1, says="住房保障支出")


def test_an_exact_half_tells_no_way_of_rounding():
    # 1,256.50 may be 1,256 (half-even) or 1,257: neither is a break, and it does not make the document a cutter
    document = _classes_in_yuan(("208", "社会保障和就业支出", "12565000", "1256"),
                                ("221", "住房保障支出", "575900", "57"))
    assert_fails(document, "NARR-AMOUNT", severity="warning", count=1, says="住房保障支出")


def test_an_amount_more_than_one_step_off_stays_an_error():
    document = _classes_in_yuan(("208", "社会保障和就业支出", "12565793", "1255"))
    assert_fails(document, "NARR-AMOUNT", severity="error", count=1)


def test_a_prior_year_amount_is_compared_with_the_prior_year_figures():
    assert_passes(consistent().claim("three_public_total", "6", "2023年三公经费", year=2023), "NARR-AMOUNT")
    assert_fails(consistent().claim("three_public_total", "7", "2023年三公经费", year=2023), "NARR-AMOUNT", count=1)


def test_an_empty_fund_table_answers_zero():
    assert_passes(consistent().claim("gov_fund_expenditure", "0", "政府性基金预算支出"), "NARR-AMOUNT")


def test_the_same_subject_stated_twice_with_different_amounts():
    assert_fails(consistent().claim("basic", "84", "基本支出"), "NARR-SAME-SUBJECT", severity="warning", count=1)


def test_the_same_subject_may_state_each_of_its_scopes():
    # 项目支出: 50 of all funds (支出总表), 40 of the 一般公共预算 (一般公共预算支出表)
    two_scopes = consistent().set("expenditure", "total", "project", "50")
    assert_passes(two_scopes.claim("project", "50", "项目支出"), "NARR-SAME-SUBJECT")
    two_scopes = consistent().set("expenditure", "total", "project", "50")
    assert_fails(two_scopes.claim("project", "45", "项目支出"), "NARR-SAME-SUBJECT", severity="warning", count=1)


def test_a_column_the_table_does_not_print_is_no_scope_of_its_own():
    # the 一般公共预算支出表 prints no 基本支出 column: a second amount 7 (a change read as an amount) is no scope
    unprinted = consistent().configure("general_expenditure", columns=["prior_year", "total", "project"])
    assert_fails(unprinted.claim("basic", "7", "基本支出"), "NARR-SAME-SUBJECT", severity="warning", count=1)


def test_operating_cost_cannot_exceed_public_funds():
    assert_fails(_restate("operating_cost", "16"), "NARR-OPERATING-COST", severity="warning", count=1)
    assert_passes(_restate("operating_cost", "12"), "NARR-OPERATING-COST")


def test_procurement_kinds_add_up_and_sme_within_total():
    assert_fails(_restate("procurement:goods", "9.00"), "NARR-PROCUREMENT-SPLIT", count=1)
    assert_fails(_restate("procurement:sme", "11"), "NARR-PROCUREMENT-SPLIT", count=1, says="超过政府采购总额")


def test_stated_change_equals_the_tables_difference():
    [finding] = assert_fails(_restate("reception", "2.00", change="1.00", direction="减少"), "NARR-CHANGE-AMOUNT")
    assert finding.provided == -1 and finding.expected == -0.5


def test_change_against_prior_year_column_of_general_table():
    assert_fails(_restate("expenditure:201", "100", change="4", direction="减少"), "NARR-CHANGE-AMOUNT", count=1)


def test_direction_word_must_match_the_sign():
    assert_fails(_restate("reception", "2", change="0.5", direction="增加"), "NARR-DIRECTION", count=1,
                 says="表中本年与上年之差为 -0.5 万元")
    assert_fails(_restate("operating_cost", "15", change="2", direction="持平"), "NARR-DIRECTION", count=1)
    assert_fails(_restate("operating_cost", "15", change="0", direction="减少"), "NARR-DIRECTION", count=1)


def test_a_change_of_one_unit_in_the_last_digit_has_its_direction():
    # 住房公积金 8.01 → 8.00: the tables' difference -0.01 is a decrease, not 持平
    def stated(direction, change):
        return (consistent().set("general_expenditure", "2210201", "prior_year", "8.01")
                .claim("expenditure:2210201", "8", "住房公积金", change=change, direction=direction))
    assert_passes(stated("减少", "0.01"), "NARR-DIRECTION")
    assert_fails(stated("增加", "0.01"), "NARR-DIRECTION", count=1, says="表中本年与上年之差为 -0.01 万元")
    assert_passes(stated("持平", None), "NARR-DIRECTION")


def test_a_direction_word_is_not_contradicted_by_a_difference_of_zero():
    # both years print 8: a change smaller than the last digit may lie under it either way
    def stated(direction):
        return consistent().claim("expenditure:2210201", "8", "住房公积金", change="0.004", direction=direction)
    assert_passes(stated("增加"), "NARR-DIRECTION")
    assert_passes(stated("减少"), "NARR-DIRECTION")


def test_change_of_a_total_equals_the_changes_of_its_parts():
    # 基本支出 of no stated fund is of all funds: a part of the 收入/支出 totals, not of the 财政拨款 alone
    findings = assert_fails(_restate("basic", "83", change="3", direction="减少"), "NARR-CHANGE-SUM", count=2)
    assert {f.place.code for f in findings} == {"revenue_total", "expenditure_total"}


def test_three_public_change_equals_its_items():
    assert_fails(_restate("reception", "2.00", change="0.70", direction="减少"), "NARR-CHANGE-SUM", count=1)


def test_percent_recomputes_from_the_amounts():
    # 5.00, down 1.00 from 6.00: 16.67% of the year before (20% of this year's 5.00, as some documents reckon it)
    [finding] = assert_fails(_restate("three_public_total", "5.00", change="1.00", direction="减少",
                                      change_percent="25"), "NARR-PERCENT")
    assert "16.67%" in finding.message
    for reckoned in ("16.67", "20"):
        assert_passes(_restate("three_public_total", "5.00", change="1.00", direction="减少", change_percent=reckoned),
                      "NARR-PERCENT")
    # whole 万元 are as exact as their last digit: 5 down 1 is anything from 7% to 30%
    assert_passes(_restate("three_public_total", "5", change="1", direction="减少", change_percent="25"), "NARR-PERCENT")


def test_percent_without_stated_change_uses_the_tables():
    assert_passes(_restate("reception", "2", change_percent="20", direction="减少"), "NARR-PERCENT")
    assert_fails(_restate("reception", "2", change_percent="25", direction="减少"), "NARR-PERCENT", count=1)


def test_budget_compares_with_the_year_before():
    assert_fails(_restate("revenue_total", "123", change="7", direction="减少", compared_year=2022), "NARR-BASE-YEAR",
                 severity="warning", count=1)


def test_narrative_rules_could_not_run_without_claims():
    builder = consistent()
    builder.claims = []
    assert result_of(builder, "NARR-AMOUNT").status == RuleStatus.could_not_run


def test_a_column_a_table_does_not_print_agrees_with_no_stated_amount():
    # 基本支出 stated wrong; the 一般公共预算支出表 prints only its 合计 column, so its 基本支出 is
    # unknown: that must not count as agreeing (it did, and hid a real finding in a jiangsu budget)
    only_totals = consistent().configure("general_expenditure", columns=["total"])
    assert_fails(only_totals.drop_claims("basic").claim("basic", "80", "基本支出"), "NARR-AMOUNT", count=1)


def test_a_summary_without_a_years_total_line_answers_with_its_grand_total():
    # Shanghai: 财政拨款收支总表 prints 一般公共预算 / 政府性基金 and 收入总计, no 本年收入 line
    fiscal = doc().table("fiscal_summary", income=[
        ("general_budget", "一般公共预算", {"total": "3129.50"}),
        ("gov_fund", "政府性基金预算", {"total": "43.50"}),
        ("grand_total", "收入总计", {"total": "3173.00"}),
    ], expenditure=[
        ("212", "城乡社区支出", {"total": "43.50", "general_budget": "", "gov_fund": "43.50"}),
        ("grand_total", "支出总计", {"total": "3173.00", "general_budget": "3129.50", "gov_fund": "43.50"}),
    ])
    assert_passes(copy.deepcopy(fiscal).claim("fiscal_revenue", "3173", "财政拨款收入"), "NARR-AMOUNT")
    assert_passes(copy.deepcopy(fiscal).claim("fiscal_expenditure", "3173", "财政拨款支出"), "NARR-AMOUNT")
    # a 类 funded by the 政府性基金 only: its 财政拨款 amount is the table's 合计 column
    assert_passes(copy.deepcopy(fiscal).claim("expenditure:212", "44", "城乡社区支出"), "NARR-AMOUNT")
    assert_fails(copy.deepcopy(fiscal).claim("fiscal_revenue", "3175", "财政拨款收入"), "NARR-AMOUNT", count=1)


def _two_years(change: str, percent: str, *, this_year: str = "9626.78", last_year: str = "9819.98", **fields):
    text = "2026年度收入预算…比2025年年初预算数…"  # both amounts in one sentence: they share its text
    return (doc(year=2026)
            .claim("revenue_total", this_year, "收入预算", change=change, change_percent=percent, text=text, **fields)
            .claim("revenue_total", last_year, "收入预算", year=2025, text=text))


def test_without_tables_a_change_is_checked_against_the_two_amounts_stated():
    stated = {"direction": "减少", "compared_year": 2025}
    assert_passes(_two_years("193.20", "1.97", **stated), "NARR-CHANGE-AMOUNT")
    [finding] = assert_fails(_two_years("183.20", "1.97", **stated), "NARR-CHANGE-AMOUNT")
    assert finding.expected == Decimal("-193.20")


def test_a_percent_between_two_amounts_stated_without_a_comparison_word():
    # "2025年支出预算43269.3万元，2026年支出预算3845.49万元，增加17.62%": it fell by 91.11%
    built = _two_years(None, "17.62", this_year="3845.49", last_year="43269.3", direction="增加")
    assert_fails(built, "NARR-PERCENT", count=1, says="91.11%")
    assert_fails(built, "NARR-DIRECTION", count=1)


def test_an_increase_larger_than_the_amount_itself():
    built = doc(year=2026).claim("gov_fund_expenditure", "0", "政府性基金预算支出", change="1421.25", direction="增加",
                                 compared_year=2025)
    assert_fails(built, "NARR-DIRECTION", count=1, says="却写作比上年增加")


def test_a_vehicle_subtotal_left_blank_is_the_sum_of_its_printed_parts():
    # Fuzhou: 公务用车购置及运行费 blank, 购置费 0.00 and 运行费 8.00 printed
    blank_subtotal = consistent().set("three_public", "2024", "vehicle", None)
    assert_passes(copy.deepcopy(blank_subtotal).claim("vehicle", "3.00", "公务用车购置及运行费"), "NARR-AMOUNT")
    assert_fails(copy.deepcopy(blank_subtotal).claim("vehicle", "4.00", "公务用车购置及运行费"), "NARR-AMOUNT", count=1)


def test_an_items_percent_follows_from_its_execution_not_the_tables_budget():
    text = "2023年当年预算执行数为…，2024年预算安排…，比2023年执行数增加…"

    def item(percent):
        return (consistent().claim("expenditure:201", "100.00", "预算安排", change_percent=percent, direction="增加",
                                   compared_year=2023, text=text)
                .claim("expenditure:201", "80.00", "预算执行数", year=2023, text=text))
    # 100.00 against the 执行数 80.00 is 25%, whatever the 上年预算数 column prints
    assert_passes(item("25.00"), "NARR-PERCENT")
    assert_fails(item("20.00"), "NARR-PERCENT", count=1, says="25.00%")
    # the 执行数 is no table's figure (the tables print the 上年预算数): not compared with them
    assert_passes(item("25.00"), "NARR-AMOUNT")


def test_an_amount_of_one_fund_is_compared_with_that_funds_figures_only():
    # all funds spend 90 on 基本支出, the 一般公共预算 83 (一般公共预算支出表 and 基本支出表)
    all_funds_90 = consistent().set("expenditure", "total", "basic", "90")
    assert_passes(all_funds_90.claim("basic@general_budget", "83", "一般公共预算财政拨款基本支出"), "NARR-AMOUNT")
    all_funds_90 = consistent().set("expenditure", "total", "basic", "90")
    [finding] = assert_fails(all_funds_90.claim("basic@general_budget", "90", "一般公共预算财政拨款基本支出"),
                             "NARR-AMOUNT")
    assert finding.expected == 83


def test_a_part_of_one_fund_is_compared_with_that_funds_column():
    # 政府采购 10 in all, of which 8 from the 一般公共预算 (重庆: "其中一般公共预算拨款政府采购 8 万元")
    split = consistent().set("procurement", "total", "general_budget", "8").set(
        "procurement", "goods", "general_budget", "8")
    split.claim("procurement_total@general_budget", "8", "政府采购")
    assert_passes(split, "NARR-AMOUNT")
    assert_passes(split, "NARR-SAME-SUBJECT")
    split = consistent().set("procurement", "total", "general_budget", "8").set(
        "procurement", "goods", "general_budget", "8")
    assert_fails(split.claim("procurement_total@general_budget", "7", "政府采购"), "NARR-AMOUNT", count=1)


def _with_gov_fund(gov_fund: str):
    """The 财政拨款收支总表 as Shanghai prints it: no 本年收入/本年支出 line, only the 总计 lines."""
    total = str(123 + int(gov_fund or 0))
    return consistent().table("fiscal_summary", income=[
        ("general_budget", "一般公共预算", {"total": "123"}),
        ("gov_fund", "政府性基金预算", {"total": gov_fund}),
        ("grand_total", "收入总计", {"total": total}),
    ], expenditure=[
        ("201", "一般公共服务支出", {"total": "100", "general_budget": "100", "gov_fund": ""}),
        ("208", "社会保障和就业支出", {"total": "15", "general_budget": "15", "gov_fund": ""}),
        ("212", "城乡社区支出", {"total": gov_fund, "general_budget": "", "gov_fund": gov_fund}),
        ("221", "住房保障支出", {"total": "8", "general_budget": "8", "gov_fund": ""}),
        ("grand_total", "支出总计", {"total": total, "general_budget": "123", "gov_fund": gov_fund}),
    ])


def test_fiscal_funds_and_the_general_budget_are_two_subjects_where_a_fund_has_money():
    # 上海: 财政拨款支出 143 (一般公共预算 123 + 政府性基金 20), then 一般公共预算拨款支出 123
    both = _with_gov_fund("20").claim("fiscal_revenue", "143", "财政拨款收入").claim(
        "fiscal_expenditure", "143", "财政拨款支出")
    assert_passes(both, "NARR-AMOUNT")
    assert_passes(both, "NARR-SAME-SUBJECT")
    # with no other fund, a second amount for the same money is a contradiction
    only_general = _with_gov_fund("").claim("fiscal_expenditure", "124", "财政拨款支出")
    assert_fails(only_general, "NARR-SAME-SUBJECT", severity="warning", count=1)


def test_one_amount_stated_twice_with_two_changes():
    # 检察院 2018: 一般公共预算收入 +3,959.28 (p.23); 财政拨款收、支 (all of it 一般公共预算) +3,958.98 (p.25)
    twice = consistent().claim("revenue:general_budget", "123", "一般公共预算收入", change="7", direction="增加",
                               compared_year=2023).claim(
        "fiscal_revenue", "123", "财政拨款收支预算", change="6.7", direction="增加", compared_year=2023)
    [finding] = assert_fails(twice, "NARR-SAME-SUBJECT", severity="warning")
    assert (finding.provided, finding.expected) == (Decimal("6.7"), Decimal("7"))
    # where a 政府性基金 has money, 财政拨款 is more than the 一般公共预算: two subjects
    two_funds = _with_gov_fund("20").claim("revenue:general_budget", "123", "一般公共预算收入", change="7",
                                           direction="增加", compared_year=2023).claim(
        "fiscal_revenue", "143", "财政拨款收入", change="6.7", direction="增加", compared_year=2023)
    assert_passes(two_funds, "NARR-SAME-SUBJECT")


def test_the_change_of_a_funds_spending_is_the_sum_of_its_own_parts():
    # 重庆: 一般公共预算财政拨款支出 -7, "其中:基本支出 …减少2 …;项目支出 …减少4"; the 收入/支出 totals are of all funds
    scoped_parts = consistent().drop_claims("basic").drop_claims("project").claim(
        "basic@general_budget", "83.00", "基本支出", change="2.00", direction="减少").claim(
        "project@general_budget", "40.00", "项目支出", change="4.00", direction="减少")
    [finding] = assert_fails(scoped_parts, "NARR-CHANGE-SUM")
    assert finding.place.code == "fiscal_expenditure"


def test_the_reserve_is_a_part_of_the_totals_change_where_it_is_stated():
    # jiangsu: 合计 = 基本 + 项目 + 单位预留机动经费; -7 = -2 - 5 + 0 with the reserve, -1 off with a reserve of +1
    assert_passes(consistent().claim("reserve", "5", "单位预留机动经费", change="0", direction="持平"), "NARR-CHANGE-SUM")
    findings = assert_fails(consistent().claim("reserve", "5", "单位预留机动经费", change="1", direction="增加"),
                            "NARR-CHANGE-SUM", count=2)
    assert all("单位预留机动经费" in f.message for f in findings)


def _basic_by_class(*classes: tuple[str, str, str], total: str):
    """A 基本支出表 printing one column by economic class (福州 p.18-19), no 人员经费/公用经费 columns."""
    rows = [("total", "合计", {"total": total})] + [(code, name, {"total": value}) for code, name, value in classes]
    return doc().table("basic_expenditure", rows)


_FUZHOU = (("301", "工资福利支出", "7070.34"), ("302", "商品和服务支出", "531.71"), ("303", "对个人和家庭的补助", "239.21"))


def test_personnel_and_public_are_the_economic_classes_of_the_basic_table_without_those_columns():
    assert_passes(_basic_by_class(*_FUZHOU, total="7841.26").claim("personnel", "7309.55", "人员经费")
                  .claim("public", "531.71", "公用经费"), "NARR-AMOUNT")
    # 福州 p.25: 46.20 moved from 人员 to 公用 without a table showing it
    moved = _basic_by_class(*_FUZHOU, total="7841.26").claim("personnel", "7263.35", "人员经费") \
        .claim("public", "577.91", "公用经费")
    found = assert_fails(moved, "NARR-AMOUNT", count=2, severity="error")
    assert "工资福利支出与对个人和家庭的补助之和 7,309.55 万元" in found[0].message


def test_a_class_of_either_side_leaves_personnel_and_public_unknown():
    classes = (*_FUZHOU, ("399", "其他支出", "46.20"))
    document = _basic_by_class(*classes, total="7887.46").claim("personnel", "7263.35", "人员经费")
    assert result_of(document, "NARR-AMOUNT").findings == []


def test_classes_that_do_not_add_up_to_the_total_leave_the_sides_unknown():
    document = _basic_by_class(*_FUZHOU[:2], total="7841.26").claim("personnel", "7263.35", "人员经费")
    assert result_of(document, "NARR-AMOUNT").findings == []


def _side_by_side(labels: dict[str, str]):
    """重庆 表八 prints 2025 and 2026 side by side; read as one row named 2026, columns labelled 2025年…."""
    values = {"overseas": "343.41", "reception": "483.09"}
    return (doc(year=2026).table("three_public", [(None, "2026", values)], labels=labels)
            .claim("overseas", "321.91", "因公出国(境)费用").claim("reception", "279.19", "公务接待费"))


def test_a_three_public_column_labelled_with_another_year_is_not_compared():
    labels = {"overseas": "2025年因公出国(境)费", "reception": "2025年公务接待费"}
    assert [f for f in result_of(_side_by_side(labels), "NARR-AMOUNT").findings if f.is_problem] == []
    labels = {"overseas": "2026年因公出国(境)费", "reception": "公务接待费"}
    assert_fails(_side_by_side(labels), "NARR-AMOUNT", count=2)
# Shanghai: "财政拨款收入17883万元，比2025年预算增加156万元；…财政拨款收入支出减少的主要原因是…"
SHANGHAI = ("2026年,某中心收入预算18037万元,其中:财政拨款收入17883万元,比2025年预算增加156万元。\n"
            "财政拨款收入支出{word}的主要原因是项目按年度计划调整。")


def _reason(word: str, direction: str = "增加"):
    return (doc(year=2026).section("2026年单位预算编制说明", SHANGHAI.format(word=word))
            .claim("fiscal_revenue", "17883", "财政拨款收入", change="156", direction=direction, compared_year=2025,
                   section="2026年单位预算编制说明"))


def test_a_reason_sentence_must_not_contradict_the_stated_change():
    assert_passes(_reason("增加"), "NARR-DIRECTION")
    assert_fails(_reason("减少"), "NARR-DIRECTION", count=1, says="财政拨款收入支出减少的主要原因")
    assert_passes(_reason("减少", direction="减少"), "NARR-DIRECTION")


def test_a_reason_sentence_of_another_subject_or_section_is_no_contradiction():
    other_subject = _reason("增加").section("三公", "公务接待费减少的主要原因是厉行节约。")
    assert_passes(other_subject, "NARR-DIRECTION")
    other_section = doc(year=2026).section("一", "财政拨款收入减少的主要原因是项目调整。").claim(
        "fiscal_revenue", "17883", "财政拨款收入", change="156", direction="增加", compared_year=2025, section="二")
    assert_passes(other_section, "NARR-DIRECTION")
    # the template's "增加（减少）的主要原因" names no direction
    assert_passes(_reason("增加(减少)"), "NARR-DIRECTION")


def _received_and_spent(spent_change: str, section_text: str = "财政拨款收入支出增加的主要原因是项目增加。",
                        kind: str = "budget"):
    # Shanghai: "财政拨款收入37,151.47万元，比2024年预算执行数增加24,558.18万元；…财政拨款支出预算37,151.47万元，
    # 比2024年预算增加24,491.71万元"
    return (doc(year=2025, kind=kind).section("2025年部门预算编制说明", section_text)
            .claim("fiscal_revenue", "37151.47", "财政拨款收入", change="24558.18", direction="增加",
                   compared_year=2024, section="2025年部门预算编制说明")
            .claim("fiscal_expenditure", "37151.47", "财政拨款支出预算", change=spent_change, direction="增加",
                   compared_year=2024, section="2025年部门预算编制说明"))


def test_the_change_of_what_is_received_and_spent_is_stated_once():
    assert_passes(_received_and_spent("24558.18"), "NARR-SAME-SUBJECT")
    assert_fails(_received_and_spent("24491.71"), "NARR-SAME-SUBJECT", count=1, says="24,491.71")


def test_received_and_spent_may_change_apart_where_money_is_carried_over_or_spent_late():
    assert_passes(_received_and_spent("24491.71", "支出含上年结转资金。"), "NARR-SAME-SUBJECT")
    assert_passes(_received_and_spent("24491.71", kind="final"), "NARR-SAME-SUBJECT")
    different = _received_and_spent("24491.71")
    different.claims[1] = different.claims[1].model_copy(update={"value": Decimal("37000.00")})
    assert_passes(different, "NARR-SAME-SUBJECT")


def _fuzhou(first: str, second: str):
    """福州 p.26: §一 says 一般公共预算拨款收入 rose 129.07; §二 that 一般公共预算拨款支出, the same 2796.14, rose 166.68."""
    one = f"2026年,某支队收入预算为2796.14万元,{first}增加129.07万元,主要原因是一般公共预算拨款收入增加129.07万元。"
    two = f"2026年度一般公共预算拨款支出2796.14万元,{second}增加166.68万元,增长6.34%。"
    return (doc(year=2026).section("预算收支总体情况", one).section("一般公共预算拨款支出情况", two)
            .claim("revenue:general_budget", "2796.14", "一般公共预算拨款收入", change="129.07", direction="增加",
                   compared_year=2025, section="预算收支总体情况")
            .claim("fiscal_expenditure", "2796.14", "一般公共预算拨款支出", change="166.68", direction="增加",
                   compared_year=2025, section="一般公共预算拨款支出情况"))


def test_received_and_spent_in_two_sections_compared_alike_is_one_change():
    assert_fails(_fuzhou("比上年", "比上年"), "NARR-SAME-SUBJECT", count=1, says="166.68")
    assert_fails(_fuzhou("比上年执行数", "比2025年执行数"), "NARR-SAME-SUBJECT", count=1)


def test_received_and_spent_in_two_sections_may_be_over_different_figures():
    # one over the year before's 执行数, the other over its 预算数: two different figures of the year before
    assert_passes(_fuzhou("比上年执行数", "比上年预算数"), "NARR-SAME-SUBJECT")
    assert_passes(_fuzhou("比上年", "比上年预算数"), "NARR-SAME-SUBJECT")
