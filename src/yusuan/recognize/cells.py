"""Reading single cells: amounts, classification codes, names."""

from __future__ import annotations

import re
from decimal import Decimal

# "3,805.35", "1726.00", "0", "-12.5"; a trailing "." is OCR residue ("550.00."). This is where a cell
# is decided to print an amount. Some tables print only the last thousands separator ("120258,600"):
# the digits are an amount all the same as long as every comma stands before a group of three or more
# digits and the last group has exactly three, so no comma can be a decimal one ("1,5") and no
# shorter group hints at two numbers run together ("1,2,345").
_AMOUNT = re.compile(r"^-?\d+(?:(?:,\d{3,})*,\d{3})?(?:\.\d+)?\.?$")
_CODE = re.compile(r"^(?:\d{3}|\d{5}|\d{7})$")
_ORDINAL = re.compile(
    r"^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十百]+、|\([一二三四五六七八九十百]+\)|\d{1,2}[.、](?!\d))\s*"
)


_REGULAR_GROUPS = re.compile(r"^-?\d{1,3}(?:,\d{3})*(?:\.\d+)?\.?$")


def is_amount(text: str) -> bool:
    return bool(_AMOUNT.match(text.strip()))


def read_amount(text: str) -> Decimal | None:
    """The amount a cell prints, or None for an empty or non-numeric cell (a dash printed for
    "nothing" included)."""
    text = text.strip()
    if not text or not _AMOUNT.match(text):
        return None
    # what _AMOUNT matches is a finite number once its thousands commas are gone
    return Decimal(text.rstrip(".").replace(",", ""))


def has_irregular_groups(text: str) -> bool:
    """An amount whose thousands separators are not every three digits ("120258,600", "7880,000")."""
    text = text.strip()
    return "," in text and bool(_AMOUNT.match(text)) and not _REGULAR_GROUPS.match(text)


class Amounts(dict[str, Decimal | None]):
    """`read_amount` of cell texts, kept for one table: a table prints the same amount in many cells
    (a total in each column it adds up, a subtotal beside its only part)."""

    def __missing__(self, text: str) -> Decimal | None:
        value = self[text] = read_amount(text)
        return value


def is_label(text: str) -> bool:
    """A cell printing words: not blank, not an amount, not a code."""
    stripped = text.strip()
    if not stripped:
        return False
    # amounts and codes start with a digit or a minus: most labels are told by their first character
    first = stripped[0]
    if not first.isdigit() and first != "-":
        return True
    return not is_amount(stripped) and not read_code(text)


def read_code(text: str) -> str | None:
    """A 3/5/7-digit classification code, tolerating spaces inside ("201 01 01")."""
    compact = text.replace(" ", "")
    return compact if _CODE.match(compact) else None


def strip_ordinal(name: str) -> str:
    name = name.strip()
    # most names print no ordinal: then there is nothing to cut
    return _ORDINAL.sub("", name).strip() if _ORDINAL.match(name) else name


def compact(text: str) -> str:
    """Text without any whitespace, for matching labels."""
    return "".join(text.split())
