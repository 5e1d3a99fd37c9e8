"""The narrative (情况说明): its sections, and the amounts it states as claims.

Pass the narrative's lines (`narrative_lines` cuts a document before its first table); table rows
that slip in are skipped. Subject keys are those of docs/conventions.md.
"""

from __future__ import annotations

from ...document import Line
from ...model.amounts import Unit
from ...model.narrative import Narrative, Sentence
from ...prose.headings import Heading, clean, heading_of
from ...prose.sentences import Cut, cut, sentence
from .claims import read_paragraph
from .layout import Layout, contents_entries, is_table_title, narrative_lines, read_layout, without_contents_page
from .mentions import Mention

__all__ = [
    "Heading", "Mention",
    "clean", "heading_of", "is_table_title", "narrative_lines",
    "contents_entries", "read_change_mentions", "read_mentions", "read_narrative", "without_contents_page",
]  # fmt: skip


def _read(lines: list[Line], unit: Unit, year: int | None) -> tuple[Layout, list[Mention], list[list[Cut]]]:
    layout = read_layout(lines)
    cuts = [cut(paragraph.text) for paragraph in layout.paragraphs]  # once: the claims read the same sentences
    read = [(paragraph, read_paragraph(paragraph, unit, year, c)) for paragraph, c in zip(layout.paragraphs, cuts)]
    body = {(m.section, m.subject, m.value) for paragraph, found in read if not paragraph.is_heading for m in found}
    # a heading's amount stated again in its text ("3.公务接待费支出0.39万元" over "其中:国内公务接待
    # 支出0.39万") is one statement, not two
    return layout, [m for paragraph, found in read for m in found
                    if not paragraph.is_heading or (m.section, m.subject, m.value) not in body], cuts


def _sentences(layout: Layout, cuts: list[list[Cut]]) -> list[Sentence]:
    """The sentences of the sections' text, each at the line it starts on. A paragraph before the first
    heading is in no section's text, nor in the model."""
    sections = {id(section): index for index, section in enumerate(layout.sections)}
    lines: dict[int, int] = {}  # the lines of each section's text so far
    found: list[Sentence] = []
    for paragraph, paragraph_cuts in zip(layout.paragraphs, cuts, strict=True):
        index = None if paragraph.section is None else sections.get(id(paragraph.section))
        if index is None:
            continue
        first = lines.get(index, 0)
        found += [sentence(paragraph.text, c, index, first + c.paragraph, paragraph.source_at(c.start))
                  for c in paragraph_cuts]
        lines[index] = first + paragraph.text.count("\n") + 1
    return found


def read_mentions(lines: list[Line], unit: Unit, year: int | None) -> list[Mention]:
    """Every amount stated about a known subject, including changes stated without their value."""
    return _read(lines, unit, year)[1]


def read_narrative(lines: list[Line], unit: Unit, year: int | None) -> Narrative:
    """`unit` is the document's unit, used for a change printed without one; `year` its budget year."""
    layout, mentions, cuts = _read(lines, unit, year)
    return Narrative(sections=layout.sections, claims=[m.to_claim() for m in mentions if m.value is not None],
                     sentences=_sentences(layout, cuts))


def read_change_mentions(lines: list[Line], unit: Unit, year: int | None) -> list[Mention]:
    """Changes the text states without the value they change ("主要是基本支出减少49.71万元")."""
    return [m for m in read_mentions(lines, unit, year) if m.value is None]
