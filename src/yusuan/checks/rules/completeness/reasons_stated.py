"""Where the narrative gives the reason for a change it states: in the change's own clause, later in its
sentence, in the sentence after it, in a sentence naming the subject's change and 原因, or (for a total) in
the "其中…" parts that follow. A section's text is read once (`SectionReading`) for every claim of it.

The rule that asks for the reasons, COMPLETE-CHANGE-REASONS, is in `reasons`.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from decimal import Decimal

from ....model import Claim
from ....model.narrative import Section
from ....prose.sentences import clauses
from ...engine.context import Doc

# "落实厉行节约要求,…减少13.45万元", "结合工作需要和车辆实际状况,…": the reason as the purpose served
# 因 and 系 as words, not in 因公出国（境） or 系统
# "主要为压缩接待规模", "受疫情影响", "…所致": the reason in other words
_REASON = re.compile("原因|主要是|主要为|主要用于|由于|因为|因(?!公出)|系(?!统)|用于|落实|根据|按照|结合|需要|在于|缘于"
                     "|受[^。；;]{1,20}?影响|所致")
# a reason stands in the clause of its change, or in a sentence after it: a full stop ends that sentence, which
# may run on over lines and past ;
_CLAUSE_MARKS = "。;；"
_FULL_STOP = "。"
# a sentence that is the reason for the one before it: "主要原因是…", "主要是由于…", "主要是本年增加两人…",
# "此项数据变动较大的原因是…"
_REASON_FIRST = re.compile(r"[^,，;；]{0,12}?原因|(?:主要)?(?:是由于|由于|因为)|主要(?:是|系|因|为)")
_DIRECTION_WORDS = "增加|减少|增长|下降|降低|上升|提高|压减|缩减|核减|减"
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3})")
_CHANGE = re.compile(rf"(?:{_DIRECTION_WORDS})了?\s*(\d+(?:\.\d+)?)(?![\d.])")

TOTALS = ("revenue_total", "expenditure_total", "fiscal_expenditure", "three_public_total", "basic")


@dataclass(frozen=True, slots=True)
class Stretch:
    start: int
    end: int
    text: str


def _stretches(text: str, marks: str) -> list[Stretch]:
    return [Stretch(start, end, text[start:end]) for start, end in clauses(text, marks)]


class SectionReading:
    """A section's text read once for every claim of it: its clauses, the changes it states by value, its
    sentences, where 原因 stands. A text with thousands of changes is then checked claim by claim in a
    lookup each, not a scan of the text each (which made one crafted text take minutes)."""

    def __init__(self, text: str):
        self.text = text
        self.clauses = _stretches(text, _CLAUSE_MARKS)
        clause_starts = [c.start for c in self.clauses]
        self.by_change: dict[Decimal, list[Stretch]] = {}
        for change in _CHANGE.finditer(text):
            # a direction word is no separator, so a clause holds it
            clause = self.clauses[bisect_right(clause_starts, change.start()) - 1]
            self.by_change.setdefault(Decimal(change.group(1)), []).append(clause)
        self._labelled: dict[tuple[Decimal, str], Stretch | None] = {}
        self.sentences = _stretches(text, _FULL_STOP)
        self.sentence_starts = [m.start for m in self.sentences]
        self.full_stops = [i for i, ch in enumerate(text) if ch == "。"]
        self.reason_words = [m.start() for m in re.finditer("(?=原因)", text)]
        self.part_reasons = [m.start() for m in re.finditer(f"(?={_PART_REASON.pattern})", text)]
        self._reason_for: dict[str, int] = {}
        self._reason_in: dict[int, bool] = {}

    def change_clause(self, claim: Claim) -> Stretch | None:
        # by value: the text may print 0.5 where the claim holds 0.50
        stating = self.by_change.get(abs(claim.change), [])
        key = (abs(claim.change), claim.label)
        if key not in self._labelled:
            self._labelled[key] = next((c for c in stating if claim.label in c.text), None)
        return self._labelled[key] or (stating[0] if stating else None)

    def later(self, position: int) -> int:
        """The index of the first sentence starting at or after `position`."""
        return bisect_left(self.sentence_starts, position)

    def sentence(self, index: int) -> str:
        return self.sentences[index].text.lstrip(" ")

    def sentence_end(self, position: int) -> int:
        """Where the first "。" at or after `position` stands, or the text's end."""
        index = bisect_left(self.full_stops, position)
        return self.full_stops[index] if index < len(self.full_stops) else len(self.text)

    def reason_between(self, start: int, end: int) -> bool:
        """"原因" stands wholly in text[start:end]."""
        index = bisect_left(self.reason_words, start)
        return index < len(self.reason_words) and self.reason_words[index] + 2 <= end

    def part_reason_from(self, position: int) -> bool:
        return bool(self.part_reasons) and self.part_reasons[-1] >= position

    def last_reason_for(self, label: str) -> int:
        """The start of the last sentence giving the reason for this subject's change, or -1."""
        if label not in self._reason_for:
            self._reason_for[label] = max((m.start for m in self.sentences
                                           if _gives_reason_for(m.text.lstrip(" "), label)), default=-1)
        return self._reason_for[label]

    def reason_in_sentence(self, index: int) -> bool:
        if index not in self._reason_in:
            self._reason_in[index] = bool(_REASON.search(self.sentence(index)))
        return self._reason_in[index]


def _sections_by_title(doc: Doc) -> dict[str, Section]:
    def compute() -> dict[str, Section]:
        sections: dict[str, Section] = {}
        for section in doc.disclosure.narrative.sections:
            sections.setdefault(section.title, section)
        return sections
    return doc.cached("reasons.sections", compute)


def section_reading(doc: Doc, claim: Claim) -> SectionReading:
    """The claim's section text, read once (claims of one section share it)."""
    readings: dict[tuple[str, str], SectionReading] = doc.cached("reasons.readings", dict)
    section = _sections_by_title(doc).get(claim.section)
    key = ("section", claim.section) if section is not None and section.text else ("claim", claim.text)
    if key not in readings:
        readings[key] = SectionReading(_THOUSANDS.sub("", section.text if key[0] == "section" else claim.text))
    return readings[key]


def clause_of_change(reading: SectionReading, claim: Claim) -> Stretch | None:
    """The clause stating this claim's change: it has the change, and the claim's wording when several do."""
    return reading.change_clause(claim)


# a total's change followed by its parts ("…减少48.92%。其中：", "…下降39.7%，具体如下："): Jiangsu, Suzhou and
# Huzhou give the reason of each part, not of the total
_PARTS_FOLLOW = re.compile(r"(?:其中|具体如下|具体情况如下|分项如下|具体为)[:：]?\s*$")
_PARTS_LEAD = re.compile(r"[。,，;；\s]*(?:其中|具体如下|具体情况如下|分项如下|具体为)")
_PART_REASON = re.compile(r"原因|主要是|由于|因为")


def _parts_text(doc: Doc, claim: Claim) -> str:
    """The claim's section with the sub-sections under it, where the parts of a total are listed."""
    def compute() -> dict[str, str]:
        sections = doc.disclosure.narrative.sections
        texts: dict[str, str] = {}
        for start, head in enumerate(sections):
            if head.title in texts:
                continue
            under = []
            for section in sections[start + 1 :]:
                if section.level <= head.level:
                    break
                under.append(f"{section.title}。{section.text}")
            texts[head.title] = _THOUSANDS.sub("", "\n".join(under))
        return texts
    return doc.cached("reasons.parts_texts", compute).get(claim.section, "")


def _explained_by_parts(doc: Doc, reading: SectionReading, clause: Stretch, claim: Claim) -> bool:
    text = reading.text
    if not (_PARTS_FOLLOW.search(clause.text) or _PARTS_LEAD.match(text, clause.end)):
        return False
    if reading.part_reason_from(clause.end):
        return True
    # the text's last characters and the sub-sections' text, as one
    parts = _parts_text(doc, claim)
    tail = text[max(clause.end, len(text) - 3) :]
    return _parts_reasoned(doc, claim, parts) or bool(_PART_REASON.search(tail + parts[:3]))


def _parts_reasoned(doc: Doc, claim: Claim, parts: str) -> bool:
    found: dict[str, bool] = doc.cached("reasons.parts_reasoned", dict)
    if claim.section not in found:
        found[claim.section] = bool(_PART_REASON.search(parts))
    return found[claim.section]


def reason_stated_for(doc: Doc, reading: SectionReading, claim: Claim) -> bool:
    clause = clause_of_change(reading, claim)
    if clause is None:
        return True  # the change is not in this text; nothing to judge
    if _REASON.search(clause.text):
        return True
    # "公务接待费…减少13万元；公务用车运行维护费…减少1万元，主要原因是缩减开支。": one reason closes the list
    if reading.reason_between(clause.end, reading.sentence_end(clause.end)):
        return True
    if claim.subject in TOTALS and _explained_by_parts(doc, reading, clause, claim):
        return True
    first_later = reading.later(clause.end)
    later = first_later < len(reading.sentences)
    following = reading.sentence(first_later) if later else ""
    if later and _REASON_FIRST.match(following):
        return True  # "…增加1062.85万元,增长12.08%。主要原因:项目支出增加…"
    if later and _is_cause_sentence(following):
        return True
    if reading.last_reason_for(claim.label) >= clause.end:
        return True
    if claim.subject not in TOTALS:
        return False
    return following.startswith("其中") and reading.reason_in_sentence(first_later)


# the next sentence is the reason, with no word saying so, when it states no amount of its own, starts no new item
# and tells of an effect: "…减少238.10万元，下降4.02%。退休人员退休费由省社保机构统一发放，单位支出减少。"
# (one saying 原因 names whose reason it gives, and is read as such above)
_AMOUNT = re.compile(r"\d(?:[\d.]*)\s*(?:万元|亿元|元|%|％)")
_ITEM_START = re.compile(r"^\s*(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、|\d+\s*[.．、]|其中|此外|另外|本表)")
_EFFECT = re.compile(rf"{_DIRECTION_WORDS}|调整|变化|变动|新增|取消|不再")


def _is_cause_sentence(sentence: str) -> bool:
    return ("原因" not in sentence and not _AMOUNT.search(sentence) and not _ITEM_START.match(sentence)
            and bool(_EFFECT.search(sentence)))


def _gives_reason_for(sentence: str, label: str) -> bool:
    """A sentence of its own giving the reason for this subject's change: "财政拨款收入支出增加的主要原因是…"
    for 财政拨款支出 (the label's words in order, others between them, on one line)."""
    words = label.replace("预算", "").strip("“”\"")
    if len(words) < 2 or "原因" not in sentence:
        return False
    head, tail = words[:-2], words[-2:]
    # "部门支出预算安排与2016年度相比增加的原因主要是…": the comparison may stand between the words and the change
    compared = r"(?:(?:与|较)[^，,。；;]{0,12}?相比[，,]?)?"
    # where the label's last words start a bounded phrase ending in 原因; the words before them are looked up
    # (one pattern from the label's first words to 原因 would scan the rest of the sentence from each of them)
    endings = re.finditer(rf"(?={re.escape(tail)}[^，,。；;]{{0,8}}?{compared}(?:{_DIRECTION_WORDS}|变化|变动)的?(?:主要)?原因)",
                          sentence)
    heads = _occurrences(sentence, head)
    line_breaks = _occurrences(sentence, "\n")
    for ending in endings:
        start = ending.start()
        line_start = line_breaks[bisect_left(line_breaks, start) - 1] + 1 if line_breaks and line_breaks[0] < start else 0
        first_head = bisect_left(heads, line_start)
        if first_head < len(heads) and heads[first_head] + len(head) <= start:
            return True
    return False


def _occurrences(text: str, word: str) -> list[int]:
    """Where `word` starts in `text`, overlapping ones included (every position for an empty word)."""
    if not word:
        return list(range(len(text) + 1))
    found = []
    position = text.find(word)
    while position >= 0:
        found.append(position)
        position = text.find(word, position + 1)
    return found
