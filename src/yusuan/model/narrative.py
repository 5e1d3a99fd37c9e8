"""The narrative (情况说明): sections, the sentences of their text, and the amounts they state, as claims."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, Field

from .amounts import Unit
from .source import Source

Direction = Literal["增加", "减少", "持平"]
AmountKind = Literal["value", "change", "percent", "flat"]


class Section(BaseModel):
    number: str  # "一", "(一)", "1"
    title: str
    level: int  # 1 for 一、, 2 for (一), 3 for 1.
    text: str = ""  # its paragraphs, one a line
    source: Source = Field(default_factory=Source)


class StatedAmount(BaseModel):
    """An amount as a sentence prints it, whatever it is about: a value, a change ("减少49.71万元"), a
    percent of change ("增长12.5%") or 持平. `start` and `end` are offsets in the sentence's text."""

    kind: AmountKind
    start: int
    end: int
    number: Decimal | None = None
    unit: Unit | None = None  # None for a percent, 持平, or a change printed without its unit
    direction: Direction | None = None


class Sentence(BaseModel):
    """A sentence of a section's text, up to the mark that ends it (。;!?) or its paragraph's end.

    The sentences of a paragraph, joined, are the paragraph: a mark doubled after a sentence's stop is
    part of that sentence. `section` indexes `Narrative.sections`; `paragraph` is the line of that
    section's text the sentence is on; `source` is the printed line it starts on.
    """

    text: str
    section: int
    paragraph: int
    source: Source = Field(default_factory=Source)
    topics: list[str] = Field(default_factory=list)  # "performance", "procurement": from its wording
    amounts: list[StatedAmount] = Field(default_factory=list)


class Claim(BaseModel):
    """An amount the narrative states about a subject, with the change it states, if any.

    `subject` is a stable key where one is known (see recognize/narrative.py SUBJECTS), e.g.
    `revenue_total`, `general_expenditure:201`, `three_public_total`, `reception`; `label` is the
    wording the text used.
    """

    subject: str
    label: str
    value: Decimal
    unit: Unit
    year: int | None = None
    change: Decimal | None = None
    direction: Direction | None = None
    change_percent: Decimal | None = None
    compared_year: int | None = None
    section: str | None = None
    text: str = ""
    source: Source = Field(default_factory=Source)


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph of a section's text, as its sentences."""

    section: int
    index: int  # its line in the section's text
    sentences: list[Sentence]

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.sentences)


class Narrative(BaseModel):
    sections: list[Section] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    sentences: list[Sentence] = Field(default_factory=list)  # in reading order

    def paragraphs(self) -> list[Paragraph]:
        """Every paragraph that holds a sentence, in reading order (an empty line of a text holds none)."""
        found: list[Paragraph] = []
        for sentence in self.sentences:
            last = found[-1] if found else None
            if last is not None and (last.section, last.index) == (sentence.section, sentence.paragraph):
                last.sentences.append(sentence)
            else:
                found.append(Paragraph(sentence.section, sentence.paragraph, [sentence]))
        return found

    def section_paragraphs(self) -> list[list[Paragraph]]:
        """The paragraphs of each section, in the order of `sections`."""
        by_section: list[list[Paragraph]] = [[] for _ in self.sections]
        for paragraph in self.paragraphs():
            if 0 <= paragraph.section < len(by_section):
                by_section[paragraph.section].append(paragraph)
        return by_section

    def sentences_fit(self) -> bool:
        """Whether the sentences are those of the sections' text as it stands: a narrative built by hand,
        read from a file of an older version, or whose text was edited afterwards has to be cut again."""
        if any(not 0 <= s.section < len(self.sections) for s in self.sentences):
            return False
        for section, paragraphs in zip(self.sections, self.section_paragraphs(), strict=True):
            lines = section.text.split("\n")
            cut = [""] * len(lines)
            for paragraph in paragraphs:
                if paragraph.index >= len(lines) or cut[paragraph.index]:
                    return False
                cut[paragraph.index] = paragraph.text
            if cut != lines:
                return False
        return True
