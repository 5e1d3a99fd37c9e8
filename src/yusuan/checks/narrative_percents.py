"""Percents the narrative states right after an amount and its change: they follow from the two amounts.

The claims' own percents are checked with their subjects (narrative_changes.py); these are the ones no
claim holds, because no subject key names the amount ("一般公共预算当年拨款", a 项 the catalog does not know).
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from ..model import convert
from ..recognize.narrative.percents import StatedPercent, stated_percents
from .context import Doc, printed_step
from .findings import NARRATIVE, Finding, Place
from .narrative import claims
from .wording import quoted

_HUNDRED = Decimal(100)


def _prior(value: Decimal, change: Decimal, direction: str) -> Decimal:
    return value + abs(change) if direction == "减少" else value - abs(change)


def _ratio(change: Decimal, base: Decimal) -> Decimal | None:
    return change / base * _HUNDRED if base > 0 else None


def _follows(lowest: Decimal | None, highest: Decimal | None, percent: Decimal) -> bool:
    if lowest is None or highest is None:
        return False
    step = Decimal(1).scaleb(percent.as_tuple().exponent)
    return lowest - step <= abs(percent) <= highest + step


def percent_follows(value: Decimal, change: Decimal, direction: str, percent: Decimal) -> bool | None:
    """Whether a percent follows from an amount and its change at the precision all three are printed
    (each amount half its last printed digit off, the percent one unit of its own), over the year before
    or, as some documents reckon it, over this year's amount. None when the year before may have been
    nothing (an increase from 0 has no percent to check).

    The year before is this year's amount less its change, not a third figure rounded on its own: the
    percent grows with the change and shrinks with this year's amount, so its bounds are those of the
    smallest change over the largest amount and of the largest change over the smallest."""
    prior, change = _prior(value, change, direction), abs(change)
    half_change, half_value = printed_step(change) / 2, printed_step(value) / 2
    if prior - half_value - half_change <= 0:
        return None
    least, most = max(change - half_change, Decimal(0)), change + half_change
    low, high = value - half_value, value + half_value
    over_prior = _follows(_ratio(least, _prior(high, least, direction)),
                          _ratio(most, _prior(low, most, direction)), percent)
    return over_prior or _follows(_ratio(least, high), _ratio(most, low), percent)


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
                follows = percent_follows(stated.value, stated.change, stated.direction, stated.percent)
                if follows is not False or _claimed(doc, stated):
                    continue
                prior = _prior(stated.value, stated.change, stated.direction)
                recomputed = (stated.change / prior * _HUNDRED).quantize(Decimal("0.01"))
                message = (f"情况说明{quoted(section.title)}中「{text[stated.start : stated.end]}」的增减幅度为 "
                           f"{stated.percent}%，按所述金额计算应为 {recomputed}%（{stated.change} ÷ {prior}）。")
                place = Place.at(section.source, table=NARRATIVE, name=section.title)
                yield Finding.mismatch(place, stated.percent, recomputed, message)
