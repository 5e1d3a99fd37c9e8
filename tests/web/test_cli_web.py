"""`yusuan serve`: its options become the app's settings; bad values and a busy archive are one message."""

from __future__ import annotations

import typer
import uvicorn
from typer.testing import CliRunner

from yusuan.archive import Archive
from yusuan.cli.web import serve

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


ADMIN = "admin-token-0123456789abcdef"
READ = "read-token-0123456789abcdef"


def _settings_of(monkeypatch, tmp_path, *args, env=None) -> tuple:
    started = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: started.update(app=app, **options))
    result = runner.invoke(_app(), ["serve", "--db", str(tmp_path / "a.duckdb"), *args], env=env or {})
    return result, started


def test_tokens_from_options_the_environment_and_a_file(monkeypatch, tmp_path):
    result, started = _settings_of(monkeypatch, tmp_path, "--read-token", READ, env={"YUSUAN_TOKEN": ADMIN})
    assert result.exit_code == 0, result.output
    tokens = started["app"].state.tokens
    assert tokens.role(ADMIN) == "admin" and tokens.role(READ) == "read" and "已启用令牌" in result.output

    listed = tmp_path / "tokens.txt"
    listed.write_text(f"# 令牌\nadmin {ADMIN}\n\nread {READ}\nread {READ}x\n", encoding="utf-8")
    result, started = _settings_of(monkeypatch, tmp_path, "--token-file", str(listed), "--public-read",
                                   "--upload-rate", "5", "--upload-window", "10")
    assert result.exit_code == 0, result.output
    assert started["app"].state.tokens.role(READ + "x") == "read"


def test_bad_tokens_and_limits_are_one_message(monkeypatch, tmp_path):
    for args, words in ((["--token", "short"], "令牌须为 16 至 200 个字符"),
                        (["--token-file", str(tmp_path / "missing.txt")], "无法读取令牌文件"),
                        (["--public-read"], "只在设置了令牌"),
                        (["--upload-rate", "-1"], "上传频率限制")):
        result, started = _settings_of(monkeypatch, tmp_path, *args)
        assert result.exit_code == 2 and words in result.output.replace("\n", ""), args
        assert "Traceback" not in result.output
        assert not started
    wrong = tmp_path / "wrong.txt"
    wrong.write_text(f"owner {ADMIN}\n", encoding="utf-8")
    result, _ = _settings_of(monkeypatch, tmp_path, "--token-file", str(wrong))
    assert result.exit_code == 2 and "第 1 行" in result.output


def test_serving_beyond_this_machine_without_tokens_warns(monkeypatch, tmp_path):
    result, started = _settings_of(monkeypatch, tmp_path, "--host", "0.0.0.0")
    assert result.exit_code == 0 and started["host"] == "0.0.0.0"
    assert "未设置令牌" in result.output.replace("\n", "") and "YUSUAN_TOKEN" in result.output


def test_allow_host_names_the_hosts_the_server_answers_to(monkeypatch, tmp_path):
    result, started = _settings_of(monkeypatch, tmp_path, "--host", "0.0.0.0", "--allow-host", "budget.example.cn",
                                   "--allow-host", "intranet")
    assert result.exit_code == 0, result.output
    allowed = next(m.kwargs["allowed"] for m in started["app"].user_middleware if "allowed" in m.kwargs)
    assert allowed.allows("budget.example.cn") and allowed.allows("intranet") and allowed.allows("10.0.0.7")
    assert not allowed.allows("evil.example")


def test_a_malformed_allow_host_is_one_message(monkeypatch, tmp_path):
    result, _ = _settings_of(monkeypatch, tmp_path, "--allow-host", "https://budget.example.cn/")
    assert result.exit_code == 2 and "--allow-host" in result.output and "不带 http://" in result.output
    assert "Traceback" not in result.output
