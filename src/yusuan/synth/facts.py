"""One synthetic department's leaf facts (BudgetInput), drawn from a seeded random generator.

Everything `yusuan.compose.derive` cannot compute is drawn here, consistently: economic lines that
add up to the functional 基本支出, 三公 items equal to their economic lines, 机关运行经费 within the
公用经费, a reason for every change, targets for every project with output, benefit and
satisfaction indicators. So a clean synthetic disclosure should pass the checker without findings.
"""

from __future__ import annotations

import random
import zlib
from decimal import Decimal
from typing import Any

from ..checks.rules.codes import CATALOG_SINCE
from ..checks.rules.completeness.tables import STATE_CAPITAL_SINCE
from ..compose.facts import BudgetInput
from ..model import Unit
from .economic import Staffing, economic_lines
from .functional import DrawnProject, basic_lines, draw_projects
from .money import cents_between, share, to_money, varied
from .performance import performance
from .profiles import LEVELS, PERSON_NAMES, PROFILES, REASONS, Level, Profile

PERSONNEL = ("301", "303")
LEVEL_WEIGHTS = (6, 3, 1)  # districts publish most of the documents, provinces fewest
# documents are drawn with the catalogs and the 9 tables of recent years: an older year would be held
# to older rules (checks: CATALOG_SINCE, STATE_CAPITAL_SINCE), which these documents do not follow
FIRST_YEAR = max(CATALOG_SINCE, STATE_CAPITAL_SINCE)


class Drawing:
    """The state of one department being drawn: its choices, and money in the document's unit."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.level: Level = rng.choices(LEVELS, LEVEL_WEIGHTS)[0]
        self.place = rng.choice(self.level.places)
        self.profile: Profile = rng.choice(PROFILES)
        self.year = rng.randint(FIRST_YEAR, 2025)
        self.unit = Unit.yuan if rng.random() < 0.1 else Unit.wanyuan
        self.staffing = Staffing.draw(rng, *self.level.staff)

    def money(self, cents: int) -> Decimal:
        return to_money(cents, self.unit)

    @property
    def department(self) -> str:
        return self.place + self.profile.stem

    def reason(self, now: int, before: int) -> str | None:
        if now == before:
            return None
        return self.rng.choice(REASONS["more" if now > before else "less"])


def _functional_lines(d: Drawing, basic: dict[str, int], prior: dict[str, int] | None) -> list[dict[str, Any]]:
    """Each 项 with 基本支出; with last year's amounts, every 项 that had some (project-only ones too)."""
    codes = sorted(set(basic) | set(prior or ()))
    lines = []
    for code in codes:
        line: dict[str, Any] = {"code": code, "basic": d.money(basic.get(code, 0))}
        if prior is not None:
            line["prior_year"] = d.money(prior.get(code, 0))
        lines.append(line)
    return lines


def _project_facts(d: Drawing, projects: list[DrawnProject]) -> list[dict[str, Any]]:
    split_all = d.rng.random() < 0.6
    serial = zlib.crc32(d.department.encode()) % 10**6
    facts = []
    for index, p in enumerate(projects):
        code = f"{serial:06d}{d.year % 100:02d}T{index + 1:012d}"
        fact: dict[str, Any] = {"code": code, "name": p.name, "functional_code": p.functional_code, "source": p.source,
                                "budget_unit": f"{serial % 1000:03d}001-{d.profile.stem}本级"}
        if split_all:
            fact["funding"] = {part: d.money(c) for part, c in p.funding.items()}
        else:
            fact["amount"] = d.money(p.cents)
        facts.append(fact)
    return facts


def _prior_lines(d: Drawing, basic: dict[str, int], projects: list[DrawnProject], prior_total: int) -> dict | None:
    """Last year's 一般公共预算 by 项 (printed as 上年预算数), adding up to last year's total; half the time none."""
    if d.rng.random() < 0.5:
        return None
    totals = dict(basic)
    for p in projects:
        if p.source == "general_budget":
            totals[p.functional_code] = totals.get(p.functional_code, 0) + p.cents
    prior = {code: varied(d.rng, cents, 150) for code, cents in totals.items()}
    largest = max(prior, key=prior.get)
    prior[largest] += prior_total - sum(prior.values())
    return prior if prior[largest] >= 0 else None


def _three_public(d: Drawing, economic: dict[str, int]) -> dict[str, Any]:
    current = {"overseas": economic.get("30212", 0), "vehicle_purchase": economic.get("31013", 0),
               "vehicle_operation": economic.get("30231", 0), "reception": economic.get("30217", 0)}
    prior = {item: varied(d.rng, cents, 300) if cents else d.rng.choice((0, 0, cents_between(d.rng, 100, 800)))
             for item, cents in current.items()}
    reasons = {item: r for item in current if (r := d.reason(current[item], prior[item]))}
    return {"current": {k: d.money(v) for k, v in current.items()}, "prior": {k: d.money(v) for k, v in prior.items()},
            "reasons": reasons}


def _operating_cost(d: Drawing, economic: dict[str, int]) -> dict[str, Any]:
    public = sum(v for c, v in economic.items() if c[:3] not in PERSONNEL)
    current = share(public, d.rng.randint(550, 950))
    prior = varied(d.rng, current, 150)
    return {"current": d.money(current), "prior": d.money(prior), "reason": d.reason(current, prior)}


def _procurement(d: Drawing, total: int) -> dict[str, Any]:
    if d.rng.random() < 0.25:
        return {}
    kinds = d.rng.sample(["goods", "works", "services"], d.rng.randint(1, 3))
    amounts = [share(total, d.rng.randint(5, 60)) + 1 for _ in kinds]
    sme = share(sum(amounts), d.rng.randint(300, 1000))
    return {"items": [{"kind": k, "amount": d.money(a)} for k, a in zip(kinds, amounts)], "sme": d.money(sme)}


def _assets(d: Drawing, buying: bool) -> dict[str, Any]:
    general = d.rng.randint(0, d.staffing.vehicles)
    return {"vehicles": {"一般公务用车": general, "执法执勤用车": d.staffing.vehicles - general},
            "planned_purchase": {"一般公务用车": 1 if buying else 0}}


def _members(d: Drawing) -> list[str]:
    units = d.rng.sample(d.profile.units, d.rng.randint(0, len(d.profile.units)))
    return [f"{d.department}本级", *(d.place + u for u in units)]


def _reasons(d: Drawing, now: dict[str, int], before: dict[str, int]) -> dict[str, str]:
    return {subject: r for subject in now if (r := d.reason(now[subject], before[subject]))}


def synth_facts(rng: random.Random) -> BudgetInput:
    d = Drawing(rng)
    economic = economic_lines(rng, d.staffing)
    basic = basic_lines(rng, d.profile, economic)
    with_fund = rng.random() < 0.35
    projects = draw_projects(rng, d.profile, d.staffing.staff, with_fund)
    general_basic, general_project = sum(economic.values()), sum(p.cents for p in projects if p.source == "general_budget")
    fund = sum(p.cents for p in projects if p.source == "gov_fund")
    prior = {"basic": varied(rng, general_basic, 120), "project": varied(rng, general_project, 400),
             "gov_fund": varied(rng, fund, 500) if fund else 0}
    now = {"basic": general_basic, "project": general_project, "gov_fund": fund,
           "total": general_basic + general_project + fund}
    listed = _project_facts(d, projects)
    data = {
        "department": d.department, "year": d.year, "unit": d.unit,
        "duties": [*d.profile.duties, "完成上级交办的其他任务"], "member_units": _members(d),
        "functional_lines": _functional_lines(d, basic, _prior_lines(d, basic, projects,
                                                                     prior["basic"] + prior["project"])),
        "economic_lines": [{"code": c, "amount": d.money(v)} for c, v in economic.items()],
        "projects": listed,
        "prior_year": {k: d.money(v) for k, v in prior.items()},
        "three_public": _three_public(d, economic),
        "operating_cost": _operating_cost(d, economic),
        "procurement": _procurement(d, now["total"]),
        "assets": _assets(d, economic.get("31013", 0) > 0),
        "performance": performance(rng, d.profile, listed),
        "reasons": _reasons(d, now, {**prior, "total": sum(prior.values())}),
        "contact": {"name": rng.choice(PERSON_NAMES), "phone": f"{rng.randint(20000000, 89999999)}"},
    }
    return BudgetInput.model_validate(data)
