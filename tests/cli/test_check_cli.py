import json

from typer.testing import CliRunner

from yusuan.cli import app

runner = CliRunner()


def test_check_exits_1_when_an_error_is_found(seed_path):
    # the seed has real errors (灾后重建 500 vs 400, periods outside 2024, a missing table)
    result = runner.invoke(app, ["check", str(seed_path)])
    assert result.exit_code == 1
    assert "PERF-FUND-MATCH" in result.stdout


def test_fail_on_never_exits_0(seed_path):
    assert runner.invoke(app, ["check", str(seed_path), "--fail-on", "never"]).exit_code == 0


def test_json_report_has_rules_and_located_findings(seed_path):
    result = runner.invoke(app, ["check", str(seed_path), "--format", "json"])
    report = json.loads(result.stdout)
    assert set(report) >= {"document", "rules", "findings"}
    assert {"id", "status"} <= set(report["rules"][0])
    fund = [f for f in report["findings"] if f["rule"] == "PERF-FUND-MATCH"]
    assert len(fund) == 1
    assert set(fund[0]) >= {"rule", "severity", "message", "table", "code", "name", "column", "line", "page",
                            "provided", "expected", "difference"}
    assert (fund[0]["provided"], fund[0]["expected"], fund[0]["difference"]) == ("500", "400.00", "100.00")
    assert fund[0]["line"] == 813  # the 灾后重建 performance table starts on source line 813


def test_html_report_is_one_page(seed_path, tmp_path):
    out = tmp_path / "report.html"
    result = runner.invoke(app, ["check", str(seed_path), "-f", "html", "-o", str(out), "--fail-on", "never"])
    assert result.exit_code == 0
    page = out.read_text("utf-8")
    assert page.startswith("<!DOCTYPE html>") and "PERF-FUND-MATCH" in page
    assert "<script src" not in page and "<link" not in page


def test_an_unreadable_document_exits_2_even_beside_a_readable_one(seed_path, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = runner.invoke(app, ["check", str(seed_path), str(empty), "--fail-on", "never"])
    assert result.exit_code == 2
    assert "文件是空的" in result.stderr


def test_bad_options_are_refused_with_a_message(seed_path):
    for args, message in ((["-f", "xml"], "不支持的报告格式"), (["--fail-on", "always"], "--fail-on"),
                          (["--tolerance", "-1"], "容差")):
        result = runner.invoke(app, ["check", str(seed_path), *args])
        assert result.exit_code == 2
        assert message in result.stderr


def test_rules_lists_every_rule():
    result = runner.invoke(app, ["rules"])
    assert result.exit_code == 0
    for rule_id in ("ARITH-ROW-SUM", "ROLLUP-FUNCTION", "XTAB-GENERAL-BASIC", "NARR-AMOUNT", "COMPLETE-TABLES",
                    "PERF-FUND-MATCH", "CODE-KNOWN", "HYGIENE-YEAR"):
        assert rule_id in result.stdout



# a web page holding one table of a disclosure (its lines as the example prints them), and the 目录 with the
# first two sections of a 情况说明
ONE_TABLE_PAGE = """<html><head><meta charset="utf-8"></head><body>
<h2>重庆市潼南区经济和信息化委员会一般公共预算财政拨款支出预算表</h2><p>单位：万元</p><table>
<tr><td>科目编码</td><td>科目名称</td><td>总计</td><td>基本支出</td><td>项目支出</td></tr>
<tr><td></td><td>合计</td><td>925.40</td><td>925.40</td><td></td></tr>
<tr><td>201</td><td>一般公共服务支出</td><td>925.40</td><td>925.40</td><td></td></tr>
<tr><td>20113</td><td>商贸事务</td><td>925.40</td><td>925.40</td><td></td></tr>
<tr><td>2011301</td><td>行政运行</td><td>357.87</td><td>357.87</td><td></td></tr>
<tr><td>2011350</td><td>事业运行</td><td>567.53</td><td>567.53</td><td></td></tr>
</table></body></html>"""
TWO_SECTIONS = """重庆市潼南区经济和信息化委员会2024年部门预算公开
目录
一、单位基本情况
二、部门收支总体情况
重庆市潼南区经济和信息化委员会 2024 年部门预算情况说明
一、单位基本情况
(一)职能职责
贯彻执行国家和重庆市关于工业和信息化的法律、法规、规章和方针、政策。
(二)单位构成
本单位由重庆市潼南区经济和信息化委员会本级构成。
"""


def test_a_part_of_a_disclosure_is_checked_not_refused(tmp_path):
    page, sections = tmp_path / "表.html", tmp_path / "情况说明.txt"
    page.write_text(ONE_TABLE_PAGE, encoding="utf-8")
    sections.write_text(TWO_SECTIONS, encoding="utf-8")
    for path in (page, sections):
        result = runner.invoke(app, ["check", str(path)])
        assert result.exit_code == 1, result.stdout  # checked (1: the missing parts are not checked), not refused (2)
        assert "只含部分内容：" in result.stdout and "缺少「" not in result.stdout
