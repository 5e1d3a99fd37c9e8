"""Percents the narrative states right after an amount and its change: they follow from the two amounts.

The claims' own percents are checked with their subjects (changes.py); these are the ones no
claim holds, because no subject key names the amount ("一般公共预算当年拨款", a 项 the catalog does not know).
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from ....model import convert
from ....prose.percents import StatedPercent, stated_percents
from ...engine.context import Doc, printed_step
from ...engine.findings import NARRATIVE, Finding, Place
from ...engine.wording import quoted
from .amounts import claims, is_prior_year

_HUNDRED = Decimal(100)


def _prior(value: Decimal, change: Decimal, direction: str) -> Decimal:
    return value + abs(change) if direction == "减少" else value - abs(change)


def _ratio(change: Decimal, base: Decimal) -> Decimal | None:
    return change / base * _HUNDRED if base > 0 else None


PRIOR, CURRENT = "prior", "current"  # what a percent is reckoned over: the year before, this year's amount


def rounds_to(lowest: Decimal | None, highest: Decimal | None, percent: Decimal) -> bool:
    """Whether rounding half up or cutting some value between lowest and highest prints the percent:
    half up prints p for [p - step/2, p + step/2), cutting for [p, p + step)."""
    if lowest is None or highest is None:
        return False
    step = Decimal(1).scaleb(percent.as_tuple().exponent)
    return lowest < abs(percent) + step and highest >= abs(percent) - step / 2


def percent_bases(value: Decimal, change: Decimal, direction: str, percent: Decimal) -> frozenset[str] | None:
    """What the percent is reckoned over, of the year before (PRIOR) and, as some documents reckon it,
    this year's amount (CURRENT): those over which it follows from an amount and its change at the
    precision all three are printed (each amount half its last printed digit off, the percent rounded
    half up or cut from the range they allow). Empty when it follows over neither; None when the year
    before may have been nothing (an increase from 0 has no percent to check).

    The year before is this year's amount less its change, not a third figure rounded on its own: the
    percent grows with the change and shrinks with this year's amount, so its bounds are those of the
    smallest change over the largest amount and of the largest change over the smallest."""
    prior, change = _prior(value, change, direction), abs(change)
    half_change, half_value = printed_step(change) / 2, printed_step(value) / 2
    if prior - half_value - half_change <= 0:
        return None
    least, most = max(change - half_change, Decimal(0)), change + half_change
    low, high = value - half_value, value + half_value
    over_prior = rounds_to(_ratio(least, _prior(high, least, direction)),
                          _ratio(most, _prior(low, most, direction)), percent)
    over_current = rounds_to(_ratio(least, high), _ratio(most, low), percent)
    return frozenset(base for base, follows in ((PRIOR, over_prior), (CURRENT, over_current)) if follows)


def percent_follows(value: Decimal, change: Decimal, direction: str, percent: Decimal) -> bool | None:
    """Whether the percent follows from the amount and its change over either base (percent_bases)."""
    bases = percent_bases(value, change, direction, percent)
    return None if bases is None else bool(bases)


Stated = tuple[Decimal, Decimal, str, Decimal]  # an amount, its change (unsigned), direction, percent


def _stated_in(doc: Doc) -> set[Stated]:
    """Every amount of this year with its change and percent the narrative states, claimed or not."""
    found = {(c.value, abs(c.change), c.direction, c.change_percent) for c in claims(doc)
             if c.change_percent is not None and c.change is not None and c.direction in ("增加", "减少")
             and is_prior_year(doc, c) is False}
    for section in doc.disclosure.narrative.sections:
        for text in (section.title, section.text):
            found |= {(s.value, s.change, s.direction, s.percent) for s in stated_percents(text)}
    return found


def _over_prior_only(doc: Doc, stated: Stated) -> bool:
    """Whether the document's other percents show it reckons over the year before: some follow over the
    year before alone, none over this year's amount alone (a small change follows over both and tells
    nothing)."""
    votes = [bases for other in _stated_in(doc) if other != stated
             and (bases := percent_bases(*other)) and len(bases) == 1]
    return frozenset({PRIOR}) in votes and frozenset({CURRENT}) not in votes


def percent_break(doc: Doc, value: Decimal, change: Decimal, direction: str, percent: Decimal) -> str | None:
    """Why the percent does not follow from the amount and its change, or None when it does (or cannot
    be checked: the year before may have been nothing). Over this year's amount is how some documents
    reckon: accepted unless the document's other percents are all over the year before."""
    bases = percent_bases(value, change, direction, percent)
    if bases is None or PRIOR in bases:
        return None
    if not bases:
        return ""
    if _over_prior_only(doc, (value, abs(change), direction, percent)):
        return (f"（{percent}% 是增减额除以本年数 {value}；本文其余增减幅度都以上年数为基数，"
                "请按上年数重新计算）")
    return None


def _claimed(doc: Doc, stated: StatedPercent) -> bool:
    """Whether a claim holds the amount and its percent: the claim's own check covers it."""
    return any(c.change_percent == stated.percent and c.value == convert(stated.value, stated.unit, c.unit)
               for c in claims(doc))


def unclaimed_percents(doc: Doc) -> Iterator[Finding]:
    """Percents stated right after an amount and its change that no claim holds (no subject key names
    the amount: a 项 the catalog does not know): the arithmetic needs no subject."""
    for section in doc.disclosure.narrative.sections:
        for text in (section.title, section.text):
            for stated in stated_percents(text):
                why = percent_break(doc, stated.value, stated.change, stated.direction, stated.percent)
                if why is None or _claimed(doc, stated):
                    continue
                prior = _prior(stated.value, stated.change, stated.direction)
                recomputed = (stated.change / prior * _HUNDRED).quantize(Decimal("0.01"))
                message = (f"情况说明{quoted(section.title)}中「{text[stated.start : stated.end]}」的增减幅度为 "
                           f"{stated.percent}%，按所述金额计算应为 {recomputed}%（{stated.change} ÷ {prior}）{why}。")
                place = Place.at(section.source, table=NARRATIVE, name=section.title)
                yield Finding.mismatch(place, stated.percent, recomputed, message)
