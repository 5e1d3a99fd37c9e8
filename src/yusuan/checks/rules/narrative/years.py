"""The years the narrative names: the year it compares with, the date its figures stand at (截至…),
and the year in its headings and table titles.

A budget of year Y compares with Y-1 and counts its assets at a date of Y-1 (the end of Y-1, or the
autumn the budget was drawn up in: 截至2024年8月31日 in a 2025 budget); a final account of Y compares
with Y's budget or with Y-1, and counts its assets at the end of Y.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...engine.context import Doc
from ...engine.findings import Finding
from ...engine.registry import rule
from ...engine.texts import Text, sentences_of, texts_of
from .wording import excerpt, narrative_texts

_YEAR = r"((?:19|20)\d{2})\s*年"
# a comparison the sentence names: 比2023年, 较2023年度, 与2023年(预算)相比
_COMPARED = re.compile(rf"(?:比|较|与|同|对比)\s*{_YEAR}度?|{_YEAR}度?\S{{0,6}}?相比")
_WITH_FINAL = re.compile(r"^\s*(?:度)?\s*(?:部门)?决算")
_AS_OF = re.compile(rf"(?:截至|截止|截止到|截至到)\s*{_YEAR}\s*(?:(\d{{1,2}})\s*月(?:\s*\d{{1,2}}\s*日)?|年?[底末])")
_ANY_YEAR = re.compile(rf"(?<!\d){_YEAR}")
# a comparison of money: a policy's target against its base year ("增加值比2020年翻一番", "能耗较2020年下降13.5%")
# compares no budget with its year before
_OF_MONEY = re.compile(r"万元|亿元|[\d.]\s*元|预算|决算|支出|收入|经费|资金|拨款")
# what is done by a date, not the state of things at it ("截至2025年底建成5G基站800个")
_TARGET = re.compile(r"建成|完成|实现|达到|达|力争|确保|争取|新增|累计")
# a heading on another year's work: last year's done ("2023年度主要工作完成情况"), next year's planned
_ANOTHER_YEARS_WORK = re.compile(r"完成情况|执行情况|工作总结|总结|回顾|成效|工作计划|计划|打算|展望")
_LAST_PUBLISHING_MONTH = 6  # a budget is published in the first half of its year, a final by the autumn after


def compared_years_allowed(doc: Doc) -> set[int]:
    return {doc.year - 1} if doc.disclosure.kind == "budget" else {doc.year, doc.year - 1}


def unstated_comparisons(doc: Doc) -> Iterator[Finding]:
    """Comparisons with a wrong year in sentences whose amounts the claims do not carry (NARR-BASE-YEAR)."""
    allowed = compared_years_allowed(doc)
    claimed = {(c.text, c.compared_year) for c in doc.disclosure.narrative.claims}
    for text in narrative_texts(doc):
        for sentence in sentences_of(doc, text):
            yield from _wrong_comparisons(doc, text, sentence, allowed, claimed)


def _wrong_comparisons(doc: Doc, text: Text, sentence: str, allowed: set[int],
                       claimed: set[tuple[str, int | None]]) -> Iterator[Finding]:
    for match in _COMPARED.finditer(sentence):
        year = int(match.group(1) or match.group(2))
        if year in allowed or (sentence.strip(), year) in claimed or not _OF_MONEY.search(sentence):
            continue
        if doc.disclosure.kind == "budget" and _WITH_FINAL.match(sentence[match.end():]):
            continue  # 比2022年决算: a budget may compare with the latest final account, and says so
        expected = "、".join(f"{y} 年" for y in sorted(allowed))
        message = (f"{text.where}与 {year} 年比较：{excerpt(sentence, match.start(), match.end())}；"
                   f"{doc.year} 年的{_KIND[doc.disclosure.kind]}应与 {expected}比较。")
        yield Finding.mismatch(text.place, str(year), expected, message)


_KIND = {"budget": "预算", "final": "决算"}


def _date_allowed(doc: Doc, year: int, month: int) -> bool:
    if doc.disclosure.kind == "budget":
        return year == doc.year - 1 or (year == doc.year and month <= _LAST_PUBLISHING_MONTH)
    return year == doc.year or (year == doc.year + 1 and month <= 9)


def _clause_after(text: str, at: int) -> str:
    """The words after a date, to the end of its clause."""
    return re.split(r"[,，;；。]", text[at : at + 80], maxsplit=1)[0]


@rule(
    id="NARR-DATE-YEAR", family="narrative", severity="warning",
    title="“截至××××年××月”的日期应为预算编制时（上年）或决算年度末，而非更早或以后的年份",
    basis="财预〔2016〕143号（国有资产占有使用情况）；domain.md §2.2、§3 C5",
    needs=("narrative", "year"),
)
def dates_in_the_right_year(doc: Doc) -> Iterator[Finding]:
    expected = f"{doc.year - 1} 年" if doc.disclosure.kind == "budget" else f"{doc.year} 年"
    for text in narrative_texts(doc):
        for match in _AS_OF.finditer(text.text):
            year, month = int(match.group(1)), int(match.group(2) or 12)
            if _date_allowed(doc, year, month):
                continue
            if year > doc.year - 1 and _TARGET.search(_clause_after(text.text, match.end())):
                continue  # a target to reach by then
            what = "预算" if doc.disclosure.kind == "budget" else "决算"
            message = (f"{text.where}所述情况截至 {year} 年 {month} 月：{excerpt(text.text, match.start(), match.end())}；"
                       f"{doc.year} 年{what}应说明截至 {expected}（如 12 月 31 日）的情况，请核对年份。")
            yield Finding.mismatch(text.place, str(year), expected, message)


@rule(
    id="HYGIENE-HEADING-YEAR", family="hygiene", severity="warning",
    title="情况说明各级标题和表标题中的年度应为本文件的年度",
    basis="domain.md §3 C5（封面、目录、表头和正文年度一致）",
    needs=("year",),
)
def headings_name_the_year(doc: Doc) -> Iterator[Finding]:
    for text in texts_of(doc):
        heading = text.kind == "narrative" and text.text == text.place.name
        if not heading and text.kind != "title":
            continue
        years = {int(y) for y in _ANY_YEAR.findall(text.text)}
        if not years or doc.year in years:
            continue  # no year, or the document's year beside another (a comparison)
        if heading and _ANOTHER_YEARS_WORK.search(text.text):
            continue
        # other years in table titles are HYGIENE-YEAR's; a title of the year before is this rule's
        wrong = sorted(years if heading else years & {doc.year - 1})
        for year in wrong:
            message = (f"{text.where}的年度为 {year} 年，与本文件的 {doc.year} 年不一致，"
                       f"请改为 {doc.year} 年。")
            yield Finding.mismatch(text.place, str(year), str(doc.year), message)
