"""Changes must come with their reasons (三公 增减原因, 收支增减变化): the clause that states a change
should say why, or (for a total) the "其中…" sentence that follows should explain its parts."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Claim
from .context import Doc
from .engine import rule
from .findings import Finding, Place
from .wording import quoted

_REASON = re.compile("原因|主要是|主要用于|由于|因为|因|系|用于")
_CLAUSE = re.compile(r"[^。;；]+")
# a sentence that is the reason for the one before it: "主要原因是…", "主要是由于…", "此项数据变动较大的原因是…"
_REASON_FIRST = re.compile(r"[^,，;；]{0,12}?原因|(?:主要)?(?:是由于|由于|因为|是因)")
_SENTENCE = re.compile(r"[^。]+。?")
_DIRECTION_WORDS = "增加|减少|增长|下降|降低|上升|提高|压减|缩减|核减|减"
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3})")

TOTALS = ("revenue_total", "expenditure_total", "fiscal_expenditure", "three_public_total", "basic")
EXPLAINED = TOTALS + ("project", "operating_cost", "overseas", "vehicle", "vehicle_purchase", "vehicle_operation",
                      "reception")


def _section_text(doc: Doc, claim: Claim) -> str:
    section = next((s for s in doc.disclosure.narrative.sections if s.title == claim.section), None)
    text = section.text if section is not None and section.text else claim.text
    return _THOUSANDS.sub("", text)


def _change_clause(text: str, claim: Claim) -> re.Match[str] | None:
    """The clause stating this claim's change: it has the change, and the claim's wording when several do."""
    number = re.escape(f"{abs(claim.change)}")
    changes = re.finditer(rf"(?:{_DIRECTION_WORDS})了?\s*{number}(?!\d)", text)
    clauses = [next(c for c in _CLAUSE.finditer(text) if c.start() <= m.start() < c.end()) for m in changes]
    labelled = [c for c in clauses if claim.label in c.group(0)]
    return (labelled or clauses or [None])[0]


def _explained(text: str, claim: Claim) -> bool:
    clause = _change_clause(text, claim)
    if clause is None:
        return True  # the change is not in this text; nothing to judge
    if _REASON.search(clause.group(0)):
        return True
    later = [m.group(0).lstrip("。 ") for m in _SENTENCE.finditer(text) if m.start() >= clause.end()]
    if later and _REASON_FIRST.match(later[0]):
        return True  # "…增加1062.85万元,增长12.08%。主要原因:项目支出增加…"
    if any(_gives_reason_for(sentence, claim.label) for sentence in later):
        return True
    if claim.subject not in TOTALS:
        return False
    following = later[0] if later else ""
    return following.startswith("其中") and bool(_REASON.search(following))


def _gives_reason_for(sentence: str, label: str) -> bool:
    """A sentence of its own giving the reason for this subject's change: "财政拨款收入支出增加的主要原因是…"
    for 财政拨款支出 (the label's words in order, others between them)."""
    words = label.replace("预算", "").strip("“”\"")
    if len(words) < 2:
        return False
    head, tail = re.escape(words[:-2]), re.escape(words[-2:])
    return bool(re.search(rf"{head}.*?{tail}.{{0,8}}?(?:{_DIRECTION_WORDS}|变化|变动)的?(?:主要)?原因", sentence))


@rule(
    id="COMPLETE-CHANGE-REASONS", family="completeness", severity="warning",
    title="收支总额、基本/项目支出、“三公”经费各项、机关运行经费有增减时应说明原因",
    basis="财预〔2016〕143号（预算收支增减变化情况的说明）；domain.md §3 G5",
    needs=("claims",),
)
def changes_explained(doc: Doc) -> Iterator[Finding]:
    for claim in doc.disclosure.narrative.claims:
        if claim.subject not in EXPLAINED or not claim.change or claim.direction == "持平":
            continue
        if not _explained(_section_text(doc, claim), claim):
            message = f"情况说明中{quoted(claim.label)}{claim.direction or '变动'} {abs(claim.change)} {claim.unit.value}，但未说明原因。"
            yield Finding.at(Place.of_claim(claim), message)
