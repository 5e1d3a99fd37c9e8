"""决算 (final accounts): the "三公" 决算 against its budget, the "三公" physical counts, 机关运行经费
and 政府采购 in the narrative.

A 决算 must say how the "三公" money was used in numbers, not only in money: 因公出国（境）团组数
and 人次, 公务用车购置数 and 保有量, 公务接待批次 and 人次 (domain.md §3 G4). A count is asked for
only where the item's 决算数 is not zero (no money spent says there was nothing to count), and not at
all where the department spent no "三公" money.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from ...engine.context import Doc
from ...engine.figures import Figure
from ...engine.findings import NARRATIVE, Finding, Place
from ...engine.parts import holds_only_part
from ...engine.registry import rule
from ...engine.wording import amount, quoted
from ..narrative.amounts import claims, is_prior_year
from .tables import IS_FINAL
from .text import (
    BUDGET, FINAL, NUMBER, PERCENT, percent_finding, sentences, stated_figure, three_public_column, three_public_item,
    three_public_rows, where_phrase,
)


@rule(
    id="FINAL-THREE-PUBLIC", family="narrative", severity="error",
    title="决算说明中“三公”经费各项的预算数、完成预算比例应与“三公”经费决算表的预算数、决算数相符",
    basis="预算法第十四条；部门决算“三公”经费说明（决算与预算对比）；domain.md §2.3-5、§3 N1、N2",
    needs=("three_public", "narrative"), applies=IS_FINAL,
)
def three_public_against_budget(doc: Doc) -> Iterator[Finding]:
    rows = three_public_rows(doc)
    if rows is None:
        doc.unprinted["“三公”经费表的预算数"] = None
        return
    table, final_row, budget_row = rows
    for sentence in sentences(doc):
        final = FINAL.search(sentence.text)
        if not sentence.three_public or final is None:
            continue
        item = three_public_item(sentence.text[: final.start()])
        column = three_public_column(table, item) if item else None
        if column is None or column not in table.column_ids:
            continue
        budget = BUDGET.search(sentence.text)
        if budget is not None:
            stated = stated_figure(doc, budget, 2, f"情况说明中{where_phrase(sentence.text)}所述预算数", sentence.place)
            finding = doc.compare(stated, doc.cell(table, budget_row, column))
            if finding:
                yield finding
            continue  # the percentage against the stated budget: FINAL-VS-BUDGET
        percent = PERCENT.search(sentence.text)
        if percent is not None:
            finding = percent_finding(doc, sentence, percent.group(2), doc.cell(table, final_row, column),
                                      doc.cell(table, budget_row, column), where_phrase(sentence.text),
                                      ("完成预算的", "“三公”经费表的决算数", "预算数"))
            if finding:
                yield finding


# (what must be stated, the "三公" columns whose 决算数 asks for it, sentence keyword, count pattern)
# ("因公出国(境)2批", "截至2024年末,本部门公务用车2辆", "公务接待5次、40人次": the counts in other words)
_COUNTS: list[tuple[str, tuple[str, ...], re.Pattern[str], re.Pattern[str]]] = [
    ("因公出国（境）团组数", ("overseas",), re.compile(r"团|出国|出境"), re.compile(r"\d+\s*(?:个|批)")),
    ("因公出国（境）人次", ("overseas",), re.compile(r"出国|出境|团组"), re.compile(r"\d+\s*人")),
    ("公务用车购置数", ("vehicle_purchase",), re.compile(r"购置|购买|更新"), re.compile(r"\d+\s*辆")),
    ("公务用车保有量", ("vehicle", "vehicle_operation"), re.compile(r"保有|共有|实有|现有|拥有|截[至止]|年末|年底"),
     re.compile(r"\d+\s*辆")),
    ("公务接待批次", ("reception",), re.compile(r"接待"), re.compile(r"\d+\s*(?:批|次(?!人))")),
    ("公务接待人次", ("reception",), re.compile(r"接待"), re.compile(r"\d+\s*人")),
]


def _spent(doc: Doc, columns: tuple[str, ...]) -> Decimal | None:
    """The "三公" table's 决算数 for the first of `columns` it prints; None when unknown.

    A blank 决算数 cell in a printed column is nothing spent, and so is an empty table."""
    rows = three_public_rows(doc)
    table = doc.table("three_public")
    if table is None:
        return None
    if table.is_empty:
        return Decimal(0)
    final = rows[1] if rows else next((r for r in table.rows if "预算" not in r.name), None)
    for column in columns:
        if final is not None and column in table.column_ids:
            return doc.cell(table, final, column).value if final.value(column) is not None else Decimal(0)
    return None


# "本部门2024年度未发生“三公”经费支出", "“三公”经费财政拨款支出决算为0万元"
_NONE_SPENT = re.compile(r"(?:没有|未|无)(?:发生|安排|使用|列支)?[^。，,；;]{0,8}三公"
                         r"|三公[”\"’']?经费[^。；;]{0,16}?(?:为|均为|是)\s*(?:0(?:\.0+)?|零)\s*(?:万?元)?(?![\d.])")


def _none_spent(doc: Doc) -> bool:
    """No "三公" money at all: the table's 合计 is 0, or the narrative says there was none."""
    if _spent(doc, ("total",)) == 0:
        return True
    return any(_NONE_SPENT.search(s.text) for s in sentences(doc) if s.three_public or "三公" in s.text)


def _three_public_place(doc: Doc) -> Place:
    section = next((s for s in doc.disclosure.narrative.sections if "三公" in s.title), None)
    if section is None:
        return Place(table=NARRATIVE)
    return Place.at(section.source, table=NARRATIVE, name=section.title)


@rule(
    id="FINAL-THREE-PUBLIC-COUNTS", family="completeness", severity="warning",
    title="决算说明应列明因公出国（境）团组数和人次、公务用车购置数和保有量、公务接待批次和人次（该项决算数为零时可不列）",
    basis="部门决算“三公”经费说明内容；domain.md §2.2-7、§3 G4",
    needs=("narrative",), applies=IS_FINAL,
)
def three_public_counts(doc: Doc) -> Iterator[Finding]:
    if holds_only_part(doc):
        return
    if _none_spent(doc):
        return
    found = [s for s in sentences(doc) if s.three_public] or sentences(doc)
    for what, columns, keyword, count in _COUNTS:
        spent = _spent(doc, columns)
        if spent is not None and spent == 0:
            continue
        doc.compared += 1
        if any(keyword.search(s.text) and count.search(s.text) for s in found):
            continue
        money = "" if spent is None else f"（决算数 {amount(spent, doc.unit)}）"
        yield Finding(f"情况说明未列明{what}{money}。决算应说明“三公”经费对应的实物量，请补充。",
                      _three_public_place(doc), provided=None, expected=what)


# -- 机关运行经费 and 政府采购 -----------------------------------------------------------------------

_SME = re.compile(r"授予中小企业(?:的)?(?:合同)?(?:金额)?(?:为|共|计|合计)?\s*" + NUMBER)
_SMALL = re.compile(r"授予小微企业(?:的)?(?:合同)?(?:金额)?(?:为|共|计|合计)?\s*" + NUMBER)
_SHARE = re.compile(r"占(?:政府采购|采购)?(?:支出)?(?:总额|总金额|金额)?的?\s*(\d+(?:\.\d+)?)\s*%")


_TOTAL = re.compile(r"政府采购(?:支出)?(?:总额|总金额|金额)(?:\(以合同签订为准\))?(?:为|共|计|合计)?\s*" + NUMBER)


def _procurement_total(doc: Doc) -> Figure | None:
    """The 政府采购 total the narrative states: as printed in its sentence, else as read into a claim."""
    for sentence in sentences(doc):
        if match := _TOTAL.search(sentence.text):
            return stated_figure(doc, match, 1)
    claim = next((c for c in claims(doc) if c.subject == "procurement_total" and is_prior_year(doc, c) is False), None)
    return None if claim is None else doc.claim(claim)


@rule(
    id="FINAL-OPERATING-PROCUREMENT", family="narrative", severity="error",
    title="决算说明：授予中小企业合同金额占政府采购总额的比例应能重新算出，授予小微企业的金额不应超过中小企业；机关运行经费应等于表中所列",
    basis="财预〔2016〕143号（机关运行经费、政府采购说明的内容）；domain.md §2.2、§3 N5、N6",
    needs=("narrative",), applies=IS_FINAL,
)
def operating_cost_and_procurement(doc: Doc) -> Iterator[Finding]:
    total = _procurement_total(doc)
    value: Figure | None = None  # the 授予中小企业 amount last stated
    for sentence in sentences(doc):
        if sme := _SME.search(sentence.text):
            value = stated_figure(doc, sme, 1)
            share = _SHARE.search(sentence.text, sme.end())
            if share is not None and total is not None:
                finding = percent_finding(doc, sentence, share.group(1), value, total, quoted("授予中小企业合同金额"),
                                          ("占政府采购总额的", "授予中小企业合同金额", "政府采购总额"))
                if finding:
                    yield finding
        small = _SMALL.search(sentence.text)
        if small is not None and value is not None:
            doc.compared += 1
            small_value = stated_figure(doc, small, 1)
            if small_value.value > value.value + doc.tolerance:
                yield Finding.mismatch(
                    sentence.place, small_value.value, value.value,
                    f"情况说明中授予小微企业的合同金额 {doc.said(small_value)}超过授予中小企业的合同金额 "
                    f"{doc.said(value)}（小微企业属于中小企业）。请核对并改正。")
    yield from _operating_cost(doc)


def _operating_cost(doc: Doc) -> Iterator[Finding]:
    """机关运行经费 printed in the "三公" table (Shanghai) equals what the narrative states."""
    table = doc.table("three_public")
    if table is None or "operating_cost" not in table.column_ids:
        return
    rows = three_public_rows(doc)
    final = rows[1] if rows else next((r for r in table.rows if "预算" not in r.name), None)
    if final is None:
        return
    for claim in claims(doc):
        if claim.subject == "operating_cost" and is_prior_year(doc, claim) is False:
            finding = doc.compare(doc.claim(claim), doc.cell(table, final, "operating_cost"))
            if finding:
                yield finding
