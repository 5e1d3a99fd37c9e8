"""Fuzz tests: the library of seeds and mutations lives in fuzz/ (shared with the long atheris run)."""

import sys
from pathlib import Path
from unittest import mock

import pytest

FUZZ = Path(__file__).resolve().parents[2] / "fuzz"  # fuzzlib, make_seeds
if str(FUZZ) not in sys.path:
    sys.path.insert(0, str(FUZZ))


@pytest.fixture(autouse=True, scope="module")
def no_ocr():
    """A mutated PDF often loses its text layer: without this, each such input would go to OCR (seconds
    a page) when the extra is installed. The hand-off to OCR is tested in tests/readers."""
    with mock.patch("yusuan.readers.ocr.available", return_value=False):
        yield
