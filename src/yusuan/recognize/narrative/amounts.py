"""Reading one amount of a sentence into the mentions: a value to the subject its wording names (or the
heading's, or none), a change, a percent or 持平 to the value it is about.

`read_token` is what `claims.read_paragraph` calls for each amount it reads.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from ...model.amounts import convert
from ...prose.functional import chains, functional_names
from ...prose.scopes import split_scope
from ...prose.subjects import Label, Topic, label_in, topics_of
from ...prose.tokens import Token, change_of, clause_start, compared_year, names_prior_year, stated_year, tokens
from .mentions import Mention, ParagraphReading, SentenceReading

# a functional 类 listed under one of these is that part of the 类, which no claim subject names
_SPLITS = {"basic", "project"}
# a numbered item names its own subject: the lead-in above it ("财政拨款支出主要内容如下:") does not
_LIST_ITEM = re.compile(r"\s*\d{1,2}\s*[.、](?!\d)")
# the figures an item states of itself after its amount ("2025年当年预算执行数为X万元,2026年预算安排Y万元")
_ITEM_FIGURE = re.compile(r"(?:预算)?执行数|预算安排|预算数")
# an amount right after a name no subject key has ("2.上缴上级支出0万元" under "(二)项目支出") is about that
_OWN_NAME = re.compile(r"[\u4e00-\u9fff]{2,}(?:支出|收入|资金|经费|费用?)\s*(?:预算数?)?(?:为|是)?\s*$")


def read_token(reading: ParagraphReading, sentence: SentenceReading, token: Token) -> None:
    if token.kind == "value":
        _read_value(reading, sentence, token)
    elif token.kind == "flat":
        _read_flat(reading, sentence, token)
    else:
        _read_change(reading, sentence, token)


def _topics(reading: ParagraphReading, sentence: SentenceReading) -> set[Topic]:
    return sentence.topics | ({"revenue"} if reading.in_revenue() else set())


def _section_label(reading: ParagraphReading, topics: set[Topic]) -> Label | None:
    return label_in(reading.section_title, topics | topics_of(reading.section_title))


def _unless_bare(label: Label | None, reading: ParagraphReading, topics: set[Topic]) -> Label | None:
    """A bare 收入/支出 means the section's subject when the section names one ("公务接待费支出情况")."""
    if label is not None and label.is_bare_total:
        section = _section_label(reading, topics)
        if section is None and chains(reading.section_title):
            return None  # under "1.住房公积金(项)": a 项 the catalog cannot place, not the whole 支出
        return section or label
    return label


def _value_label(reading: ParagraphReading, sentence: SentenceReading, token: Token) -> Label | None:
    """Nearest wording in the clause, else since the previous amount, else the section title."""
    text = reading.paragraph.text
    topics = _topics(reading, sentence)
    lead_start = clause_start(text, sentence.previous_end, token.start)
    if _ADJUSTED.search(text, lead_start, token.start):
        return None
    label = label_in(text[lead_start : token.start], topics)
    if label is not None and _names_a_part(text, lead_start + label.end, lead_start, token.start):
        return None
    if (label is None or label.is_bare_total) and not _LIST_ITEM.match(text, lead_start, token.start):
        before_start = min(sentence.label_start, lead_start)
        earlier = label_in(text[before_start:lead_start], topics)
        if earlier is not None and not earlier.is_bare_total:
            return None if _names_a_part(text, before_start + earlier.end, lead_start, token.start) else earlier
        before = text[before_start:lead_start]
        if before.rstrip().endswith(":") and not chains(text[lead_start : token.start]):
            return None  # "XX(项):支出决算为300万元" is about XX, which no subject key names
    since_value = text[reading.value_end : token.start]
    if (label is None or label.is_bare_total) and chains(since_value):
        return _chain_label(since_value)
    # only a paragraph's first amount takes its subject from the heading ("(一)收入预算:年初预算数
    # 3,805.35万元"); a later unnamed amount ("主要用于XX项目800万元") is about something else, and
    # so is one whose own wording names a sum no subject key knows ("包括人员支出1487.48万元")
    if label is None and not reading.seen_value and not _UNKNOWN_SUM.search(text, lead_start, token.start) \
            and not _OWN_NAME.search(text[lead_start : token.start]):
        label = _section_label(reading, topics)
    if label is not None and label.subject.startswith("expenditure:"):
        if reading.parts.lists_classes():
            reading.parts.list_class()
            return None
        if _under_split(reading):
            return None
    if label is None and reading.item is not None:
        figure = _ITEM_FIGURE.search(text, lead_start, token.start)
        if figure is not None:
            return Label(reading.item.subject, figure.group(0), figure.end(), False)
    return _unless_bare(label, reading, topics)


# an adjustment during the year ("(项)追加100万元"), not the amount of what it adjusts
_ADJUSTED = re.compile(r"(?:追加|追减|调增|调减)了?\s*$")
# after a subject, what it is used for or what it holds: "项目支出主要用于:企业技术改造补助700万元",
# "在基本支出中,工资福利支出1,000.50万元", "“三公”经费主要用于保障公务接待30万元", "财政拨款收入:政府性基金0万元"
_PART_OF = re.compile(r"\s*(?:预算|资金|经费)?\s*(?:中|主要用于|用于|主要包括|包括|主要有|[:：])")
# what an amount's own clause may say beside it without naming anything ("…,共计2,426万元" is the sum)
_SUM_FIRST = re.compile(r"\s*(?:共计|合计|总计|总额|共|计)")
_NOT_A_NAME = re.compile(r"(?:19|20)\d{2}\s*年度?|年初|调整后?|全年|预算数?|决算数?|执行数|支出|收入|安排|金额|为|是|约|达|了|\s")


def _names_a_part(text: str, label_end: int, clause: int, amount: int) -> bool:
    """Whether the words between a subject and the amount read after it name a part of the subject with
    that amount: the part's amount, then, not the subject's (which a claim would compare with its total)."""
    part = _PART_OF.match(text, label_end, amount)
    if part is None or _SUM_FIRST.match(text, clause, amount):
        return False
    return len(_NOT_A_NAME.sub("", text[part.end() : amount]).strip(",，:：、")) >= 2


# a sum named right before its amount ("人员支出", "年终结转结余", "日常公用经费为"), or a 类/款/项 by its
# code ("(六)2101202-财政对城乡居民基本医疗保险基金的补助333405.00万元")
_UNKNOWN_SUM = re.compile(r"[\u4e00-\u9fff](?:支出|收入|结余|结转|资金|经费)(?:预算)?(?:数|额)?(?:为|是|共)?\s*$"
                          r"|(?<!\d)2\d{2}(?:\d{2}){0,2}(?!\d)")


def _under_split(reading: ParagraphReading) -> bool:
    """Whether the section is about 基本支出 or 项目支出 ("(二)项目支出"): a 类 it states is that part of
    the 类, which no subject key names), unless the paragraph has stated a total the 类 is a part of."""
    if reading.last_total is not None:
        return False
    heading = label_in(reading.section_title, set())
    return heading is not None and split_scope(heading.subject)[0] in _SPLITS


def _chain_label(before: str) -> Label | None:
    """The 类/款/项 named since the last amount ("…(款)事业单位离退休(项)。主要用于…支出决算为28.11万元"),
    or None when the catalog cannot name it: a line of its own, never the heading's subject."""
    last = chains(before)[-1]
    named = [n for n in functional_names(before) if n.end == last.end()]
    return Label(f"expenditure:{named[0].code}", named[0].text, named[0].end, False) if named else None


# "比2025年预算6.00万元减少1.00万元": the amount right after the comparison is the other year's figure
_BASE = re.compile(r"(?:比|较|与|同)\s*(?:(?:19|20)\d{2}\s*年度?|上年度?|去年|上一年度?)(?:年初)?(?:预算数?|决算数?)?(?:为|的)?\s*$")


def _read_base(reading: ParagraphReading, sentence: SentenceReading, token: Token) -> bool:
    """Read the comparison base as the prior figure of the value it is compared with; False when it is none."""
    current = sentence.last_value
    lead = reading.paragraph.text[sentence.previous_end : token.start]
    if current is None or current.direction is not None or not _BASE.search(lead):
        return False
    year, _ = compared_year(lead, current.year or reading.year)
    base = reading.new_mention(Label(current.subject, current.label, token.start, False), token.number,
                               token.unit or reading.unit, sentence, token.start)
    base.year = year
    current.compared_year = reading.last_compared = year
    reading.seen_value, reading.value_end = True, token.end
    return True  # the change that follows is the current value's (sentence.last_value stays)


def _read_value(reading: ParagraphReading, sentence: SentenceReading, token: Token) -> None:
    if _read_base(reading, sentence, token):
        return
    label = _value_label(reading, sentence, token)
    reading.seen_value, reading.value_end = True, token.end
    if label is None or _within_item(reading, sentence, token, label):
        sentence.last_value = None
        return
    lead = reading.paragraph.text[sentence.previous_end : token.start]
    direction = change_of(lead, label.text)
    if direction is not None:
        # "主要是增加基本支出844.15万元": the amount of the change, not what 基本支出 amounts to
        _read_change(reading, sentence, replace(token, kind="change", direction=direction), label)
        return
    own_year = stated_year(lead)
    if own_year is None and reading.year is not None and names_prior_year(lead):
        own_year = reading.year - 1  # "上年度列入此项的预留机动经费128.43万元"
    mention = _awaiting_value(reading, sentence, token, label, own_year) \
        or reading.new_mention(label, token.number, token.unit or reading.unit, sentence, token.start)
    mention.year = own_year or reading.year
    if mention.subject.startswith("expenditure:"):
        sentence.item_end = token.end
        reading.item = mention
    sentence.values.append(mention)
    sentence.last_value = sentence.last_touched = mention


def _awaiting_value(reading: ParagraphReading, sentence: SentenceReading, token: Token, label: Label,
                    own_year: int | None) -> Mention | None:
    """The change stated earlier in the paragraph on its own, of the subject this value is the year's
    amount of ("主要原因是一般公共预算拨款收入增加129.07万元。其中:一般公共预算拨款收入2796.14万元"), now
    given its value; None when the value is of another year or its own sentence states a change after it."""
    if own_year not in (None, reading.year) or token.unit not in (None, reading.unit):
        return None
    pending = next((m for m in reversed(reading.mentions) if m.value is None), None)
    if pending is None or pending.subject != label.subject or pending.unit != reading.unit:
        return None
    # the rest of the sentence is read only for a pending change: once per change, not once per amount
    if any(t.kind != "value" for t in tokens(reading.paragraph.text, token.end, sentence.end)):
        return None
    pending.value = token.number
    return pending


def _within_item(reading: ParagraphReading, sentence: SentenceReading, token: Token, label: Label) -> bool:
    """Whether the amount is a part of an amount stated before it in the sentence, of a scope no subject
    key names: what an item is used for ("“农林水支出”科目83万元,主要用于人员经费18万元" is not the
    department's 人员经费), or a 类 listed under 基本支出 or 项目支出."""
    if label.subject.startswith("expenditure:"):
        # "项目支出预算40233.95万元,…其中:公共安全支出40230.95万元": the 类's 项目支出, not all of it
        return any(m.subject in _SPLITS for m in sentence.values)
    if sentence.item_end is None:
        return False
    return "用于" in reading.paragraph.text[sentence.item_end : token.start]


def _change_label(reading: ParagraphReading, sentence: SentenceReading, token: Token) -> Label | None:
    text = reading.paragraph.text
    lead_start = clause_start(text, sentence.previous_end, token.start)
    topics = _topics(reading, sentence)
    return _unless_bare(label_in(text[lead_start : token.start], topics), reading, topics)


def _labelled_target(reading: ParagraphReading, sentence: SentenceReading, token: Token, label: Label) -> Mention:
    """The value stated for the subject the change names, else a change-only mention of it."""
    return reading.stated(label.subject) or reading.new_mention(label, None, reading.unit, sentence, token.start)


def _change_target(reading: ParagraphReading, sentence: SentenceReading, token: Token) -> Mention | None:
    label = _change_label(reading, sentence, token)
    if label is not None:
        return _labelled_target(reading, sentence, token, label)
    if token.kind == "percent":
        return sentence.last_touched
    last = sentence.last_value
    if last is not None and last.direction is None:
        return last
    # "比上年下降4%,减少5万元": the percent came first and named the direction the amount completes
    touched = sentence.last_touched
    if touched is not None and touched.change is None and touched.direction == token.direction:
        return touched
    return None


def _read_change(reading: ParagraphReading, sentence: SentenceReading, token: Token, label: Label | None = None) -> None:
    """`label`: the subject the change's own wording names, when it was read already."""
    if label is not None:
        target: Mention | None = _labelled_target(reading, sentence, token, label)
    else:
        target = _change_target(reading, sentence, token)
    if target is None:
        return
    if token.kind == "percent":
        _apply_percent(target, token)
    else:
        _apply_change(target, token)
    _apply_comparison(reading, sentence, token, target)
    sentence.values = []
    sentence.last_touched = target


def _apply_change(target: Mention, token: Token) -> None:
    amount = token.number
    if token.unit is not None and token.unit != target.unit and amount is not None:
        amount = convert(amount, token.unit, target.unit)
    target.change, target.direction = amount, token.direction


def _apply_percent(target: Mention, token: Token) -> None:
    if target.direction in (None, token.direction):
        target.direction, target.change_percent = token.direction, token.number


def _apply_comparison(reading: ParagraphReading, sentence: SentenceReading, token: Token, target: Mention) -> None:
    since = reading.paragraph.text[sentence.previous_end : token.start]
    year, named = compared_year(since, target.year or reading.year)
    if named:
        reading.last_compared = year
    if target.compared_year is None:
        target.compared_year = year if named else reading.last_compared


def _read_flat(reading: ParagraphReading, sentence: SentenceReading, token: Token) -> None:
    """持平 names no amount, so it holds for every value listed before it ("收入0万元,支出0万元,与2023年持平")."""
    label = _change_label(reading, sentence, token)
    if label is not None:
        targets = [_labelled_target(reading, sentence, token, label)]
    else:
        targets = [m for m in sentence.values if m.direction is None]
    for target in targets:
        target.change, target.direction = Decimal(0), "持平"
        _apply_comparison(reading, sentence, token, target)
        sentence.last_touched = target
    sentence.values = []
