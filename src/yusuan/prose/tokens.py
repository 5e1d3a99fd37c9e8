"""The amounts a sentence states, in order: values, changes, percents and 持平.

Money is a number with the unit it was printed in (元, 万元, 亿元; 万 alone is 万元). A number right after a direction
word ("减少 49.71 万元", "增长12.5%") is a change, not a value. Counts (车辆 2 辆, 退休 4人) carry no
money unit and are not amounts at all.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from decimal import Decimal

from ..model.amounts import Unit, parse_decimal
from ..model.narrative import AmountKind, Direction

TokenKind = AmountKind

_NUMBER = r"\d{1,3}(?:,\d{3}){1,6}(?:\.\d+)?|\d+(?:\.\d+)?"
# "公务接待支出0.39万(含外宾…)": 万 without 元, right before a bracket or a mark, is 万元 all the same.
# A number starts where no digit precedes it: tried from inside a long run of digits, the match
# took time quadratic in the run (docs/reliability.md, crash #9)
_MONEY = re.compile(rf"(?<!\d)({_NUMBER})\s*(亿元|万元|元|万(?=[(（,，;；。]))")
_UP = "增加|增长|上升|提高|增幅|增"
_DOWN = "减少|下降|降低|压减|缩减|核减|减幅|降幅|减"
_DIRECTION_WORD = re.compile(f"{_UP}|{_DOWN}")  # every change and percent has one
# 新增 names a new amount, not a change
_DIRECTION = re.compile(rf"(?:(?<!新)({_UP})|({_DOWN}))了?\s*约?\s*$")
_DIRECTION_REACH = 16  # characters before an amount where its direction word may stand
_PERCENT = re.compile(rf"(?:(?<!新)({_UP})|({_DOWN}))了?\s*(?:为|约)?\s*({_NUMBER})\s*%")
# a change printed without its unit ("减少49.71,主要是…") takes the unit of what it changes
_BARE_CHANGE = re.compile(rf"(?:(?<!新)(?:{_UP})|(?:{_DOWN}))了?\s*({_NUMBER})(?=\s*(?:[,;。]|$))")
_FLAT = re.compile(r"持平|无变化|没有变化|保持不变|未发生变化|未变化|无增减|没有增减|未增减")
_DIGIT = re.compile(r"\d")
# a comma between digits with three after it groups thousands; any other comma ends a clause. Each
# alternative starts with its mark (the digit before a comma is looked for behind it), so a search skips
# straight to the marks
_CLAUSE_MARK = re.compile(r",(?<!\d,)|,(?!\d{3}(?!\d))|;|:|、|其中")
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
# a year right after these is one compared with, or a date (截至2023年12月), not the year stated for
_NOT_OWN_YEAR = re.compile(r"(?:比|较|与|同|对比|相比|截至|截止|至)\s*$")
_COMPARED_YEAR = re.compile(r"(?:比|较|与|同|对比)\s*((?:19|20)\d{2})\s*年|((?:19|20)\d{2})\s*年度?\S{0,6}?相比")
_PRIOR_YEAR = re.compile(r"上年|去年|上一年|同比|上年度")
_UNITS = {"元": Unit.yuan, "万元": Unit.wanyuan, "亿元": Unit.yi}


@dataclass(frozen=True, slots=True)
class Token:
    kind: TokenKind
    start: int
    end: int
    number: Decimal | None = None
    unit: Unit | None = None
    direction: Direction | None = None


def clause_start(text: str, start: int, end: int) -> int:
    """Where the clause that runs up to `end` begins, not before `start`. Sought back from `end` in ever
    wider windows: a sentence of thousands of amounts asks this once for each, and its clauses are short."""
    width = 64
    while True:
        low = max(start, end - width)
        marks = [m.end() for m in _CLAUSE_MARK.finditer(text, low, end)]
        if marks:
            return marks[-1]
        if low == start:
            return start
        width *= 4


def _direction(up: str | None) -> Direction:
    return "增加" if up else "减少"


def _money(match: re.Match[str], text: str, start: int, changes: bool) -> Token | None:
    """`changes`: whether the sentence has a direction word at all."""
    number = parse_decimal(match.group(1))
    if number is None:
        return None
    unit = _UNITS.get(match.group(2), Unit.wanyuan)
    # the direction word stands right before the amount: a bounded window keeps this linear (searching
    # from the sentence start is quadratic in a long sentence full of amounts)
    direction = None
    if changes:
        direction = _DIRECTION.search(text, max(start, match.start() - _DIRECTION_REACH), match.start())
    if direction is None:
        return Token("value", match.start(), match.end(), number, unit)
    return Token("change", direction.start(), match.end(), number, unit, _direction(direction.group(1)))


# a direction word attached to a subject's wording ("增加基本支出844.15万元", "基本支出增加人员工资、
# 住房公积金等3397.18万元"): the amount after it is the subject's change, however far it stands.
# Only whole words: 增/减 alone start too many others (增资, 减免)
_CHANGE_WORDS = r"(?:(增加|增长|上升|提高)|(减少|下降|降低|压减|缩减|核减))"
_WORD_BEFORE = re.compile(rf"(?<!新){_CHANGE_WORDS}了?\s*$")
# "基本支出(比上年|同比|有所)增加…"
_WORD_AFTER = re.compile(
    rf"\s*(?:(?:比|较)(?:上年度?|去年|上一年度?|(?:19|20)\d{{2}}\s*年度?)|同比|有所)?\s*{_CHANGE_WORDS}")
_CLAUSE_END = re.compile(r"[,，;；:：。]")
# "基本支出增加至/后为5000万元" states the new value
_NEW_VALUE = re.compile(r"(?:为|至|到|达|是)了?\s*$")


def change_of(lead: str, wording: str) -> Direction | None:
    """The direction when `lead` (the text before an amount, since the previous one) attaches a direction
    word to `wording`, the subject's wording nearest the amount: the amount is then a change, not a value."""
    at = lead.rfind(wording)
    if not wording or at < 0:
        return None
    after = lead[at + len(wording) :]
    if _CLAUSE_END.search(after) or _NEW_VALUE.search(after):
        return None  # "收入较上年有所增加,为5000万元": the amount is a clause of its own
    match = _WORD_BEFORE.search(lead, 0, at) or _WORD_AFTER.match(after)
    return _direction(match.group(1)) if match else None


def _bare_changes(text: str, start: int, end: int, taken: list[Token]) -> list[Token]:
    tokens = []
    starts, ends = _covered(taken)
    for match in _BARE_CHANGE.finditer(text, start, end):
        # a number another token reads already (a sentence may print thousands: looked up, not scanned)
        at = bisect.bisect_right(starts, match.start(1)) - 1
        if at >= 0 and match.start(1) < ends[at]:
            continue
        up = re.match(_UP, match.group(0))
        tokens.append(Token("change", match.start(), match.end(), parse_decimal(match.group(1)), None, _direction(up)))
    return tokens


def _covered(tokens: list[Token]) -> tuple[list[int], list[int]]:
    """The stretches the tokens cover, overlapping ones merged: their starts and ends, in order."""
    starts: list[int] = []
    ends: list[int] = []
    for token in sorted(tokens, key=lambda t: t.start):
        if ends and token.start <= ends[-1]:
            ends[-1] = max(ends[-1], token.end)
        else:
            starts.append(token.start)
            ends.append(token.end)
    return starts, ends


def _percents(text: str, start: int, end: int) -> list[Token]:
    if text.find("%", start, end) < 0:
        return []  # most sentences print none, and the pattern is tried at every place before its %
    return [
        Token("percent", m.start(), m.end(), parse_decimal(m.group(3)), None, _direction(m.group(1)))
        for m in _PERCENT.finditer(text, start, end)
    ]


def _flats(text: str, start: int, end: int) -> list[Token]:
    return [Token("flat", m.start(), m.end(), Decimal(0), None, "持平") for m in _FLAT.finditer(text, start, end)]


def tokens(text: str, start: int, end: int) -> list[Token]:
    """Amount tokens of text[start:end], in reading order."""
    if _DIGIT.search(text, start, end) is None:
        return _flats(text, start, end)  # most sentences state no number, and only 持平 needs none
    # every change and percent has a direction word, and most sentences have none: one search for any
    # spares the searches for each, which try their words at every place
    changes = _DIRECTION_WORD.search(text, start, end) is not None
    found = [t for m in _MONEY.finditer(text, start, end) if (t := _money(m, text, start, changes))]
    if changes:
        found += _percents(text, start, end)
    found += _flats(text, start, end)
    if changes:
        found += _bare_changes(text, start, end, found)
    return sorted(found, key=lambda t: t.start)


def stated_year(text: str) -> int | None:
    """The year a value is stated for ("2024年一般公共预算…"), not one it is compared with."""
    years = [int(m.group(1)) for m in _YEAR.finditer(text) if not _NOT_OWN_YEAR.search(text, 0, m.start())]
    return years[-1] if years else None


# "上年度列入此项的…" states a figure of the year before; "比上年", "与上年相比", "上年结转" do not
_PRIOR_OWN = re.compile(r"(?<![比较与同对])(?:上年度|上一年度|去年)(?!相比|同期|结转)")


def names_prior_year(text: str) -> bool:
    """Whether the words before a value say it is the prior year's (and no explicit year is named)."""
    return bool(_PRIOR_OWN.search(text))


def compared_year(text: str, year: int | None) -> tuple[int | None, bool]:
    """(year compared with, whether the text names a comparison at all)."""
    match = _COMPARED_YEAR.search(text)
    if match:
        return int(match.group(1) or match.group(2)), True
    if _PRIOR_YEAR.search(text):
        return (year - 1 if year else None), True
    return None, False
