"""Changes must come with their reasons (三公 增减原因, 收支增减变化): the clause that states a change
should say why, or (for a total) the "其中…" sentence that follows should explain its parts."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from ..model import Claim
from .context import Doc
from .engine import rule
from .findings import Finding, Place
from .wording import quoted

# "落实厉行节约要求,…减少13.45万元", "结合工作需要和车辆实际状况,…": the reason as the purpose served
# 因 and 系 as words, not in 因公出国（境） or 系统
_REASON = re.compile("原因|主要是|主要用于|由于|因为|因(?!公出)|系(?!统)|用于|落实|根据|按照|结合|需要")
_CLAUSE = re.compile(r"[^。;；]+")
# a sentence that is the reason for the one before it: "主要原因是…", "主要是由于…", "主要是本年增加两人…",
# "此项数据变动较大的原因是…"
_REASON_FIRST = re.compile(r"[^,，;；]{0,12}?原因|(?:主要)?(?:是由于|由于|因为)|主要(?:是|系|因)")
_SENTENCE = re.compile(r"[^。]+。?")
_DIRECTION_WORDS = "增加|减少|增长|下降|降低|上升|提高|压减|缩减|核减|减"
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3})")
_CHANGE = re.compile(rf"(?:{_DIRECTION_WORDS})了?\s*(\d+(?:\.\d+)?)(?![\d.])")

TOTALS = ("revenue_total", "expenditure_total", "fiscal_expenditure", "three_public_total", "basic")
EXPLAINED = TOTALS + ("project", "operating_cost", "overseas", "vehicle", "vehicle_purchase", "vehicle_operation",
                      "reception")


def _section_text(doc: Doc, claim: Claim) -> str:
    section = next((s for s in doc.disclosure.narrative.sections if s.title == claim.section), None)
    text = section.text if section is not None and section.text else claim.text
    return _THOUSANDS.sub("", text)


def _change_clause(text: str, claim: Claim) -> re.Match[str] | None:
    """The clause stating this claim's change: it has the change, and the claim's wording when several do."""
    # by value: the text may print 0.5 where the claim holds 0.50
    changes = [m for m in _CHANGE.finditer(text) if Decimal(m.group(1)) == abs(claim.change)]
    clauses = [next(c for c in _CLAUSE.finditer(text) if c.start() <= m.start() < c.end()) for m in changes]
    labelled = [c for c in clauses if claim.label in c.group(0)]
    return (labelled or clauses or [None])[0]


# a total's change followed by its parts ("…减少48.92%。其中：", "…下降39.7%，具体如下："): Jiangsu, Suzhou and
# Huzhou give the reason of each part, not of the total
_PARTS_FOLLOW = re.compile(r"(?:其中|具体如下|具体情况如下|分项如下|具体为)[:：]?\s*$")
_PARTS_LEAD = re.compile(r"^[。,，;；\s]*(?:其中|具体如下|具体情况如下|分项如下|具体为)")
_PART_REASON = re.compile(r"原因|主要是|由于|因为")


def _parts_text(doc: Doc, claim: Claim) -> str:
    """The claim's section with the sub-sections under it, where the parts of a total are listed."""
    sections = doc.disclosure.narrative.sections
    start = next((i for i, s in enumerate(sections) if s.title == claim.section), None)
    if start is None:
        return ""
    under = []
    for section in sections[start + 1 :]:
        if section.level <= sections[start].level:
            break
        under.append(f"{section.title}。{section.text}")
    return "\n".join(under)


def _explained_by_parts(doc: Doc, text: str, clause: re.Match[str], claim: Claim) -> bool:
    if not (_PARTS_FOLLOW.search(clause.group(0)) or _PARTS_LEAD.match(text[clause.end() :])):
        return False
    return bool(_PART_REASON.search(text[clause.end() :] + _THOUSANDS.sub("", _parts_text(doc, claim))))


def _explained(doc: Doc, text: str, claim: Claim) -> bool:
    clause = _change_clause(text, claim)
    if clause is None:
        return True  # the change is not in this text; nothing to judge
    if _REASON.search(clause.group(0)):
        return True
    # "公务接待费…减少13万元；公务用车运行维护费…减少1万元，主要原因是缩减开支。": one reason closes the list
    sentence_end = text.find("。", clause.end())
    if "原因" in text[clause.end() : sentence_end if sentence_end >= 0 else len(text)]:
        return True
    if claim.subject in TOTALS and _explained_by_parts(doc, text, clause, claim):
        return True
    later = [m.group(0).lstrip("。 ") for m in _SENTENCE.finditer(text) if m.start() >= clause.end()]
    if later and _REASON_FIRST.match(later[0]):
        return True  # "…增加1062.85万元,增长12.08%。主要原因:项目支出增加…"
    if later and _is_cause_sentence(later[0]):
        return True
    if any(_gives_reason_for(sentence, claim.label) for sentence in later):
        return True
    if claim.subject not in TOTALS:
        return False
    following = later[0] if later else ""
    return following.startswith("其中") and bool(_REASON.search(following))


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
    for 财政拨款支出 (the label's words in order, others between them)."""
    words = label.replace("预算", "").strip("“”\"")
    if len(words) < 2:
        return False
    head, tail = re.escape(words[:-2]), re.escape(words[-2:])
    # "部门支出预算安排与2016年度相比增加的原因主要是…": the comparison may stand between the words and the change
    compared = r"(?:(?:与|较)[^，,。；;]{0,12}?相比[，,]?)?"
    return bool(re.search(rf"{head}.*?{tail}[^，,。；;]{{0,8}}?{compared}(?:{_DIRECTION_WORDS}|变化|变动)的?(?:主要)?原因",
                          sentence))


# the parts of a whole whose change its reason covers, besides a part of the same subject with a smaller amount
# ("财政拨款支出" and its "一般公共预算拨款支出")
_PARTS = {
    "revenue_total": ("fiscal_revenue", "non_fiscal_revenue", "revenue:carryover"),
    "fiscal_revenue": ("revenue:general_budget", "revenue:gov_fund", "revenue:state_capital"),
    "expenditure_total": ("basic", "project", "reserve", "carry_forward"),
    "fiscal_expenditure": ("gov_fund_expenditure", "state_capital_expenditure"),
    "basic": ("personnel", "public"),
    "three_public_total": ("overseas", "vehicle", "vehicle_purchase", "vehicle_operation", "reception"),
}


def _signed(claim: Claim) -> Decimal:
    return -abs(claim.change) if claim.direction in ("减少", "下降", "降低", "压减", "缩减", "核减", "减") else abs(claim.change)


def _is_part(claim: Claim, whole: Claim) -> bool:
    if claim is whole or claim.section != whole.section or claim.unit != whole.unit or claim.value >= whole.value:
        return False
    return claim.subject == whole.subject or claim.subject in _PARTS.get(whole.subject, ())


def _unit_of(value: Decimal) -> Decimal:
    """The last printed digit's worth: 1 for 3173, 0.01 for 3130.25."""
    return Decimal(1).scaleb(min(value.as_tuple().exponent, 0))


def _run_of_parts(doc: Doc, claim: Claim, whole: Claim) -> list[Claim]:
    """The parts stated one after another right after the whole, `claim` among them."""
    claims = doc.disclosure.narrative.claims
    start = next(i for i, c in enumerate(claims) if c is whole)
    run = []
    for other in claims[start + 1 :]:
        if not _is_part(other, whole) or other.change is None:
            break
        run.append(other)
    return run if any(c is claim for c in run) else []


def _covered_by(doc: Doc, claim: Claim, whole: Claim) -> bool:
    """The explained change of a whole covers the change of its part: one that moved the same way and by no
    more, or one of the parts the sentence splits the whole and its change into (上海: 财政拨款 减少878 = 一般公共预算
    增加78 + 政府性基金 减少956, "财政拨款收入支出减少的主要原因是项目经费减少": one reason for the whole)."""
    if not _is_part(claim, whole):
        return False
    if claim.direction == whole.direction and abs(claim.change) <= abs(whole.change):
        return True
    run = _run_of_parts(doc, claim, whole)
    if len(run) < 2:
        return False
    # each amount rounded to its last digit: the sum may be off by half a digit a part
    slack = sum(_unit_of(c.value) for c in run) / 2 + _unit_of(whole.value) / 2
    change_slack = sum(_unit_of(c.change) for c in run) / 2 + _unit_of(whole.change) / 2
    return (abs(sum(c.value for c in run) - whole.value) <= slack
            and abs(sum(_signed(c) for c in run) - _signed(whole)) <= change_slack)


# amounts that are one another or one inside the other: the same change of two of them is one change, and the
# reason given for it in one section ("收、支预算总计各增加844.15万元…主要原因是…") holds where another section
# repeats it ("一般公共预算财政拨款支出…增加844.15万元")
_SAME_AMOUNT = (("revenue_total", "expenditure_total"), ("fiscal_revenue", "fiscal_expenditure"))
_INSIDE = {
    "revenue_total": ("fiscal_revenue", "non_fiscal_revenue", "revenue:general_budget"),
    "expenditure_total": ("fiscal_expenditure", "basic", "project", "reserve"),
    "fiscal_revenue": ("revenue:general_budget", "revenue:gov_fund", "revenue:state_capital"),
    "fiscal_expenditure": ("basic", "project", "gov_fund_expenditure", "state_capital_expenditure"),
    "basic": ("personnel", "public"),
    "three_public_total": ("overseas", "vehicle", "vehicle_purchase", "vehicle_operation", "reception"),
    "vehicle": ("vehicle_purchase", "vehicle_operation"),
}


def _inside(subject: str) -> set[str]:
    """Every amount a part of this one, at any depth."""
    same = {subject, *(b for a, b in _SAME_AMOUNT if a == subject), *(a for a, b in _SAME_AMOUNT if b == subject)}
    parts: set[str] = set()
    todo = [p for s in same for p in _INSIDE.get(s, ())]
    while todo:
        part = todo.pop()
        if part not in parts:
            parts.add(part)
            todo.extend(_INSIDE.get(part, ()))
    return same | parts


def _same_change(claim: Claim, other: Claim) -> bool:
    """The two claims state one change: of one amount, or of one inside the other, by as much and the same way."""
    if claim.unit != other.unit or _signed(claim) != _signed(other):
        return False
    return other.subject in _inside(claim.subject) or claim.subject in _inside(other.subject)


def _reason_given(doc: Doc, claim: Claim, explained: set[int]) -> bool:
    """The text states this claim's change and says why (not merely: the change could not be found)."""
    if not claim.change or claim.direction == "持平":
        return False
    text = _section_text(doc, claim)
    if _change_clause(text, claim) is None:
        return False
    return id(claim) in explained or (claim.subject not in EXPLAINED and _explained(doc, text, claim))


@rule(
    id="COMPLETE-CHANGE-REASONS", family="completeness", severity="warning",
    title="收支总额、基本/项目支出、“三公”经费各项、机关运行经费有增减时应说明原因",
    basis="财预〔2016〕143号（预算收支增减变化情况的说明）；domain.md §3 G5",
    needs=("claims",),
)
def changes_explained(doc: Doc) -> Iterator[Finding]:
    changes = [c for c in doc.disclosure.narrative.claims
               if c.subject in EXPLAINED and c.change and c.direction != "持平"]
    explained = {id(c) for c in changes if _explained(doc, _section_text(doc, c), c)}
    # "财政拨款支出…增加4,476万元…一般公共预算拨款支出…增加4,476万元…财政拨款收入支出增加的主要原因是…": the
    # reason of the whole is the reason of a part that changed by the same amount
    same = {(c.section, c.direction, abs(c.change)) for c in changes if id(c) in explained}
    wholes = [c for c in changes if id(c) in explained and c.subject in TOTALS]
    reasoned = [c for c in doc.disclosure.narrative.claims if _reason_given(doc, c, explained)]
    for claim in changes:
        if id(claim) in explained or (claim.section, claim.direction, abs(claim.change)) in same:
            continue
        if any(_same_change(claim, other) for other in reasoned):
            continue
        if not any(_covered_by(doc, claim, whole) for whole in wholes):
            message = f"情况说明中{quoted(claim.label)}{claim.direction or '变动'} {abs(claim.change)} {claim.unit.value}，但未说明原因。"
            yield Finding.at(Place.of_claim(claim), message)
