"""Indicator values ("≥200次", "≤50万元", "10万元/年", "长期", "≥85%以上") and table amounts.

A value printed in one cell mixes comparator, number and unit; where the table has a 指标性质
column the comparator stands apart. A quantity without comparator ("1年", "100%") is a target to
meet exactly, so it reads as "="; a value without a number ("长期", "当年规上企业") is qualitative.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import NamedTuple

from ...model.amounts import parse_decimal
from ..cells import compact
from .text import overlap, trim_marks

_SYMBOLS = {
    "≧": "≥", "≦": "≤", "⩾": "≥", "⩽": "≤", ">=": "≥", "<=": "≤", "=>": "≥", "=<": "≤", "＝": "=",
}
_WORDS = [
    (re.compile(r"大于等于|大于或等于|不低于|不少于|不小于|至少"), "≥"),
    (re.compile(r"小于等于|小于或等于|不高于|不超过|不多于|不大于|至多"), "≤"),
    (re.compile(r"大于|高于|超过"), ">"),
    (re.compile(r"小于|低于"), "<"),
    (re.compile(r"等于"), "="),
]
# any of the printed symbols: most values print none, and one search tells
_ANY_SYMBOL = re.compile("|".join(re.escape(printed) for printed in _SYMBOLS))
# any of the words: most values print none, and one search tells
_ANY_WORD = re.compile("|".join(pattern.pattern for pattern, _ in _WORDS))
_ANY_SYMBOL_OR_WORD = re.compile(f"{_ANY_SYMBOL.pattern}|{_ANY_WORD.pattern}")
_NUMBER = r"\d+(?:\.\d+)?"
# a unit is short and holds no digit, comparator or separator ("1:推动工业发展" is no "1" of ":推动…")
_UNIT = r"[^\d≥≤=<>:;,、。]{0,8}"
# comparator, then number and unit; a few characters may precede ("覆盖率≥90%", "企业能耗降低>3%")
_WITH_COMPARATOR = re.compile(
    rf"^(?P<prefix>[^≥≤=<>]{{0,6}}?)(?P<comparator>[≥≤=<>])(?P<number>{_NUMBER})(?P<unit>{_UNIT})$"
)
_BARE = re.compile(rf"^(?P<prefix>[^\d≥≤=<>]{{0,6}}?)(?P<number>{_NUMBER})(?P<unit>{_UNIT})$")
_SUFFIX_COMPARATOR = [("以上", "≥"), ("及以上", "≥"), ("以下", "≤"), ("以内", "≤"), ("及以下", "≤")]
_SUFFIXES_LONGEST_FIRST = sorted(_SUFFIX_COMPARATOR, key=lambda pair: -len(pair[0]))
_SUFFIX_ENDINGS = tuple(suffix for suffix, _ in _SUFFIX_COMPARATOR)
# where one value ends and the next begins in "≥5%≥5%", "5万元4万元1万", "≥5%长期"
_VALUE_START = re.compile(rf"[≥≤=<>]?{_NUMBER}|长期")
_YEAR = re.compile(r"\d{4}年")
_DIGIT = re.compile(r"\d")
_AMOUNT = re.compile(r"^(\d[\d,]*(?:\.\d+)?)(?:万元|元)?$")


class Quantity(NamedTuple):
    comparator: str | None  # as printed (or implied by 以上/以下); None when the value prints none
    number: Decimal | None
    unit: str | None


def normalize_comparator(text: str) -> str:
    if _ANY_SYMBOL_OR_WORD.search(text) is None:
        return text  # most values: a symbol already, or none
    if _ANY_SYMBOL.search(text):
        for printed, symbol in _SYMBOLS.items():
            text = text.replace(printed, symbol)
    if _ANY_WORD.search(text):
        for pattern, symbol in _WORDS:
            text = pattern.sub(symbol, text)
    return text


def _split_suffix(unit: str) -> tuple[str, str | None]:
    if not unit.endswith(_SUFFIX_ENDINGS):
        return unit, None
    for suffix, symbol in _SUFFIXES_LONGEST_FIRST:
        if unit.endswith(suffix):
            return unit[: -len(suffix)], symbol
    return unit, None


def read_quantity(text: str) -> Quantity | None:
    """Comparator, number and unit of a value, or None when it prints no single quantity."""
    if not _DIGIT.search(text):
        return None  # no number: most names are ruled out without a closer look
    cleaned = normalize_comparator(compact(text)).rstrip("。.")
    match = _WITH_COMPARATOR.match(cleaned) or _BARE.match(cleaned)
    if match is None:
        return None
    unit, implied = _split_suffix(match.group("unit"))
    comparator = (match.group("comparator") if match.re is _WITH_COMPARATOR else None) or implied
    return Quantity(comparator=comparator, number=Decimal(match.group("number")), unit=unit or None)


def is_quantity(text: str) -> bool:
    return read_quantity(text) is not None


def comparator_of(quantity: Quantity) -> str:
    """A quantity printed without comparator is a target to meet exactly."""
    return quantity.comparator or "="


def split_values(text: str) -> list[str]:
    """The values run together in one cell, in printed order."""
    cleaned = normalize_comparator(compact(text))
    starts = [m.start() for m in _VALUE_START.finditer(cleaned)]
    if not starts:
        return [text] if text.strip() else []
    starts[0] = 0
    return [cleaned[a:b] for a, b in zip(starts, starts[1:] + [len(cleaned)])]


def is_several_quantities(text: str) -> bool:
    """Values of several rows run into one cell ("1万元/年2万元/年"); a date is not that."""
    if not _DIGIT.search(text):
        return False  # each value is a quantity, with a number
    pieces = split_values(text)
    return len(pieces) > 1 and all(is_quantity(p) for p in pieces) and not _YEAR.search(text)


def normalize_symbol(text: str) -> str | None:
    """The comparator a 指标性质 cell prints, or None when it prints none."""
    symbol = normalize_comparator(compact(text))
    return symbol if symbol in ("≥", "≤", "=", ">", "<") else None


def read_amount(fragments: list[str]) -> Decimal | None:
    """An amount the layout may have cut or printed twice: "3805 | 5.35" (tiles overlapping by one
    digit) is 3805.35, "100 | 100" is 100."""
    numbers = [m.group(1).replace(",", "") for f in fragments if (m := _AMOUNT.match(trim_marks(compact(f))))]
    if not numbers:
        return None
    joined = numbers[0]
    for number in numbers[1:]:
        size = overlap(joined, number)
        if size == 0:
            break
        joined += number[size:]
    return parse_decimal(joined)
