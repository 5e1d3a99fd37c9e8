"""One cause, one finding; places a reader can find (checks/engine/dedup.py, applied by run_checks)."""

from decimal import Decimal

from yusuan.checks import Finding, Place, run_checks
from yusuan.checks.engine.dedup import line_pages, tidy
from yusuan.checks.engine.findings import Report, RuleResult, RuleStatus
from yusuan.checks.engine.registry import registered_rules
from yusuan.model import Source

from .consistent import consistent


def _report(*findings_by_rule: tuple[str, list[Finding]]) -> Report:
    rules = {r.id: r for r in registered_rules()}
    results = []
    for rule_id, findings in findings_by_rule:
        for finding in findings:
            finding.rule = rule_id
        results.append(RuleResult(rules[rule_id], RuleStatus.failed, findings))
    return Report("x.pdf", "某市测试局", 2024, "万元", results)


def test_a_blank_total_is_told_by_one_rule_though_two_see_it():
    # 收入总计 left blank: it fails the summary's balance and the agreement with the revenue table
    report = run_checks(consistent().set("summary", "grand_total", "total", "", side="income").build())
    problems = [f for f in report.findings if f.is_problem]
    assert {f.rule for f in problems} == {"ARITH-SUMMARY-BALANCE"}
    assert any("XTAB-SUMMARY-REVENUE" in f.message for f in problems)
    revenue = next(r for r in report.results if r.rule.id == "XTAB-SUMMARY-REVENUE")
    assert revenue.findings == [] and revenue.reason == "同一问题已由其他规则报告"


def test_one_rule_comparing_a_cell_with_two_things_says_both():
    report = run_checks(consistent().set("summary", "grand_total", "total", "124", side="income").build())
    balance = next(r for r in report.results if r.rule.id == "ARITH-SUMMARY-BALANCE")
    assert len(balance.findings) == 2


def test_the_same_message_on_several_pages_is_told_once_naming_the_pages():
    # a header line repeated on each page of a table, read as a row each time
    message = "支出总表「**」为 1 万元，与本行基本支出与项目支出之和 7 万元不一致（相差 6 万元）。"
    findings = [Finding(message, Place(table="expenditure", name="**", line=line, page=page), "error")
                for line, page in ((296, 29), (321, 30), (346, 31))]
    report = _report(("ARITH-ROW-SUM", findings))
    tidy(report, consistent().build())
    [finding] = report.findings
    assert finding.place.page == 29
    assert finding.message.endswith("（另见第 30、31 页）")


def test_the_kept_finding_takes_the_higher_severity():
    place = Place(table="basic_expenditure", name="合计", column="personnel", line=200, page=18)
    first = Finding("「合计」人员经费与各类之和不一致。", place, "warning", provided=Decimal(0), expected=Decimal(5))
    second = Finding("「合计」人员经费与工资福利支出等之和不一致。", place, "error", provided=Decimal(0),
                     expected=Decimal(5))
    report = _report(("ROLLUP-PERSONNEL-CLASSES", [first]), ("ROLLUP-TOTAL", [second]))
    tidy(report, consistent().build())
    [finding] = report.findings
    assert finding.severity == "error" and "ROLLUP-TOTAL" in finding.message


def test_a_finding_on_a_pdf_gets_the_page_of_its_line_and_its_message_names_pages():
    disclosure = consistent().build()
    table = disclosure.tables["general_expenditure"]
    table.rows[1] = table.rows[1].model_copy(update={"source": Source(line=64, page=8)})
    assert line_pages(disclosure) == {64: 8}
    finding = Finding("与第 64 行所述“支出预算” 5 万元不一致。", Place(table="narrative", line=66), "warning")
    report = _report(("NARR-SAME-SUBJECT", [finding]))
    tidy(report, disclosure)
    assert finding.place.page == 8
    assert finding.message == "与第 8 页所述“支出预算” 5 万元不一致。"


def test_a_text_input_keeps_its_lines():
    finding = Finding("与第 64 行所述“支出预算” 5 万元不一致。", Place(table="narrative", line=66), "warning")
    report = _report(("NARR-SAME-SUBJECT", [finding]))
    tidy(report, consistent().build())
    assert finding.place.page is None and "第 64 行" in finding.message
