"""One year throughout: the budget's year (or the year before, to compare with) on titles, columns, the
"三公" lines and the narrative, and the scope of the units of the document's own year."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...engine.context import Doc
from ...engine.findings import Finding, Place
from ...engine.registry import rule
from ...engine.texts import texts_of
from ...engine.wording import quoted

_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?=\s*年)")


def _years_allowed(doc: Doc) -> set[int]:
    return {doc.year, doc.year - 1}


@rule(
    id="HYGIENE-YEAR", family="hygiene", severity="warning",
    title="表标题、栏目和情况说明所述年度应为预算年度（或比较用的上年）",
    basis="domain.md §3 C5",
    needs=("year",),
)
def one_year_throughout(doc: Doc) -> Iterator[Finding]:
    allowed = _years_allowed(doc)
    for text in texts_of(doc):
        if text.kind not in ("title", "column"):
            continue
        for year in {int(y) for y in _YEAR.findall(text.text)} - allowed:
            yield _wrong_year(doc, text.place, text.where, year)
    three_public = doc.table("three_public")
    if three_public is not None:
        for row in three_public.rows:
            years = {int(y) for y in re.findall(r"(?:19|20)\d{2}", row.name)}
            for year in years - allowed:
                yield _wrong_year(doc, Place.of_row(three_public, row), f"“三公”经费表「{row.name}」行", year)
    for claim in doc.disclosure.narrative.claims:
        if claim.year is not None and claim.year not in allowed:
            yield _wrong_year(doc, Place.of_claim(claim), f"情况说明中{quoted(claim.label)}", claim.year)
    yield from _scope_of_another_year(doc)


# the units the document covers are those of its own year's budget or final: "纳入本部门2019年部门汇总预算编制
# 范围的预算单位共计一家" (a comparison with last year never says 纳入…编制范围)
_SCOPE_YEAR = re.compile(r"纳入[^。；;，,]{0,12}?((?:19|20)\d{2})年度?[^。；;，,\d]{0,8}?(?:预算|决算)编制范围")


def _scope_of_another_year(doc: Doc) -> Iterator[Finding]:
    what = "决算" if doc.disclosure.kind == "final" else "预算"
    for text in texts_of(doc):
        if text.kind != "narrative":
            continue
        for match in _SCOPE_YEAR.finditer("".join(text.text.split())):
            year = int(match.group(1))
            if year != doc.year:
                message = (f"{text.where}写{quoted(match.group(0))}，本文件是 {doc.year} 年{what}，"
                           f"编制范围应为 {doc.year} 年的，请核对年份。")
                yield Finding.mismatch(text.place, str(year), str(doc.year), message)


def _wrong_year(doc: Doc, place: Place, where: str, year: int) -> Finding:
    message = f"{where}出现 {year} 年，与预算年度 {doc.year} 年不符（应为 {doc.year} 年或上年 {doc.year - 1} 年）。"
    return Finding.mismatch(place, str(year), str(doc.year), message)
