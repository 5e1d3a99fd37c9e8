"""Where the narrative's sentences and clauses end: the one cut the recognizer, the composer and the rules share.

A sentence ends at a stop mark (。;!?, as read or, in a text not read from a file, full width) or at the end
of its paragraph; a section's text holds one paragraph a line. `cut` gives each sentence of a text with the
topics it is about and the amounts it states (`tokens`); `clauses` cuts a stretch of text at the marks a rule
reads it by.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model.narrative import Section, Sentence, StatedAmount
from ..model.source import Source
from .subjects import Topic, topics_of
from .tokens import Token, tokens

STOPS = "。;；!！?？"
CLAUSE_ENDS = STOPS + ",，:："  # where a clause ends, within a sentence or at its end
_SENTENCE = re.compile(f"[^{STOPS}]+[{STOPS}]?")


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of each sentence of text[start:end] ("\\n" included: one paragraph is cut): its words and
    the mark that ends them. A mark doubled after a stop, or standing before the first words, and spaces
    closing the text are in none."""
    end = len(text) if end is None else end
    return [(m.start(), m.end()) for m in _SENTENCE.finditer(text, start, end) if not m.group(0).isspace()]


def clauses(text: str, marks: str | tuple[str, ...], start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of each stretch of text[start:end] between two marks, none empty, the marks in none.
    `marks`: the characters of a string ("。;；"), or the strings of a tuple (OF_WHICH)."""
    end = len(text) if end is None else end
    found = []
    at = start
    for mark in _marks(marks).finditer(text, start, end):
        if mark.start() > at:
            found.append((at, mark.start()))
        at = mark.end()
    if end > at:
        found.append((at, end))
    return found


# "其中:" opens the parts of what the words before it state: they are a clause of their own
OF_WHICH = ("其中:", "其中：")
_MARKS: dict[str | tuple[str, ...], re.Pattern[str]] = {}


def _marks(marks: str | tuple[str, ...]) -> re.Pattern[str]:
    pattern = _MARKS.get(marks)
    if pattern is None:
        words = sorted(marks, key=len, reverse=True)  # the longest first: "其中:" before ":"
        source = f"[{re.escape(marks)}]+" if isinstance(marks, str) else "|".join(map(re.escape, words))
        pattern = _MARKS[marks] = re.compile(source)
    return pattern


@dataclass(slots=True)
class Cut:
    """A sentence of a text: text[start:end]. The sentences of a paragraph follow one another without a
    gap; what the sentence says runs to `said` (after its stop mark), the marks doubled after it are
    its too. Offsets are the text's, as are those of `amounts`."""

    paragraph: int  # the line of the text it is on
    start: int
    end: int
    said: int
    topics: frozenset[Topic]
    amounts: tuple[Token, ...]


def cut(text: str) -> list[Cut]:
    """Every sentence of `text`, each paragraph (line) cut on its own; an empty line has none."""
    found: list[Cut] = []
    start = 0
    for index, line in enumerate(text.split("\n")):
        found += _cut_paragraph(text, index, start, start + len(line))
        start += len(line) + 1
    return found


def _cut_paragraph(text: str, index: int, start: int, end: int) -> list[Cut]:
    if start == end:
        return []
    spans = sentence_spans(text, start, end)
    if not spans:
        return [Cut(index, start, end, start, frozenset(), ())]  # nothing but marks and spaces
    # what no sentence says (marks before the first words, doubled marks, closing spaces) joins a sentence,
    # so the sentences of a paragraph give the paragraph back: the first, or the one before it
    bounds = [span[0] for span in spans[1:]] + [end]
    cuts = [Cut(index, start, spans[0][0], start, frozenset(), ())] if spans[0][0] > start else []
    for (first, said), last in zip(spans, bounds, strict=True):
        words = text[first:said]
        cuts.append(Cut(index, first, last, said, frozenset(topics_of(words)), tuple(tokens(text, first, said))))
    return cuts


def stated(cut_: Cut) -> list[StatedAmount]:
    """The amounts of a sentence, with offsets in its own text."""
    return [StatedAmount(kind=t.kind, start=t.start - cut_.start, end=t.end - cut_.start, number=t.number,
                         unit=t.unit, direction=t.direction) for t in cut_.amounts]


def sentence(text: str, cut_: Cut, section: int, paragraph: int, source: Source) -> Sentence:
    """The model's sentence of a Cut of `text`."""
    return Sentence(text=text[cut_.start : cut_.end], section=section, paragraph=paragraph, source=source,
                    topics=sorted(cut_.topics), amounts=stated(cut_) if cut_.amounts else [])


def narrative_sentences(sections: list[Section]) -> list[Sentence]:
    """The sentences of the sections' text, each at its section's place: a text composed, or kept without
    its lines, knows no line of its own."""
    found = []
    for index, section in enumerate(sections):
        found += [sentence(section.text, c, index, c.paragraph, section.source) for c in cut(section.text)]
    return found


def paragraphs(text: str) -> list[str]:
    """The paragraphs of a text not cut into sentences by the recognizer (a table's note): its lines, but
    the empty ones."""
    return [line for line in text.split("\n") if line]


def said(text: str) -> str:
    """What a sentence says: its words and the mark that ends them, without the marks doubled after it (as
    a claim quotes it)."""
    spans = sentence_spans(text)
    return text[spans[0][0] : spans[0][1]] if spans else ""
