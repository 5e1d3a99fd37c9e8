"""Cross-document checks: stated changes against the prior year's document, a final against its budget."""

from decimal import Decimal

from typer.testing import CliRunner

from yusuan import archiving
from yusuan.checks import FAMILIES
from yusuan.checks.engine.findings import RuleStatus
from yusuan.checks_xdoc import check_archived, check_disclosure, cross_document_rules
from yusuan.cli import app

from .builders import TONGNAN_JXW, budget, claim, tongnan_2023

PASSED, FAILED, NA, COULD_NOT = (RuleStatus.passed, RuleStatus.failed, RuleStatus.not_applicable,
                                 RuleStatus.could_not_run)


def statuses(report):
    return {r.rule.id: r.status for r in report.results}


def result(report, rule_id):
    return next(r for r in report.results if r.rule.id == rule_id)


def test_without_the_prior_year_the_checks_could_not_run_and_say_what_they_need(archive, seed_path):
    seed = archiving.add_file(archive, seed_path)
    report = check_archived(archive, seed.id)
    assert statuses(report) == {"XDOC-PRIOR-CHANGE": COULD_NOT, "XDOC-PRIOR-FIGURES": COULD_NOT,
                                "XDOC-FINAL-BUDGET": NA, "XDOC-FINAL-BUDGET-FIGURES": COULD_NOT}
    assert result(report, "XDOC-PRIOR-CHANGE").reason == (
        f"档案中没有{TONGNAN_JXW} 2023 年的部门预算，无法比较。请先用 yusuan db add 加入该文件。")
    assert report.findings == []


def test_a_consistent_prior_year_passes(archive, seed_path):
    seed = archiving.add_file(archive, seed_path)
    archiving.add(archive, tongnan_2023())
    report = check_archived(archive, seed.id)
    assert statuses(report)["XDOC-PRIOR-CHANGE"] == PASSED
    assert statuses(report)["XDOC-PRIOR-FIGURES"] == PASSED
    assert result(report, "XDOC-PRIOR-CHANGE").counterpart == "#2“tongnan-jxw-2023-budget.txt”（2023 年部门预算）"


def test_a_stated_change_that_the_prior_year_contradicts(archive, seed_path):
    seed = archiving.add_file(archive, seed_path)
    archiving.add(archive, tongnan_2023(reception="45", operating_cost="224.62"))  # the seed implies 公务接待费 43 in 2023
    report = check_archived(archive, seed.id)
    changes = result(report, "XDOC-PRIOR-CHANGE")
    assert changes.status == FAILED
    reception = next(f for f in changes.findings if f.place.code == "reception")
    assert reception.message == (
        "情况说明中“公务接待费”为 30.00 万元、比 2023 年减少 13.00 万元，即 2023 年为 43.00 万元；"
        "档案中 #2“tongnan-jxw-2023-budget.txt”（2023 年部门预算）所列为 45.00 万元，按此应比 2023 年减少 15.00 万元"
        "（相差 2.00 万元）。若比较的是调整后预算或执行数，请在说明中写明。")
    assert (reception.provided, reception.expected, reception.severity) == (Decimal("-13"), Decimal("-15.00"), "warning")
    # 三公 total moves with it (50.5 stated, 52.5 listed); nothing else does
    assert sorted(f.place.code for f in changes.findings if f.is_problem) == ["reception", "three_public_total"]
    # and the 2023 column of the seed's own 三公 table disagrees with the 2023 document too
    figures = result(report, "XDOC-PRIOR-FIGURES")
    assert figures.status == FAILED
    assert [f.message for f in figures.findings if f.place.name == "公务接待费"] == [
        "本文件「“三公”经费表」所列 2023 年公务接待费为 43.00 万元，与档案中 #2“tongnan-jxw-2023-budget.txt”"
        "（2023 年部门预算）所列 45.00 万元不一致（相差 2.00 万元）。若上年数采用调整后预算，请在表中注明。"]


def test_a_difference_within_the_last_printed_digit_is_no_finding(archive, seed_path):
    seed = archiving.add_file(archive, seed_path)
    archiving.add(archive, tongnan_2023(basic="1429.07"))  # 0.01 off what 1,379.35 + 49.71 gives
    report = check_archived(archive, seed.id)
    assert statuses(report)["XDOC-PRIOR-CHANGE"] == PASSED


def test_a_document_can_be_checked_before_it_is_added(archive, seed):
    archiving.add(archive, tongnan_2023(basic="1500.00"))
    report = check_disclosure(archive, seed)
    assert statuses(report)["XDOC-PRIOR-CHANGE"] == FAILED
    assert any("基本支出" in f.message and "按此应比 2023 年减少 120.65 万元" in f.message for f in report.findings)


def _final_2024(change: str) -> object:
    stated = claim("expenditure_total", "支出决算", "3900.00", 2024, change=change, direction="增加",
                   compared_year=2024, line=12)
    return budget(TONGNAN_JXW, 2024, basic="1400.00", project="2500.00", classes={}, kind="final", claims=[stated])


def test_a_final_against_its_budget(archive, seed_path):
    final = archiving.add(archive, _final_2024(change="94.65"))  # 3,805.35 in the budget + 94.65 = 3,900.00
    assert result(check_archived(archive, final.id), "XDOC-FINAL-BUDGET").status == COULD_NOT
    archiving.add_file(archive, seed_path)
    assert result(check_archived(archive, final.id), "XDOC-FINAL-BUDGET").status == PASSED
    wrong = archiving.add(archive, _final_2024(change="100"))
    checked = result(check_archived(archive, wrong.id), "XDOC-FINAL-BUDGET")
    assert checked.status == FAILED
    assert "按此应比 2024 年预算增加 94.65 万元" in checked.findings[0].message
    assert checked.findings[0].place.line == 12


def test_a_document_without_a_year_could_not_run(archive):
    undated = budget("重庆市潼南区某局", 2024, basic="1", project="1", classes={})
    undated.year = None
    report = check_disclosure(archive, undated)
    assert result(report, "XDOC-PRIOR-CHANGE").reason == "未识别到：年度"
    assert statuses(report)["XDOC-PRIOR-FIGURES"] == COULD_NOT


def test_changes_against_an_unnamed_year_are_never_assumed(archive, seed):
    archiving.add(archive, tongnan_2023(basic="1500.00"))
    unnamed = seed.model_copy(deep=True)
    for c in unnamed.narrative.claims:
        c.compared_year = None
    report = check_disclosure(archive, unnamed)
    assert statuses(report)["XDOC-PRIOR-CHANGE"] == NA


# -- the budget and the final of one year: the final's 年初预算数 against the budget ------------------

def _final_with_budget_line(reception_budget: str, kind_of_line: str = "2024年预算数"):
    """A 2024 final of the seed's department whose “三公” table prints the year's 预算数 line."""
    spent = {"total": "30.00", "overseas": "0", "vehicle": "5.00", "vehicle_purchase": "0",
             "vehicle_operation": "5.00", "reception": "25.00"}
    planned = {"total": str(Decimal(reception_budget) + Decimal("6.5")), "overseas": "0", "vehicle": "6.5",
               "vehicle_purchase": "0", "vehicle_operation": "6.5", "reception": reception_budget}
    return budget(TONGNAN_JXW, 2024, basic="1400.00", project="2400.00", classes={}, kind="final",
                  three_public={"2024": spent, kind_of_line: planned}, source_name="tongnan-jxw-2024-final.txt")


def test_a_final_without_its_budget_could_not_run_and_says_which_it_needs(archive):
    final = archiving.add(archive, _final_with_budget_line("30"))
    checked = result(check_archived(archive, final.id), "XDOC-FINAL-BUDGET-FIGURES")
    assert checked.status == COULD_NOT
    assert checked.reason == (f"档案中没有{TONGNAN_JXW} 2024 年的部门预算，无法比较。请先用 yusuan db add 加入该文件。")


def test_a_final_whose_budget_line_agrees_with_the_budget(archive, seed_path):
    archiving.add_file(archive, seed_path)  # the 2024 budget: “三公” 36.50, of which 公务接待费 30, 运行维护费 6.5
    final = archiving.add(archive, _final_with_budget_line("30"))
    checked = result(check_archived(archive, final.id), "XDOC-FINAL-BUDGET-FIGURES")
    assert checked.status == PASSED
    assert checked.counterpart.endswith("（2024 年部门预算）")


def test_a_final_whose_budget_line_contradicts_the_budget(archive, seed_path):
    archiving.add_file(archive, seed_path)
    final = archiving.add(archive, _final_with_budget_line("32"))  # the budget says 公务接待费 30
    checked = result(check_archived(archive, final.id), "XDOC-FINAL-BUDGET-FIGURES")
    assert checked.status == FAILED
    assert sorted(f.place.name for f in checked.findings if f.is_problem) == ["“三公”经费", "公务接待费"]
    reception = next(f for f in checked.findings if f.place.name == "公务接待费")
    assert (reception.provided, reception.expected, reception.severity) == (Decimal("32.00"), Decimal("30.00"), "warning")
    assert reception.message.startswith("本文件「“三公”经费表」所列 2024 年公务接待费预算数为 32.00 万元，与档案中 #1")


def test_the_budget_checked_against_the_final_of_its_year(archive, seed_path):
    seed = archiving.add_file(archive, seed_path)
    report = check_archived(archive, seed.id)
    assert result(report, "XDOC-FINAL-BUDGET-FIGURES").reason == (
        f"档案中没有{TONGNAN_JXW} 2024 年的部门决算，无法比较。请先用 yusuan db add 加入该文件。")
    archiving.add(archive, _final_with_budget_line("32"))
    checked = result(check_archived(archive, seed.id), "XDOC-FINAL-BUDGET-FIGURES")
    assert checked.status == FAILED
    reception = next(f for f in checked.findings if f.place.name == "公务接待费")
    assert (reception.provided, reception.expected) == (Decimal("30.00"), Decimal("32.00"))
    assert "而档案中 #2“tongnan-jxw-2024-final.txt”（2024 年部门决算）「“三公”经费表」所列年初预算数为 32.00 万元" \
        in reception.message


def test_a_final_that_prints_no_budget_line_is_not_applicable(archive, seed_path):
    archiving.add_file(archive, seed_path)
    final = archiving.add(archive, _final_with_budget_line("30", kind_of_line="2023"))  # the prior year, not the budget
    assert result(check_archived(archive, final.id), "XDOC-FINAL-BUDGET-FIGURES").status == NA


# -- the rules themselves ------------------------------------------------------------------------------

def test_the_cross_document_rules_are_declared_and_listed_like_the_others():
    rules = cross_document_rules()
    assert {r.id for r in rules} == {"XDOC-PRIOR-CHANGE", "XDOC-PRIOR-FIGURES", "XDOC-FINAL-BUDGET",
                                     "XDOC-FINAL-BUDGET-FIGURES"}
    assert all(r.family in FAMILIES and r.title and r.basis and r.counterpart is not None for r in rules)
    listed = CliRunner().invoke(app, ["rules"])
    assert listed.exit_code == 0
    assert all(r.id in listed.stdout for r in rules) and "ARITH-ROW-SUM" in listed.stdout
