"""A whole and the parts listed after its "其中": "共有车辆233辆,其中:执法执勤用车179辆、特种专业技术用车8辆".

The whole is the amount or count right before "其中"; its parts are those of the same unit after it, up to
the end of the sentence. Whatever reads as anything else is left out: a change ("比上年增加…") or an
amount compared with ("比上年90万元"), which need not be smaller than the whole; a new statement of its own
(a year named, another "其中", another purchase), which is of another scope.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from decimal import Decimal

from ..model.amounts import parse_decimal
from .sentences import sentence_spans

_NUMBER = r"\d{1,3}(?:,\d{3}){1,6}(?:\.\d+)?|\d+(?:\.\d+)?"
# money in 万元; counts of vehicles and equipment, which no other scope shares within a sentence
_QUANTITY = re.compile(rf"(?<![\d.])({_NUMBER})\s*(亿元|万元|元|万(?=[(,;。、])|辆|台\s*\(\s*套\s*\)|台|套)")
_TO_WANYUAN = {"亿元": Decimal(10000), "万元": Decimal(1), "万": Decimal(1), "元": Decimal("0.0001")}
_OF_WHICH = re.compile(r"[\s,，:：]*其中")
# a quantity its clause changes or compares is no part of the whole, nor is a bound ("100万元以上")
_CHANGED = re.compile(r"增|减|降|升|超|比|较|上年|去年|同期|平均|人均|占|不足|不超过|至少|约")
_BOUND = re.compile(r"\s*(?:以上|以下|以内|左右|及以上)")
_CLAUSE = re.compile(r"[,，;；:：、(（]")
# a change word further back than this in a clause without marks is another statement's; it also keeps the
# work per quantity bounded in a sentence of thousands
_REACH = 60
# the list ends where a new statement starts: a year, another total, another purchase
_NEW_STATEMENT = re.compile(r"(?:19|20)\d{2}\s*年|其中|共有|共计|合计|总计|购置|新增|配置|拟|计划")
_LONGEST_STATEMENT_WORD = 16  # characters, a year with spaces before its 年 included


@dataclass(frozen=True, slots=True)
class Breakdown:
    whole: Decimal
    part: Decimal  # the largest part
    unit: str  # 万元 for money, else the count's word
    whole_text: str
    part_text: str
    start: int  # where the whole starts
    end: int  # where the largest part ends


def _quantity(match: re.Match[str]) -> tuple[Decimal, str] | None:
    number = parse_decimal(match.group(1))
    if number is None:
        return None
    unit = re.sub(r"\s", "", match.group(2))
    if unit in _TO_WANYUAN:
        return number * _TO_WANYUAN[unit], "万元"
    return number, unit.replace("(套)", "")


def _clause_before(text: str, start: int, at: int, marks: list[int]) -> str:
    """The clause's words before `at`: from the last clause mark (`marks`: where each mark of the sentence
    ends, in order) or the sentence's start, at most `_REACH` characters back."""
    before = bisect_right(marks, at)
    return text[max(marks[before - 1] if before else start, at - _REACH) : at]


def _is_plain(text: str, start: int, match: re.Match[str], marks: list[int]) -> bool:
    """The quantity is stated as it is: not a change, nor a figure compared with, nor a bound."""
    return (not _CHANGED.search(_clause_before(text, start, match.start(), marks))
            and not _BOUND.match(text, match.end()))


def breakdowns(text: str) -> list[Breakdown]:
    """Every "whole, 其中 parts" of `text` whose largest part is read, with that part."""
    found = []
    for start, end in sentence_spans(text):
        quantities = list(_QUANTITY.finditer(text, start, end))
        marks = [m.end() for m in _CLAUSE.finditer(text, start, end)]
        for index, whole in enumerate(quantities):
            of_which = _OF_WHICH.match(text, whole.end(), end)
            read = _quantity(whole)
            if of_which is None or read is None or not _is_plain(text, start, whole, marks):
                continue
            parts = []
            searched = of_which.end()  # the words up to here hold no new statement
            for part in quantities[index + 1 :]:
                # from a little before where the last search ended: a statement's words may straddle it
                if _NEW_STATEMENT.search(text, max(of_which.end(), searched - _LONGEST_STATEMENT_WORD), part.start()):
                    break
                searched = part.start()
                stated = _quantity(part)
                if stated is not None and stated[1] == read[1] and _is_plain(text, start, part, marks):
                    parts.append((stated[0], part))
            if parts:
                value, largest = max(parts, key=lambda p: p[0])
                found.append(Breakdown(read[0], value, read[1], whole.group(0), largest.group(0),
                                       whole.start(), largest.end()))
    return found
