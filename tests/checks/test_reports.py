"""Rendering a report: text grouped by table, JSON with exact amounts, one self-contained HTML page."""

import json
from decimal import Decimal

from yusuan.checks import Finding, Place, render_html, render_json, render_text, run_checks
from yusuan.checks.report.grouping import location

from .consistent import consistent


def _report():
    builder = consistent().set("general_expenditure", "2011301", "total", "61").without("state_capital_expenditure")
    return run_checks(builder.build())


def test_json_has_document_rules_and_findings_with_exact_amounts():
    data = json.loads(render_json(_report()))
    assert data["document"] == "built-for-test"
    assert {"id": "ARITH-ROW-SUM", "status": "failed"}.items() <= data["rules"][0].items()
    finding = next(f for f in data["findings"] if f["rule"] == "ARITH-ROW-SUM")
    assert set(finding) == {"rule", "severity", "message", "table", "code", "name", "column", "line", "page",
                            "where", "provided", "expected", "difference"}
    assert (finding["table"], finding["code"], finding["provided"], finding["expected"], finding["difference"]) == (
        "general_expenditure", "2011301", "61", "60", "1")


def test_json_of_several_documents_is_a_list():
    assert len(json.loads(render_json([_report(), _report()]))) == 2


def test_text_groups_findings_under_their_table():
    text = render_text(_report())
    groups: dict[str, str] = {}
    for line in text.splitlines():
        if " ─" in line:
            header = line.split(" ─")[0]
            groups[header] = ""
        elif groups:
            groups[header] += line + "\n"
    assert "ARITH-ROW-SUM" in groups["一般公共预算支出表"]
    assert "COMPLETE-TABLES" in groups["国有资本经营预算支出表"]
    assert "\x1b[" not in text


def test_text_can_be_colored():
    assert "\x1b[" in render_text(_report(), color=True)


def test_text_lists_rules_that_could_not_run():
    builder = consistent()
    builder.claims = []
    assert "无法检查的规则" in render_text(run_checks(builder.build()))


def test_html_is_one_self_contained_page_with_escaped_text():
    builder = consistent().rename("general_expenditure", "2011301", "<script>行政运行</script>")
    page = render_html(run_checks(builder.set("general_expenditure", "2011301", "total", "61").build()))
    assert page.startswith("<!DOCTYPE html>")
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "http" not in page
    assert "ARITH-ROW-SUM" in page


def test_the_numbers_of_a_finding_are_formatted_in_every_report():
    # an amount printed in 元 in a 万元 table (2,574.166644 万元 is 25,741,666.44 元): said in 元, never raw
    report = run_checks(consistent().set("general_expenditure", "2011301", "total", "2574.166644").build())
    row_sum = next(f for f in report.findings if f.rule == "ARITH-ROW-SUM")
    assert (row_sum.provided, row_sum.expected) == (Decimal("2574.166644"), Decimal("60"))
    page, text = render_html(report), render_text(report)
    assert "<span class='num'>25,741,666.44 元 / 60 万元 / 25,141,666.44 元</span>" in page
    assert "25,741,666.44 元" in text
    for shown in (page, text):
        assert "2574.166644" not in shown and "2,574.166644" not in shown and "Δ" not in shown


def test_a_finding_on_a_pdf_names_the_page_and_the_printed_row_not_the_line():
    on_pdf = Finding("…", Place(table="general_expenditure", code="2011301", name="行政运行", line=412, page=17))
    assert location(on_pdf) == "第 17 页「2011301 行政运行」"
    in_text = Finding("…", Place(table="general_expenditure", code="2011301", name="行政运行", line=12))
    assert location(in_text) == "第 12 行"
    narrative = Finding("…", Place(table="narrative", code="revenue_total", name="收入预算", line=40, page=3))
    assert location(narrative) == "第 3 页"


def _nothing_read(seed_path):
    """The example's 情况说明 without its tables (as when only the narrative was pasted): nothing to check tables on."""
    from yusuan.pipeline import parse_bytes

    narrative = "".join(seed_path.read_text(encoding="utf-8").splitlines(keepends=True)[:60])
    return run_checks(parse_bytes(narrative.encode(), "narrative.txt"))


def test_a_document_with_no_table_read_fails_and_says_so_in_every_report(seed_path):
    report = _nothing_read(seed_path)
    assert report.tables_read == 0 and report.count("error") == 0
    assert report.exit_code("error") == 1 and report.exit_code("warning") == 1 and report.exit_code("never") == 0
    data = json.loads(render_json(report))
    assert data["tables_read"] == 0 and data["counts"]["could_not_check"] > 20
    assert "未能从文件中识别出任何表格" in data["reading"]
    text = render_text(report)
    assert "未能读出" in text and "未发现问题" not in text
    assert "未能读出" in render_html(report)
    # the count of rules that could not check, in the summary line beside the failed ones, in every report
    unchecked = data["counts"]["could_not_check"]
    summary = text.splitlines()[1]
    assert summary.startswith("错误 0 · ") and "未通过 " in summary and f"无法检查 {unchecked}" in summary
    assert f"<span class='could_not_run'>无法检查 {unchecked}</span>" in render_html(report)


def test_a_document_whose_tables_were_read_has_no_reading_note():
    report = _report()
    assert report.tables_read >= 9 and report.reading_note is None
    assert json.loads(render_json(report))["reading"] is None
