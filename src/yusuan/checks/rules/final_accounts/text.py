"""决算 (final accounts): what the narrative states about the final figure against the budget.

A 决算 narrative compares each line with its budget: "年初预算为 A 万元，支出决算为 B 万元，完成年初
预算的 P%。决算数小于预算数的主要原因……". These rules read those statements from the narrative's
sentences (a part listed after 其中： apart) and check the percentage, the wording, the "三公" figures
against the "三公" table's 预算数 row (FINAL-THREE-PUBLIC, with the counts and 政府采购 / 机关运行经费 in
items.py). They hold only for a 决算 (not applicable to a budget).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from ....model import Row, Table, Unit, convert
from ....prose.sentences import OF_WHICH, STOPS, clauses, said
from ...engine.context import Doc
from ...engine.figures import Figure
from ...engine.findings import NARRATIVE, Finding, Place
from ...engine.registry import rule
from ...engine.texts import section_paragraphs
from ...engine.wording import quoted
from .tables import IS_FINAL, budget_in_table

NUMBER = r"(-?\d[\d,]*(?:\.\d+)?)\s*(万元|元)"
# "年初预算为 A 万元" (not "大于预算数 A 万元", a difference)
BUDGET = re.compile(r"(?<![于比])(年初|调整后?|全年)?预算数?(?:为|是|[:：])?\s*" + NUMBER)
FINAL = re.compile(r"(?<![于比])决算数?(?:为|是|[:：])?\s*" + NUMBER)
# the budget it is a share of (年初, 全年, 调整), the percentage
PERCENT = re.compile(r"完成(?:了)?(年初|全年|调整后?)?预算(?:数)?(?:的)?\s*(-?\d+(?:\.\d+)?)\s*%")
WORDING = re.compile(
    r"决算数?\s*(大于|高于|超过|多于|小于|低于|少于|等于|与|同|和)\s*(?:年初|全年|调整后?)?预算数?\s*"
    r"(持平|相等|一致|相同)?\s*(?:" + NUMBER + r")?")
_WORDS = {"大于": "大于", "高于": "大于", "超过": "大于", "多于": "大于", "小于": "小于", "低于": "小于",
          "少于": "小于", "等于": "等于"}
# a statement of the budget and the final figure stands in a clause; "其中:" opens another
_CLAUSE_MARKS = (*STOPS, *OF_WHICH)
_HUNDRED = Decimal(100)
_HALF_CENT = Decimal("0.005")  # half the last printed digit of an amount in its unit


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    place: Place
    three_public: bool  # in a "三公" section
    section: int  # index of its section, to keep a statement with the wording that follows it


def amount_of(match: re.Match[str], first: int, unit: Unit) -> Decimal:
    value = Decimal(match.group(first).replace(",", ""))
    return convert(value, Unit(match.group(first + 1)), unit)


def stated_figure(doc: Doc, match: re.Match[str], first: int, phrase: str = "", place: Place | None = None) -> Figure:
    """The amount a sentence prints (groups `first`, `first` + 1: number and unit), kept in its unit for messages."""
    return Figure(amount_of(match, first, doc.unit), phrase, place, unit=Unit(match.group(first + 1)),
                  printed=Decimal(match.group(first).replace(",", "")))


def sentences(doc: Doc) -> list[Sentence]:
    return doc.cached("final_sentences", lambda: list(_sentences(doc)))


def _sentences(doc: Doc) -> Iterator[Sentence]:
    three_public_level: int | None = None
    for index, (section, paragraphs) in enumerate(zip(doc.disclosure.narrative.sections, section_paragraphs(doc),
                                                      strict=True)):
        if three_public_level is not None and section.level <= three_public_level:
            three_public_level = None
        if three_public_level is None and "三公" in section.title:
            three_public_level = section.level
        for sentence in (s for paragraph in paragraphs for s in paragraph.sentences):
            place = Place.at(sentence.source, table=NARRATIVE, name=section.title)
            words = said(sentence.text)
            for start, end in clauses(words, _CLAUSE_MARKS):
                text = words[start:end].strip(" ,，")
                if text:
                    yield Sentence(text, place, three_public_level is not None, index)


def _percent_expected(final: Decimal, budget: Decimal) -> Decimal:
    return final / budget * _HUNDRED


def _percent_allowance(stated: str, final: Decimal, budget: Decimal, unit_step: Decimal) -> Decimal:
    """How far a stated percentage may be from final / budget: half its last digit, plus what rounding
    the two amounts (half a unit of their last digit each) can move the quotient."""
    decimals = len(stated.split(".")[1]) if "." in stated else 0
    return Decimal(5) / Decimal(10) ** (decimals + 1) + _HUNDRED * unit_step * (abs(budget) + abs(final)) / budget ** 2


_COMPLETION = ("完成预算的", "决算数", "预算数")


def percent_finding(doc: Doc, sentence: Sentence, stated: str, final_figure: Figure, budget_figure: Figure,
                    where: str, terms: tuple[str, str, str] = _COMPLETION) -> Finding | None:
    """None when the stated percentage equals final / budget (within rounding). `terms` name the
    percentage, the part and the whole in the message (完成预算的, 决算数, 预算数)."""
    final, budget = final_figure.value, budget_figure.value
    if budget == 0:
        return None  # nothing to divide by: any percentage is a convention
    doc.compared += 1
    expected = _percent_expected(final, budget)
    step = convert(_HALF_CENT, Unit.wanyuan, doc.unit)
    given = Decimal(stated)
    allowance = _percent_allowance(stated, final, budget, step)
    if abs(given - expected) <= allowance:
        return None
    last_digit = Decimal(1).scaleb(given.as_tuple().exponent)
    # off by less than one unit of its last digit: cut off rather than rounded, reported as info
    truncated = abs(given - expected) < last_digit + allowance
    expected = expected.quantize(last_digit if last_digit < 1 else Decimal("0.01"))
    said, part, whole = terms
    message = (f"情况说明称{where}{said} {given}%，按{part} {doc.said(final_figure)}、{whole} "
               f"{doc.said(budget_figure)}计算应为 {expected}%（相差 {abs(given - expected)} 个百分点）。")
    message += "差异不超过末位一个单位，可能是截尾而非四舍五入，视为舍入差异。" if truncated else "请核对百分比或金额并改正。"
    return Finding(message, sentence.place, severity="info" if truncated else None,
                   provided=given, expected=expected, difference=given - expected)


def where_phrase(text: str) -> str:
    return quoted(text if len(text) <= 40 else text[:40] + "……")


@rule(
    id="FINAL-VS-BUDGET", family="narrative", severity="error",
    title="决算说明中“完成预算的 %”应等于所述决算数除以预算数；表中列有年初（调整）预算数时，所述预算数应等于表中数",
    basis="部门决算情况说明格式（年初预算数、决算数、完成预算比例）；domain.md §3 N2、N4",
    needs=("narrative",), applies=IS_FINAL,
)
def completion_percentages(doc: Doc) -> Iterator[Finding]:
    found = sentences(doc)
    for position, sentence in enumerate(found):
        budget, final = BUDGET.search(sentence.text), FINAL.search(sentence.text)
        if budget is None or final is None:
            continue
        percent = PERCENT.search(sentence.text)
        after = found[position + 1] if position + 1 < len(found) else None
        if percent is None and after is not None and after.section == sentence.section \
                and not FINAL.search(after.text) and not BUDGET.search(after.text):
            percent = PERCENT.search(after.text)  # "……决算为 B 万元。完成年初预算的 P%。"
        before = found[position - 1].text if position and found[position - 1].section == sentence.section else ""
        printed = budget_in_table(doc, sentence.text[: budget.start()], before, budget.group(1))
        if printed is not None:
            stated = stated_figure(doc, budget, 2, f"情况说明中{where_phrase(sentence.text)}所述预算数", sentence.place)
            if finding := doc.compare(stated, printed):
                yield finding
        meant = None if percent is None else budget_meant(sentence.text, percent)
        if meant is None:
            continue
        finding = percent_finding(doc, sentence, percent.group(2), stated_figure(doc, final, 1),
                                  stated_figure(doc, meant, 2), where_phrase(sentence.text))
        if finding:
            yield finding


def _kind(word: str | None) -> str | None:
    return word[:2] if word else None


def budget_meant(text: str, percent: re.Match[str]) -> re.Match[str] | None:
    """The budget a "完成…预算的 P%" is a share of: the one of its kind ("完成调整预算的" with 年初 and 调整
    stated), or the only kind stated; None when the sentence leaves it open."""
    budgets = list(BUDGET.finditer(text))
    wanted = _kind(percent.group(1))
    if wanted is not None and (same := [b for b in budgets if _kind(b.group(1)) == wanted]):
        return same[0]
    return budgets[0] if budgets and len({_kind(b.group(1)) for b in budgets}) == 1 else None


def _direction(doc: Doc, final: Decimal, budget: Decimal, word: str) -> str:
    """大于/小于/等于 of the two figures. The figures are printed, so any difference is one: "2.22 小于
    2.23" is right. Only "等于/持平" may cover a difference within the tolerance."""
    if word == "等于" and abs(final - budget) <= doc.tolerance:
        return "等于"
    return "大于" if final > budget else "小于" if final < budget else "等于"


@rule(
    id="FINAL-WORDING", family="narrative", severity="error",
    title="决算说明中“决算数大于/小于/等于（持平）预算数”的用词及所述差额应与所述决算数、预算数相符",
    basis="部门决算情况说明格式（决算数与预算数的差异及原因）；domain.md §3 N3",
    needs=("narrative",), applies=IS_FINAL,
)
def final_versus_budget_wording(doc: Doc) -> Iterator[Finding]:
    pair: tuple[Figure, Figure] | None = None
    section = -1
    for sentence in sentences(doc):
        if sentence.section != section:
            pair, section = None, sentence.section
        budget, final = BUDGET.search(sentence.text), FINAL.search(sentence.text)
        if final is not None:
            # a new statement: of this line's budget and final, or of a final alone (another subject)
            pair = (stated_figure(doc, final, 1), stated_figure(doc, budget, 2)) if budget is not None else None
        wording = WORDING.search(sentence.text)
        if wording is None:
            continue
        # in the "三公" section: the item the sentence names, else the "三公" total, from the table
        current = (three_public_pair(doc, sentence.text, "total") if sentence.three_public else None) or pair
        if current is None:
            continue
        yield from _wording_findings(doc, sentence, wording, *current)


def _wording_findings(doc: Doc, sentence: Sentence, wording: re.Match[str], final_figure: Figure,
                      budget_figure: Figure) -> Iterator[Finding]:
    final, budget = final_figure.value, budget_figure.value
    word = _WORDS.get(wording.group(1)) or ("等于" if wording.group(2) else None)
    if word is None:
        return
    doc.compared += 1
    actual = _direction(doc, final, budget, word)
    if word != actual:
        message = (f"情况说明称“决算数{word}预算数”，但所述决算数 {doc.said(final_figure)}{actual}预算数 "
                   f"{doc.said(budget_figure)}。请改正用词或金额。")
        yield Finding(message, sentence.place, provided=word, expected=actual, difference=final - budget)
        return
    if wording.group(3) is not None and word != "等于":
        stated = stated_figure(doc, wording, 3, f"情况说明中{where_phrase(sentence.text)}所述差额", sentence.place)
        finding = doc.compare(stated, _gap(final_figure, budget_figure))
        if finding:
            yield finding


# -- "三公" 经费: the 决算 against its budget, from the "三公" table ---------------------------------

_ITEMS: list[tuple[str, re.Pattern[str]]] = [
    ("vehicle", re.compile(r"公务用车购置及运行")),
    ("vehicle_purchase", re.compile(r"公务用车购置(?:费|支出)|车辆购置")),
    ("vehicle_operation", re.compile(r"公务用车运行")),
    ("overseas", re.compile(r"因公出国")),
    ("reception", re.compile(r"公务接待")),
    ("total", re.compile(r"三公")),
]


def three_public_item(text: str) -> str | None:
    """The "三公" item a text names last (the one nearest to its amount)."""
    best: tuple[int, str] | None = None
    for item, pattern in _ITEMS:
        for match in pattern.finditer(text):
            if best is None or match.end() > best[0]:
                best = (match.end(), item)
    return best[1] if best else None


def three_public_rows(doc: Doc) -> tuple[Table, Row, Row] | None:
    """The "三公" table with its 决算数 row and its 预算数 row, when it prints both."""
    table = doc.table("three_public")
    if table is None:
        return None
    budget = next((r for r in table.rows if "预算" in r.name), None)
    final = next((r for r in table.rows if "预算" not in r.name and (doc.year is None or str(doc.year) in r.name)), None)
    return None if budget is None or final is None else (table, final, budget)


def three_public_column(table: Table, item: str) -> str:
    return "three_public_total" if item == "total" and "three_public_total" in table.column_ids else item


def _gap(final: Figure, budget: Figure) -> Figure:
    """决算数 less 预算数, in the unit both were printed in."""
    printed = None if final.unit != budget.unit or None in (final.printed, budget.printed) else \
        abs(final.printed - budget.printed)
    return Figure(abs(final.value - budget.value), "决算数与预算数之差", unit=final.unit if printed is not None else None,
                  printed=printed)


def three_public_pair(doc: Doc, text: str, default: str | None = None) -> tuple[Figure, Figure] | None:
    """(决算数, 预算数) in the "三公" table of the item `text` names (or of `default`)."""
    rows, item = three_public_rows(doc), three_public_item(text) or default
    if rows is None or item is None:
        return None
    table, final, budget = rows
    column = three_public_column(table, item)
    if column not in table.column_ids:
        return None
    return doc.cell(table, final, column), doc.cell(table, budget, column)
