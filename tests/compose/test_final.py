"""A 部门决算 composed from leaf facts (examples/final-input.yaml): its nine tables, its narrative, its checks.

Expected figures are worked out by hand from the example's input, not copied from the program's output.
"""

from decimal import Decimal as D

import pytest

from yusuan.checks import run_checks
from yusuan.compose import derive
from yusuan.inputs import load_input

from example_files import ROOT

FINAL_YAML = ROOT / "examples" / "final-input.yaml"


@pytest.fixture(scope="module")
def final_facts():
    return load_input(FINAL_YAML)[0]


@pytest.fixture(scope="module")
def final(final_facts):
    return derive(final_facts)


def _text(disclosure, title: str) -> str | None:
    return next((s.text for s in disclosure.narrative.sections if s.title == title), None)


def test_the_nine_final_tables_under_their_final_titles(final):
    assert final.kind == "final"
    assert list(final.tables) == ["summary", "revenue", "expenditure", "fiscal_summary", "general_expenditure",
                                  "basic_expenditure", "three_public", "gov_fund_expenditure",
                                  "state_capital_expenditure"]
    assert final.tables["summary"].title == "某区规划和自然资源局2024年度收入支出决算总表"
    assert final.tables["three_public"].title == "某区规划和自然资源局2024年度财政拨款“三公”经费支出决算表"
    assert final.projects == [] and final.performance_projects == [] and final.performance_overall is None


def test_totals_are_derived_from_the_entered_lines(final):
    # 基本 54.53+446.11+40.35+1084.02+488.68+289.59 = 2,403.28; 项目 8.77+2,250.88 = 2,259.65
    summary = final.tables["summary"]
    income = next(r for r in summary.rows if r.item == "income_total")
    assert income.values["total"] == D("4662.93")
    names = {r.item: r.name for r in summary.rows if r.item}
    assert names["carryover"] == "年初结转和结余" and names["carry_forward"] == "年末结转和结余"


def test_three_public_prints_the_final_figure_then_the_budget(final):
    rows = final.tables["three_public"].rows
    assert [(r.name, r.values["total"]) for r in rows] == [("2024", D("5.39")), ("2024年预算数", D("8.85"))]


def test_the_composed_final_passes_the_checks(final):
    assert [(f.rule, f.message) for f in run_checks(final).findings if f.severity in ("error", "warning")] == []


def test_each_item_is_told_against_its_budget_with_the_officers_reason(final):
    text = _text(final, "具体情况")
    # 446.11 / 452.40 = 98.61 %
    assert ("2.社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）。"
            "主要用于行政事业单位养老保险支出。年初预算为452.40万元，支出决算为446.11万元，完成年初预算的98.61%。"
            "决算数小于预算数的主要原因是年中社会保险缴费基数调整。") in text.split("\n")


def test_three_public_against_budget_and_the_counts_as_entered(final):
    paragraphs = _text(final, "财政拨款“三公”经费支出决算情况").split("\n")
    # 5.00 + 0.39 = 5.39 of 6.00 + 2.85 = 8.85: 60.90 %
    assert "“三公”经费财政拨款支出年初预算为8.85万元，支出决算为5.39万元，完成预算的60.90%。" in paragraphs
    assert paragraphs[-1] == ("全年安排因公出国（境）团组0个、累计0人次；全年购置公务用车0辆；年末公务用车保有量1辆；"
                              "全年国内公务接待2批次、26人次。")


def test_the_narrative_says_nothing_that_was_not_entered(final_facts):
    bare = final_facts.model_copy(update={
        "performance_management": None, "assets": final_facts.assets.model_copy(update={"vehicles": {}}),
        "three_public": final_facts.three_public.model_copy(update={"counts": type(final_facts.three_public.counts)()}),
    })
    disclosure = derive(bare)
    titles = [s.title for s in disclosure.narrative.sections]
    assert "预算绩效管理情况" not in titles and "国有资产占有使用情况" not in titles
    assert "团组" not in _text(disclosure, "财政拨款“三公”经费支出决算情况")


def test_final_parts_and_sections_in_order(final):
    top = [s.title for s in final.narrative.sections if s.level == 0]
    assert top == ["部门概况", "2024年度部门决算情况说明", "名词解释"]
    assert _text(final, "机构设置").startswith("纳入本部门2024年度部门决算编制范围的单位共3个")
    terms = [s.title for s in final.narrative.sections if s.level == 1][-11:]
    assert "年初结转和结余" in terms and "上年结转" not in terms


def test_contents_name_the_final_tables_without_department_and_year(final):
    from yusuan.writers.document import printed_document

    tables = [text for _, text, level in printed_document(final).contents if level == 2]
    assert tables[0] == "收入支出决算总表" and tables[-1] == "国有资本经营预算财政拨款支出决算表"
