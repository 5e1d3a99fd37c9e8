"""Performance targets: the department's overall table (weights adding up to 100) and one table per
project, each with output (产出), benefit (效益) and satisfaction (满意度) indicators."""

from __future__ import annotations

import random
from typing import Any

from .money import split
from .profiles import Profile

BENEFITS = (("社会效益指标", "服务对象覆盖面", "明显扩大"), ("社会效益指标", "群众获得感", "有效提升"),
            ("可持续影响指标", "长效管理机制", "长期"), ("经济效益指标", "带动相关产业发展", "有效带动"))
TIMELINESS = ("时效指标", "按期完成率", "≥", "95", "%")
SATISFACTION = ("服务对象满意度指标", "服务对象满意度", "≥", "90", "%")


def _quantity(rng: random.Random, profile: Profile) -> dict[str, Any]:
    name, unit = rng.choice(profile.outputs)
    return {"level2": "数量指标", "level3": name, "comparator": "≥", "value": str(rng.randint(2, 500)), "unit": unit}


def _quality(rng: random.Random) -> dict[str, Any]:
    return {"level2": "质量指标", "level3": "任务完成合格率", "comparator": "≥", "value": str(rng.randint(90, 100)),
            "unit": "%"}


def _row(level2: str, level3: str, comparator: str | None, value: str, unit: str | None) -> dict[str, Any]:
    return {"level2": level2, "level3": level3, "comparator": comparator, "value": value, "unit": unit}


def _benefit(rng: random.Random) -> dict[str, Any]:
    level2, level3, value = rng.choice(BENEFITS)
    return _row(level2, level3, None, value, None)


def indicators(rng: random.Random, profile: Profile) -> list[dict[str, Any]]:
    rows = [_quantity(rng, profile), _quality(rng)]
    if rng.random() < 0.5:
        rows.append(_row(*TIMELINESS))
    return rows + [_benefit(rng), _row(*SATISFACTION)]


def overall(rng: random.Random, profile: Profile) -> dict[str, Any]:
    rows = indicators(rng, profile) + [_quantity(rng, profile)]
    weights = split(rng, 100, len(rows))
    while min(weights) < 5:  # no indicator weighs next to nothing
        weights = split(rng, 100, len(rows))
    for row, weight in zip(rows, weights):
        row["weight"] = weight
    return {"target": f"围绕{profile.duties[0]}，全面完成年度各项工作任务。", "indicators": rows}


def performance(rng: random.Random, profile: Profile, projects: list[dict[str, Any]]) -> dict[str, Any]:
    targets = [{"project": p["code"], "target": f"按期保质完成{p['name']}各项工作。", "indicators": indicators(rng, profile),
                "overview": f"实施{p['name']}。"} for p in projects]
    return {"overall": overall(rng, profile), "projects": targets}
