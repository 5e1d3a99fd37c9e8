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
