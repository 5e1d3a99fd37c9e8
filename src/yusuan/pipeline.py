"""read -> recognize: the one way a file becomes a Disclosure (and -> check: the one way it is checked)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import UnreadableInput
from .model import Disclosure
from .readers import DEFAULT_LIMITS, Limits, read_bytes, read_path
from .readers.deadline import run_within
from .recognize import recognize

if TYPE_CHECKING:
    from .checks import Report


def require_disclosure(disclosure: Disclosure, name: str) -> Disclosure:
    # a narrative alone counts only when it names its department: plain text with numbers in it is no disclosure.
    # Sections of a 情况说明 without an amount (its 部门职责 and 机构设置 copied from a web page) are part of one.
    has_narrative = disclosure.department is not None and (
        bool(disclosure.narrative.claims) or any(s.text.strip() for s in disclosure.narrative.sections))
    if not disclosure.tables and not has_narrative and disclosure.performance_overall is None \
            and not disclosure.performance_projects:
        raise UnreadableInput(
            f"无法读取“{name}”：没有找到预算或决算公开的表格或说明。请确认这是部门预算/决算公开文件。"
        )
    return disclosure


def parse_path(path: Path | str, limits: Limits = DEFAULT_LIMITS) -> Disclosure:
    """Read and recognize a file; with `limits.max_seconds`, stopped at that time (readers/deadline.py)."""
    path = Path(path)
    return run_within(limits.max_seconds, path.name, _parse_path, path, limits)


def parse_bytes(data: bytes, name: str, limits: Limits = DEFAULT_LIMITS) -> Disclosure:
    return run_within(limits.max_seconds, name, _parse_bytes, data, name, limits)


def check_path(path: Path | str, limits: Limits = DEFAULT_LIMITS, tolerance: Decimal | None = None) -> Report:
    """Read, recognize and check a file; with `limits.max_seconds`, the three together are stopped at that
    time (one child process for all: a crafted text can make the checks the slow part, not the reading)."""
    path = Path(path)
    return run_within(limits.max_seconds, path.name, _check_path, path, limits, tolerance)


def _check_path(path: Path, limits: Limits, tolerance: Decimal | None) -> Report:
    from .checks import DEFAULT_TOLERANCE, run_checks

    return run_checks(_parse_path(path, limits), tolerance=DEFAULT_TOLERANCE if tolerance is None else tolerance)


def _parse_path(path: Path, limits: Limits) -> Disclosure:
    return require_disclosure(recognize(read_path(path, limits)), path.name)


def _parse_bytes(data: bytes, name: str, limits: Limits) -> Disclosure:
    return require_disclosure(recognize(read_bytes(data, name, limits)), name)
