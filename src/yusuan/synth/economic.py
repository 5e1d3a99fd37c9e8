"""The 基本支出 of a department, by 经济分类 款, from its staff and retirees (amounts in cents of 万元).

Per-person figures are of the order the real corpus prints (潼南区经信委: 基本工资 about 4 万元 a
person a year); contributions are shares of the wage bill as the rules set them (养老 16%, 职业年金
8%, 住房公积金 12%). The “三公” items of the 基本支出 are drawn here too, so that the 三公 table and
the economic lines agree (30212, 30217, 30231, 31013).
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from .money import cents_between, share

WAGES = ("30101", "30102", "30103", "30107")


@dataclass
class Staffing:
    staff: int
    retirees: int
    vehicles: int

    @classmethod
    def draw(cls, rng: random.Random, low: int, high: int) -> Staffing:
        staff = rng.randint(low, high)
        return cls(staff, rng.randint(0, staff // 3), max(0, staff // 25 + rng.randint(-1, 2)))


def _maybe(rng: random.Random, chance: float, cents: int) -> int:
    return cents if rng.random() < chance else 0


def _per_person(rng: random.Random, people: int, low: int, high: int) -> int:
    return people * cents_between(rng, low, high)


def wage_lines(rng: random.Random, s: Staffing) -> dict[str, int]:
    lines = {"30101": _per_person(rng, s.staff, 350, 600), "30102": _per_person(rng, s.staff, 250, 500),
             "30103": _maybe(rng, 0.7, _per_person(rng, s.staff, 30, 150)),
             "30107": _maybe(rng, 0.8, _per_person(rng, s.staff, 150, 400))}
    wages = sum(lines.values())
    lines |= {"30108": share(wages, 160), "30109": _maybe(rng, 0.8, share(wages, 80)),
              "30110": share(wages, rng.randint(70, 100)), "30111": _maybe(rng, 0.6, share(wages, rng.randint(10, 30))),
              "30112": share(wages, rng.randint(3, 10)), "30113": share(wages, 120),
              "30199": _maybe(rng, 0.3, _per_person(rng, s.staff, 10, 50))}
    return lines


def public_lines(rng: random.Random, s: Staffing, wages: int) -> dict[str, int]:
    n = s.staff
    return {"30201": _per_person(rng, n, 10, 40), "30202": _maybe(rng, 0.5, _per_person(rng, n, 2, 10)),
            "30205": _per_person(rng, n, 2, 8), "30206": _per_person(rng, n, 5, 20),
            "30207": _per_person(rng, n, 3, 10), "30209": _maybe(rng, 0.4, _per_person(rng, n, 10, 30)),
            "30211": _per_person(rng, n, 10, 30), "30213": _maybe(rng, 0.5, _per_person(rng, n, 5, 20)),
            "30215": _maybe(rng, 0.5, _per_person(rng, n, 2, 8)), "30216": _maybe(rng, 0.6, _per_person(rng, n, 2, 10)),
            "30228": share(wages, 20), "30229": share(wages, rng.randint(10, 20)),
            "30239": _per_person(rng, n, 20, 60), "30299": _per_person(rng, n, 5, 30)}


def three_public_lines(rng: random.Random, s: Staffing) -> dict[str, int]:
    """30212 因公出国（境）, 30217 公务接待, 30231 公务用车运行维护, 31013 公务用车购置."""
    return {"30212": _maybe(rng, 0.1, cents_between(rng, 500, 3000)),
            "30217": _maybe(rng, 0.85, _per_person(rng, s.staff, 3, 15)),
            "30231": _per_person(rng, s.vehicles, 300, 900),
            "31013": _maybe(rng, 0.08 if s.vehicles else 0, cents_between(rng, 1500, 3000))}


def family_lines(rng: random.Random, s: Staffing) -> dict[str, int]:
    """对个人和家庭的补助: pensions paid by the department, living and medical allowances."""
    return {"30302": _maybe(rng, 0.6, _per_person(rng, s.retirees, 300, 600)),
            "30305": _maybe(rng, 0.3, _per_person(rng, s.retirees, 20, 60)),
            "30307": _maybe(rng, 0.4, _per_person(rng, s.staff, 5, 20))}


def economic_lines(rng: random.Random, s: Staffing) -> dict[str, int]:
    """Every 款 with money, in cents of 万元."""
    wages = wage_lines(rng, s)
    wage_bill = sum(wages[c] for c in WAGES)
    lines = wages | public_lines(rng, s, wage_bill) | three_public_lines(rng, s) | family_lines(rng, s)
    return {code: cents for code, cents in sorted(lines.items()) if cents > 0}
