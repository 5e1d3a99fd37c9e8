"""Changes must come with their reasons (三公 增减原因, 收支增减变化): the clause that states a change
should say why, or (for a total) the "其中…" sentence that follows should explain its parts.

The rule: which changes need a reason, and when a reason given elsewhere covers a change with none of its
own (its whole's, or that of the same change stated in another section). Whether the text gives a reason
next to the change it states is read in `reasons_stated`.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from ....model import Claim
from ...engine.context import Doc
from ...engine.findings import Finding, Place
from ...engine.registry import rule
from ...engine.wording import quoted
from .reasons_stated import TOTALS, clause_of_change, reason_stated_for, section_reading

EXPLAINED = TOTALS + ("project", "operating_cost", "overseas", "vehicle", "vehicle_purchase", "vehicle_operation",
                      "reception")


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
    runs: dict[int, tuple[list[Claim], set[int]]] = doc.cached("reasons.runs", dict)
    if id(whole) not in runs:
        claims = doc.disclosure.narrative.claims
        positions: dict[int, int] = doc.cached("reasons.positions", lambda: {id(c): i for i, c in enumerate(claims)})
        run = []
        for position in range(positions[id(whole)] + 1, len(claims)):
            other = claims[position]
            if not _is_part(other, whole) or other.change is None:
                break
            run.append(other)
        runs[id(whole)] = (run, {id(c) for c in run})
    run, members = runs[id(whole)]
    return run if id(claim) in members else []


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


def _same_subject_change(subject: str, other: str) -> bool:
    """Two claims changing by as much, the same way, in one unit state one change: of one amount, or of one
    inside the other."""
    return other in _inside(subject) or subject in _inside(other)


def _reason_given(doc: Doc, claim: Claim, explained: set[int]) -> bool:
    """The text states this claim's change and says why (not merely: the change could not be found)."""
    if not claim.change or claim.direction == "持平":
        return False
    reading = section_reading(doc, claim)
    if clause_of_change(reading, claim) is None:
        return False
    return id(claim) in explained or (claim.subject not in EXPLAINED and reason_stated_for(doc, reading, claim))


@rule(
    id="COMPLETE-CHANGE-REASONS", family="completeness", severity="warning",
    title="收支总额、基本/项目支出、“三公”经费各项、机关运行经费有增减时应说明原因",
    basis="财预〔2016〕143号（预算收支增减变化情况的说明）；domain.md §3 G5",
    needs=("claims",),
)
def changes_explained(doc: Doc) -> Iterator[Finding]:
    changes = [c for c in doc.disclosure.narrative.claims
               if c.subject in EXPLAINED and c.change and c.direction != "持平"]
    explained = {id(c) for c in changes if reason_stated_for(doc, section_reading(doc, c), c)}
    # "财政拨款支出…增加4,476万元…一般公共预算拨款支出…增加4,476万元…财政拨款收入支出增加的主要原因是…": the
    # reason of the whole is the reason of a part that changed by the same amount
    same = {(c.section, c.direction, abs(c.change)) for c in changes if id(c) in explained}
    wholes = [c for c in changes if id(c) in explained and c.subject in TOTALS]
    # the subjects whose change is explained, by unit and signed change: a claim looks up its own change
    # (not every other claim's), so thousands of changes take no time of their square
    reasoned: dict[tuple[object, Decimal], set[str]] = {}
    for other in doc.disclosure.narrative.claims:
        if _reason_given(doc, other, explained):
            reasoned.setdefault((other.unit, _signed(other)), set()).add(other.subject)
    wholes_by_place: dict[tuple[str, object], list[Claim]] = {}
    for whole in wholes:
        wholes_by_place.setdefault((whole.section, whole.unit), []).append(whole)
    for claim in changes:
        if id(claim) in explained or (claim.section, claim.direction, abs(claim.change)) in same:
            continue
        if any(_same_subject_change(claim.subject, subject)
               for subject in reasoned.get((claim.unit, _signed(claim)), ())):
            continue
        if not any(_covered_by(doc, claim, whole) for whole in wholes_by_place.get((claim.section, claim.unit), ())):
            message = f"情况说明中{quoted(claim.label)}{claim.direction or '变动'} {abs(claim.change)} {claim.unit.value}，但未说明原因。"
            yield Finding.at(Place.of_claim(claim), message)
