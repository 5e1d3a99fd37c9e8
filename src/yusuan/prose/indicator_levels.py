"""The 一级/二级 indicator names of the national framework, found in noisy level cells.

The framework is fixed: 产出指标 (数量, 质量, 时效, 成本), 效益指标 (经济, 社会, 生态, 可持续影响),
满意度指标 (服务对象满意度), and in the 2021 revision 成本指标 (经济, 社会, 生态环境成本) as a 一级
of its own. So a 二级 name also tells its 一级, and names come out canonical ("经济效益" ->
"经济效益指标") whatever the layout printed. "满意度" and "成本" are both 一级 and 二级 names:
the column decides.
"""

from __future__ import annotations

import re
from typing import NamedTuple

LEVEL1_OF: dict[str, str] = {
    "数量指标": "产出指标",
    "质量指标": "产出指标",
    "时效指标": "产出指标",
    "成本指标": "产出指标",
    "经济成本指标": "成本指标",
    "社会成本指标": "成本指标",
    "生态环境成本指标": "成本指标",
    "经济效益指标": "效益指标",
    "社会效益指标": "效益指标",
    "生态效益指标": "效益指标",
    "环境效益指标": "效益指标",
    "可持续影响指标": "效益指标",
    "服务对象满意度指标": "满意度指标",
}

# (printed stem, level, canonical name); longer stems first so "经济效益" wins over "效益"
_TERMS: list[tuple[str, int, str]] = [
    ("生态环境成本", 2, "生态环境成本指标"),
    ("生态成本", 2, "生态环境成本指标"),
    ("经济成本", 2, "经济成本指标"),
    ("社会成本", 2, "社会成本指标"),
    ("经济效益", 2, "经济效益指标"),
    ("社会效益", 2, "社会效益指标"),
    ("生态效益", 2, "生态效益指标"),
    ("环境效益", 2, "环境效益指标"),
    ("可持续影响", 2, "可持续影响指标"),
    ("服务对象满意度", 2, "服务对象满意度指标"),
    ("服务对象", 2, "服务对象满意度指标"),
    ("数量", 2, "数量指标"),
    ("质量", 2, "质量指标"),
    ("时效", 2, "时效指标"),
    ("产出", 1, "产出指标"),
    ("效益", 1, "效益指标"),
    ("满意度", 0, "满意度指标"),  # 0: 一级 or 二级 by column
    ("成本", 0, "成本指标"),
]
_STEM = {stem: (level, name) for stem, level, name in _TERMS}
# a stem, then what is left of "指标" ("数量指板" is OCR for 数量指标)
_TERM_RE = re.compile("(" + "|".join(stem for stem, _, _ in _TERMS) + r")(?:指标?|指)?")


class Levels(NamedTuple):
    level1: tuple[str, ...]
    level2: tuple[str, ...]
    rest: str  # what the cell holds besides the names


def _resolve(stem: str, in_level1_column: bool) -> tuple[int, str]:
    level, name = _STEM[stem]
    if level:
        return level, name
    if name == "满意度指标":
        return (1, name) if in_level1_column else (2, "服务对象满意度指标")
    return (1, name) if in_level1_column else (2, name)


def prints_level_name(text: str) -> bool:
    """Whether the text prints any 一级/二级 name: a quick test before `read_levels`."""
    return _TERM_RE.search(text) is not None


# (level, canonical name) of each stem, outside and inside the 一级 column
_RESOLVED = {column: {stem: _resolve(stem, column) for stem in _STEM} for column in (False, True)}


def read_levels(text: str, in_level1_column: bool) -> Levels:
    """The 一级/二级 names in a level cell, in printed order."""
    known = _ALONE[in_level1_column].get(text)
    if known is not None:
        return known
    return _read_levels(text, in_level1_column)


def _read_levels(text: str, in_level1_column: bool) -> Levels:
    match = _TERM_RE.search(text)
    if match is None:
        return Levels((), (), text)  # most cells: no name at all
    resolved = _RESOLVED[in_level1_column]
    level1: list[str] = []
    level2: list[str] = []
    rest: list[str] = []
    position = 0
    while match is not None:
        rest.append(text[position : match.start()])
        level, name = resolved[match.group(1)]
        (level1 if level == 1 else level2).append(name)
        position = match.end()
        match = _TERM_RE.search(text, position)
    rest.append(text[position:])
    return Levels(tuple(level1), tuple(level2), "".join(rest))


# Most level cells print one name alone ("数量指标", "经济效益"): their reading, worked out once
_ALONE = {
    column: {alone: _read_levels(alone, column) for stem in _STEM for alone in (stem, f"{stem}指标")}
    for column in (False, True)
}


def level1_of(level2: str | None) -> str | None:
    return LEVEL1_OF.get(level2) if level2 else None

