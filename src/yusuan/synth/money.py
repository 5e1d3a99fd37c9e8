"""Amounts drawn at random, exactly: integers of 0.01 万元 (cents), never floats.

Shares and spreads are integers too (per mille), so the same seed gives the same amounts everywhere.
"""

from __future__ import annotations

import math
import random
from decimal import Decimal

from ..model import Unit


def cents_between(rng: random.Random, low: int, high: int) -> int:
    return rng.randint(low, max(low, high))


def log_cents(rng: random.Random, low: int, high: int) -> int:
    """Spread over orders of magnitude, as project amounts are (a few 万元 to a few 千万)."""
    exponent = rng.uniform(math.log(low), math.log(max(low + 1, high)))
    return int(math.exp(exponent))


def share(cents: int, per_mille: int) -> int:
    return cents * per_mille // 1000


def varied(rng: random.Random, cents: int, spread_per_mille: int) -> int:
    """`cents` moved up or down by at most `spread_per_mille`, never below 0."""
    return max(0, cents + share(cents, rng.randint(-spread_per_mille, spread_per_mille)))


def split(rng: random.Random, cents: int, parts: int) -> list[int]:
    """`cents` cut at random into `parts` positive pieces that add up exactly."""
    if parts <= 1 or cents < parts:
        return [cents]
    cuts = sorted(rng.sample(range(1, cents), parts - 1))
    return [b - a for a, b in zip([0, *cuts], [*cuts, cents])]


def to_money(cents: int, unit: Unit) -> Decimal:
    """Cents of 万元 as the document's unit prints them (万元 with 2 decimals, or 元 with 2 decimals)."""
    return Decimal(cents * (10000 if unit == Unit.yuan else 1)).scaleb(-2)
