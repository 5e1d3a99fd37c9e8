"""Every file of the shared corpus either parses or is refused with a clear message; nothing crashes."""

import subprocess
import sys

import pytest

from corpus import CORPUS, files, parsed
from yusuan.errors import YusuanError

FILES = files()


@pytest.mark.skipif(not FILES, reason="shared corpus not present beside the project")
@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(CORPUS)))
def test_corpus_file_parses_or_is_refused_clearly(path):
    try:
        disclosure = parsed(path)
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
