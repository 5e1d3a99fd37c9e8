"""What a newcomer expects of a command line: --version, help and mistakes in Chinese, files Excel opens,
output paths that never replace what is not a file."""

import os
import stat
import subprocess
import sys
import threading
import tomllib
from pathlib import Path

import pytest

from yusuan import __version__


def yusuan(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "yusuan", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=120)


def test_version_flag_prints_the_version():
    result = yusuan("--version")
    assert (result.returncode, result.stdout) == (0, f"yusuan {__version__}\n")


def test_help_speaks_chinese():
    result = yusuan("check", "--help")
    assert result.returncode == 0
    assert "显示本帮助并退出" in result.stdout and "选项" in result.stdout and "[默认：text]" in result.stdout
    for english in ("Show this message", "Options", "[default"):
        assert english not in result.stdout


def _command_paths(command, path=()):
    yield path
    for name, sub in sorted(getattr(command, "commands", {}).items()):
        yield from _command_paths(sub, (*path, name))


# what Typer prints in English unless told otherwise: the usage line, panel titles, value types, the --help line
TYPER_ENGLISH = ("Usage", "[OPTIONS]", "COMMAND", "[ARGS]", "Options", "Arguments", "Commands", "Show this message",
                 "[default", "[required]", "env var", "<str>", "<int>", "<float>", "<path>", "<bool>", "list[")


def test_every_help_screen_is_in_chinese():
    from typer.main import get_command
    from typer.testing import CliRunner

    from yusuan.cli import app
    from yusuan.cli.zh import localize

    localize()
    paths = list(_command_paths(get_command(app)))
    assert ("db", "show") in paths and ("render",) in paths
    for path in paths:
        shown = CliRunner().invoke(app, [*path, "--help"], prog_name="yusuan").output
        assert f"用法：yusuan {' '.join(path)}".rstrip() in shown and "[选项]" in shown, path
        assert [word for word in TYPER_ENGLISH if word in shown] == [], path
    shown = CliRunner().invoke(app, ["check", "--help"], prog_name="yusuan").output
    assert "{文件}..." in shown and "<路径>" in shown and "<数>" in shown


def test_help_cut_short_by_a_closed_pipe_ends_without_a_traceback():
    command = f"{sys.executable} -m yusuan db --help | head -c 1"
    result = subprocess.run(command, shell=True, capture_output=True, text=True, timeout=120,
                            env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2] / "src")})
    assert "Traceback" not in result.stderr and "Error" not in result.stderr


@pytest.mark.parametrize(("args", "said"), [
    (["check", "--bogus", "x.pdf"], "没有选项“--bogus”"),
    (["check"], "缺少 文件"),
    (["check", "--timeout", "abc", "x.pdf"], "--timeout 的值无效，应为数字"),
    (["chek"], "没有命令“chek”"),
    (["parse", "a.txt", "b.txt"], "多了参数：b.txt"),
])
def test_a_usage_mistake_is_one_chinese_line_and_exit_2(args, said):
    result = yusuan(*args)
    assert result.returncode == 2
    assert said in result.stderr and "--help" in result.stderr
    assert "Traceback" not in result.stderr and "Usage" not in result.stderr


def test_csv_written_to_a_file_starts_with_a_bom_stdout_does_not(seed_path, tmp_path):
    out = tmp_path / "lines.csv"
    assert yusuan("export", str(seed_path), "-o", str(out)).returncode == 0
    assert out.read_bytes()[:3] == b"\xef\xbb\xbf"
    piped = yusuan("export", str(seed_path))
    assert piped.stdout.startswith("department,year")


def test_an_output_file_gets_the_usual_mode(seed_path, tmp_path):
    out = tmp_path / "report.txt"
    previous = os.umask(0o022)
    try:
        assert yusuan("check", str(seed_path), "-o", str(out), "--fail-on", "never").returncode == 0
    finally:
        os.umask(previous)
    assert stat.S_IMODE(out.stat().st_mode) == 0o644


def test_a_named_pipe_is_written_through_not_replaced(seed_path, tmp_path):
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()))
    reader.start()
    result = yusuan("check", str(seed_path), "-o", str(pipe), "--fail-on", "never")
    reader.join(timeout=60)
    assert result.returncode == 0, result.stderr
    assert stat.S_ISFIFO(pipe.lstat().st_mode)
    assert "重庆市潼南区经济和信息化委员会" in received[0].decode()


def test_a_device_node_is_written_through_and_stays_a_device(seed_path, tmp_path):
    """As `-o /dev/null` run as root: a null device made in a temp folder (where the user may make one)."""
    null = tmp_path / "null"
    try:
        os.mknod(null, stat.S_IFCHR | 0o666, os.makedev(1, 3))
        null.write_bytes(b"")  # a file system mounted nodev refuses to open it
    except (PermissionError, OSError):
        pytest.skip("this user cannot make or open a device node here")
    result = yusuan("check", str(seed_path), "-o", str(null), "--fail-on", "never")
    assert result.returncode == 0, result.stderr
    assert stat.S_ISCHR(null.lstat().st_mode) and null.lstat().st_rdev == os.makedev(1, 3)
    assert [p.name for p in tmp_path.iterdir()] == ["null"]  # nothing left beside it


def test_a_folder_or_a_link_as_output_is_refused_and_left_alone(seed_path, tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    result = yusuan("check", str(seed_path), "-o", str(folder), "--fail-on", "never")
    assert result.returncode == 2 and "是一个文件夹" in result.stderr
    assert folder.is_dir() and not any(folder.iterdir())

    target = tmp_path / "elsewhere.txt"
    target.write_text("keep me", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    result = yusuan("check", str(seed_path), "-o", str(link), "--fail-on", "never")
    assert result.returncode == 2 and "符号链接" in result.stderr
    assert link.is_symlink() and target.read_text(encoding="utf-8") == "keep me"


def test_render_with_a_file_name_of_another_format_makes_no_folder(tmp_path):
    example = Path(__file__).resolve().parents[2] / "examples" / "budget-input.yaml"
    result = yusuan("render", str(example), "--to", "pdf", "-o", str(tmp_path / "x.docx"))
    assert result.returncode == 2 and "x.pdf" in result.stderr
    assert not (tmp_path / "x.docx").exists()


def test_check_of_a_document_with_no_table_read_is_not_a_pass(seed_path, tmp_path):
    narrative = tmp_path / "情况说明.txt"
    narrative.write_text("".join(seed_path.read_text(encoding="utf-8").splitlines(keepends=True)[:60]), "utf-8")
    result = yusuan("check", str(narrative))
    assert result.returncode == 1
    assert "错误 0" in result.stdout and "未能读出" in result.stdout and "未发现问题" not in result.stdout
    assert yusuan("check", str(narrative), "--fail-on", "never").returncode == 0


# modules of the extras (web, ocr, ray) and of the test tools: `./dev demo` installs none of them
NOT_IN_THE_CORE = ("fastapi", "starlette", "uvicorn", "multipart", "ray", "rapidocr", "onnxruntime", "playwright",
                   "pytest", "hypothesis", "httpx", "frictionless", "schemathesis")


def test_the_demo_runs_on_the_core_alone(seed_path, tmp_path):
    """`./dev demo` installs only the project's own dependencies: parse and check must need nothing else."""
    blocked = f"import sys; sys.modules.update(dict.fromkeys({NOT_IN_THE_CORE!r}))"  # None: import fails
    demo = f"{blocked}; from yusuan.cli import entry; sys.argv[0] = 'yusuan'; entry()"
    for args in (["parse", str(seed_path)], ["check", str(seed_path), "--fail-on", "never"]):
        result = subprocess.run([sys.executable, "-c", demo, *args], capture_output=True, text=True, timeout=120)
        assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert "重庆市潼南区经济和信息化委员会" in result.stdout and "规则：通过" in result.stdout

    root = Path(__file__).resolve().parents[2]
    core = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    assert not [d for d in core if d.split(">")[0].split("[")[0].replace("-", "_") in NOT_IN_THE_CORE]
    demo_steps = (root / "dev").read_text(encoding="utf-8").split("  demo)")[1].split(";;")[0]
    assert "setup core" in demo_steps and "full" not in demo_steps
