"""What the claims reader yields and keeps while it reads: a Mention, the paragraph being read and the
sentence being read (the amounts stated so far, the latest value, the latest total, the parts named).

`claims.read_paragraph` makes the state; `amounts` reads each amount into it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from decimal import Decimal

from ...model.amounts import Unit
from ...model.narrative import Claim, Direction
from ...model.source import Source
from ...prose.scopes import Parts, scoped, split_scope
from ...prose.subjects import Label, Topic
from .layout import Paragraph

# a breakdown after one of these totals lists income sources ("其中:一般公共预算拨款…")
_REVENUE_TOTALS = {"revenue_total", "fiscal_revenue"}
_TOTALS = _REVENUE_TOTALS | {"expenditure_total", "fiscal_expenditure"}


@dataclass(slots=True)
class Mention:
    """An amount the text states about a subject; `value` is None for a change stated on its own."""

    subject: str
    label: str
    value: Decimal | None
    unit: Unit
    year: int | None = None
    change: Decimal | None = None
    direction: Direction | None = None
    change_percent: Decimal | None = None
    compared_year: int | None = None
    section: str | None = None
    text: str = ""
    source: Source = field(default_factory=Source)

    def to_claim(self) -> Claim:
        return Claim(**{name: getattr(self, name) for name in _MENTION_FIELDS})


_MENTION_FIELDS = [f.name for f in fields(Mention)]


@dataclass(slots=True)
class SentenceReading:
    start: int
    end: int
    text: str  # as a mention quotes it: stripped
    topics: set[Topic]
    values: list[Mention] = field(default_factory=list)  # stated since the last change
    last_value: Mention | None = None  # None also when the last value had no known subject
    last_touched: Mention | None = None
    previous_end: int = 0  # end of the previous amount
    label_start: int = 0  # where to look back for a subject: a skipped yardstick figure keeps its own
    item_end: int | None = None  # end of the amount of a functional item (类/款/项) the sentence states


@dataclass(slots=True)
class ParagraphReading:
    paragraph: Paragraph
    unit: Unit
    year: int | None
    mentions: list[Mention] = field(default_factory=list)
    # "主要是基本支出减少…" names no comparison: it explains the one just stated
    last_compared: int | None = None
    seen_value: bool = False
    value_end: int = 0  # where the last amount read ends
    last_total: str | None = None  # the subject of the latest mention of a total
    item: Mention | None = None  # the latest functional item (类/款/项) the paragraph states
    single_value: Mention | None = None  # the one amount the previous sentence stated, if it stated one
    parts: Parts = field(default_factory=Parts)

    @property
    def section_title(self) -> str:
        return self.paragraph.section.title if self.paragraph.section else ""

    def in_revenue(self) -> bool:
        if self.last_total is not None:
            return self.last_total in _REVENUE_TOTALS
        return "收入" in self.section_title and "支出" not in self.section_title

    def stated(self, subject: str) -> Mention | None:
        """The latest value stated for `subject` in this paragraph that has no change yet."""
        return next(
            (m for m in reversed(self.mentions)
             if split_scope(m.subject)[0] == subject and m.value is not None and not m.direction),
            None,
        )

    def new_mention(self, label: Label, value: Decimal | None, unit: Unit, sentence: SentenceReading, at: int) -> Mention:
        start = self.paragraph.text.rfind(label.text, 0, at)
        before = self.paragraph.text[max(0, start - 32) : start] if start >= 0 else ""
        scope = self.parts.scope_of(label.subject, label.text, before, self.section_title)
        mention = Mention(
            subject=scoped(label.subject, scope), label=label.text, value=value, unit=unit, year=self.year,
            section=self.paragraph.section.title if self.paragraph.section else None,
            text=sentence.text, source=self.paragraph.source_at(at),
        )  # fmt: skip
        self.mentions.append(mention)
        if mention.subject in _TOTALS:
            self.last_total = mention.subject
        self.parts.note(mention.subject, mention.label)
        return mention
