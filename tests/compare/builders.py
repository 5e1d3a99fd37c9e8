"""The archive tests' document builders, loaded by path (tests/ is not one package, so no relative import)."""

import importlib.util
import sys
from pathlib import Path

_NAME = "yusuan_test_archive_builders"
if _NAME not in sys.modules:
    _spec = importlib.util.spec_from_file_location(_NAME, Path(__file__).parents[1] / "archive" / "builders.py")
    sys.modules[_NAME] = importlib.util.module_from_spec(_spec)
    _spec.loader.exec_module(sys.modules[_NAME])
_builders = sys.modules[_NAME]

TONGNAN_JXW = _builders.TONGNAN_JXW
budget, claim, tongnan_2023, count = _builders.budget, _builders.claim, _builders.tongnan_2023, _builders.count
