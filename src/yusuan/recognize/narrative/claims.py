"""Reading the amounts of a paragraph into mentions: a value with the change stated about it.

A change attaches to the value it follows in the same sentence ("基本支出 1,379.35 万元,比 2023年
减少 49.71 万元"). A change whose own clause names a subject ("收入较去年减少…", "主要是基本支出
减少…") is about that subject: it completes a value stated earlier in the paragraph, or else stays a
change-only mention (value None), which the model's Claim cannot hold yet. So is an amount a
direction word ties to a subject's wording though it does not stand right before it ("主要是增加基本
支出844.15万元", "基本支出增加人员工资、住房公积金等3397.18万元"): a change, not the subject's value.

The reader keeps its state in `mentions` (a Mention, the paragraph and the sentence being read) and reads
each amount in `amounts`; here a paragraph's sentences are walked, amount by amount.
"""

from __future__ import annotations

import re

from ...model.amounts import Unit
from ...prose.functional import functional_names
from ...prose.sentences import Cut
from ...prose.subjects import topics_of
from ...prose.tokens import Token, clause_start
from .amounts import read_token
from .layout import Paragraph
from .mentions import Mention, ParagraphReading, SentenceReading

_BUDGET_FIGURE = re.compile(r"年初预算|预算数|预算为")
# a section on the fees the department collects (重点行政事业性收费情况说明)
_OF_FEES = re.compile(r"行政事业性收费")
# a sentence opening with its comparison ("与上年相比增加…") and naming no subject
_COMPARISON_FIRST = re.compile(r"\s*(?:与|和|同|比|较)\s*(?:上年度?|去年|上一年度?|(?:19|20)\d{2}\s*年度?)")


def read_paragraph(paragraph: Paragraph, unit: Unit, year: int | None, cuts: list[Cut]) -> list[Mention]:
    """`cuts`: the paragraph's sentences (prose.sentences.cut of its text)."""
    reading = ParagraphReading(paragraph, unit, year)
    if _OF_FEES.search(reading.section_title):
        return []  # "收入预计190000万元" there is what a fee brings in, none of the department's own figures
    section_topics = topics_of(reading.section_title)
    for sentence_cut in cuts:
        start, end = sentence_cut.start, sentence_cut.said
        if end == start:
            continue  # marks before the paragraph's first words say nothing
        found = sentence_cut.amounts
        if not found:
            reading.single_value = None
            continue
        text = paragraph.text[start:end]
        reading.parts.new_sentence(text, _after_semicolon(paragraph.text, start), _opens_with_class(text))
        topics = set(sentence_cut.topics) | section_topics
        sentence = SentenceReading(start, end, text.strip(), topics, previous_end=start, label_start=start)
        single, reading.single_value = reading.single_value, None
        if _COMPARISON_FIRST.match(text) and single is not None and single.direction is None:
            # "…预算数为1685.72万元。与上年相比增加1557.29万元": the change of the one value just stated (after
            # a list, "…应急管理支出20,889.67万元。比2025年减少…" is the change of the list's total)
            sentence.last_value = sentence.last_touched = single
        first = len(reading.mentions)
        for token in found:
            if token.kind == "value" and _is_budget_beside_actual(reading, sentence, token):
                sentence.previous_end = token.end  # its subject stays to be read for the actual
                continue
            read_token(reading, sentence, token)
            sentence.previous_end = sentence.label_start = token.end
        stated = [m for m in reading.mentions[first:] if m.value is not None]
        values = [t for t in found if t.kind == "value"]
        reading.single_value = stated[0] if len(stated) == 1 and len(values) == 1 else None
    return reading.mentions


def _opens_with_class(text: str) -> bool:
    head = text.lstrip()[:24]
    return any(head.startswith(n.text) for n in functional_names(head))


def _after_semicolon(text: str, at: int) -> bool:
    before = text[max(0, at - 8) : at].rstrip()
    return before.endswith(";")


def _is_budget_beside_actual(reading: ParagraphReading, sentence: SentenceReading, token: Token) -> bool:
    """In a 决算 sentence, "年初预算为10万元,支出决算为8万元": the budget figure is only a yardstick."""
    if "决算" not in sentence.text:
        return False
    text = reading.paragraph.text
    lead = text[clause_start(text, sentence.previous_end, token.start) : token.start]
    return bool(_BUDGET_FIGURE.search(lead))
