"""The 支出功能分类 side: the 基本支出 of each 项 (from the economic lines) and the projects.

Contributions are booked where the rules book them, so the mirrored lines agree by construction
(30108 = 2080505, 30109 = 2080506, 30111 = 2101103, 30113 = 2210201); what is left is the 行政运行
(and 事业运行) of the department's own 款.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from ..classification import catalog
from .money import log_cents, split
from .profiles import Profile

# economic 款 -> the functional 项 that carries the same money
MIRRORS = {"30108": "2080505", "30109": "2080506", "30111": "2101103", "30113": "2210201"}
PENSIONS = ("30302", "30305")  # paid to retirees: 2080501 行政单位离退休


def office_lines(profile: Profile) -> tuple[str, str | None]:
    """行政运行 and, when the catalog has it, 事业运行 of the department's own 款."""
    running = profile.office + "50"
    return profile.office + "01", running if running in catalog("functional") else None


def basic_lines(rng: random.Random, profile: Profile, economic: dict[str, int]) -> dict[str, int]:
    """Functional 项 -> 基本支出 (cents), adding up to the economic lines exactly."""
    lines: dict[str, int] = {MIRRORS[c]: v for c, v in economic.items() if c in MIRRORS}
    administration, service = office_lines(profile)
    medical = economic.get("30110", 0)
    if service and medical:
        lines["2101101"], lines["2101102"] = split(rng, medical, 2) if medical > 1 else (medical, 0)
    elif medical:
        lines["2101101"] = medical
    pensions = sum(economic.get(c, 0) for c in PENSIONS)
    if pensions:
        lines["2080501"] = pensions
    rest = sum(economic.values()) - sum(lines.values())
    if service and rest > 1 and rng.random() < 0.6:
        lines[administration], lines[service] = split(rng, rest, 2)
    else:
        lines[administration] = rest
    return {code: cents for code, cents in sorted(lines.items()) if cents > 0}


@dataclass
class DrawnProject:
    name: str
    functional_code: str
    source: str
    funding: dict[str, int]  # funding part -> cents (one part unless split)
    cents: int


FUNDING_PARTS = ("general_project", "general_project", "general_project", "personnel_project", "livelihood_project",
                 "advance_special", "municipal_special", "carried_project")


def project_lines(profile: Profile) -> list[str]:
    own = [profile.office + "02", profile.office + "99"]
    return [c for c in (*profile.project_lines, *own) if c in catalog("functional")]


def _funding(rng: random.Random, cents: int) -> dict[str, int]:
    parts = rng.sample(FUNDING_PARTS[3:], 1) if rng.random() < 0.3 else ["general_project"]
    if rng.random() < 0.15 and cents > 100:
        parts = ["general_project", rng.choice(FUNDING_PARTS[3:])]
    return dict(zip(parts, split(rng, cents, len(parts))))


def draw_projects(rng: random.Random, profile: Profile, staff: int, with_fund: bool) -> list[DrawnProject]:
    count = min(40, rng.randint(2, 6 + staff // 20))
    lines = project_lines(profile)
    stems = list(profile.projects)
    projects = []
    for index in range(count):
        cents = log_cents(rng, 300, 300 + staff * 3000)
        stem = stems[index % len(stems)]
        name = stem if index < len(stems) else f"{stem}（{index // len(stems) + 1}期）"
        projects.append(DrawnProject(name, rng.choice(lines), "general_budget", _funding(rng, cents), cents))
    if with_fund and profile.fund_lines:
        for index in range(rng.randint(1, 2)):
            cents = log_cents(rng, 500, 500 + staff * 2000)
            code, _ = rng.choice(profile.fund_lines)
            projects.append(DrawnProject(f"彩票公益金项目（{index + 1}）", code, "gov_fund", {"general_project": cents},
                                         cents))
    return projects
