"""Every file of the shared corpus either parses or is refused with a clear message; nothing crashes."""

import subprocess
import sys

import pytest

from yusuan.errors import YusuanError
from yusuan.pipeline import parse_path

from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"

FILES = sorted(p for p in CORPUS.rglob("*") if p.is_file()) if CORPUS.exists() else []


@pytest.mark.skipif(not FILES, reason="shared corpus not present beside the project")
@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(CORPUS)))
def test_corpus_file_parses_or_is_refused_clearly(path):
    try:
        disclosure = parse_path(path)
    except YusuanError as exc:
        assert exc.message.startswith(("无法读取", "找不到")), exc.message
        assert "请" in exc.message  # says what to do
    else:
        assert disclosure.tables or disclosure.narrative.claims


@pytest.mark.skipif(not FILES, reason="shared corpus not present beside the project")
def test_cli_never_prints_a_traceback_on_the_corpus():
    for path in FILES[:6]:
        proc = subprocess.run([sys.executable, "-m", "yusuan", "parse", str(path)], capture_output=True, text=True)
        assert proc.returncode in (0, 2), proc.stderr
        assert "Traceback" not in proc.stderr
