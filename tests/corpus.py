"""The shared corpus, each file parsed once per test run however many test modules read it.

A parse that fails is kept too, and raised again to every caller (tests of the refusals ask for it).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from yusuan.errors import YusuanError
from yusuan.model import Disclosure
from yusuan.pipeline import parse_path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def files(pattern: str = "*", where=lambda path: True) -> list[Path]:
    """The corpus files matching `pattern` (and `where`), sorted; none where the corpus is not beside the project."""
    if not CORPUS.exists():
        return []
    return sorted(p for p in CORPUS.rglob(pattern) if p.is_file() and where(p))


def parsed(path: Path | str) -> Disclosure:
    """The file (a path, or one relative to the corpus) as `parse_path` reads it; skipped where it is absent."""
    path = CORPUS / path if isinstance(path, str) else path
    if not path.exists():
        pytest.skip(f"corpus file {path} not present")
    outcome = _parse(path)
    if isinstance(outcome, YusuanError):
        raise outcome
    return outcome


@lru_cache(maxsize=None)
def _parse(path: Path) -> Disclosure | YusuanError:
    try:
        return parse_path(path)
    except YusuanError as exc:
        return exc
