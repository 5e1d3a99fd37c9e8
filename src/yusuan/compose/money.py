"""How amounts, shares and changes are written in Chinese prose: "3,805.35万元", "下降21.20%"."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

_CENT = Decimal("0.01")
_HUNDRED = Decimal(100)


def figure(value: Decimal) -> str:
    """Thousands separators and two decimals: 3805.35 -> "3,805.35"."""
    return f"{value.quantize(_CENT, ROUND_HALF_UP):,.2f}"


def amount_text(value: Decimal, unit: str = "万元") -> str:
    return f"{figure(value)}{unit}"


def percent(part: Decimal, whole: Decimal) -> Decimal | None:
    """part / whole as a percentage to two decimals; None when the whole is zero."""
    if whole == 0:
        return None
    return (part / whole * _HUNDRED).quantize(_CENT, ROUND_HALF_UP)


def percent_text(value: Decimal) -> str:
    return f"{value:.2f}%"
