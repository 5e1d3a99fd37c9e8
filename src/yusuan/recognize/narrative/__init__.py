"""The narrative (情况说明): its sections, and the amounts it states as claims.

Pass the narrative's lines (`narrative_lines` cuts a document before its first table); table rows
that slip in are skipped. Subject keys are those of docs/conventions.md.
"""

from __future__ import annotations

from ...document import Line
from ...model.amounts import Unit
from ...model.narrative import Narrative
from ...prose.headings import Heading, clean, heading_of
from .claims import Mention, read_paragraph
from .layout import Layout, contents_entries, is_table_title, narrative_lines, read_layout, without_contents_page

__all__ = [
    "Heading", "Mention",
    "clean", "heading_of", "is_table_title", "narrative_lines",
    "contents_entries", "read_change_mentions", "read_mentions", "read_narrative", "without_contents_page",
]  # fmt: skip


def _read(lines: list[Line], unit: Unit, year: int | None) -> tuple[Layout, list[Mention]]:
    layout = read_layout(lines)
    read = [(paragraph, read_paragraph(paragraph, unit, year)) for paragraph in layout.paragraphs]
    body = {(m.section, m.subject, m.value) for paragraph, found in read if not paragraph.is_heading for m in found}
    # a heading's amount stated again in its text ("3.公务接待费支出0.39万元" over "其中:国内公务接待
    # 支出0.39万") is one statement, not two
    return layout, [m for paragraph, found in read for m in found
                    if not paragraph.is_heading or (m.section, m.subject, m.value) not in body]


def read_mentions(lines: list[Line], unit: Unit, year: int | None) -> list[Mention]:
    """Every amount stated about a known subject, including changes stated without their value."""
    return _read(lines, unit, year)[1]


def read_narrative(lines: list[Line], unit: Unit, year: int | None) -> Narrative:
    """`unit` is the document's unit, used for a change printed without one; `year` its budget year."""
    layout, mentions = _read(lines, unit, year)
    return Narrative(sections=layout.sections, claims=[m.to_claim() for m in mentions if m.value is not None])


def read_change_mentions(lines: list[Line], unit: Unit, year: int | None) -> list[Mention]:
    """Changes the text states without the value they change ("主要是基本支出减少49.71万元")."""
    return [m for m in read_mentions(lines, unit, year) if m.value is None]
