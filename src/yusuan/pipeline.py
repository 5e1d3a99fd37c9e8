"""read -> recognize: the one way a file becomes a Disclosure (and -> check: the one way it is checked).

Every function here that takes `limits` runs its whole work (reading, recognizing, checking, rendering,
as it says) in one child process bounded by `limits.max_seconds` and `limits.max_memory_bytes`
(isolation.py): the entry point for untrusted files.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from .errors import UnreadableInput
from .model import Disclosure
from .readers import DEFAULT_LIMITS, Limits, read_bytes, read_path
from .isolation import run_within
from .recognize import recognize

if TYPE_CHECKING:
    from .checks import Report

T = TypeVar("T")


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
    """Read and recognize a file, within the limits."""
    path = Path(path)
    return bounded(limits, path.name, _parse_path, path, limits)


def parse_bytes(data: bytes, name: str, limits: Limits = DEFAULT_LIMITS) -> Disclosure:
    return bounded(limits, name, _parse_bytes, data, name, limits)


def check_bytes(data: bytes, name: str, limits: Limits = DEFAULT_LIMITS) -> tuple[Disclosure, Report]:
    """Read, recognize and check a file's bytes, all within the limits: its Disclosure and its Report."""
    return bounded(limits, name, _check_bytes, data, name, limits)


def render_path(path: Path | str, formats: list[str], limits: Limits = DEFAULT_LIMITS) -> dict[str, bytes]:
    """Read a published file and render it anew in each format, all within the limits."""
    path = Path(path)
    return bounded(limits, path.name, _render_path, path, formats, limits)


def bounded(limits: Limits, name: str, work: Callable[..., T], *args: Any) -> T:
    """`work(*args)` within the time and memory of `limits` (isolation.run_within)."""
    return run_within(limits.max_seconds, name, work, *args, memory_bytes=limits.max_memory_bytes)


def check_path(path: Path | str, limits: Limits = DEFAULT_LIMITS, tolerance: Decimal | None = None) -> Report:
    """Read, recognize and check a file, the three together within the limits (a crafted text can make the
    checks the slow part, not the reading)."""
    path = Path(path)
    return bounded(limits, path.name, _check_path, path, limits, tolerance)


def _check_path(path: Path, limits: Limits, tolerance: Decimal | None) -> Report:
    from .checks import DEFAULT_TOLERANCE, run_checks

    return run_checks(_parse_path(path, limits), tolerance=DEFAULT_TOLERANCE if tolerance is None else tolerance)


def _parse_path(path: Path, limits: Limits) -> Disclosure:
    return require_disclosure(recognize(read_path(path, limits)), path.name)


def _parse_bytes(data: bytes, name: str, limits: Limits) -> Disclosure:
    return require_disclosure(recognize(read_bytes(data, name, limits)), name)


def _check_bytes(data: bytes, name: str, limits: Limits) -> tuple[Disclosure, Report]:
    from .checks import run_checks

    disclosure = _parse_bytes(data, name, limits)
    return disclosure, run_checks(disclosure)


def _render_path(path: Path, formats: list[str], limits: Limits) -> dict[str, bytes]:
    from .writers.registry import render

    disclosure = _parse_path(path, limits)
    return {fmt: render(disclosure, fmt) for fmt in formats}
