"""决算 (final accounts) in the recognizer: the nine 决算 tables of a real document, and the 决算 columns
and lines (年初结转和结余, 本年收入, 年末结转和结余, 使用非财政拨款结余, 结余分配, 年初预算数 / 调整预算数 /
决算数, 上缴上级支出 / 经营支出 / 对附属单位补助支出) on small hand-written tables.

The values of the real document are written by hand from its pages (pdfplumber's page text).
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache
from pathlib import Path

import pytest

from yusuan.pipeline import parse_bytes, parse_path

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
FINAL_2024 = CORPUS / "shanghai" / "上海市普陀区规划和自然资源局 2024 年度部门决算.pdf"
D = Decimal


@lru_cache(maxsize=None)
def final_2024():
    if not FINAL_2024.exists():
        pytest.skip("corpus file not present")
    return parse_path(FINAL_2024)


def table(table_id):
    return final_2024().tables[table_id]


def printed(row) -> dict[str, Decimal]:
    return {column: value for column, value in row.values.items() if value is not None}


# -- the Shanghai 决算: nine tables --------------------------------------------------------------

def test_final_2024_is_a_final_account_with_the_nine_tables():
    disclosure = final_2024()
    assert (disclosure.kind, disclosure.year, disclosure.department) == ("final", 2024, "上海市普陀区规划和自然资源局")
    assert sorted(disclosure.tables) == sorted([
        "summary", "revenue", "expenditure", "fiscal_summary", "general_expenditure", "basic_expenditure",
        "three_public", "gov_fund_expenditure", "state_capital_expenditure"])
    # rows as printed: p7 12 income + 24 functional lines + 4 closing lines; p8-9 and p10-11 合计 + 24 coded
    # lines; p12-13 9 income + 27 expenditure lines; p14-15 24 coded + 合计; p16 27 + 人员经费合计 on the left,
    # 38 + 公用经费合计 on the right; p17 决算数 and 预算数; p18-19 empty tables
    assert {k: len(t.rows) for k, t in disclosure.tables.items()} == {
        "summary": 40, "revenue": 25, "expenditure": 25, "fiscal_summary": 36, "general_expenditure": 25,
        "basic_expenditure": 67, "three_public": 2, "gov_fund_expenditure": 0, "state_capital_expenditure": 0}


def test_final_2024_summary_page_7():
    summary = table("summary")
    income = {r.item: r.value("total") for r in summary.rows if r.side == "income"}
    assert income == {
        "general_budget": D("9746.50"), "gov_fund": None, "state_capital": None, "superior_subsidy": None,
        "operating": None, "business": None, "subordinate": None, "other": None, "income_total": D("9746.50"),
        "non_fiscal_balance": None, "carryover": D("112.88"), "grand_total": D("9859.38")}
    spending = [(r.code or r.item, r.value("total")) for r in summary.rows
                if r.side == "expenditure" and r.value("total") is not None]
    assert spending == [
        ("208", D("754.75")), ("210", D("236.63")), ("212", D("3845.25")), ("220", D("4461.67")), ("221", D("461.08")),
        ("expenditure_total", D("9759.38")), ("carry_forward", D("100.00")), ("grand_total", D("9859.38"))]
    assert summary.item("balance_distribution", "expenditure").name == "结余分配"


def test_final_2024_revenue_pages_8_and_9():
    revenue = table("revenue")
    assert revenue.column_ids == ["total", "fiscal", "superior_subsidy", "operating", "business", "subordinate", "other"]
    assert printed(revenue.item("total")) == {"total": D("9746.50"), "fiscal": D("9746.50")}
    assert printed(revenue.row("2080505")) == {"total": D("446.11"), "fiscal": D("446.11")}
    assert revenue.row("2080505").name == "机关事业单位基本养老保险缴费支出"  # wrapped onto the next line
    assert revenue.row("210").value("fiscal") == D("236.64")
    assert revenue.row("2120201").value("total") == D("2739.56")
    assert revenue.row("2210203").value("total") == D("171.49")


def test_final_2024_expenditure_pages_10_and_11():
    expenditure = table("expenditure")
    assert expenditure.column_ids == ["total", "basic", "project", "remit_superior", "business_expenditure",
                                      "subsidy_subordinate"]
    assert printed(expenditure.item("total")) == {"total": D("9759.38"), "basic": D("5377.64"), "project": D("4381.74")}
    assert printed(expenditure.row("212")) == {"total": D("3845.24"), "basic": D("1585.59"), "project": D("2259.65")}
    assert printed(expenditure.row("2120101")) == {"total": D("1105.68"), "basic": D("1096.91"), "project": D("8.77")}
    assert printed(expenditure.row("2200199")) == {"total": D("45.00"), "basic": D("0.00"), "project": D("45.00")}
    assert printed(expenditure.row("2080599")) == {"total": D("0.88"), "basic": D("0.88"), "project": D("0.00")}


def test_final_2024_fiscal_summary_pages_12_and_13():
    fiscal = table("fiscal_summary")
    assert fiscal.item("general_budget", "income").value("total") == D("9746.50")
    assert fiscal.item("income_total", "income").value("total") == D("9746.50")
    assert [r.item for r in fiscal.rows if r.side == "income"][4:] == [
        "carryover", "carryover_general_budget", "carryover_gov_fund", "carryover_state_capital", "grand_total"]
    assert printed(fiscal.row("212", "expenditure")) == {"total": D("3832.36"), "general_budget": D("3832.36")}
    assert printed(fiscal.row("220", "expenditure")) == {"total": D("4461.67"), "general_budget": D("4461.67")}
    assert printed(fiscal.item("expenditure_total", "expenditure")) == {"total": D("9746.50"), "general_budget": D("9746.50")}
    assert fiscal.item("carry_forward", "expenditure").name == "年末财政拨款结转和结余"
    assert printed(fiscal.item("grand_total", "expenditure")) == {"total": D("9746.50"), "general_budget": D("9746.50")}


def test_final_2024_general_expenditure_pages_14_and_15():
    general = table("general_expenditure")
    assert general.column_ids == ["total", "basic", "project"]
    assert printed(general.item("total")) == {"total": D("9746.50"), "basic": D("5364.75"), "project": D("4381.74")}
    assert printed(general.row("21201")) == {"total": D("1092.80"), "basic": D("1084.02"), "project": D("8.77")}
    assert printed(general.row("22102")) == {"total": D("461.08"), "basic": D("461.08"), "project": D("0.00")}
    assert printed(general.row("2210201")) == {"total": D("289.59"), "basic": D("289.59"), "project": D("0.00")}


def test_final_2024_basic_expenditure_page_16():
    basic = table("basic_expenditure")
    assert basic.column_ids == ["total"]
    amounts = {r.code or r.item: r.value("total") for r in basic.rows}
    assert amounts["301"] == D("4816.14") and amounts["30107"] == D("1594.02") and amounts["30199"] == D("481.23")
    assert amounts["303"] == D("67.96") and amounts["30302"] == D("67.96")
    assert amounts["302"] == D("440.90") and amounts["30209"] == D("82.20") and amounts["30229"] == D("73.19")
    assert amounts["30217"] == D("0.39") and amounts["31002"] == D("39.76")
    assert amounts["personnel"] == D("4884.09") and amounts["public"] == D("480.66")


def test_final_2024_three_public_page_17():
    three_public = table("three_public")
    assert three_public.column_ids == ["total", "overseas", "vehicle", "vehicle_purchase", "vehicle_operation", "reception"]
    final, budget = three_public.rows
    assert (final.name, budget.name) == ("2024", "2024年预算数")
    assert final.values == {"total": D("0.39"), "overseas": D("0.00"), "vehicle": D("0.00"),
                            "vehicle_purchase": D("0.00"), "vehicle_operation": D("0.00"), "reception": D("0.39")}
    assert budget.values == {"total": D("2.85"), "overseas": D("0.00"), "vehicle": D("0.00"),
                             "vehicle_purchase": D("0.00"), "vehicle_operation": D("0.00"), "reception": D("2.85")}


def test_final_2024_fund_tables_pages_18_and_19_are_empty_with_their_note():
    for table_id in ("gov_fund_expenditure", "state_capital_expenditure"):
        fund = table(table_id)
        assert fund.column_ids == ["carryover", "income", "total", "basic", "project", "carry_forward"]
        assert [c.label for c in fund.columns] == ["年初结转和结余", "本年收入", "本年支出合计", "基本支出", "项目支出",
                                                   "年末结转和结余"]
        assert fund.rows == [] and "故本表无数据" in fund.note


# -- small hand-written 决算 tables ----------------------------------------------------------------

def read(*lines) -> dict:
    text = "某某局2024年度部门决算\n" + "\n".join("\t".join(line) if isinstance(line, tuple) else line for line in lines)
    return parse_bytes(text.encode(), "x.txt").tables


def test_fund_table_with_carryover_income_spending_and_carry_forward():
    tables = read(
        "政府性基金预算财政拨款收入支出决算表",
        "单位:万元",
        ("项目", "", "年初结转和结余", "本年收入", "本年支出", "", "", "年末结转和结余"),
        ("功能分类科目编码", "科目名称", "", "", "合计", "基本支出", "项目支出", ""),
        ("合计", "", "3.00", "10.00", "12.00", "", "12.00", "1.00"),
        ("212", "城乡社区支出", "3.00", "10.00", "12.00", "", "12.00", "1.00"),
    )
    fund = tables["gov_fund_expenditure"]
    assert fund.column_ids == ["carryover", "income", "total", "basic", "project", "carry_forward"]
    assert printed(fund.item("total")) == {"carryover": D("3.00"), "income": D("10.00"), "total": D("12.00"),
                                           "project": D("12.00"), "carry_forward": D("1.00")}
    assert fund.row("212").value("carry_forward") == D("1.00")


def test_summary_lines_of_a_final_account():
    tables = read(
        "收入支出决算总表",
        ("项目", "决算数", "项目", "决算数"),
        ("一、一般公共预算财政拨款收入", "100.00", "一、一般公共服务支出", "90.00"),
        ("本年收入合计", "100.00", "本年支出合计", "90.00"),
        ("使用非财政拨款结余", "2.00", "结余分配", "1.00"),
        ("年初结转和结余", "5.00", "年末结转和结余", "16.00"),
        ("总计", "107.00", "总计", "107.00"),
    )
    summary = tables["summary"]
    assert [(r.item, r.value("total")) for r in summary.rows if r.side == "income"] == [
        ("general_budget", D("100.00")), ("income_total", D("100.00")), ("non_fiscal_balance", D("2.00")),
        ("carryover", D("5.00")), ("grand_total", D("107.00"))]
    assert [(r.code or r.item, r.value("total")) for r in summary.rows if r.side == "expenditure"] == [
        ("201", D("90.00")), ("expenditure_total", D("90.00")), ("balance_distribution", D("1.00")),
        ("carry_forward", D("16.00")), ("grand_total", D("107.00"))]


def test_fund_lines_under_the_carry_forward_block_of_the_fiscal_summary():
    tables = read(
        "财政拨款收入支出决算总表",
        ("项目", "决算数", "项目", "合计", "一般公共预算财政拨款", "政府性基金预算财政拨款"),
        ("一、一般公共预算财政拨款", "10.00", "一、一般公共服务支出", "12.00", "12.00", ""),
        ("本年收入合计", "10.00", "本年支出合计", "12.00", "12.00", ""),
        ("年初财政拨款结转和结余", "4.00", "年末财政拨款结转和结余", "2.00", "2.00", ""),
        ("一、一般公共预算财政拨款", "4.00", "一、一般公共预算财政拨款", "2.00", "", ""),
        ("总计", "14.00", "总计", "14.00", "14.00", ""),
    )
    fiscal = tables["fiscal_summary"]
    assert [(r.item, r.value("total")) for r in fiscal.rows if r.side == "income"] == [
        ("general_budget", D("10.00")), ("income_total", D("10.00")), ("carryover", D("4.00")),
        ("carryover_general_budget", D("4.00")), ("grand_total", D("14.00"))]
    assert [(r.code or r.item, r.value("total")) for r in fiscal.rows if r.side == "expenditure"] == [
        ("201", D("12.00")), ("expenditure_total", D("12.00")), ("carry_forward", D("2.00")),
        ("carry_forward_general_budget", D("2.00")), ("grand_total", D("14.00"))]


def test_budget_columns_beside_the_final_figure():
    tables = read(
        "一般公共预算财政拨款支出决算表",
        ("科目编码", "科目名称", "年初预算数", "调整预算数", "决算数"),
        ("201", "一般公共服务支出", "10.00", "12.00", "11.50"),
        ("合计", "", "10.00", "12.00", "11.50"),
    )
    general = tables["general_expenditure"]
    assert general.column_ids == ["budget_initial", "budget_adjusted", "total"]
    assert general.row("201").values == {"budget_initial": D("10.00"), "budget_adjusted": D("12.00"), "total": D("11.50")}


def test_budget_and_final_groups_each_split_into_basic_and_project():
    tables = read(
        "一般公共预算财政拨款支出决算表",
        ("科目编码", "科目名称", "全年预算数", "", "", "决算数", "", ""),
        ("", "", "合计", "基本支出", "项目支出", "合计", "基本支出", "项目支出"),
        ("201", "一般公共服务支出", "10.00", "6.00", "4.00", "9.00", "6.00", "3.00"),
    )
    general = tables["general_expenditure"]
    assert general.column_ids == ["budget_adjusted", "budget_adjusted_basic", "budget_adjusted_project",
                                  "total", "basic", "project"]
    assert general.row("201").values == {
        "budget_adjusted": D("10.00"), "budget_adjusted_basic": D("6.00"), "budget_adjusted_project": D("4.00"),
        "total": D("9.00"), "basic": D("6.00"), "project": D("3.00")}


def test_expenditure_table_of_a_final_account_prints_five_kinds_of_spending():
    tables = read(
        "支出决算表",
        ("科目编码", "科目名称", "本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"),
        ("201", "一般公共服务支出", "20.00", "10.00", "5.00", "1.00", "3.00", "1.00"),
    )
    expenditure = tables["expenditure"]
    assert expenditure.row("201").values == {
        "total": D("20.00"), "basic": D("10.00"), "project": D("5.00"), "remit_superior": D("1.00"),
        "business_expenditure": D("3.00"), "subsidy_subordinate": D("1.00")}


def test_three_public_final_with_meeting_and_training():
    tables = read(
        "一般公共预算财政拨款“三公”经费、会议费、培训费支出决算表",
        ("合计", "", "因公出国(境)费", "", "公务用车购置费", "", "公务用车运行维护费", "", "公务接待费", "",
         "会议费", "", "培训费", ""),
        ("预算数", "决算数") * 7,
        ("9.00", "7.00", "1.00", "0.50", "2.00", "2.00", "1.00", "1.00", "1.00", "0.50", "3.00", "2.00", "1.00", "1.00"),
    )
    three_public = tables["three_public"]
    final, budget = three_public.rows
    assert (final.name, budget.name) == ("2024", "2024年预算数")
    assert printed(final) == {"total": D("7.00"), "overseas": D("0.50"), "vehicle_purchase": D("2.00"),
                              "vehicle_operation": D("1.00"), "reception": D("0.50"), "meeting": D("2.00"),
                              "training": D("1.00")}
    assert budget.value("total") == D("9.00") and budget.value("meeting") == D("3.00")


# -- the 决算 rules on the Shanghai 决算 -----------------------------------------------------------

def test_final_2024_identities_hold():
    """Looked at on the pages: p7 9746.50 + 112.88 = 9759.38 + 100.00 = 9859.38 on both sides; p12-13
    9746.50 + 0 = 9746.50 + 0; the fund tables p18-19 are empty; p21-24 every 完成年初预算 % recomputes
    (446.11 / 452.40 = 98.61%, 2739.56 / 3110.14 = 88.08%, ...) and each 决算数小于/同…持平 预算数 matches;
    p25 the “三公” 年初预算 2.85 is the table's 预算数 and 公务接待费 0.39 / 2.85 = 13.68%; p25-26 give 团组 0 个、
    0 人次, 保有量 0 辆, 接待 2 批次、26 人次 (no 购置数: 购置费 is 0, so none is asked); p27-28 state no share of
    中小企业 to recompute. One real, minor finding: p21 says 9746.50 / 10210.34 完成 95.45%, which is
    95.457% cut off rather than rounded (95.46%) — reported as info, not as an error."""
    from yusuan.checks import run_checks
    from yusuan.checks.engine.findings import RuleStatus

    report = run_checks(final_2024())
    results = {r.rule.id: r for r in report.results if r.rule.id.startswith("FINAL-")}
    assert {k: r.status for k, r in results.items()} == {
        "FINAL-BALANCE": RuleStatus.passed, "FINAL-TOTALS": RuleStatus.passed, "FINAL-VS-BUDGET": RuleStatus.passed,
        "FINAL-WORDING": RuleStatus.passed, "FINAL-THREE-PUBLIC": RuleStatus.passed,
        "FINAL-THREE-PUBLIC-COUNTS": RuleStatus.passed, "FINAL-OPERATING-PROCUREMENT": RuleStatus.passed}
    [info] = results["FINAL-VS-BUDGET"].findings
    assert (info.severity, info.provided, info.expected, info.place.page) == ("info", D("95.45"), D("95.46"), 21)
    assert all(not r.findings for k, r in results.items() if k != "FINAL-VS-BUDGET")



def test_summary_printing_the_budget_beside_the_final_figure():
    tables = read(
        "收入支出决算总表",
        ("项目", "年初预算数", "决算数", "项目", "年初预算数", "决算数"),
        ("一、一般公共预算财政拨款收入", "100.00", "98.00", "一、一般公共服务支出", "100.00", "90.00"),
        ("本年收入合计", "100.00", "98.00", "本年支出合计", "100.00", "90.00"),
        ("年初结转和结余", "", "2.00", "年末结转和结余", "", "10.00"),
        ("总计", "100.00", "100.00", "总计", "100.00", "100.00"),
    )
    summary = tables["summary"]
    assert summary.column_ids == ["total", "budget_initial"]
    assert summary.item("general_budget", "income").values == {"budget_initial": D("100.00"), "total": D("98.00")}
    assert summary.row("201", "expenditure").values == {"budget_initial": D("100.00"), "total": D("90.00")}
    assert summary.item("carry_forward", "expenditure").values == {"budget_initial": None, "total": D("10.00")}


def test_the_budget_split_beside_the_final_figure_is_checked_row_by_row():
    from yusuan.checks import run_checks

    text = "某某局2024年度部门决算\n" + "\n".join("\t".join(line) for line in [
        ("一般公共预算财政拨款支出决算表",),
        ("科目编码", "科目名称", "全年预算数", "", "", "决算数", "", ""),
        ("", "", "合计", "基本支出", "项目支出", "合计", "基本支出", "项目支出"),
        ("201", "一般公共服务支出", "10.00", "6.00", "5.00", "9.00", "6.00", "3.00"),
    ])
    report = run_checks(parse_bytes(text.encode(), "x.txt"))
    [result] = [r for r in report.results if r.rule.id == "ARITH-ROW-SUM"]
    [finding] = result.findings
    assert (finding.place.column, finding.provided, finding.expected) == ("budget_adjusted", D("10.00"), D("11.00"))
