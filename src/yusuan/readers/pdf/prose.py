"""Running text: a sentence wrapped over several printed lines becomes one line again.

A line is continued by the next when it runs to the right margin and the next starts at the left
margin (a new paragraph is indented, a heading is numbered), with ordinary line spacing and the
same type size. The same holds from the last line of a page to the first of the next. A centred
title too wide for one line goes on in a shorter line centred under it.
"""

from __future__ import annotations

import re
from collections import Counter

from ...document import Cell, Line
from .layout import Placed

# how close (in glyph heights) to the right margin a line must come to touch it: a number that
# does not fit is carried whole to the next line and leaves a justified line that much short
_MARGIN_SLACK = 3.5
# the gap between two lines of one paragraph, in glyph heights
_MAX_LEADING = 1.2
_SIZE_RATIO = 0.8
# lines at least this long are body text, from which the margins are learnt; a format needs this
# many of them before its lines are joined at all
_BODY_LINE_CHARS = 15
_BODY_LINES = 4
# margins are counted in bins this wide (points): OCR boxes and justified lines end a little apart
_BIN = 3.0
# share of body lines that must start at a position for it to be the left margin
_MARGIN_SHARE = 0.05
# share of long lines that must end at one place for it to be the right margin
_MARGIN_LINES_SHARE = 0.2
# an entry of a table of contents: dot leaders (OCR may keep only one) and a page number, not a
# decimal number ending a wrapped sentence ("增长12.08")
_CONTENTS_ENTRY = re.compile(r"(?<!\d)[.…·]+\s*\d{1,3}$")
# a sentence that ends here does not go on over a page break into what may be a title
_SENTENCE_END = ("。", "!", "?", ";", ":", "!", "?")
# a centred line this wide (share of the text width) was wrapped if a shorter centred line follows
_WIDE_TITLE = 0.6
# a line opening a new paragraph: a numbered heading; or, after a finished sentence, a short
# label and a colon ("说明：", but not the "中：" of a wrapped "其中：")
_HEADING = re.compile(
    r"^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[(（][一二三四五六七八九十\d]+[)）]|\d+[、.．](?!\d))"
)
_LABEL = re.compile(r"^[\u4e00-\u9fff]{1,4}[:：]")


def join_prose(pages: list[list[Placed]]) -> list[Placed]:
    out: list[Placed] = []
    margins = _margins_by_format(pages)
    for page in pages:
        for index, item in enumerate(page):
            previous = out[-1] if out else None
            margin = margins.get(_format(item))
            if previous is not None and margin is not None and _continues(previous, item, *margin, index == 0):
                out[-1] = _joined(previous, item)
                continue
            out.append(item)
    return out


def _format(item: Placed) -> tuple[int, int]:
    return round(item.page_width), round(item.page_height)


def _margins_by_format(pages: list[list[Placed]]) -> dict[tuple[int, int], tuple[float, float]]:
    """Left and right margins of the body text, per page format (portrait and landscape pages
    differ): the left-most start shared by several long lines, and the end most of them share.
    A format with no running text gets none, and its lines are not joined."""
    starts: dict[tuple[int, int], Counter[int]] = {}
    ends: dict[tuple[int, int], Counter[int]] = {}
    for page in pages:
        for item in page:
            if _is_prose(item) and len(item.line.cells[0].text) >= _BODY_LINE_CHARS:
                starts.setdefault(_format(item), Counter())[round(item.line.box[0] / _BIN)] += 1
                ends.setdefault(_format(item), Counter())[round(item.line.box[2] / _BIN)] += 1
    margins = {}
    for key, counter in starts.items():
        right = _shared_end(ends[key])
        if sum(counter.values()) >= _BODY_LINES and right is not None:
            # the left-most start that many lines share: indented first lines may be the majority
            enough = max(2, _MARGIN_SHARE * sum(counter.values()))
            left = min((x for x, n in counter.items() if n >= enough), default=counter.most_common(1)[0][0])
            margins[key] = (float(left * _BIN), float(right * _BIN))
    return margins


def _is_prose(item: Placed) -> bool:
    return not item.in_table and len(item.line.cells) == 1


def _shared_end(ends: Counter[int]) -> int | None:
    """The bin where justified lines end (the most common end, give or take a bin), if enough lines
    end there to call it a margin; pages of tables and centred titles have none."""
    best = max(ends, key=lambda b: ends[b - 1] + ends[b] + ends[b + 1])
    count = ends[best - 1] + ends[best] + ends[best + 1]
    if count < _BODY_LINES or count < _MARGIN_LINES_SHARE * sum(ends.values()):
        return None
    return best + 1


def _continues(previous: Placed, item: Placed, left: float, right: float, first_on_page: bool) -> bool:
    """Whether `item` goes on with the sentence of `previous`; `right` is the margin of previous's page."""
    if not (_is_prose(previous) and _is_prose(item)):
        return False
    size = max(previous.size, item.size)
    if min(previous.size, item.size) < _SIZE_RATIO * size:
        return False
    text, before = item.line.cells[0].text, previous.line.cells[0].text
    if _HEADING.match(text) or _CONTENTS_ENTRY.search(before):
        return False
    if _LABEL.match(text) and before.endswith(_SENTENCE_END):
        return False
    page, box = previous.tail or (previous.line.page, previous.line.box)
    if page == item.line.page:
        gap = item.line.box[1] - box[3]
        if gap > _MAX_LEADING * size or gap < -0.5 * size:
            return False
    elif not first_on_page or item.line.page != (page or 0) + 1 or previous.line.cells[0].text.endswith(_SENTENCE_END):
        return False
    reaches_right = box[2] >= right - _MARGIN_SLACK * size
    starts_left = abs(item.line.box[0] - left) <= 0.5 * size
    return (reaches_right and starts_left) or _centred_continuation(previous, item, left, right, size)


def _centred_continuation(previous: Placed, item: Placed, left: float, right: float, size: float) -> bool:
    a, b = previous.line.box, item.line.box
    if previous.line.page != item.line.page or previous.tail is not None:
        return False
    wide = a[2] - a[0] >= _WIDE_TITLE * (right - left)
    centred = abs((a[0] + a[2]) / 2 - (b[0] + b[2]) / 2) <= size
    return wide and centred and b[2] - b[0] < a[2] - a[0] and abs(previous.size - item.size) <= 0.1 * size


def _joined(first: Placed, second: Placed) -> Placed:
    a, b = first.line, second.line
    box = a.box if a.page != b.page else (
        min(a.box[0], b.box[0]), a.box[1], max(a.box[2], b.box[2]), b.box[3]
    )
    first_text, second_text = a.cells[0].text, b.cells[0].text
    space = " " if first_text[-1:].isascii() and first_text[-1:].isalpha() and second_text[:1].isascii() and second_text[:1].isalpha() else ""
    cell = Cell(first_text + space + second_text, box)
    line = Line(cells=[cell], number=a.number, page=a.page, box=box)
    return Placed(line, False, first.size, first.page_height, first.page_width, tail=(b.page, b.box))
