"""Leaf facts -> Disclosure: every derived figure, checked against the seed document's printed tables."""

from decimal import Decimal as D

import pytest

from yusuan.checks import run_checks
from yusuan.compose import InconsistentFacts, derive

from .small import small


def _errors(disclosure):
    return [f"{f.rule}: {f.message}" for f in run_checks(disclosure).findings if f.severity == "error"]


def _value(disclosure, table_id, key, column, side=None):
    table = disclosure.tables[table_id]
    row = table.row(key, side) if key.isdigit() else table.item(key, side)
    return row.values.get(column)


def test_the_seeds_facts_pass_the_checker_with_no_error(derived):
    assert _errors(derived) == []


def test_a_department_with_a_government_fund_passes_the_checker_with_no_error():
    assert _errors(derive(small())) == []


def test_totals_and_roll_ups_equal_the_seeds_printed_tables(derived):
    # figures as printed in examples/tongnan-jxw-2024-budget.txt
    assert _value(derived, "summary", "general_budget", "total", "income") == D("3805.35")
    assert _value(derived, "summary", "grand_total", "total", "expenditure") == D("3805.35")
    assert _value(derived, "summary", "215", "total", "expenditure") == D("1100.00")
    assert _value(derived, "general_expenditure", "total", "basic") == D("1379.35")
    assert _value(derived, "general_expenditure", "total", "project") == D("2426.00")
    assert _value(derived, "general_expenditure", "201", "total") == D("2251.40")
    assert _value(derived, "general_expenditure", "20113", "basic") == D("925.40")
    assert _value(derived, "expenditure", "21508", "project") == D("700.00")
    assert _value(derived, "revenue", "2080599", "general_budget") == D("199.50")
    assert _value(derived, "fiscal_summary", "expenditure_total", "general_budget", "expenditure") == D("3805.35")


def test_a_lines_project_spending_is_the_sum_of_its_projects(derived):
    # 2011302 一般行政管理事务 is not typed at all: seven projects of 30+16+50+10+10+20+15
    assert _value(derived, "general_expenditure", "2011302", "project") == D("151.00")
    assert _value(derived, "general_expenditure", "2011302", "basic") is None


def test_basic_expenditure_splits_personnel_and_public_by_class(derived):
    assert _value(derived, "basic_expenditure", "301", "total") == D("945.83")
    assert _value(derived, "basic_expenditure", "302", "public") == D("215.95")
    assert _value(derived, "basic_expenditure", "303", "personnel") == D("217.57")
    assert _value(derived, "basic_expenditure", "total", "personnel") == D("1163.40")


def test_three_public_prints_both_years_with_their_subtotals(derived):
    rows = {r.name: r.values for r in derived.tables["three_public"].rows}
    assert rows["2023"]["total"] == D("50.50") and rows["2023"]["vehicle"] == D("7.50")
    assert rows["2024"]["total"] == D("36.50") and rows["2024"]["reception"] == D("30.00")
    assert rows["2024"]["overseas"] == D("0")  # printed as 0.00, not left blank


def test_project_list_subtotals_and_total(derived):
    total = derived.tables["project_expenditure"].item("total").values
    assert (total["amount"], total["specific_target"], total["superior_special"]) == (D("2426.00"), D("1726.00"), D("700.00"))


def test_targets_take_the_money_from_the_budget(derived):
    assert derived.performance_overall.fund == D("3805.35")
    # the seed prints 500 for this project; the project list says 400, and that is the budget
    disaster = next(t for t in derived.performance_projects if "灾后重建" in t.name)
    assert disaster.fund == D("400.00")
    assert [i.level1 for i in derived.performance_overall.indicators][:2] == ["产出指标", "产出指标"]


def test_an_empty_fund_table_is_printed_with_a_note(derived):
    table = derived.tables["gov_fund_expenditure"]
    assert table.is_empty and "空表" in table.note


def test_a_typed_project_figure_that_disagrees_with_the_projects_is_refused(facts):
    data = facts.model_dump()
    data["functional_lines"].append({"code": "2011302", "project": D("150.00")})  # the projects say 151.00
    with pytest.raises(InconsistentFacts) as raised:
        derive(type(facts).model_validate(data))
    assert "2011302" in raised.value.message and "151.00" in raised.value.message


def test_economic_lines_must_add_up_to_the_basic_spending(facts):
    data = facts.model_dump()
    data["economic_lines"][0]["amount"] = D("200.00")  # 30101 was 218.13
    with pytest.raises(InconsistentFacts) as raised:
        derive(type(facts).model_validate(data))
    assert "1,361.22" in raised.value.message and "1,379.35" in raised.value.message


def test_a_project_without_targets_is_refused():
    facts = small(performance={"projects": []})
    with pytest.raises(InconsistentFacts) as raised:
        derive(facts)
    assert "办公系统运维" in raised.value.message and "绩效目标" in raised.value.message


def test_a_target_period_outside_the_budget_year_is_refused():
    from .small import INDICATORS

    targets = [{"project": "50010125T000000000001", "target": "x", "start": "2024-11-01", "indicators": INDICATORS},
               {"project": "50010125T000000000002", "target": "x", "indicators": INDICATORS}]
    with pytest.raises(InconsistentFacts) as raised:
        derive(small(performance={"projects": targets}))
    assert "2025 预算年度" in raised.value.message


def test_basic_economic_lines_above_the_three_public_item_are_refused():
    lines = [{"code": "30101", "amount": "50"}, {"code": "30108", "amount": "10"}, {"code": "30201", "amount": "4"},
             {"code": "30217", "amount": "6"}]  # 公务接待费 6 in basic spending, but 三公 reception is 3
    with pytest.raises(InconsistentFacts) as raised:
        derive(small(economic_lines=lines))
    assert "30217" in raised.value.message


def test_the_tables_unit_is_yuan_or_wanyuan(facts):
    from pydantic import ValidationError

    from yusuan.compose.facts import BudgetInput

    data = facts.model_dump(mode="json")
    with pytest.raises(ValidationError, match="金额单位应为万元或元"):
        BudgetInput.model_validate({**data, "unit": "亿元"})  # only a narrative sentence prints 亿元
    assert BudgetInput.model_validate({**data, "unit": "元"}).unit.value == "元"
