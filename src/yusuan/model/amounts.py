"""Exact amounts: a Decimal as printed, with the unit it was printed in."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from enum import Enum

from pydantic import BaseModel, ConfigDict


class Unit(str, Enum):
    yuan = "元"
    wanyuan = "万元"
    # only a narrative prints 亿元 ("支出预算 1.52 亿元"): tables print 元 or 万元
    yi = "亿元"


# 1 万元 = 10,000 元, 1 亿元 = 10,000 万元; conversions are explicit and exact.
_FACTOR = {Unit.yuan: Decimal(1), Unit.wanyuan: Decimal(10000), Unit.yi: Decimal(100000000)}


def convert(value: Decimal, from_unit: Unit, to_unit: Unit) -> Decimal:
    return value * _FACTOR[from_unit] / _FACTOR[to_unit]


def plain(value: Decimal) -> str:
    """A decimal as a plain string, never in exponent form: Decimal('1E+2') -> '100'."""
    return format(value, "f")


def parse_decimal(text: str) -> Decimal | None:
    """'3,805.35' -> Decimal('3805.35'); None when the text is not a number."""
    cleaned = text.replace(",", "").replace("，", "").strip()
    if not cleaned:
        return None
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


class Amount(BaseModel):
    """An amount with its unit, e.g. 3,805.35 万元."""

    model_config = ConfigDict(frozen=True)

    value: Decimal
    unit: Unit

    def to(self, unit: Unit) -> Amount:
        return Amount(value=convert(self.value, self.unit, unit), unit=unit)

    def __str__(self) -> str:
        return f"{self.value:,} {self.unit.value}"
