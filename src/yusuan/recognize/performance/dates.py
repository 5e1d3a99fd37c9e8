"""Project start/end dates, repaired from the pieces the layout cut them into.

A date printed in one cell comes back as "2024年1月 | 1日", "2024年1 | 2月31日" (cut) or
"2024年12 | 2月31日", "2024年1月 | 年1月1日" (neighbouring OCR tiles overlap, so a cell repeats the
end of the one before). Each way of joining the pieces — plain, or dropping a repeated overlap — is
tried; joinings that give no valid date fall away. When several valid dates remain ("2023年1 |
1月21日" is 11-21 or 01-21; "2024年1月1 | 1日" is 01-11 or 01-01), a start on the first of a month
and an end on the last of a month are preferred, as budget periods almost always are, then the
joining that drops the fewest characters.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from ..cells import compact

_DATE = re.compile(r"(?<!\d)(\d{4})(?:年|[-./])(\d{1,2})(?:月|[-./])(\d{1,2})(?!\d)")
_MONTH_DAY = re.compile(r"(?<!\d)(\d{1,2})月(\d{1,2})日")
# more pieces than this are prose, not a date cell
_MAX_PIECES = 6


def _valid(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def dates_in(text: str) -> list[date]:
    found = (_valid(int(y), int(m), int(d)) for y, m, d in _DATE.findall(text))
    return [d for d in found if d is not None]


def _overlaps(left: str, right: str) -> list[int]:
    return [size for size in range(1, min(len(left), len(right)) + 1) if left.endswith(right[:size])]


def _joinings(pieces: list[str]) -> list[tuple[int, str]]:
    """Every way of joining the pieces, with the number of characters dropped."""
    joined: list[tuple[int, str]] = [(0, pieces[0])]
    for piece in pieces[1:]:
        joined = [
            (dropped + size, text + piece[size:])
            for dropped, text in joined
            for size in [0, *_overlaps(text, piece)]
        ]
    return sorted(joined, key=lambda pair: pair[0])


def _date_lists(fragments: list[str]) -> list[list[date]]:
    pieces = [compact(f) for f in fragments if compact(f)][:_MAX_PIECES]
    if not pieces:
        return []
    return [found for _, text in _joinings(pieces) if (found := dates_in(text))]


def _is_month_start(day: date) -> bool:
    return day.day == 1


def _is_month_end(day: date) -> bool:
    return day.day == calendar.monthrange(day.year, day.month)[1]


def _pick(candidates: list[date], preferred) -> date | None:
    for candidate in candidates:
        if preferred(candidate):
            return candidate
    return candidates[0] if candidates else None


def _month_day(fragments: list[str], year: int) -> date | None:
    """A date whose year the layout garbled ("202a | 4年12月31日"), given the other date's year."""
    for month, day in _MONTH_DAY.findall(compact("".join(fragments))):
        if found := _valid(year, int(month), int(day)):
            return found
    return None


def read_period(start_fragments: list[str], end_fragments: list[str]) -> tuple[date | None, date | None]:
    start_lists = _date_lists(start_fragments)
    start = _pick([found[0] for found in start_lists], _is_month_start)
    end_lists = _date_lists(end_fragments)
    ends = [found[0] for found in end_lists if start is None or found[0] >= start]
    # both dates in the start cell when the end label was lost
    ends += [found[1] for found in start_lists if len(found) > 1 and found[0] == start]
    end = _pick(ends, _is_month_end)
    if end is None and start is not None:
        end = _month_day(end_fragments, start.year)
    if start is None and end is not None:
        start = _month_day(start_fragments, end.year)
    return start, end
