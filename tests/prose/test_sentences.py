"""The one cut of the narrative into sentences (prose.sentences), and the sentences the recognizer, the
composer and the checks put in the model. Expected values are written by hand from the texts."""

from decimal import Decimal

from yusuan.model import Narrative, Section, Unit
from yusuan.prose.sentences import OF_WHICH, clauses, cut, narrative_sentences, said, sentence_spans
from yusuan.readers.text import read_text
from yusuan.recognize.narrative import read_narrative

PARAGRAPH = "本年收入预算1,234.50万元,比上年增加34.5万元;其中财政拨款1000万元。绩效目标已编制?是。"


def test_a_paragraph_is_cut_at_each_stop_and_given_back_whole():
    texts = [PARAGRAPH[c.start : c.end] for c in cut(PARAGRAPH)]
    assert texts == ["本年收入预算1,234.50万元,比上年增加34.5万元;", "其中财政拨款1000万元。",
                     "绩效目标已编制?", "是。"]
    assert "".join(texts) == PARAGRAPH
    assert {c.paragraph for c in cut(PARAGRAPH)} == {0}


def test_each_amount_is_stated_with_its_place_number_unit_and_direction():
    [first, second, third, _] = narrative_sentences([Section(number="一", title="收入", level=1, text=PARAGRAPH)])
    value, change = first.amounts
    # "本年收入预算" is 6 characters; "1,234.50万元" 10; ",比上年" 4; a change starts at its direction word
    assert (value.kind, value.start, value.end, value.number, value.unit) == (
        "value", 6, 16, Decimal("1234.50"), Unit.wanyuan)
    assert first.text[value.start : value.end] == "1,234.50万元"
    assert (change.kind, change.start, change.end, change.number, change.direction) == (
        "change", 20, 28, Decimal("34.5"), "增加")
    assert first.text[change.start : change.end] == "增加34.5万元"
    [amount] = second.amounts  # offsets in the sentence's own text: "其中财政拨款" is 6 characters
    assert (amount.start, amount.end, amount.number) == (6, 12, Decimal("1000"))
    assert (third.amounts, third.topics) == ([], ["performance"])
    assert first.topics == []


def test_marks_no_sentence_says_still_belong_to_one():
    assert [t for t in _texts("收入10万元。。支出10万元")] == ["收入10万元。。", "支出10万元"]
    assert _texts(";收入10万元。 ") == [";", "收入10万元。 "]
    assert said("收入10万元。。") == "收入10万元。"
    assert said(";") == ""
    # 收入10万元 is 6 characters: its 。 is the 7th, the doubled one the 8th
    assert sentence_spans("收入10万元。。支出") == [(0, 7), (8, 10)]


def test_each_line_of_a_text_is_a_paragraph_of_its_own():
    found = [(c.paragraph, c.start, c.end) for c in cut("甲。\n乙;丙\n\n丁")]
    assert found == [(0, 0, 2), (1, 3, 5), (1, 5, 6), (3, 8, 9)]  # the empty third line holds none


def test_full_width_stops_end_a_sentence_too():
    # a composed text is not read from a file, and keeps its full-width marks
    assert _texts("收入10万元；支出10万元！对吗？") == ["收入10万元；", "支出10万元！", "对吗？"]


def test_clauses_between_marks_or_words():
    text = "决算为5万元,其中:公务接待费3万元"
    assert [text[a:b] for a, b in clauses(text, OF_WHICH)] == ["决算为5万元,", "公务接待费3万元"]
    assert [text[a:b] for a, b in clauses(text, ",:")] == ["决算为5万元", "其中", "公务接待费3万元"]
    assert clauses("::", ":") == []


def test_a_sentence_of_a_read_document_is_at_the_line_it_starts_on():
    text = "一、收支预算总体情况\n本年收入预算1,234.50万元,比上年\n增加34.5万元。支出预算1,234.50万元。\n"
    narrative = read_narrative(read_text(text.encode(), "x.txt").lines, Unit.wanyuan, 2024)
    [section] = narrative.sections
    assert [(s.text, s.section, s.paragraph, s.source.line) for s in narrative.sentences] == [
        ("本年收入预算1,234.50万元,比上年增加34.5万元。", 0, 0, 2),  # wrapped over lines 2 and 3
        ("支出预算1,234.50万元。", 0, 0, 3),
    ]
    assert narrative.sentences_fit()
    [paragraph] = narrative.paragraphs()
    assert paragraph.text == section.text


def test_sentences_that_no_longer_give_the_text_back_are_told():
    sections = [Section(number="一", title="收入", level=1, text="甲。\n乙。")]
    narrative = Narrative(sections=sections, sentences=narrative_sentences(sections))
    assert narrative.sentences_fit()
    assert [(p.section, p.index, p.text) for p in narrative.paragraphs()] == [(0, 0, "甲。"), (0, 1, "乙。")]
    edited = sections[0].model_copy(update={"text": "甲。\n丙。"})
    assert not narrative.model_copy(update={"sections": [edited]}).sentences_fit()
    assert not Narrative(sections=sections).sentences_fit()  # built without them
    assert Narrative(sections=[Section(number="一", title="收入", level=1)]).sentences_fit()


def _texts(text: str) -> list[str]:
    return [text[c.start : c.end] for c in cut(text)]
