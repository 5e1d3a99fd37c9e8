"""Year-on-year changes the narrative states: consistent with the tables, with each other, and in wording.

The recognizer stores a change as printed: its size in `change` and its sign in `direction`
(增加/减少/持平). A change printed with a minus sign and no direction word keeps its sign.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from ....model import Claim, Unit, convert
from ....prose.scopes import is_scoped, scoped, split_scope
from ....prose.subjects import label_in, topics_of
from ...engine.context import Doc
from ...engine.figures import Figure
from ...engine.findings import Finding, Place
from ...engine.registry import rule
from ...engine.wording import amount, quoted
from .amounts import SIGN, change_figure, claims, is_prior_year, signed_change
from .claim_targets import year_pair
from .percents import percent_break, unclaimed_percents
from .years import unstated_comparisons

# A change of a total equals the changes of its parts (alternatives: the first complete set is used).
CHANGE_PARTS: dict[str, tuple[tuple[str, ...], ...]] = {
    # jiangsu: 合计 = 基本 + 项目 + 单位预留机动经费
    "revenue_total": (("basic", "project", "reserve"), ("basic", "project")),
    "expenditure_total": (("basic", "project", "reserve"), ("basic", "project")),
    "fiscal_expenditure": (("basic", "project"),),
    "three_public_total": (("overseas", "vehicle", "reception"),
                           ("overseas", "vehicle_purchase", "vehicle_operation", "reception")),
    "vehicle": (("vehicle_purchase", "vehicle_operation"),),
    "basic": (("personnel", "public"),),
}
_HUNDRED = Decimal(100)


def _table_change(doc: Doc, subject: str) -> Figure | None:
    pair = year_pair(doc, subject)
    if pair is None:
        return None
    prior, current = pair
    printed = None if None in (current.printed, prior.printed) else current.printed - prior.printed
    return Figure(current.value - prior.value, f"表中{doc.phrase(current)}两年之差", current.located,
                  cells=prior.cells + current.cells, figures=2, unit=current.unit, printed=printed)


def _stated_difference(doc: Doc, claim: Claim) -> Decimal | None:
    """This year's amount less the other year's, both as one sentence states them ("…5.00万元，比2025年预算
    6.00万元减少1.00万元"); None where the sentence states no amount for the year it compares with."""
    own = claim.year or doc.year
    # "2025年支出预算43269.3万元,2026年支出预算3845.49万元,增加17.62%" names no comparison: the year before
    compared = claim.compared_year or (own - 1 if own is not None else None)
    if compared is None or compared == own:
        return None
    stated = _claims_by_sentence(doc).get((claim.subject, compared, claim.text), [])
    bases = [c for c in stated if c is not claim] if len(stated) <= 2 else stated
    return claim.value - convert(bases[0].value, bases[0].unit, claim.unit) if len(bases) == 1 else None


def _claims_by_sentence(doc: Doc) -> dict[tuple[str, int | None, str], list[Claim]]:
    """The claims by subject, year and sentence: one lookup a claim, not a scan of every claim."""
    def compute() -> dict[tuple[str, int | None, str], list[Claim]]:
        index: dict[tuple[str, int | None, str], list[Claim]] = {}
        for claim in claims(doc):
            index.setdefault((claim.subject, claim.year, claim.text), []).append(claim)
        return index
    return doc.cached("narrative_changes.by_sentence", compute)


def _current_changes(doc: Doc) -> list[Claim]:
    return doc.cached("narrative_changes.current", lambda: [
        c for c in claims(doc) if is_prior_year(doc, c) is False and signed_change(c) is not None])


class _FirstChanges:
    """The first current change of each subject, in the document and in each section, with its position."""

    def __init__(self, changes: list[Claim]):
        self.position = {id(c): i for i, c in enumerate(changes)}
        self.first: dict[str, Claim] = {}
        self.first_in_section: dict[tuple[str, str | None], Claim] = {}
        for claim in changes:
            self.first.setdefault(claim.subject, claim)
            self.first_in_section.setdefault((claim.subject, claim.section), claim)

    def earliest(self, found: list[Claim | None]) -> Claim | None:
        return min((c for c in found if c is not None), key=lambda c: self.position[id(c)], default=None)


def _stated_change(doc: Doc, claim: Claim) -> Figure | None:
    difference = _stated_difference(doc, claim)
    if difference is None:
        return None
    return Figure(convert(difference, claim.unit, doc.unit), "所述两年金额之差", figures=2,
                  slack=doc.claim(claim).slack * 2, unit=claim.unit, printed=difference)


@rule(
    id="NARR-CHANGE-AMOUNT", family="narrative", severity="error",
    title="情况说明所述增减额应等于表中本年与上年之差（表中未列两年时，等于所述两年金额之差）",
    basis="domain.md §3 N1、N4",
    needs=("claims",),
)
def change_matches_tables(doc: Doc) -> Iterator[Finding]:
    for claim in _current_changes(doc):
        expected = _table_change(doc, claim.subject) or _stated_change(doc, claim)
        if expected is not None:
            finding = doc.compare(change_figure(doc, claim), expected)
            if finding:
                yield finding


def _contradicts(direction: str | None, actual: Decimal, tolerance: Decimal) -> bool:
    """Whether the tables' difference contradicts the direction word.

    持平 allows a difference within the tolerance. 增加/减少 are contradicted only by a difference of
    the other sign: rounding keeps order (a real increase never prints as a decrease), so a change
    of one unit in the last digit (比上年减少0.01万元, tables 2.53 → 2.52) is a real one, and a
    printed difference of 0 may hide a small change either way.
    """
    if direction == "持平":
        return abs(actual) > tolerance
    return actual * SIGN.get(direction, 0) < 0


def _direction_problem(claim: Claim, actual: Decimal | None, tolerance: Decimal, unit: Unit,
                       actual_is: str = "表中本年与上年之差") -> str | None:
    change = signed_change(claim)
    if change is not None and change > claim.value + tolerance and claim.value >= 0:
        # "0万元,比上年增加1421.25万元": the year before would have been below zero
        return f"为 {amount(claim.value, claim.unit)}，却写作比上年增加 {amount(change, claim.unit)}"
    if claim.direction == "持平" and change:
        return f"写作“持平”，却给出变动额 {claim.change}"
    if claim.direction in SIGN and claim.change is not None and claim.change == 0:
        return f"写作{quoted(claim.direction)}，变动额却为 0"
    if claim.direction in SIGN and claim.change is not None and claim.change < 0:
        return f"写作{quoted(claim.direction)}，变动额却带负号（{claim.change}）"
    if actual is not None and _contradicts(claim.direction, actual, tolerance):
        return f"写作{quoted(claim.direction)}，而{actual_is}为 {amount(actual, unit)}"
    return None


@rule(
    id="NARR-DIRECTION", family="narrative", severity="error",
    title="增减用词（增加/减少/持平）应与变动的正负一致",
    basis="domain.md §3 N3",
    needs=("claims",),
)
def direction_matches_sign(doc: Doc) -> Iterator[Finding]:
    for claim in claims(doc):
        if claim.direction is None or is_prior_year(doc, claim) is not False:
            continue
        table = _table_change(doc, claim.subject)
        if table is not None:
            problem = _direction_problem(claim, table.value, doc.tolerance, doc.unit)
        else:  # no table prints both years: the two amounts the sentence states, if it does
            problem = _direction_problem(claim, _stated_difference(doc, claim), doc.tolerance, claim.unit,
                                         "所述两年金额之差")
        if problem:
            yield Finding.at(Place.of_claim(claim), f"情况说明中{quoted(claim.label)}{problem}。")
    yield from _reasons_against_changes(doc)


# a sentence of its own giving the reason of a subject's change: "财政拨款收入支出减少的主要原因是…"
_REASON_FOR = re.compile(r"(?:^|(?<=[。;；\n]))\s*([^。;；,，\n\d]{2,24}?)(增加|增长|上升|减少|下降|降低)的(?:主要)?原因")
_UP_WORDS = ("增加", "增长", "上升")


def _reasons_against_changes(doc: Doc) -> Iterator[Finding]:
    """A reason sentence whose direction word contradicts every change its section states of the same
    subject ("财政拨款收入…比2025年预算增加156万元" then "财政拨款收入支出减少的主要原因是…")."""
    for section in doc.disclosure.narrative.sections:
        for match in _REASON_FOR.finditer(section.text):
            label = label_in(match.group(1), topics_of(match.group(1)))
            if label is None or label.is_bare_total:
                continue
            direction = "增加" if match.group(2) in _UP_WORDS else "减少"
            stated = [c for c in claims(doc) if c.section == section.title and c.direction in SIGN
                      and split_scope(c.subject)[0] == label.subject and is_prior_year(doc, c) is False]
            if stated and all(c.direction != direction for c in stated):
                claim = stated[0]
                change = f" {amount(abs(claim.change), claim.unit)}" if claim.change is not None else ""
                message = (f"情况说明中{quoted(claim.label)}写作{claim.direction}{change}，下文说明原因时却写"
                           f"{quoted(match.group(0).strip())}，增减方向前后矛盾。")
                yield Finding.at(Place.of_claim(claim), message)


def _part_subjects(whole: str, part: str) -> tuple[str, ...]:
    """The keys of a part of the whole's fund scope: the 基本支出 of 一般公共预算财政拨款支出 is its own."""
    subject, scope = split_scope(whole)
    if not is_scoped(part):
        return (part,)
    if scope is not None:
        return (scoped(part, scope),)
    if subject == "fiscal_expenditure":
        # a 基本支出 of no stated scope is of all funds: not a part of the 财政拨款 alone
        return (scoped(part, "general_budget"), scoped(part, "fiscal"))
    return (part,)


def _part_claim(doc: Doc, subjects: tuple[str, ...], near: Claim) -> Claim | None:
    """The first change of one of these subjects in the section of `near`, else in the document."""
    first = doc.cached("narrative_changes.first", lambda: _FirstChanges(_current_changes(doc)))
    return (first.earliest([first.first_in_section.get((s, near.section)) for s in subjects])
            or first.earliest([first.first.get(s) for s in subjects]))


def _parts_for(doc: Doc, whole: Claim) -> list[Claim] | None:
    for subjects in CHANGE_PARTS.get(split_scope(whole.subject)[0], ()):
        parts = [_part_claim(doc, _part_subjects(whole.subject, s), whole) for s in subjects]
        if all(parts):
            return parts
    return None


@rule(
    id="NARR-CHANGE-SUM", family="narrative", severity="error",
    title="总额的增减应等于其组成部分增减之和（如收入增减 = 基本支出增减 + 项目支出增减）",
    basis="domain.md §3 N1–N3",
    needs=("claims",),
)
def changes_add_up(doc: Doc) -> Iterator[Finding]:
    for whole in _current_changes(doc):
        parts = _parts_for(doc, whole)
        if parts is None:
            continue
        labels = "、".join(f"{quoted(p.label)}" for p in parts)
        expected = Figure.total_of((change_figure(doc, p) for p in parts), f"{labels}的增减额之和")
        finding = doc.compare(change_figure(doc, whole), expected)
        if finding:
            yield finding


def _recomputed_percent(doc: Doc, claim: Claim) -> Decimal | None:
    change = signed_change(claim)
    if change is not None:
        base = claim.value - change
    else:
        # "…5.00万元，2025年执行数6.00万元，下降16.67%": the two amounts the percent was worked out from,
        # else the tables' two years
        change = _stated_difference(doc, claim)
        table = _table_change(doc, claim.subject) if change is None else None
        change = table.value if table is not None else change
        if change is None:
            return None
        base = claim.value - change
    return None if base == 0 else change / base * _HUNDRED


@rule(
    id="NARR-PERCENT", family="narrative", severity="error",
    title="情况说明所述增减百分比应能由所述金额重新算出",
    basis="domain.md §3 N2",
    needs=("claims",),
)
def percentages_recompute(doc: Doc) -> Iterator[Finding]:
    for claim in claims(doc):
        if claim.change_percent is None or is_prior_year(doc, claim) is not False:
            continue
        stated = claim.change is not None and claim.direction in SIGN
        why = percent_break(doc, claim.value, claim.change, claim.direction, claim.change_percent) if stated else ""
        if why is None:
            continue  # follows from the two amounts stated, or the year before may have been nothing
        recomputed = _recomputed_percent(doc, claim)
        if recomputed is None:
            continue
        last_digit = Decimal(1).scaleb(claim.change_percent.as_tuple().exponent)
        # from both amounts stated the percent breaks already; from the tables' two years (exact, or rounded
        # apart from the narrative) a difference within its last printed digit is left alone
        if stated or abs(abs(recomputed) - abs(claim.change_percent)) > last_digit:
            shown = recomputed.quantize(min(last_digit, Decimal("0.01")))
            message = (f"情况说明中{quoted(claim.label)}的增减幅度为 {claim.change_percent}%，按所述金额 "
                       f"{amount(claim.value, claim.unit)}及其增减额计算应为 {abs(shown)}%{why}。")
            yield Finding.mismatch(Place.of_claim(claim), claim.change_percent, abs(shown), message)
    yield from unclaimed_percents(doc)


@rule(
    id="NARR-BASE-YEAR", family="narrative", severity="warning",
    title="增减比较应以正确的年度为基数（预算比上年，决算比本年预算或上年）",
    basis="domain.md §3 N4",
    needs=("narrative", "year"),
)
def compared_with_right_year(doc: Doc) -> Iterator[Finding]:
    allowed = {doc.year - 1} if doc.disclosure.kind == "budget" else {doc.year, doc.year - 1}
    for claim in claims(doc):
        if claim.compared_year is not None and claim.compared_year not in allowed:
            expected = "、".join(f"{y} 年" for y in sorted(allowed))
            message = f"情况说明中{quoted(claim.label)}与 {claim.compared_year} 年比较，{doc.year} 年的公开应与 {expected}比较。"
            yield Finding.mismatch(Place.of_claim(claim), str(claim.compared_year), expected, message)
    # sentences whose comparison no claim carries (持平 without an amount, an amount of no known subject)
    yield from unstated_comparisons(doc)
