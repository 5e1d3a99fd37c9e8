"""yusuan template / render as the lead registers them: files written whole or not at all."""

import typer
from typer.testing import CliRunner

from yusuan.cli.render import render, template

from example_files import EXAMPLE_XLSX, EXAMPLE_YAML, ROOT

app = typer.Typer()
app.command()(render)
app.command()(template)
runner = CliRunner()


def test_the_filled_example_workbook_renders_to_all_four_formats_in_one_command(tmp_path):
    result = runner.invoke(app, ["render", str(EXAMPLE_XLSX), "--to", "html", "--to", "pdf", "--to", "docx",
                                 "--to", "xlsx", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    for fmt in ("html", "pdf", "docx", "xlsx"):
        assert (tmp_path / f"budget-input.{fmt}").stat().st_size > 10_000
    assert "0 个错误" in result.output


def test_from_parsed_rerenders_a_published_document(tmp_path):
    out = tmp_path / "seed.xlsx"
    result = runner.invoke(app, ["render", str(ROOT / "examples" / "tongnan-jxw-2024-budget.txt"), "--from-parsed",
                                 "--to", "xlsx", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.exists()


def test_template_writes_the_input_workbook(tmp_path):
    result = runner.invoke(app, ["template", "-o", str(tmp_path / "budget.xlsx")])
    assert result.exit_code == 0 and (tmp_path / "budget.xlsx").exists()


def test_bad_input_is_one_chinese_message_and_no_file(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(EXAMPLE_YAML.read_text("utf-8").replace("year: 2024", "year: 二〇二四"), "utf-8")
    result = runner.invoke(app, ["render", str(bad), "--to", "html", "-o", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "year" in result.output and "不是整数" in result.output
    assert not (tmp_path / "out").exists()


def test_a_failure_while_rendering_leaves_no_file_behind(tmp_path, monkeypatch):
    from yusuan.writers import registry

    real = registry.render

    def failing(disclosure, fmt):
        if fmt == "docx":
            raise OSError(28, "No space left on device")
        return real(disclosure, fmt)

    monkeypatch.setattr(registry, "render", failing)
    result = runner.invoke(app, ["render", str(EXAMPLE_YAML), "--to", "html", "--to", "docx", "-o", str(tmp_path)])
    assert result.exit_code != 0
    assert list(tmp_path.iterdir()) == []


def test_unknown_format_is_refused(tmp_path):
    result = runner.invoke(app, ["render", str(EXAMPLE_YAML), "--to", "odt", "-o", str(tmp_path)])
    assert result.exit_code == 2 and "odt" in result.output


def test_template_writes_the_final_workbook(tmp_path):
    result = runner.invoke(app, ["template", "--kind", "决算", "-o", str(tmp_path / "final.xlsx")])
    assert result.exit_code == 0 and (tmp_path / "final.xlsx").exists()
    assert "决算输入模板" in result.output


def test_template_refuses_an_unknown_kind(tmp_path):
    result = runner.invoke(app, ["template", "--kind", "季报", "-o", str(tmp_path / "x.xlsx")])
    assert result.exit_code == 2 and "请写“预算”或“决算”" in result.output
    assert not (tmp_path / "x.xlsx").exists()
