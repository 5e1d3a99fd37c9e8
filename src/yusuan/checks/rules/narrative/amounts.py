"""Narrative against tables: every amount the text states equals what the tables print."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from ....model import Claim
from ....model import standard_table_title
from ....prose.scopes import split_scope
from ...engine.context import Doc, printed_step
from ...engine.figures import ZERO, Figure
from ...engine.findings import Finding, Place
from ...engine.registry import rule
from ...engine.structure import total_row
from ...engine.wording import amount, quoted
from .claim_targets import figures_for, only_general_budget, printing_tables
from .items import stated_parts
from .rounding import habit, off_by_a_step, way_of


def claims(doc: Doc) -> list[Claim]:
    return doc.disclosure.narrative.claims


SIGN = {"增加": 1, "减少": -1}


def signed_change(claim: Claim) -> Decimal | None:
    if claim.change is None:
        return ZERO if claim.direction == "持平" else None
    if claim.direction in SIGN:
        return SIGN[claim.direction] * abs(claim.change)
    return claim.change


def change_figure(doc: Doc, claim: Claim) -> Figure:
    change = signed_change(claim)
    if claim.change is None:  # 持平 printed without an amount: as exact as the value it is about
        change = (change or ZERO).quantize(printed_step(claim.value))
    as_value = doc.claim(claim.model_copy(update={"value": change}))
    return Figure(as_value.value, f"情况说明中{quoted(claim.label)}的增减额", as_value.place, slack=as_value.slack,
                  unit=as_value.unit, printed=as_value.printed)


def is_prior_year(doc: Doc, claim: Claim) -> bool | None:
    """False for the budget year (or no year stated), True for the year before, None for any other year."""
    if claim.year is None or claim.year == doc.year or doc.year is None:
        return False
    return True if claim.year == doc.year - 1 else None


def agrees_with_one(doc: Doc, stated: Figure, candidates: list[Figure]) -> Finding | None:
    """None when the stated figure equals one candidate; else the finding against the closest one. A
    candidate in a column its table does not print agrees with nothing (doc.compare returns None for
    it, and counts it as not compared)."""
    compared = [(c, doc.compare(stated, c)) for c in candidates]
    findings = [finding for c, finding in compared if not c.missing]
    if not findings or any(f is None for f in findings):
        return None
    return min(findings, key=lambda f: (f.severity != "info", abs(f.difference or 0)))


@rule(
    id="NARR-AMOUNT", family="narrative", severity="error",
    title="情况说明中的每个金额（收支总额、各类支出、基本/项目、三公、政府采购、绩效目标涉及资金等）应等于表中数",
    basis="财预〔2016〕143号“内容准确”；domain.md §3 N1",
    needs=("claims",),
)
def stated_amounts_match_tables(doc: Doc) -> Iterator[Finding]:
    compared: list[tuple[Claim, list[Figure]]] = []
    for claim in claims(doc):
        prior = is_prior_year(doc, claim)
        if prior is None or prior and "执行" in claim.label:
            continue  # a year's 执行数 is no table's figure: the tables print its budget
        candidates = figures_for(doc, claim.subject, prior)
        if not candidates:
            _lacks_tables_of(doc, claim, prior)
        compared.append((claim, candidates))
        if prior is False:
            compared += stated_parts(doc, claim)  # "…科目83万元,主要用于人员经费18万元": that line's 人员经费
    votes = [{w for c in candidates if (w := way_of(doc, claim, c))} for claim, candidates in compared]
    for index, (claim, candidates) in enumerate(compared):
        finding = agrees_with_one(doc, doc.claim(claim), candidates)
        if finding and finding.severity == "info":
            # within a printed step: the right rounding of the table's amount, or a figure forced off it
            others = [v for i, ways in enumerate(votes) if i != index and len(ways) == 1 for v in ways]
            finding = _rounding_break(doc, claim, candidates, habit(others)) or finding
        if finding:
            yield finding


def _lacks_tables_of(doc: Doc, claim: Claim, prior: bool) -> None:
    """A claim no table could be compared with because the document holds none of the tables that print it
    (a 情况说明 whose tables are a file of their own): the rule could not check it, which is no pass."""
    tables = printing_tables(doc, claim.subject, prior)
    if tables and not any(t in doc.disclosure.tables for t in tables):
        for table_id in tables:
            doc.lack(standard_table_title(table_id, doc.disclosure.kind))


def _rounding_break(doc: Doc, claim: Claim, candidates: list[Figure], way: str) -> Finding | None:
    """The warning for a figure one step off every candidate rounded the document's way, or None."""
    usable = [c for c in candidates if not c.missing]
    if any(way_of(doc, claim, c) == way for c in usable):
        return None
    return next((f for c in usable if (f := off_by_a_step(doc, claim, c, way))), None)


def _same_subject_key(doc: Doc, claim: Claim) -> tuple[str, str | None, int | None]:
    """The subject, its fund scope and year. “财政拨款基本支出” and “基本支出” (all funds) are two things
    whatever the tables print; 财政拨款 and 一般公共预算 are one where the tables print no other fund."""
    subject, scope = split_scope(claim.subject)
    if subject == "revenue:general_budget":
        subject = "fiscal_revenue"  # 一般公共预算拨款收入, the income source, is 一般公共预算财政拨款收入
    if subject in ("fiscal_revenue", "fiscal_expenditure"):
        scope = "general_budget" if "一般公共预算" in claim.label else "fiscal"
    if scope == "fiscal" and only_general_budget(doc):
        scope = "general_budget"
    return subject, scope, claim.year or doc.year


def _different_scopes(doc: Doc, earlier: Claim, claim: Claim) -> bool:
    """Both amounts are printed in the tables, for the subject's different scopes: 项目支出 of all
    funds (支出总表) in 支出预算情况 and of the 一般公共预算 (一般公共预算支出表) in 财政拨款支出情况."""
    prior = is_prior_year(doc, claim)
    if prior is None:
        return False
    # a figure whose column the table does not print cannot be compared, so it would agree with anything
    figures = [f for f in figures_for(doc, claim.subject, prior) if not f.missing]
    return len(figures) > 1 and all(
        any(doc.compare(doc.claim(c), f) is None for f in figures) for c in (earlier, claim))


@rule(
    id="NARR-SAME-SUBJECT", family="narrative", severity="warning",
    title="情况说明多处提到同一事项时金额应相同",
    basis="财预〔2016〕143号“内容准确”；domain.md §3 N1",
    needs=("claims",),
)
def same_subject_same_amount(doc: Doc) -> Iterator[Finding]:
    first_seen: dict[tuple[str, str | None, int | None], Claim] = {}
    first_change: dict[tuple, Claim] = {}
    for claim in claims(doc):
        key = _same_subject_key(doc, claim)
        earlier = first_seen.setdefault(key, claim)
        if earlier is not claim and not _different_scopes(doc, earlier, claim):
            finding = doc.compare(doc.claim(claim), _stated_before(doc, earlier))
            if finding:
                yield finding
                continue
        if claim.compared_year is not None and signed_change(claim) is not None:
            changed = first_change.setdefault((*key, claim.compared_year), claim)
            if changed is not claim:
                yield from _changes_agree(doc, changed, claim)
    yield from _received_and_spent(doc)


def _stated_before(doc: Doc, earlier: Claim, change: bool = False) -> Figure:
    where = earlier.source.where or "前文"
    stated = change_figure(doc, earlier) if change else doc.claim(earlier)
    return Figure(stated.value, f"{where}所述{quoted(earlier.label)}{'的增减额' if change else ''}", stated.located,
                  unit=stated.unit, printed=stated.printed)


def _changes_agree(doc: Doc, earlier: Claim, claim: Claim) -> Iterator[Finding]:
    """One amount and one year compared with: the change stated twice is one change ("收入增加3,959.28万元",
    "财政拨款收、支总计各增加3,958.98万元" where all the money is 一般公共预算)."""
    if doc.compare(doc.claim(claim), doc.claim(earlier)) is not None:
        return  # two amounts (a part, a prior figure): their changes may differ
    finding = doc.compare(change_figure(doc, claim), _stated_before(doc, earlier, change=True))
    if finding:
        yield finding


def _section_text(doc: Doc, section: str | None) -> str:
    return next((s.text for s in doc.disclosure.narrative.sections if s.title == section), "")


# what a comparison is with: "比上年执行数", "比2025年预算数", "与上年相比" (nothing named)
_BASE = re.compile(r"(?:比|较|与|同)\s*(?:上年度?|去年|上一年度?|(?:19|20)\d{2}\s*年度?)(?:年初)?(执行|预算|决算)?")


def _bases(doc: Doc, section: str | None) -> set[str]:
    return {m.group(1) or "" for m in _BASE.finditer(_section_text(doc, section))}


def _same_base(doc: Doc, received: Claim, spent: Claim) -> bool:
    """Whether the two changes are over the same figure of the year before: stated in one section, or in
    two that each compare with one figure and name it alike (both "比上年", both "比上年执行数")."""
    if received.section == spent.section:
        return True
    bases = _bases(doc, received.section)
    return len(bases) == 1 and bases == _bases(doc, spent.section)


# 一般公共预算拨款收入 as an income source is the 一般公共预算 财政拨款收入
_RECEIVED = ("fiscal_revenue", "revenue:general_budget")


def _received_and_spent(doc: Doc) -> Iterator[Finding]:
    """A budget's 财政拨款 received and spent, stated alike ("财政拨款收入37,151.47万元,比2024年…增加…";
    "财政拨款支出预算37,151.47万元,比2024年…增加…"): with nothing carried over, what is received is spent,
    in either year, so the change is one change stated twice."""
    if doc.disclosure.kind != "budget":
        return
    changes = [c for c in claims(doc) if c.compared_year is not None and signed_change(c) is not None
               and is_prior_year(doc, c) is False]
    for received in (c for c in changes if c.subject in _RECEIVED):
        if "结转" in _section_text(doc, received.section):
            continue
        key = (_same_subject_key(doc, received)[1:], received.compared_year)
        spent = [c for c in changes if c.subject == "fiscal_expenditure" and c.value == received.value
                 and (_same_subject_key(doc, c)[1:], c.compared_year) == key and _same_base(doc, received, c)
                 and "结转" not in _section_text(doc, c.section)]
        found = [f for c in spent if (f := doc.compare(change_figure(doc, c), _stated_before(doc, received, True)))]
        yield from found[:1]


@rule(
    id="NARR-OPERATING-COST", family="narrative", severity="warning",
    title="机关运行经费不应超过基本支出表的公用经费合计",
    basis="机关运行经费为行政单位和参公事业单位的公用经费；domain.md §3 N5",
    needs=("claims", "basic_expenditure"),
)
def operating_cost_within_public(doc: Doc) -> Iterator[Finding]:
    table = doc.table("basic_expenditure")
    total = total_row(table)
    if total is None or "public" not in total.values:
        return
    public = doc.cell(table, total, "public")
    for claim in claims(doc):
        if claim.subject == "operating_cost" and is_prior_year(doc, claim) is False:
            stated = doc.claim(claim)
            finding = doc.compare(stated, public)
            if finding and stated.value > public.value:
                finding.message += "机关运行经费是公用经费的一部分，不应更多。"
                yield finding


def _first(doc: Doc, subject: str) -> Claim | None:
    return next((c for c in claims(doc) if c.subject == subject and is_prior_year(doc, c) is False), None)


@rule(
    id="NARR-PROCUREMENT-SPLIT", family="narrative", severity="error",
    title="情况说明中政府采购的货物、工程、服务之和应等于采购总额，授予中小企业的金额不应超过总额",
    basis="财预〔2016〕143号（政府采购说明的内容）；domain.md §3 N6",
    needs=("claims",),
)
def procurement_parts_add_up(doc: Doc) -> Iterator[Finding]:
    total = _first(doc, "procurement_total")
    if total is None:
        return
    stated_total = doc.claim(total)
    kinds = [_first(doc, f"procurement:{k}") for k in ("goods", "works", "services")]
    if all(kinds):
        parts = Figure.total_of((doc.claim(c) for c in kinds), "情况说明所述货物、工程、服务采购金额之和")
        finding = doc.compare(stated_total, parts)
        if finding:
            yield finding
    sme = _first(doc, "procurement:sme")
    if sme is not None and doc.claim(sme).value > stated_total.value + doc.tolerance:
        message = (f"情况说明中授予中小企业的合同金额 {amount(sme.value, sme.unit)}超过政府采购总额 "
                   f"{amount(total.value, total.unit)}。")
        yield Finding.mismatch(Place.of_claim(sme), sme.value, total.value, message)
