"""Defects in the narrative (an amount, a change, a direction or a percent misstated; a section left
out; a placeholder or a doubled word) and in the performance tables."""

from __future__ import annotations

import random
from datetime import date
from decimal import Decimal
from typing import Any

from ..compose.money import amount_text, percent_text
from ..model import Claim, Disclosure
from .defect import delta, with_sections

Edited = tuple[Disclosure, dict[str, Any]] | None

# subjects whose amount a table prints, so that NARR-AMOUNT can compare them
TABLED = ("basic", "project", "personnel", "public", "three_public_total", "reception", "vehicle_operation",
          "fiscal_expenditure", "revenue_total", "expenditure_total")


def _replace_in_section(d: Disclosure, title: str, old: str, new: str) -> Disclosure | None:
    sections = list(d.narrative.sections)
    for index, section in enumerate(sections):
        if section.title == title and old in section.text:
            sections[index] = section.model_copy(update={"text": section.text.replace(old, new, 1)})
            return with_sections(d, sections)
    return None


def _stated(claim: Claim) -> str:
    return f"{claim.label}{amount_text(claim.value, claim.unit.value)}"


def _change_text(claim: Claim, direction: str | None = None, change: Decimal | None = None) -> str:
    amount = amount_text(change if change is not None else claim.change, claim.unit.value)
    return f"，比{claim.compared_year}年{direction or claim.direction}{amount}"


def _claims(d: Disclosure, test) -> list[Claim]:
    return [c for c in d.narrative.claims if test(c)]


def narr_amount(rng: random.Random, d: Disclosure) -> Edited:
    """An amount the narrative states differs from the table."""
    found = _claims(d, lambda c: c.subject in TABLED and c.value)
    if not found:
        return None
    claim = rng.choice(found)
    wrong = claim.value + delta(rng)
    new = f"{claim.label}{amount_text(wrong, claim.unit.value)}"
    edited = _replace_in_section(d, claim.section, _stated(claim), new)
    return (edited, {"table": "narrative", "subject": claim.subject, "section": claim.section}) if edited else None


THREE_PUBLIC = ("three_public_total", "overseas", "vehicle", "vehicle_purchase", "vehicle_operation", "reception")


def _both_years_printed(d: Disclosure, claim: Claim) -> bool:
    """Whether a table prints the subject for both years, so that its change can be checked against it:
    the 三公 table always does; the 一般公共预算支出表 does when it has a 上年预算数 column."""
    if claim.subject in THREE_PUBLIC:
        return True
    general = d.tables.get("general_expenditure")
    with_prior = general is not None and any(r.values.get("prior_year") for r in general.rows)
    return with_prior and (claim.subject == "fiscal_expenditure" or claim.subject.startswith("expenditure:"))


def _changed(d: Disclosure) -> list[Claim]:
    return _claims(d, lambda c: c.direction in ("增加", "减少") and c.change and c.compared_year
                   and _both_years_printed(d, c))


def narr_change(rng: random.Random, d: Disclosure) -> Edited:
    """A change the narrative states differs from this year's figure less last year's."""
    found = _changed(d)
    if not found:
        return None
    claim = rng.choice(found)
    old = _stated(claim) + _change_text(claim)
    new = _stated(claim) + _change_text(claim, change=claim.change + delta(rng))
    edited = _replace_in_section(d, claim.section, old, new)
    return (edited, {"table": "narrative", "subject": claim.subject, "section": claim.section}) if edited else None


def narr_direction(rng: random.Random, d: Disclosure) -> Edited:
    """增加 written for a decrease, or 减少 for an increase."""
    found = _changed(d)
    if not found:
        return None
    claim = rng.choice(found)
    flipped = "减少" if claim.direction == "增加" else "增加"
    old, new = _stated(claim) + _change_text(claim), _stated(claim) + _change_text(claim, direction=flipped)
    if claim.change_percent is not None:  # the percent's verb follows the direction, as a writer would flip both
        verbs = {"增加": ("增长", "下降"), "减少": ("下降", "增长")}[claim.direction]
        old += f"，{verbs[0]}"
        new += f"，{verbs[1]}"
    edited = _replace_in_section(d, claim.section, old, new)
    return (edited, {"table": "narrative", "subject": claim.subject, "section": claim.section}) if edited else None


def narr_percent(rng: random.Random, d: Disclosure) -> Edited:
    """A percent of change that the stated amounts do not give."""
    found = _claims(d, lambda c: c.change_percent is not None and c.change_percent > 0)
    if not found:
        return None
    claim = rng.choice(found)
    wrong = claim.change_percent + Decimal(rng.randint(100, 900)).scaleb(-2)
    edited = _replace_in_section(d, claim.section, percent_text(claim.change_percent), percent_text(wrong))
    return (edited, {"table": "narrative", "subject": claim.subject, "section": claim.section}) if edited else None


def missing_section(rng: random.Random, d: Disclosure) -> Edited:
    """A required part of the narrative (国有资产占有使用情况, 机构设置) left out."""
    titles = [s.title for s in d.narrative.sections if s.title in ("国有资产占有使用情况", "机构设置")]
    if not titles:
        return None
    title = rng.choice(titles)
    sections = [s for s in d.narrative.sections if s.title != title]
    return with_sections(d, sections), \
        {"table": "narrative", "section": title}


def _append_to(d: Disclosure, title: str, text: str) -> Disclosure | None:
    sections = list(d.narrative.sections)
    for index, section in enumerate(sections):
        if section.title == title and section.text:
            sections[index] = section.model_copy(update={"text": section.text + "\n" + text})
            return with_sections(d, sections)
    return None


def placeholder(rng: random.Random, d: Disclosure) -> Edited:
    """A template's placeholder left in the text."""
    edited = _append_to(d, "主要职能", "有关职责分工详见XX部门“三定”规定。")
    return (edited, {"table": "narrative", "section": "主要职能"}) if edited else None


def doubled_word(rng: random.Random, d: Disclosure) -> Edited:
    """A word typed twice."""
    edited = _append_to(d, "主要职能", "负责本部门预算支出支出的管理工作。")
    return (edited, {"table": "narrative", "section": "主要职能"}) if edited else None


def _with_project_table(d: Disclosure, index: int, **changes) -> Disclosure:
    tables = list(d.performance_projects)
    tables[index] = tables[index].model_copy(update=changes)
    return d.model_copy(update={"performance_projects": tables})


def perf_fund(rng: random.Random, d: Disclosure) -> Edited:
    """A project's target table states other money than the project list."""
    found = [i for i, t in enumerate(d.performance_projects) if t.fund]
    if not found:
        return None
    index = rng.choice(found)
    table = d.performance_projects[index]
    return _with_project_table(d, index, fund=table.fund + delta(rng)), \
        {"table": "performance_project", "name": table.name}


def perf_period(rng: random.Random, d: Disclosure) -> Edited:
    """A project's targets dated outside the budget year."""
    if not d.performance_projects or not d.year:
        return None
    index = rng.randrange(len(d.performance_projects))
    return _with_project_table(d, index, start=date(d.year - 1, 7, 1), end=date(d.year - 1, 12, 31)), \
        {"table": "performance_project", "name": d.performance_projects[index].name}


def perf_missing(rng: random.Random, d: Disclosure) -> Edited:
    """A project of the list without its target table."""
    if len(d.performance_projects) < 2:
        return None
    index = rng.randrange(len(d.performance_projects))
    tables = [t for i, t in enumerate(d.performance_projects) if i != index]
    return d.model_copy(update={"performance_projects": tables}), \
        {"table": "performance_project", "name": d.performance_projects[index].name}


def perf_overall_fund(rng: random.Random, d: Disclosure) -> Edited:
    """The overall target table states other money than the department spends."""
    overall = d.performance_overall
    if overall is None or not overall.fund:
        return None
    return d.model_copy(update={"performance_overall": overall.model_copy(update={"fund": overall.fund + delta(rng)})}), \
        {"table": "performance_overall"}


def perf_weights(rng: random.Random, d: Disclosure) -> Edited:
    """The overall indicators' weights do not add up to 100."""
    overall = d.performance_overall
    if overall is None or not overall.indicators or overall.indicators[0].weight is None:
        return None
    indicators = list(overall.indicators)
    first = indicators[0]
    indicators[0] = first.model_copy(update={"weight": first.weight + rng.randint(1, 9)})
    return d.model_copy(update={"performance_overall": overall.model_copy(update={"indicators": indicators})}), \
        {"table": "performance_overall"}
