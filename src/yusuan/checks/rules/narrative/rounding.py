"""How a narrative rounds the tables' amounts, and a stated figure that breaks its rounding.

A narrative in whole 万元 (or 0.01 万元) states a table's amount in 元 rounded: 12,565,793 元 is
1,257 万元 rounded half-up, 1,256 万元 cut. A document rounds half-up unless its other figures
consistently cut (where the two ways give different figures, every one it states is the cut one).
A figure one printed step off the rounded amount was forced (so that the items add up to the total
printed): it is reported once, as a warning, not as a mismatch of amounts.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

from ....model import Claim, convert
from ...engine.context import Doc, printed_step
from ...engine.figures import Figure
from ...engine.findings import Finding
from ...engine.wording import amount, quoted

HALF_UP, DOWN = "half_up", "down"
_MODES = {HALF_UP: ROUND_HALF_UP, DOWN: ROUND_DOWN}


def _exact(doc: Doc, claim: Claim, figure: Figure) -> Decimal:
    """The table's figure in the claim's unit, unrounded."""
    return figure.value if claim.unit == doc.unit else convert(figure.value, doc.unit, claim.unit)


def rounded(exact: Decimal, step: Decimal, mode: str) -> Decimal:
    return exact.quantize(step, rounding=_MODES[mode])


def way_of(doc: Doc, claim: Claim, figure: Figure) -> str | None:
    """The way the stated figure rounds the table's, where the two ways give different figures and it
    is one of them; None where it tells nothing (an exact half: half-up or half-even alike)."""
    if figure.missing or figure.blank:
        return None
    exact, step = _exact(doc, claim, figure), printed_step(claim.value)
    half_up, down = rounded(exact, step, HALF_UP), rounded(exact, step, DOWN)
    if half_up == down or abs(exact - down) * 2 == step:
        return None
    return HALF_UP if claim.value == half_up else DOWN if claim.value == down else None


def habit(votes: Iterable[str]) -> str:
    """Half-up, unless every figure that tells cuts (and some do)."""
    counted = Counter(votes)
    return DOWN if counted[DOWN] and not counted[HALF_UP] else HALF_UP


def off_by_a_step(doc: Doc, claim: Claim, figure: Figure, way: str) -> Finding | None:
    """The warning for a stated figure one step off the table's amount rounded `way`; None when it is
    that amount, or further off (a mismatch of amounts, not of rounding)."""
    if figure.missing or figure.blank:
        return None
    exact, step = _exact(doc, claim, figure), printed_step(claim.value)
    expected = rounded(exact, step, way)
    if claim.value == expected or abs(claim.value - exact) >= step:
        return None
    rule = "四舍五入" if way == HALF_UP else "舍去尾数"
    message = (f"情况说明中{quoted(claim.label)}为 {amount(claim.value, claim.unit)}，"
               f"{doc.phrase(figure)}为 {doc.said(figure)}，{rule}应为 {amount(expected, claim.unit)}"
               "，所述金额差一个末位单位（像是为凑合计而调整）。")
    return Finding.mismatch(doc.claim(claim).located, claim.value, expected, message, "warning")
