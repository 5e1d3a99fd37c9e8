"""Split a document's lines into narrative, standard-table segments and the performance section."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..document import Line
from ..model.amounts import Unit
from .kinds import find_table_kind

_UNIT = re.compile(r"单位[:：]?\s*(万元|元)")
_CONTINUED = re.compile(r"^[（(]?续表[)）]?")
# a title must be followed by table rows within this many lines, or it is a heading / TOC entry
_TITLE_LOOKAHEAD = 6
# a single-cell line this long is prose: it ends a table segment
_PROSE_MIN_CHARS = 40


@dataclass
class Segment:
    kind: str
    title: str
    title_line: Line
    parts: list[list[Line]] = field(default_factory=list)  # one part per page the table spans
    notes: list[str] = field(default_factory=list)
    unit: Unit | None = None

    @property
    def lines(self) -> list[Line]:
        return [line for part in self.parts for line in part]


@dataclass
class Segments:
    narrative: list[Line] = field(default_factory=list)
    tables: list[Segment] = field(default_factory=list)
    performance: list[Line] = field(default_factory=list)


def title_kind(filled: list[list[str]], index: int) -> str | None:
    """The table kind line `index` is the title of, given the filled cells of every line."""
    if not filled[index] or len(filled[index]) > 2:
        return None
    kind = find_table_kind(filled[index][0])
    if kind is None:
        return None
    ahead = filled[index + 1 : index + 1 + _TITLE_LOOKAHEAD]
    if kind != "performance" and not any(len(cells) >= 2 for cells in ahead):
        return None
    return kind


def unit_in(text: str) -> Unit | None:
    match = _UNIT.search(text.replace(" ", ""))
    if not match:
        return None
    return Unit.wanyuan if match.group(1) == "万元" else Unit.yuan


_HEADING = re.compile(r"^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）])")


def _is_prose(line: Line, filled: list[str]) -> bool:
    """A line of running text (one cell, no table columns): a heading or a long sentence."""
    if len(line.cells) != 1 or len(filled) != 1 or filled[0].startswith(("备注", "注")):
        return False
    return len(filled[0]) >= _PROSE_MIN_CHARS or bool(_HEADING.match(filled[0]))


def split_segments(lines: list[Line], is_performance_start=None) -> Segments:
    out = Segments()
    current: Segment | None = None
    # asked of every line, and of the lines under each title
    filled_by_line = [line.filled for line in lines]
    for index, line in enumerate(lines):
        filled = filled_by_line[index]
        kind = title_kind(filled_by_line, index)
        if out.performance and kind in (None, "performance"):
            out.performance.append(line)
            continue
        if kind == "performance" or (is_performance_start is not None and kind is None and is_performance_start(line)):
            out.performance.append(line)
            current = None
            continue
        if kind is not None:
            title = filled[0]
            if current is not None and current.kind == kind and _same_table(current.title, title):
                current.parts.append([])
            else:
                current = Segment(kind=kind, title=title, title_line=line, parts=[[]])
                out.tables.append(current)
            current.unit = current.unit or unit_in(line.text)
            continue
        if current is None:
            out.narrative.append(line)
            continue
        text = line.text
        if _CONTINUED.match(text):
            continue
        if text.startswith(("备注", "注:", "注：", "说明:")) or (len(filled) == 1 and "空表" in text):
            current.notes.append(text)
            continue
        if _is_prose(line, filled):
            current = None
            out.narrative.append(line)
            continue
        if len(filled) == 1 and unit_in(text):
            current.unit = current.unit or unit_in(text)
            continue
        current.parts[-1].append(line)
    return out


def _same_table(first: str, second: str) -> bool:
    """A repeated title continues the table; tolerate small typos between pages."""
    a, b = set(first), set(second)
    return len(a & b) >= 0.8 * max(len(a), len(b))
