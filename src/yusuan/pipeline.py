"""read -> recognize: the one way a file becomes a Disclosure."""

from __future__ import annotations

from pathlib import Path

from .errors import UnreadableInput
from .model import Disclosure
from .readers import read_bytes, read_path
from .recognize import recognize


def require_disclosure(disclosure: Disclosure, name: str) -> Disclosure:
    # a narrative alone counts only when it names its department: plain text with numbers in it is no disclosure
    has_narrative = bool(disclosure.narrative.claims) and disclosure.department is not None
    if not disclosure.tables and not has_narrative and disclosure.performance_overall is None \
            and not disclosure.performance_projects:
        raise UnreadableInput(
            f"无法读取“{name}”：没有找到预算或决算公开的表格或说明。请确认这是部门预算/决算公开文件。"
        )
    return disclosure


def parse_path(path: Path | str) -> Disclosure:
    path = Path(path)
    return require_disclosure(recognize(read_path(path)), path.name)


def parse_bytes(data: bytes, name: str) -> Disclosure:
    return require_disclosure(recognize(read_bytes(data, name)), name)
