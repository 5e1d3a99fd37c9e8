"""Changes stated with their percent right after the amount they change, whatever the amount is about.

"5973.01万元,比上年执行数减少263.59万元,下降4.0%", "1,895万元,与上年相比减少134万元,降幅0.66%": an
amount, its change and the change's percent follow one another in one sentence, joined by nothing but
words of comparison. The percent then follows from the two amounts alone, even where no subject key names
what the amount is about (a 项 the catalog does not know, "一般公共预算当年拨款"). Anything else between
them (another amount, "其中基本支出") leaves the three unread: a doubtful reading is no reading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from ..model.amounts import Unit, convert
from ..model.narrative import Direction
from .sentences import sentence_spans
from .tokens import Token, tokens

# between an amount and its change: "，比上年执行数", "，与上年相比", "，比2025年预算", "，较上年同期", "，同比"
_TO_CHANGE = re.compile(
    r"[\s,，]*(?:(?:与|和|同|比|较|对比)\s*(?:(?:19|20)\d{2}\s*年度?|上年度?|去年|上一年度?)(?:同期)?(?:年初)?"
    r"(?:预算执行数|预算数?|决算数?|执行数)?(?:相比|比较)?)?[\s,，]*(?:同比)?\s*")
# between the change and its percent: a comma at most ("减少392.92万元,减少5.95%")
_TO_PERCENT = re.compile(r"[\s,，]*")
# "比上年预算6.00万元减少1.00万元": the amount right after the comparison is the other year's, not this year's
_AFTER_COMPARISON = re.compile(r"(?:与|和|同|比|较|对比)\s*(?:(?:19|20)\d{2}\s*年度?|上年度?|去年|上一年度?)[^,，;；。\d]{0,8}$")


@dataclass(frozen=True, slots=True)
class StatedPercent:
    value: Decimal
    change: Decimal  # as printed, without its sign
    unit: Unit  # of both amounts (the change's)
    direction: Direction
    percent: Decimal
    start: int  # where the amount starts in the text
    end: int  # where the percent ends


def _stated(text: str, value: Token, change: Token, percent: Token) -> StatedPercent | None:
    if value.kind != "value" or change.kind != "change" or percent.kind != "percent":
        return None
    if change.unit is None or change.direction != percent.direction or None in (value.number, change.number):
        return None
    if not _TO_CHANGE.fullmatch(text, value.end, change.start) or not _TO_PERCENT.fullmatch(text, change.end, percent.start):
        return None
    if _AFTER_COMPARISON.search(text, max(0, value.start - 24), value.start):
        return None
    amount = convert(value.number, value.unit, change.unit) if value.unit and value.unit != change.unit else value.number
    return StatedPercent(amount, change.number, change.unit, change.direction, percent.number, value.start, percent.end)


def stated_percents(text: str) -> list[StatedPercent]:
    """Every amount of `text` followed by its change and the change's percent."""
    found = []
    for start, end in sentence_spans(text):
        if text.find("%", start, end) < 0:
            continue
        read = tokens(text, start, end)
        for triple in zip(read, read[1:], read[2:]):
            stated = _stated(text, *triple)
            if stated is not None:
                found.append(stated)
    return found
