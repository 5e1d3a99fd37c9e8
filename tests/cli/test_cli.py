import csv
import hashlib
import io
import json
import subprocess
import sys

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from yusuan.cli import app

runner = CliRunner()


def test_parse_prints_the_model_as_json(seed_path):
    result = runner.invoke(app, ["parse", str(seed_path)])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["department"] == "重庆市潼南区经济和信息化委员会"
    assert data["tables"]["expenditure"]["rows"][0]["values"]["total"] == "3805.35"


def test_export_csv_has_exactly_the_tidy_columns(seed_path):
    result = runner.invoke(app, ["export", str(seed_path), "--format", "csv"])
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0]) == ["department", "year", "kind", "scope", "document", "table", "page", "row", "code",
                             "name", "column", "amount", "unit"]
    # 部门支出总表, second row (201 一般公共服务支出), 基本支出: 925.40 万元 as printed
    match = [r for r in rows if r["table"] == "expenditure" and r["code"] == "201" and r["column"] == "basic"]
    assert match == [{
        "department": "重庆市潼南区经济和信息化委员会", "year": "2024", "kind": "budget", "scope": "部门",
        "document": hashlib.sha256(seed_path.read_bytes()).hexdigest(), "table": "expenditure", "page": "",
        "row": "2", "code": "201", "name": "一般公共服务支出", "column": "basic", "amount": "925.40", "unit": "万元",
    }]
    # amounts are plain decimals without separators
    assert all("," not in r["amount"] for r in rows)


def test_two_files_of_one_department_and_year_stay_apart_in_one_export(seed_path, tmp_path):
    # the same disclosure saved twice (as a PDF and its text would be): same department, year, kind, scope
    copy = tmp_path / "again.txt"
    copy.write_bytes(seed_path.read_bytes() + b"\n")
    result = runner.invoke(app, ["export", str(seed_path), str(copy)])
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    cell = [r for r in rows if r["table"] == "expenditure" and r["code"] == "201" and r["column"] == "basic"]
    assert [r["amount"] for r in cell] == ["925.40", "925.40"]
    assert {r["document"] for r in cell} == {hashlib.sha256(p.read_bytes()).hexdigest() for p in (seed_path, copy)}


def test_export_json_and_parquet_agree_with_csv(seed_path, tmp_path):
    as_csv = list(csv.DictReader(io.StringIO(runner.invoke(app, ["export", str(seed_path)]).stdout)))
    as_json = json.loads(runner.invoke(app, ["export", str(seed_path), "-f", "json"]).stdout)
    out = tmp_path / "lines.parquet"
    assert runner.invoke(app, ["export", str(seed_path), "-f", "parquet", "-o", str(out)]).exit_code == 0
    as_parquet = pq.read_table(out).to_pylist()
    assert len(as_csv) == len(as_json) == len(as_parquet)
    assert [r["amount"] for r in as_csv] == [r["amount"] for r in as_json] == [r["amount"] for r in as_parquet]


def test_schema_is_a_json_schema_of_the_disclosure():
    result = runner.invoke(app, ["schema"])
    schema = json.loads(result.stdout)
    assert schema["title"] == "Disclosure"
    assert "tables" in schema["properties"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "文件是空的"),
        (bytes(range(256)) * 8, "二进制"),
        ("这是一封普通的信，没有任何预算表格。\n祝好。\n".encode(), "没有找到预算或决算公开"),
    ],
)
def test_bad_input_gives_one_message_and_exit_2(tmp_path, content, message):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    proc = subprocess.run([sys.executable, "-m", "yusuan", "parse", str(bad)], capture_output=True, text=True)
    assert proc.returncode == 2
    assert message in proc.stderr
    assert "Traceback" not in proc.stderr
    assert proc.stdout == ""


def test_missing_file_and_bad_format_option(tmp_path, seed_path):
    missing = runner.invoke(app, ["parse", str(tmp_path / "nope.txt")])
    assert missing.exit_code == 2
    assert "找不到文件" in missing.stderr
    wrong = runner.invoke(app, ["export", str(seed_path), "-f", "xml"])
    assert wrong.exit_code == 2
    assert "不支持的导出格式" in wrong.stderr


def test_failed_export_leaves_no_file(tmp_path):
    out = tmp_path / "lines.csv"
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = runner.invoke(app, ["export", str(empty), "-o", str(out)])
    assert result.exit_code == 2
    assert not out.exists()
    assert list(tmp_path.iterdir()) == [empty]


def test_a_truncated_document_parses_what_is_there_and_says_what_is_missing(seed_path, tmp_path):
    lines = seed_path.read_text(encoding="utf-8").splitlines()
    cut = tmp_path / "cut.txt"
    # cut in the middle of 部门收入总表 (source line 290), before 部门支出总表 and the project list
    cut.write_text("\n".join(lines[:290]), encoding="utf-8")
    result = runner.invoke(app, ["parse", str(cut)])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert {"fiscal_summary", "general_expenditure", "summary", "revenue"} <= set(data["tables"])
    assert "expenditure" not in data["tables"]
    assert "未找到" in result.stderr and "部门支出总表" not in result.stderr and "支出总表" in result.stderr


def test_a_text_about_budgets_that_is_no_disclosure_is_refused(seed_path):
    readme = seed_path.parents[1] / "README.md"  # mentions every table name, prints no table
    result = runner.invoke(app, ["parse", str(readme)])
    assert result.exit_code == 2
    assert "没有找到预算或决算公开" in result.stderr


def test_the_command_line_loads_no_model_reader_or_check_until_a_command_needs_it():
    # `yusuan --version`, `--help` and a mistyped option answer without loading pydantic, the readers or DuckDB
    code = ("import sys, yusuan.cli; print(' '.join(sorted(m for m in sys.modules if m.startswith("
            "('yusuan.model', 'yusuan.readers', 'yusuan.checks', 'yusuan.recognize', 'pydantic', 'duckdb', "
            "'pdfplumber', 'pypdfium2')))))")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert loaded == []
