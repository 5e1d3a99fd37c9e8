"""Split a document's lines into narrative, standard-table segments and the performance section."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..document import Line
from ..model.amounts import Unit
from .grid import is_data_line, split_header
from .kinds import UNRECOGNIZED, find_table_kind, is_table_number, looks_like_title

_UNIT = re.compile(r"单位[:：]?\s*(万元|元)")
_CONTINUED = re.compile(r"^[（(]?续表[)）]?")
# a page number printed under the table: "17", "- 17 -", "─17─"
_PAGE_NUMBER = re.compile(r"^[-─—]?\s*\d{1,3}\s*[-─—]?$")
# a title must be followed by table rows within this many lines, or it is a heading / TOC entry
_TITLE_LOOKAHEAD = 6
_NOTE_START = ("备注", "注:", "注：", "说明:")
# a line under a table saying it has nothing: "(无政府性基金支出)", "本部门无国有资本经营预算支出", "无";
# not the rest of a wrapped row name ("无障碍设施改造支出", "无形资产")
_SAYS_NONE = re.compile(
    r"^[(（]?(?:本(?:部门|单位|表)|我(?:部门|单位)|此表)?(?:无|没有|未安排|不涉及)(?!形|障碍|线|人机|偿)"
    r"(?=.*(?:支出|收入|预算|经费|数据|资金|安排))|^[(（]?无[)）]?$"
)
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


def title_kind(filled: list[list[str]], index: int, contents: frozenset[int] = frozenset()) -> str | None:
    """The table kind line `index` is the title of, given the filled cells of every line."""
    title = filled[index]
    if not title or len(title) > 2 or index in contents:
        return None
    if not looks_like_title(title[0]):
        return None
    kind = find_table_kind(title[0]) or UNRECOGNIZED
    if kind != "performance" and not any(len(cells) >= 2 for cells in _lines_under(filled, index)):
        return None
    return kind


def _is_title_like(cells: list[str]) -> bool:
    return 1 <= len(cells) <= 2 and looks_like_title(cells[0])


def _names_indicators(filled: list[str]) -> bool:
    """The column header of a performance table printed without its title (长沙: 绩效目标 | 绩效指标
    over 一级指标 | 二级指标 …): the tables before it have ended."""
    return len(filled) >= 3 and ("一级指标" in filled or "绩效指标" in filled)


# cells of a project list's column header that name its amount columns (a 项目名称 label beside them is
# the list's, not a performance table's)
_FUNDING_HEADERS = frozenset({"总计", "合计", "金额", "一般公共预算", "政府性基金", "政府性基金预算", "财政拨款",
                              "单位资金", "其他资金", "财政专户管理资金"})


def _names_funding(filled: list[str]) -> bool:
    """A column header naming amount columns (单位名称 | 项目名称 | 总计 | 一般公共预算 | 政府性基金 …)."""
    return sum(cell in _FUNDING_HEADERS for cell in filled) >= 2


def _lines_under(filled: list[list[str]], index: int) -> list[list[str]]:
    """The lines a title may have its table in: a few, and none past the next title-like line
    (a contents page lists titles one under the other; a real title is followed by its header)."""
    ahead = filled[index + 1 : index + 1 + _TITLE_LOOKAHEAD]
    for offset, cells in enumerate(ahead):
        if _is_title_like(cells):
            return ahead[:offset]
    return ahead


def contents_entries(filled: list[list[str]]) -> frozenset[int]:
    """Title-like lines listed one under the other with no line of cells between them: a contents
    page. Found as runs, so that its last entry is one too (a performance table, which may start with
    one-cell lines, is told from such an entry by this alone)."""
    titles = [i for i, cells in enumerate(filled) if cells and _is_title_like(cells)]
    entries: set[int] = set()
    for first, second in zip(titles, titles[1:]):
        between = filled[first + 1 : second]
        if second - first <= _TITLE_LOOKAHEAD and not any(len(cells) >= 2 for cells in between):
            entries.add(first)
            if not any(len(cells) >= 2 for cells in _lines_under(filled, second)):
                entries.add(second)  # the last entry: no table under it either
    return frozenset(entries)


# the line over a table naming whose it is and its unit: "部门：某局 | 金额单位：元", "编制单位：某局 | 单位：万元"
_UNIT_CELL = re.compile(r"(?:金额)?单位[:：]\s*(?:万元|元)")
_LABELLED = re.compile(r"[:：]")


def _is_unit_line(filled: list[str], current: Segment) -> bool:
    """A unit in the last cell of a line before the table's header, beside labelled cells (部门：…) or
    first under the title."""
    if not _UNIT_CELL.fullmatch(filled[-1].replace(" ", "")):
        return False
    others = filled[:-1]
    return not current.parts[-1] or all(_LABELLED.search(cell) for cell in others)


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


def _is_note(text: str, filled: list[str]) -> bool:
    """A note under a table; a one-cell sentence inside a table is one even when its 注 was lost."""
    if text.startswith(_NOTE_START):
        return True
    return len(filled) == 1 and ("空表" in text or text.endswith("。") or bool(_SAYS_NONE.match(text)))


def _is_caption(lines: list[Line], index: int, filled: list[str]) -> bool:
    """A table's number on a line of its own, or the page number closing a page."""
    if len(filled) != 1:
        return False
    text = filled[0].replace(" ", "")
    last_on_page = index + 1 == len(lines) or lines[index + 1].page != lines[index].page
    return is_table_number(text) or (last_on_page and bool(_PAGE_NUMBER.match(text)))


# a heading of the 情况说明 after the performance tables (Fuzhou prints them under "七、预算绩效目标情况"
# and goes on with "八、其他重要事项说明", "第四部分 名词解释"): the narrative resumes
_RESUMES_NARRATIVE = re.compile(
    r"^第[一二三四五六七八九十]+部分|^(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）])\s*"
    r"(?:其他重要事项|名词(?:解释|说明|释义)|专业性?名词|机关运行经费|政府采购|国有资产)"
)
_HEADING_MAX_CHARS = 30


def _resumes_narrative(filled: list[str]) -> bool:
    return len(filled) == 1 and len(filled[0]) <= _HEADING_MAX_CHARS and bool(_RESUMES_NARRATIVE.match(filled[0]))


def split_segments(lines: list[Line], is_performance_start=None) -> Segments:
    out = Segments()
    current: Segment | None = None
    in_performance = False
    # asked of every line, and of the lines under each title
    filled_by_line = [line.filled for line in lines]
    contents = contents_entries(filled_by_line)
    for index, line in enumerate(lines):
        filled = filled_by_line[index]
        kind = title_kind(filled_by_line, index, contents)
        if in_performance and kind is None and _resumes_narrative(filled):
            in_performance = False
            out.narrative.append(line)
            continue
        if in_performance and kind in (None, "performance"):
            out.performance.append(line)
            continue
        if kind == "performance" or (is_performance_start is not None and kind is None and index not in contents
                                     and not _names_funding(filled)
                                     and (is_performance_start(line) or _names_indicators(filled))):
            out.performance.append(line)
            in_performance = True
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
        if len(filled) != 1:  # most lines: a row, or a note that says it is one
            if _is_unit_line(filled, current):
                current.unit = current.unit or unit_in(filled[-1])
                continue
            if text.startswith(_NOTE_START):
                current.notes.append(text)
            else:
                current.parts[-1].append(line)
            continue
        if _is_caption(lines, index, filled):
            continue
        if _is_note(text, filled):
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
    for segment in out.tables:
        segment.parts = _split_repeated_headers(segment.parts)
    return out


def _split_repeated_headers(parts: list[list[Line]]) -> list[list[Line]]:
    """A page that starts with the table's column header again (no title repeated) is a part of its own,
    so that its header is read as a header and not as rows."""
    if not parts or not parts[0] or not any(_spans_pages(part) for part in parts):
        return parts  # the header is repeated at the top of a page only
    header = {tuple(line.filled) for line in split_header(parts[0])[0] if line.filled}
    if not header:
        return parts
    split: list[list[Line]] = []
    for part in parts:
        start = 0
        for index in range(1, len(part)):
            if part[index].page != part[index - 1].page and _repeats_header(part[index:], header):
                split.append(part[start:index])
                start = index
        split.append(part[start:])
    return split


def _spans_pages(lines: list[Line]) -> bool:
    page = lines[0].page if lines else None
    return any(line.page != page for line in lines)


def _repeats_header(lines: list[Line], header: set[tuple[str, ...]]) -> bool:
    for line in lines:
        if is_data_line(line):
            return False
        if tuple(line.filled) in header:
            return True
    return False


def _same_table(first: str, second: str) -> bool:
    """A repeated title continues the table; tolerate small typos between pages."""
    a, b = set(first), set(second)
    return len(a & b) >= 0.8 * max(len(a), len(b))
