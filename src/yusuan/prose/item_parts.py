"""The parts a functional item (类/款/项) says its amount is used for, each with its own amount.

"“农林水支出”科目83万元,主要用于人员经费18万元、公用经费58万元、项目支出7万元": the 18, 58 and 7 are the
人员经费, 公用经费 and 项目支出 of that 类, which the tables print on its line, not the department's. The
claims leave them out (no subject key names a part of one line); they are read here, after "用于", up
to the first amount that is not one of these parts (the next item's) or the end of the sentence.

A list of parts is short: it is sought within `REACH` characters of the item's amount, so that a sentence
naming thousands of items is read once, not once for each item.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from ..model.amounts import Unit
from .tokens import tokens

# the column of each part, as the tables name it
PART_COLUMNS = {"人员经费": "personnel", "公用经费": "public", "基本支出": "basic", "项目支出": "project"}
# the part's name right before its amount, with nothing between but a verb of being
_PART = re.compile(r"(人员经费|公用经费|基本支出|项目支出)(?:预算)?(?:为|是|共)?\s*$")
_USED_FOR = re.compile(r"用于")
_SENTENCE_END = re.compile(r"[。;；!?]")
# four parts with their names and amounts fit in a few dozen characters; this leaves room for wordy ones
REACH = 400
_CLAUSE_MARKS = "、，,；;。"
# a numbered item ("2.“农林水支出”…", "(二)…") starts another item: its amounts are not this one's parts
_NEXT_ITEM = re.compile(r"(?<![\d.])\d{1,2}\s*[.、](?!\d)|[(（][一二三四五六七八九十]{1,3}[)）]")


@dataclass(frozen=True, slots=True)
class ItemPart:
    column: str  # personnel, public, basic or project
    wording: str  # as printed: 人员经费
    value: Decimal
    unit: Unit


def item_end(text: str, label: str, value: Decimal, unit: Unit) -> int | None:
    """Where an item's own amount ends in `text`: the first amount after its name, when that is its value."""
    at = text.find(label)
    if at < 0:
        return None
    start = at + len(label)
    # the amount follows its item's name closely: reading the whole rest of a sentence of thousands of
    # items, once for each, would take time in the square of the items
    for token in tokens(text, start, min(len(text), start + REACH)):
        if token.kind == "value":
            return token.end if token.number == value and token.unit == unit else None
    return None


def item_parts(text: str, item_end: int) -> list[ItemPart]:
    """The parts stated after an item's amount, which ends at `item_end` in `text`."""
    end = _end_of_item(text, item_end)
    used = _USED_FOR.search(text, item_end, end)
    if used is None:
        return []
    parts: list[ItemPart] = []
    previous = used.end()
    for token in tokens(text, used.end(), end):
        if token.kind != "value":
            previous = token.end
            continue
        named = _PART.search(text, previous, token.start)
        if named is None or token.number is None or token.unit is None:
            break  # another amount (the next item's, a project's): what follows is no part of this item
        parts.append(ItemPart(PART_COLUMNS[named.group(1)], named.group(1), token.number, token.unit))
        previous = token.end
    columns = [p.column for p in parts]
    return [] if len(set(columns)) != len(columns) else parts  # a part named twice is not a list of parts


def _end_of_item(text: str, start: int) -> int:
    limit = min(len(text), start + REACH)
    found = (_SENTENCE_END.search(text, start, limit), _NEXT_ITEM.search(text, start, limit))
    ends = [m.start() for m in found if m]
    if ends or limit == len(text):
        return min(ends, default=limit)
    # cut at the last clause mark within reach, never inside an amount
    return max(start, *(text.rfind(mark, start, limit) for mark in _CLAUSE_MARKS))
