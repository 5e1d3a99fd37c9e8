"""Defects in the leaf facts, which the composer then prints faithfully (derive(strict=False)):
figures that two tables print from different facts."""

from __future__ import annotations

import random
from typing import Any

from ..compose.facts import BudgetInput, FunctionalLine
from .defect import delta

Edited = tuple[BudgetInput, dict[str, Any]] | None
# 款 that no other figure depends on (no 三公 item, no mirrored contribution)
PLAIN_ECONOMIC = ("30201", "30205", "30206", "30207", "30211", "30239", "30299", "30101", "30102")


def basic_table_total(rng: random.Random, facts: BudgetInput) -> Edited:
    """The 基本支出表 adds up to more than the 基本支出 of the 一般公共预算支出表."""
    found = [i for i, line in enumerate(facts.economic_lines) if line.code in PLAIN_ECONOMIC]
    if not found:
        return None
    index = rng.choice(found)
    lines = list(facts.economic_lines)
    lines[index] = lines[index].model_copy(update={"amount": lines[index].amount + delta(rng)})
    return facts.model_copy(update={"economic_lines": lines}), {"table": "basic_expenditure", "code": lines[index].code}


def three_public_economic(rng: random.Random, facts: BudgetInput) -> Edited:
    """公务接待费 in the 三公 table less than the 30217 公务接待费 of the 基本支出 (total unchanged)."""
    lines = list(facts.economic_lines)
    codes = [line.code for line in lines]
    if "30217" not in codes or "30201" not in codes:
        return None
    reception, office = codes.index("30217"), codes.index("30201")
    change = min(delta(rng), lines[office].amount - 1)
    if change <= 0:
        return None
    lines[reception] = lines[reception].model_copy(update={"amount": lines[reception].amount + change})
    lines[office] = lines[office].model_copy(update={"amount": lines[office].amount - change})
    return facts.model_copy(update={"economic_lines": lines}), {"table": "three_public", "code": "30217"}


def projects_function(rng: random.Random, facts: BudgetInput) -> Edited:
    """A 项's 项目支出 is not the sum of the projects the project list books to it."""
    if not facts.projects:
        return None
    project = rng.choice(facts.projects)
    key = (project.functional_code, project.source)
    listed = sum((p.amount if p.amount is not None else sum(p.funding.values())
                  for p in facts.projects if (p.functional_code, p.source) == key))
    lines = list(facts.functional_lines)
    index = next((i for i, line in enumerate(lines) if (line.code, line.source) == key), None)
    if index is None:
        lines.append(FunctionalLine(code=key[0], source=key[1]))
        index = len(lines) - 1
    lines[index] = lines[index].model_copy(update={"project": listed + delta(rng)})
    return facts.model_copy(update={"functional_lines": lines}), {"table": "general_expenditure", "code": key[0]}
