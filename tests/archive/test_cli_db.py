"""`yusuan db ...` and `yusuan compare` as a person uses them (the sub-app registered as cli.py will)."""

import csv
import io
import json
import os
import re
import stat

import pytest
import typer
from typer.testing import CliRunner

from yusuan.cli import main
from yusuan.cli.db import compare, db_app

from .builders import TONGNAN_JXW

runner = CliRunner()


@pytest.fixture
def app():
    app = typer.Typer()
    app.callback()(main)
    app.add_typer(db_app, name="db")
    app.command()(compare)
    return app


@pytest.fixture
def env(tmp_path):
    return {"YUSUAN_DB": str(tmp_path / "cli.duckdb"), "COLUMNS": "200"}


def test_add_twice_and_a_missing_file(app, env, seed_path, tmp_path):
    first = runner.invoke(app, ["db", "add", str(seed_path)], env=env)
    assert first.exit_code == 0, first.output
    assert "已加入" in first.stdout and TONGNAN_JXW in first.stdout
    assert "无法检查 3" in first.stdout  # no 2023 budget, no 2024 final yet: the cross-document checks say so
    again = runner.invoke(app, ["db", "add", str(seed_path), str(tmp_path / "无.txt")], env=env)
    assert again.exit_code == 2
    assert "已在档案中" in again.stdout and "未加入：找不到文件" in again.stdout
    listed = runner.invoke(app, ["db", "ls"], env=env)
    assert listed.exit_code == 0 and "共 1 份" in listed.stdout and "重庆市潼南区" in listed.stdout


def test_show_query_and_export(app, env, seed_path, tmp_path):
    runner.invoke(app, ["db", "add", str(seed_path)], env=env)
    shown = runner.invoke(app, ["db", "show", "1"], env=env)
    assert shown.exit_code == 0, shown.output
    assert "部门支出总表" in shown.stdout and "跨文件检查" in shown.stdout and "XDOC-PRIOR-CHANGE" in shown.stdout
    assert "档案中没有重庆市潼南区经济和信息化委员会 2023 年的部门预算" in shown.stdout
    sql = """SELECT amount FROM tidy_lines WHERE "table" = 'expenditure' AND code = '201' AND "column" = 'basic'"""
    as_csv = runner.invoke(app, ["db", "query", sql, "-f", "csv"], env=env)
    assert list(csv.reader(io.StringIO(as_csv.stdout))) == [["amount"], ["925.4000"]]
    as_json = runner.invoke(app, ["db", "query", sql, "-f", "json"], env=env)
    assert json.loads(as_json.stdout) == [{"amount": "925.4000"}]
    refused = runner.invoke(app, ["db", "query", "DROP TABLE lines"], env=env)
    assert refused.exit_code == 2 and "查询出错" in refused.output
    exported = runner.invoke(app, ["db", "export", "-f", "datapackage", "-o", str(tmp_path / "pkg")], env=env)
    assert exported.exit_code == 0 and (tmp_path / "pkg" / "datapackage.json").exists()


def test_show_names_where_each_finding_is(app, env, seed_path):
    runner.invoke(app, ["db", "add", str(seed_path)], env=env)
    shown = runner.invoke(app, ["db", "show", "1", "--all"], env=env).stdout.replace("\n", "")
    # line 223 of the seed: the 收支总表's title with the department misnamed (重庆市潼南经济和信息化委员会)
    assert re.search(r"HYGIENE-DEPARTMENT +收支总表标题中的部门名称.*?（第 223 行）", shown)


def test_a_finding_on_a_pdf_is_shown_at_its_page_and_printed_row():
    from yusuan.archive.listing import _finding_line

    line = _finding_line({"severity": "error", "rule": "ARITH-ROW-SUM", "message": "…", "table": "expenditure",
                          "code": "2011301", "name": "行政运行", "line": 412, "page": 2})
    assert line.where == "第 2 页「2011301 行政运行」"


def test_an_exported_folder_gets_the_usual_mode(app, env, seed_path, tmp_path):
    runner.invoke(app, ["db", "add", str(seed_path)], env=env)
    previous = os.umask(0o022)
    try:
        exported = runner.invoke(app, ["db", "export", "-o", str(tmp_path / "out")], env=env)
    finally:
        os.umask(previous)
    assert exported.exit_code == 0, exported.output
    assert stat.S_IMODE((tmp_path / "out").stat().st_mode) == 0o755  # not the 0700 of a private temp folder
    assert stat.S_IMODE((tmp_path / "out" / "documents.parquet").stat().st_mode) == 0o644


def test_missing_archive_and_unknown_document_are_one_message(app, env):
    missing = runner.invoke(app, ["db", "ls"], env=env)
    assert missing.exit_code == 2 and "找不到档案" in missing.output and "Traceback" not in missing.output


def test_compare_prints_tables_and_writes_charts(app, env, seed_path, tmp_path):
    runner.invoke(app, ["db", "add", str(seed_path)], env=env)
    by_region = runner.invoke(app, ["compare", "--region", "重庆市潼南区", "--year", "2024", "--charts",
                                    str(tmp_path / "charts")], env=env)
    assert by_region.exit_code == 0, by_region.output
    assert "经济和信息化委员会" in by_region.stdout and "36.50" in by_region.stdout
    assert sorted(p.name for p in (tmp_path / "charts").iterdir()) == [
        "basic_project.svg", "functional.svg", "operating_cost.svg", "three_public.svg"]
    no_year = runner.invoke(app, ["compare", "--region", "重庆市潼南区"], env=env)
    assert no_year.exit_code == 2 and "--year" in no_year.output
