"""The narrative against itself: a total it states equals the parts it lists beside it.

This holds whether or not the tables were read, so a 情况说明 published without its tables (Beijing
prints them as a separate attachment) is still checked for what it holds.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from ....model import Claim, Section, Unit
from ....prose.breakdowns import breakdowns
from ...engine.context import Doc
from ...engine.figures import Figure
from ...engine.findings import NARRATIVE, Finding, Place
from ...engine.registry import rule
from ...engine.wording import quoted
from .amounts import claims, is_prior_year

# A total and the sets of parts that make it up (alternatives: the first set stated in full is used).
PARTS: dict[str, tuple[tuple[str, ...], ...]] = {
    "revenue_total": (("fiscal_revenue", "non_fiscal_revenue", "revenue:carryover"),),
    "fiscal_revenue": (("revenue:general_budget", "revenue:gov_fund", "revenue:state_capital"),),
    "non_fiscal_revenue": (("revenue:special_account", "revenue:operating", "revenue:superior_subsidy",
                            "revenue:subordinate", "revenue:business", "revenue:other"),),
    # Jiangsu adds the 单位预留机动经费, Beijing the 年终结转结余 to the year's 支出
    "expenditure_total": (("basic", "project", "reserve", "carry_forward"), ("basic", "project", "reserve"),
                          ("basic", "project", "carry_forward"), ("basic", "project")),
    "basic": (("personnel", "public"),),
    "three_public_total": (("overseas", "vehicle", "reception"),
                           ("overseas", "vehicle_purchase", "vehicle_operation", "reception")),
    "vehicle": (("vehicle_purchase", "vehicle_operation"),),
}
# a label naming one fund only ("一般公共预算财政拨款收入") is of another scope than the parts of all funds
_ONE_FUND = ("一般公共预算", "政府性基金", "国有资本")


def _stated_once(doc: Doc, section: str | None) -> dict[str, Claim]:
    """The budget year's amounts of one section, by subject; a subject stated twice with different
    amounts is left out (which of them the total means cannot be told)."""
    found: dict[str, Claim] = {}
    ambiguous: set[str] = set()
    for claim in _claims_by_section(doc).get(section, []):
        if is_prior_year(doc, claim) is not False:
            continue
        earlier = found.setdefault(claim.subject, claim)
        if earlier is not claim and doc.compare(doc.claim(claim), doc.claim(earlier)) is not None:
            ambiguous.add(claim.subject)
    return {subject: claim for subject, claim in found.items() if subject not in ambiguous}


def _parts(stated: dict[str, Claim], total: str) -> list[Claim] | None:
    for subjects in PARTS[total]:
        if all(s in stated for s in subjects):
            return [stated[s] for s in subjects]
    return None


def _claims_by_section(doc: Doc) -> dict[str | None, list[Claim]]:
    """The claims of each section, in order: a section's claims are looked up, not found among all."""
    def compute() -> dict[str | None, list[Claim]]:
        by_section: dict[str | None, list[Claim]] = {}
        for claim in claims(doc):
            by_section.setdefault(claim.section, []).append(claim)
        return by_section
    return doc.cached("narrative_parts.by_section", compute)


def _sections(doc: Doc) -> list[str | None]:
    return list(dict.fromkeys(c.section for c in claims(doc)))


# a 类 of the functional classification: "expenditure:208" (of all funds: no "@scope")
_CLASS = re.compile(r"expenditure:\d{3}")
# a list that names only some of the classes: "主要用于…", "…万元等"
_PARTIAL = re.compile(r"主要|万元等|等(?:方面|项|支出)?[。；;]?$")


def _class_lists(doc: Doc, section: str | None) -> list[list[Claim]]:
    """The budget year's 类 amounts of all funds that one sentence lists ("按支出功能分类，包括科学技术支出
    1140.61万元、…"), two or more, each class once, in a sentence that lists them all (not "主要…")."""
    lists: dict[str, list[Claim]] = {}
    for claim in claims(doc):
        if claim.section == section and _CLASS.fullmatch(claim.subject) and is_prior_year(doc, claim) is False:
            lists.setdefault(claim.text or "", []).append(claim)
    return [parts for text, parts in lists.items()
            if text and len(parts) >= 2 and len({p.subject for p in parts}) == len(parts) and not _PARTIAL.search(text)]


def _classes_add_up(doc: Doc, section: str | None, stated: dict[str, Claim]) -> Iterator[Finding]:
    """The 支出预算 total against the classes a sentence of its section lists as its breakdown."""
    whole = stated.get("expenditure_total")
    if whole is None or any(word in whole.label for word in _ONE_FUND):
        return
    for parts in _class_lists(doc, section):
        labels = "、".join(quoted(p.label) for p in parts)
        expected = Figure.total_of((doc.claim(p) for p in parts), f"情况说明按功能分类所列{labels}之和")
        finding = doc.compare(doc.claim(whole), expected)
        if finding:
            yield finding


# "(二)支出预算总计17996.68万元。包括：1．公共安全（类）支出13656.34万元…": a heading stating the total, its
# text listing the 类 one numbered item each
_TOTAL_HEADING = re.compile(r"^支出预算(?:总计|合计)(?:为)?(\d[\d,]*(?:\.\d+)?)(万元|元)$")
_LIST_OPENS = re.compile(r"^\s*包括\s*[:：]")
_ITEM = re.compile(r"^(?:包括\s*[:：])?\s*(\d{1,2})\s*[.．、](?!\d)")
_ITEMS = re.compile(r"(?:^|[。；;:：\n])\s*(\d{1,2})\s*[.．、](?!\d)")


def _heading_total(doc: Doc, section: Section) -> Iterator[Finding]:
    """The heading's total against the 类 its text lists, where every numbered item of the list was read as
    one 类 (an item the reader could not name would leave the sum short: no finding then)."""
    heading = _TOTAL_HEADING.match("".join(section.title.split()))
    if heading is None or not _LIST_OPENS.match(section.text):
        return
    parts = [c for c in claims(doc) if c.section == section.title and _CLASS.fullmatch(c.subject)
             and is_prior_year(doc, c) is False]
    numbers = [int(m.group(1)) if (m := _ITEM.match(c.text or "")) else None for c in parts]
    listed = [int(n) for n in _ITEMS.findall(section.text)]
    if not parts or numbers != list(range(1, len(parts) + 1)) or listed != numbers \
            or len({c.subject for c in parts}) != len(parts):
        return
    whole = Claim(subject="expenditure_total", label=f"支出预算总计{heading.group(1)}{heading.group(2)}",
                  value=Decimal(heading.group(1).replace(",", "")), unit=Unit(heading.group(2)),
                  year=doc.year, section=section.title, text=section.title, source=section.source)
    labels = "、".join(quoted(p.label) for p in parts)
    expected = Figure.total_of((doc.claim(p) for p in parts), f"其下所列{labels}之和")
    finding = doc.compare(doc.claim(whole), expected)
    if finding:
        yield finding


@rule(
    id="NARR-PARTS-TOTAL", family="narrative", severity="error",
    title="情况说明所述总额应等于其所列各部分之和（收入 = 财政拨款 + 其他资金 + 上年结转，支出 = 基本 + 项目 = 所列各类之和，“三公”经费 = 各项之和）",
    basis="财预〔2016〕143号“内容准确”；domain.md §3 A1、A4、N1",
    needs=("claims",),
)
def parts_add_up_to_stated_total(doc: Doc) -> Iterator[Finding]:
    for section in _sections(doc):
        stated = _stated_once(doc, section)
        for total in PARTS:
            whole = stated.get(total)
            parts = _parts(stated, total) if whole is not None else None
            if parts is None or any(word in whole.label for word in _ONE_FUND):
                continue
            labels = "、".join(quoted(p.label) for p in parts)
            expected = Figure.total_of((doc.claim(p) for p in parts), f"情况说明所述{labels}之和")
            finding = doc.compare(doc.claim(whole), expected)
            if finding:
                yield finding
        yield from _classes_add_up(doc, section, stated)
    for section in doc.disclosure.narrative.sections:
        yield from _heading_total(doc, section)


@rule(
    id="NARR-PART-OF-WHOLE", family="narrative", severity="error",
    title="情况说明中“其中”所列的一项不应大于其总数（如“购置车辆 0 辆，其中执法执勤用车 18 辆”）",
    basis="财预〔2016〕143号“内容准确”",
    needs=("narrative",),
)
def part_within_whole(doc: Doc) -> Iterator[Finding]:
    for section in doc.disclosure.narrative.sections:
        for text in (section.title, section.text):
            for found in breakdowns(text):
                if found.part > found.whole:
                    shown = text[found.start : found.end] if found.end - found.start <= 80 else found.whole_text
                    message = (f"情况说明{quoted(section.title)}中「{shown}」：“其中”所列的 {found.part_text} "
                               f"大于总数 {found.whole_text}，请核对。")
                    place = Place.at(section.source, table=NARRATIVE, name=section.title)
                    yield Finding.mismatch(place, found.whole, found.part, message)
