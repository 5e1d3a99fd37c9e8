"""`yusuan synth` and `yusuan batch` as a person runs them (registered here as the lead registers them)."""

import typer
from typer.testing import CliRunner

from yusuan.cli.batch import batch, synth

app = typer.Typer()
app.command()(batch)
app.command()(synth)


def test_synth_then_batch_prints_a_summary_and_exits_0(tmp_path):
    runner = CliRunner()
    made = runner.invoke(app, ["synth", "3", "--out", str(tmp_path / "in"), "--seed", "2", "--errors", "0.5"])
    assert made.exit_code == 0, made.output
    assert "manifest.jsonl" in made.output
    done = runner.invoke(app, ["batch", str(tmp_path / "in"), "--db", str(tmp_path / "a.duckdb"), "-w", "1", "-q"])
    assert done.exit_code == 0, done.output
    assert "新加入档案" in done.output and "3" in done.output


def test_batch_without_paths_says_what_to_give(tmp_path):
    result = CliRunner().invoke(app, ["batch", "--db", str(tmp_path / "a.duckdb")])
    assert result.exit_code == 2


def test_synth_refuses_an_unknown_format(tmp_path):
    result = CliRunner().invoke(app, ["synth", "1", "--out", str(tmp_path), "--formats", "txt,odt"])
    assert result.exit_code == 2
