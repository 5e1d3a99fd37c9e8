"""A narrative being written: numbered sections, their paragraphs, and the claims the paragraphs state."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Claim, Narrative, Section
from ..prose.sentences import narrative_sentences
from .wording import Phrase

_DIGITS = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """1 -> 一, 10 -> 十, 12 -> 十二, 20 -> 二十 (headings never reach 100)."""
    if n < 10:
        return _DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _DIGITS[tens]) + "十" + (_DIGITS[ones] if ones else "")


@dataclass
class Draft:
    sections: list[Section] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    _counters: dict[int, int] = field(default_factory=dict)

    def open(self, title: str, level: int) -> None:
        """A heading: 第一部分 (level 0), 一、 (1), （一） (2); numbered in order within its parent."""
        count = self._counters.get(level, 0) + 1
        self._counters[level] = count
        for deeper in [k for k in self._counters if k > level]:
            del self._counters[deeper]
        numeral = chinese_number(count)
        number = {0: f"第{numeral}部分", 1: numeral, 2: f"({numeral})"}.get(level, str(count))
        self.sections.append(Section(number=number, title=title, level=level))

    def say(self, *pieces: Phrase | str) -> None:
        """One paragraph of the current section; its claims are filed under the section."""
        paragraph = Phrase("")
        for piece in pieces:
            paragraph = paragraph + piece
        if not paragraph.text:
            return
        section = self.sections[-1]
        section.text = f"{section.text}\n{paragraph.text}" if section.text else paragraph.text
        for claim in paragraph.claims:
            claim.section = section.title
            claim.text = paragraph.text
            self.claims.append(claim)

    def narrative(self) -> Narrative:
        return Narrative(sections=self.sections, claims=self.claims, sentences=narrative_sentences(self.sections))
