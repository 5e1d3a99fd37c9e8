"""The shape of the narrative: where it ends, its sections, and its paragraphs.

A paragraph is prose joined across the line breaks the extraction put in, keeping which line
each stretch came from so a claim can point at the line its amount was printed on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ...document import Line
from ...model.narrative import Section
from ...model.source import Source
from ...prose.headings import SENTENCE_MARK, Heading, clean, heading_of

# numbered lines under 职能职责 are duties, not headings
_LIST_PARENT = re.compile(r"职能|职责|主要任务")
_SENTENCE_END = "。!?"
_TABLE_TITLE = re.compile(r"表(?:\(续\)|\(续表\)|续表|续)?$")
_TABLE_TITLE_MAX = 60
_UNIT_NOTE = re.compile(r"单位\s*:")
_CONTENTS = re.compile(r"^\s*目\s*录\s*$")
_TABLE_LOOKAHEAD = 3
# so many bare headings opening a document are its contents, printed without a 目录 line
_CONTENTS_MIN_ENTRIES = 6
# blank lines are dropped by the reader, so a sentence may skip a few numbers; more is a table left out
_PARAGRAPH_GAP = 4
_NAMES_A_LINE = re.compile(r"^\s*\d{1,2}\s*[、.][^。]*\(\d{0,3}(?:类|款|项)\)\s*。\s*$")
# a heading printed without a number ("XX委员会主要职能", "名词解释", "2025年部门预算编制说明"): a short
# line naming one of the parts a 情况说明 has, standing between paragraphs
_UNNUMBERED_TITLE = re.compile(r"(?:职能|职责|机构设置|单位构成|部门构成|名词解释|名词释义|编制说明|情况说明|概况)$")
_UNNUMBERED_MAX = 30
# "上海市统计和大数据研究院（上海市统计数据管理中心）（单位）主要职能": a body's other name and its kind, in
# brackets, make a title long without making it prose; they do not count towards its length
_BRACKETED = re.compile(r"[(（][^()（）]{1,30}[)）]")
_YEAR = re.compile(r"(?:19|20)\d{2}\s*年")
_CAPTION = re.compile(r"^\s*(?:图|图表)\s*\d+\s*[:：.、]")
_AMOUNT = re.compile(r"\d\s*(?:亿元|万元|元)")
# a page's number between dashes ("— 7 —") or 第 7 页: a page footer inside a paragraph broken over pages
_FOLIO = re.compile(r"^\s*(?:[-—–]+\s*\d{1,4}\s*[-—–]+|第\s*\d{1,4}\s*页(?:\s*[,/]?\s*共\s*\d{1,4}\s*页)?)\s*$")


def is_table_title(text: str) -> bool:
    """A short line without sentence punctuation that ends in 表, e.g. "XX局财政拨款收支总表"."""
    text = clean(text)
    return len(text) <= _TABLE_TITLE_MAX and not SENTENCE_MARK.search(text) and bool(_TABLE_TITLE.search(text))


def _starts_table(lines: list[Line], index: int) -> bool:
    line = lines[index]
    if len(line.filled) >= 3:
        return True
    if len(line.filled) != 1 or not is_table_title(line.text):
        return False
    # a contents page lists table titles too; a real title is followed by its table
    following = lines[index + 1 : index + 1 + _TABLE_LOOKAHEAD]
    return any(len(n.filled) >= 2 or _UNIT_NOTE.search(n.text) for n in following)


def narrative_lines(lines: list[Line]) -> list[Line]:
    """The lines before the first table: its title, or the first row of three or more cells."""
    for index in range(len(lines)):
        if _starts_table(lines, index):
            return lines[:index]
    return list(lines)


@dataclass(slots=True)
class Piece:
    start: int  # offset of this stretch in the paragraph text
    line: Line


@dataclass(slots=True)
class Paragraph:
    text: str = ""
    pieces: list[Piece] = field(default_factory=list)
    section: Section | None = None
    is_heading: bool = False  # the title of a heading that states an amount

    def add(self, text: str, line: Line) -> None:
        self.pieces.append(Piece(len(self.text), line))
        self.text += text

    def source_at(self, offset: int) -> Source:
        piece = next(p for p in reversed(self.pieces) if p.start <= offset)
        return piece.line.source

    @property
    def is_open(self) -> bool:
        """Whether the next line continues this paragraph (it broke off mid-sentence, or it only named the
        类/款/项 the next line is about: "12、住房保障支出(类)住房改革支出(款)住房公积金(项)。")."""
        return bool(self.text) and (self.text.rstrip()[-1] not in _SENTENCE_END or bool(_NAMES_A_LINE.match(self.text)))


@dataclass(slots=True)
class Layout:
    sections: list[Section] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)


def _is_list_item(heading: Heading, open_sections: list[Section]) -> bool:
    # under an unnumbered 职能 heading, only (一) and 1. number duties: a 一、 is the next part; one
    # printed under a numbered heading numbers its duties as the level below that heading
    return any(_LIST_PARENT.search(s.title) and (
        s.level < heading.level and (s.number or heading.level >= 2) or (not s.number and 0 < s.level == heading.level)
    ) for s in open_sections)


def _sub_level(open_sections: list[Section]) -> int:
    """The level of an unnumbered title: the first part of a document, or a sub-title under a numbered
    heading ("(一)本部门职责情况" then "XX局主要职责"), which the next numbered heading closes."""
    return open_sections[-1].level + 1 if open_sections and open_sections[-1].number else 0


def _unnumbered_heading(text: str, line: Line, paragraph: Paragraph | None, opened: bool) -> Heading | None:
    last = paragraph.pieces[-1].line if paragraph is not None else None
    if paragraph is not None and paragraph.is_open and last.page == line.page and _near(last, line):
        return None  # the rest of a sentence broken over lines (a cover's lines end no sentence either)
    if len(_BRACKETED.sub("", text)) > _UNNUMBERED_MAX or SENTENCE_MARK.search(text) \
            or not _UNNUMBERED_TITLE.search(text):
        return None
    if not opened and _YEAR.search(text):
        return None  # the document's own title ("XX局2024年部门预算情况说明"), not one of its parts
    return Heading(number="", title=text, level=0)


def _open_section(heading: Heading, line: Line, open_sections: list[Section]) -> Section:
    section = Section(number=heading.number, title=heading.title, level=heading.level, source=line.source)
    while open_sections and open_sections[-1].level >= heading.level:
        open_sections.pop()
    open_sections.append(section)
    return section


def _near(previous: Line, line: Line) -> bool:
    """Whether two lines can be one paragraph: not parted by a table the caller left out."""
    if previous.number is not None and line.number is not None:
        return line.number - previous.number <= _PARAGRAPH_GAP
    return previous.page is None or line.page is None or line.page - previous.page <= 1


def _same_number(a: Heading, b: Heading) -> bool:
    # not the title: the contents may word it differently ("单位概况" for "XX办公室概况")
    return (a.level, a.number) == (b.level, b.number)


def without_contents_page(lines: list[Line]) -> list[Line]:
    """Drop a 目录 page: from the 目录 line to where its first entry is printed again as a heading."""
    start = next((i for i, line in enumerate(lines) if _CONTENTS.match(line.text)), None)
    if start is None:
        return _without_unlabelled_contents(lines)
    headings = [(i, h) for i, line in enumerate(lines[start + 1 :], start + 1) if (h := heading_of(line.text))]
    if not headings:
        return lines
    first = headings[0][1]
    again = next((i for i, heading in headings[1:] if _same_number(heading, first)), None)
    prose = next((i for i in range(start + 1, len(lines)) if _is_prose(lines[i].text)), None)
    if prose is not None and (again is None or prose < again):
        # the body does not number its parts as the contents do: it starts on the page of its first sentence
        return lines[:start] + lines[_page_start(lines, start, prose):]
    return lines if again is None else lines[:start] + lines[again:]


def contents_entries(lines: list[Line]) -> list[Line]:
    """The entries of a 目录 page: its numbered lines that without_contents_page leaves out."""
    kept = {id(line) for line in without_contents_page(lines)}
    return [line for line in lines if id(line) not in kept and heading_of(clean(line.text)) is not None]


def _without_unlabelled_contents(lines: list[Line]) -> list[Line]:
    """A document that opens with a list of bare headings is opening with its contents, 目录 or not; it
    is dropped only where the body prints its first entry again, with no sentence in between."""
    opening = lines[:_CONTENTS_MIN_ENTRIES]
    if len(opening) < _CONTENTS_MIN_ENTRIES or not all(_bare_heading(line.text) for line in opening):
        return lines
    first = heading_of(lines[1].text)
    for index in range(2, len(lines)):
        text = lines[index].text
        if _is_prose(text):
            return lines
        # the title too: a contents page numbers each of its parts from 一 again
        if heading_of(text) == first:
            # the part the contents open with ("第一部分…") may head the body again, just above
            return lines[index - 1 :] if heading_of(lines[index - 1].text) == heading_of(lines[0].text) else lines[index:]
    return lines


def _bare_heading(text: str) -> bool:
    heading = heading_of(text)
    return heading is not None and not heading.body


def _is_prose(text: str) -> bool:
    return heading_of(text) is None and bool(SENTENCE_MARK.search(text))


def _page_start(lines: list[Line], start: int, prose: int) -> int:
    """The first line of the page `prose` is on, if a later page than the contents'; else the title line
    just above it."""
    page = lines[prose].page
    if page is not None and page != lines[start].page:
        return next(i for i in range(start + 1, prose + 1) if lines[i].page == page)
    above = clean(lines[prose - 1].text)
    return prose - 1 if prose - 1 > start and not heading_of(above) and len(above) <= _UNNUMBERED_MAX else prose


def read_layout(lines: list[Line]) -> Layout:
    """Sections and paragraphs; table rows (two or more filled cells) are not prose and are skipped."""
    layout = Layout()
    open_sections: list[Section] = []
    paragraph: Paragraph | None = None
    for line in without_contents_page(lines):
        if len(line.filled) != 1 or _CAPTION.match(line.text):
            continue  # a caption names what a chart shows, it is no part of the sentence beside it
        text = clean(line.text)
        if _FOLIO.match(text):
            continue
        heading = heading_of(text) or _unnumbered_heading(text, line, paragraph, bool(layout.sections))
        if heading is not None and not heading.number:
            heading = replace(heading, level=_sub_level(open_sections))
        if heading is not None and not _is_list_item(heading, open_sections):
            layout.sections.append(_open_section(heading, line, open_sections))
            paragraph = None
            # "(一)本年财政拨款收入9616.34万元": a heading that states an amount is read as a sentence too
            text = heading.body or (heading.title if _AMOUNT.search(heading.title) else "")
            if not text:
                continue
            if not heading.body:
                paragraph = Paragraph(section=open_sections[-1], is_heading=True)
                layout.paragraphs.append(paragraph)
                paragraph.add(text, line)
                paragraph = None
                continue
        if paragraph is None or not paragraph.is_open or not _near(paragraph.pieces[-1].line, line):
            paragraph = Paragraph(section=open_sections[-1] if open_sections else None)
            layout.paragraphs.append(paragraph)
        paragraph.add(text, line)
    _fill_section_texts(layout)
    layout.sections = _without_contents_entries(layout.sections)
    return layout


def _fill_section_texts(layout: Layout) -> None:
    texts: dict[int, list[str]] = {}  # by the section's id: sections are told apart by identity
    for paragraph in layout.paragraphs:
        if paragraph.section is not None:
            texts.setdefault(id(paragraph.section), []).append(paragraph.text)
    for section in layout.sections:
        section.text = "\n".join(texts.get(id(section), ()))


def _heading_key(section: Section) -> tuple[int, str, str]:
    return section.level, section.number, section.title


def _without_contents_entries(sections: list[Section]) -> list[Section]:
    """An empty section whose heading is printed again later is an entry of the contents page."""
    kept: list[Section] = []
    printed_later: set[tuple[int, str, str]] = set()
    for section in reversed(sections):
        if section.text or _heading_key(section) not in printed_later:
            kept.append(section)
        printed_later.add(_heading_key(section))
    return kept[::-1]
