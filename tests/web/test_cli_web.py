"""`yusuan serve`: its options become the app's settings; bad values and a busy archive are one message."""

from __future__ import annotations

import typer
import uvicorn
from typer.testing import CliRunner

from yusuan.archive import Archive
from yusuan.cli_web import serve

runner = CliRunner()


def _app() -> typer.Typer:
    app = typer.Typer()
    app.command()(serve)
    app.command("other")(lambda: None)  # two commands: typer then expects the command's name
    return app


def test_options_become_settings(monkeypatch, tmp_path):
    started = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: started.update(app=app, **options))
    db = tmp_path / "a.duckdb"
    result = runner.invoke(_app(), ["serve", "--db", str(db), "--port", "8123", "--max-file-mb", "5",
                                    "--max-pages", "40", "--workers", "3", "--parse-timeout", "30"])
    assert result.exit_code == 0, result.output
    assert started["port"] == 8123 and started["host"] == "127.0.0.1"
    assert "http://127.0.0.1:8123/" in result.output
    assert db.exists()  # opened (and created) once before serving


def test_bad_values_are_refused(tmp_path):
    result = runner.invoke(_app(), ["serve", "--db", str(tmp_path / "a.duckdb"), "--workers", "0"])
    assert result.exit_code == 2 and "须为正数" in result.output


def test_a_busy_archive_is_one_message(tmp_path):
    db = tmp_path / "a.duckdb"
    with Archive.open(db):
        result = runner.invoke(_app(), ["serve", "--db", str(db), "--wait", "0.2"])
    assert result.exit_code == 2 and "正被其他程序使用" in result.output and "Traceback" not in result.output
