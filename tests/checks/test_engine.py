"""The engine: statuses decided from what a rule needs, severities, the report, the tolerance."""

from decimal import Decimal

import pytest

from yusuan.checks import all_rules, run_checks
from yusuan.checks.engine.findings import Finding, Place, RuleStatus
from yusuan.checks.engine.registry import Condition, Rule, rule, run_rules
from yusuan.checks.engine.tolerance import Verdict, close, judge, rounding_allowance

from .builder import assert_passes, doc, result_of
from .consistent import consistent


def test_every_rule_passes_or_does_not_apply_on_the_consistent_document():
    report = run_checks(consistent().build())
    # a rule for another kind of document (决算 only) does not apply to this budget
    other_kind = {r.rule.id for r in report.results if r.rule.applies is not None and r.rule.applies.first}
    assert {r.rule.id: r.status for r in report.results if r.status != RuleStatus.passed
            and not (r.rule.id in other_kind and r.status == RuleStatus.not_applicable)} == {}
    assert report.findings == []


def test_a_rule_whose_table_is_missing_could_not_run_and_is_not_counted_as_passed():
    result = result_of(consistent().without("basic_expenditure"), "ARITH-PERSONNEL-PUBLIC")
    assert result.status == RuleStatus.could_not_run
    assert "一般公共预算基本支出表" in result.reason


def test_any_of_several_tables_is_enough():
    assert_passes(consistent().without("expenditure", "gov_fund_expenditure", "state_capital_expenditure"),
                  "ARITH-ROW-SUM")
    result = result_of(doc().table("summary", income=[("general_budget", "一般公共预算拨款收入", {"total": "1"})]),
                       "ARITH-ROW-SUM")
    assert result.status == RuleStatus.could_not_run


def test_a_rule_that_does_not_apply_says_when_it_would():
    builder = consistent().add_row("summary", ("operating", "事业收入", {"total": "5"}), side="income")
    result = result_of(builder, "XTAB-FUNCTION-SCOPES")
    assert result.status == RuleStatus.not_applicable
    assert result.reason == "仅当部门收入全部为一般公共预算拨款时适用"


def _adhoc(check, severity="error") -> Rule:
    return Rule("TEST-ADHOC", "hygiene", severity, "测试", "测试", (), None, check)


def test_a_broken_rule_could_not_run_and_the_others_still_run():
    def broken(_doc):
        raise ZeroDivisionError("boom")

    report = run_rules(consistent().build(), [_adhoc(broken), *all_rules()[:3]])
    assert report.results[0].status == RuleStatus.could_not_run
    assert report.results[0].reason.startswith("规则执行出错：ZeroDivisionError")
    assert all(r.status == RuleStatus.passed for r in report.results[1:])


def test_findings_take_the_rule_id_and_its_severity_unless_they_set_their_own():
    def two(_doc):
        yield Finding.at(Place(table="summary"), "默认级别")
        yield Finding.at(Place(table="summary"), "只是提示", "info")

    result = run_rules(doc().build(), [_adhoc(two, "warning")]).results[0]
    assert [(f.rule, f.severity) for f in result.findings] == [("TEST-ADHOC", "warning"), ("TEST-ADHOC", "info")]
    assert result.status == RuleStatus.failed


def test_info_findings_alone_leave_a_rule_passed():
    def note(_doc):
        yield Finding.at(Place(), "舍入差异", "info")

    assert run_rules(doc().build(), [_adhoc(note)]).results[0].status == RuleStatus.passed


def test_a_rule_id_is_registered_once():
    with pytest.raises(ValueError):
        rule(id="ARITH-ROW-SUM", family="arithmetic", severity="error", title="", basis="")(lambda d: ())


def test_needs_can_be_a_named_condition():
    condition = Condition("某个条件", lambda d: False)
    result = run_rules(doc().build(), [Rule("TEST-ADHOC", "hygiene", "error", "", "", (condition,), None,
                                            lambda d: ())]).results[0]
    assert (result.status, result.reason) == (RuleStatus.could_not_run, "未识别到：某个条件")


def test_exit_code_follows_fail_on():
    clean = run_checks(consistent().build())
    warned = run_checks(consistent().set("basic_expenditure", "30113", "total", "9").build(), rules=[
        r for r in all_rules() if r.id == "XTAB-ECONOMIC-MIRROR"])
    assert clean.exit_code("error") == 0 and clean.exit_code("warning") == 0
    assert warned.exit_code("error") == 0
    assert warned.exit_code("warning") == 1
    assert warned.exit_code("never") == 0


def test_tolerance_and_rounding_allowance():
    assert close(Decimal("10.00"), Decimal("10.01"))
    assert not close(Decimal("10.00"), Decimal("10.02"))
    assert rounding_allowance(6) == Decimal("0.03")
    assert judge(Decimal("10.00"), Decimal("10.01"), 2) == Verdict.equal
    assert judge(Decimal("10.00"), Decimal("10.03"), 6) == Verdict.rounding
    assert judge(Decimal("10.00"), Decimal("10.04"), 6) == Verdict.mismatch


def _five_sections(parent_total: str):
    rows = [("total", "合计", {"total": parent_total}), ("201", "一般公共服务支出", {"total": parent_total})]
    rows += [(f"201{i:02d}", name, {"total": "1.11"}) for i, name in
             enumerate(["人大事务", "政协事务", "政府办公厅（室）及相关机构事务", "发展与改革事务", "统计信息事务"], 1)]
    return doc().table("expenditure", rows)


def test_a_difference_rounding_can_explain_is_info_not_error():
    # 5 parts of 1.11 add up to 5.55; a printed 5.57 is within (1 + 5) / 2 units of 0.01
    result = result_of(_five_sections("5.57"), "ROLLUP-FUNCTION")
    assert result.status == RuleStatus.passed
    [finding] = result.findings
    assert finding.severity == "info"
    assert "舍入" in finding.message
    assert finding.difference == Decimal("0.02")


def test_a_larger_difference_is_an_error():
    result = result_of(_five_sections("5.59"), "ROLLUP-FUNCTION")
    assert [f.severity for f in result.findings] == ["error"]


def test_tolerance_is_configurable():
    builder = consistent().set("general_expenditure", "2011301", "total", "60.5")
    assert result_of(builder, "ARITH-ROW-SUM").status == RuleStatus.failed
    report = run_checks(builder.build(), tolerance=Decimal("1"), rules=[
        r for r in all_rules() if r.id == "ARITH-ROW-SUM"])
    assert report.results[0].status == RuleStatus.passed


def test_rules_on_what_only_a_budget_publishes_do_not_apply_to_a_final_account_lacking_it():
    from yusuan.checks import run_checks
    from yusuan.model import Disclosure, Table, Unit

    def statuses(kind: str) -> dict[str, str]:
        disclosure = Disclosure(kind=kind, year=2024)
        disclosure.tables["summary"] = Table(id="summary", title="收支总表", unit=Unit.wanyuan)
        results = run_checks(disclosure).results
        return {r.rule.id: (r.status.value, r.reason) for r in results}

    final, budget = statuses("final"), statuses("budget")
    assert final["PERF-CATEGORIES"] == ("not_applicable", "决算公开不含绩效目标表")
    assert final["ROLLUP-PROJECT-LIST"] == ("not_applicable", "决算公开不含项目支出表")
    assert budget["PERF-CATEGORIES"][0] == budget["ROLLUP-PROJECT-LIST"][0] == "could_not_run"
    # a need a 决算 also has is still reported as missing
    assert final["XTAB-GENERAL-BASIC"][0] == "could_not_run"
