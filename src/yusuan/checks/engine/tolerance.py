"""How close two amounts must be, and how much of a difference rounding can explain.

Published tables print amounts rounded to the last digit (0.01 万元). A figure that is the sum of
others was rounded once, and each part was rounded on its own, so the printed parts may add up to
something that differs from the printed total by up to half a unit per rounded figure involved.
Such a difference is reported as info, never as an error; anything beyond it is a real mismatch.
"""

from __future__ import annotations

from decimal import Decimal
from enum import Enum

DEFAULT_TOLERANCE = Decimal("0.01")
_HALF = Decimal("0.5")


class Verdict(str, Enum):
    equal = "equal"  # within the tolerance
    rounding = "rounding"  # beyond the tolerance, but rounding of the figures involved can explain it
    mismatch = "mismatch"


def close(a: Decimal, b: Decimal, tolerance: Decimal = DEFAULT_TOLERANCE) -> bool:
    return abs(a - b) <= tolerance


def rounding_allowance(figures: int, tolerance: Decimal = DEFAULT_TOLERANCE) -> Decimal:
    """Largest difference that rounding `figures` printed numbers (total and parts) can produce.

    The tolerance is taken as the unit of the last printed digit; each rounded figure is off by at
    most half of it.
    """
    return tolerance * _HALF * figures


def judge(provided: Decimal, expected: Decimal, figures: int, tolerance: Decimal = DEFAULT_TOLERANCE) -> Verdict:
    difference = abs(provided - expected)
    if difference <= tolerance:
        return Verdict.equal
    if difference <= rounding_allowance(figures, tolerance):
        return Verdict.rounding
    return Verdict.mismatch
