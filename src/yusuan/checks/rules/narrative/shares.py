"""Shares the narrative states of a whole it names: "…支出222.5万元，占“三公”经费的8.75%" follows from the
part stated and the whole's amount (the tables' or the narrative's own).

A share is checked only where both amounts are read with certainty: the part printed right before "占",
the whole named by nothing but a subject's wording, its amount known and not in doubt. A share that
follows from any reading of the whole passes: a wrong finding costs more than a missing one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from ....model import Unit, convert
from ....model.narrative import Section
from ....prose.sentences import clauses
from ....prose.subjects import label_in
from ...engine.context import Doc, printed_step
from ...engine.findings import NARRATIVE, Finding, Place
from ...engine.registry import rule
from ...engine.wording import amount, quoted
from .amounts import claims, is_prior_year
from .claim_targets import figures_for
from .percents import rounds_to

_HUNDRED = Decimal(100)
_UNITS = {"元": Unit.yuan, "万元": Unit.wanyuan, "亿元": Unit.yi}
# "支出222.5万元，占“三公”经费的8.75%", "110 万元，占“三公”经费的 18.85 %"
_SHARE = re.compile(
    r"(?<![\d.,])(?P<part>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(?P<unit>亿元|万元|元)\s*[,，]?\s*占\s*"
    r"(?P<whole>[^\d%，,。；;、：:（）()]{2,20}?)\s*的\s*(?:比重|比例)?\s*(?:为)?\s*(?P<percent>\d+(?:\.\d+)?)\s*%")
# a clause about another year states another year's part
_OTHER_YEAR = re.compile(r"上年|去年|上一年|(?:19|20)\d{2}\s*年")


@dataclass(frozen=True, slots=True)
class Share:
    part: Decimal
    unit: Unit
    whole: str  # as printed
    subject: str
    percent: Decimal


_CLAUSE_MARKS = "，,。；;"


def _clause_before(text: str, at: int) -> str:
    """The clause running up to `at` (empty when a mark stands right before it), within reach."""
    before = text[max(0, at - 40) : at]
    stretches = clauses(before, _CLAUSE_MARKS)
    return before[stretches[-1][0] :] if stretches and stretches[-1][1] == len(before) else ""


def _shares(doc: Doc, text: str) -> Iterator[Share]:
    for match in _SHARE.finditer(text):
        label = label_in(match["whole"], set())
        if label is None or label.text.strip() != match["whole"].strip():
            continue  # the whole is not a subject's name alone: doubtful
        clause = _clause_before(text, match.start())
        if any(year.group() != f"{doc.year}年" for year in _OTHER_YEAR.finditer(clause.replace(" ", ""))):
            continue
        try:
            part = Decimal(match["part"].replace(",", ""))
        except InvalidOperation:
            continue
        yield Share(part, _UNITS[match["unit"]], match["whole"].strip(), label.subject,
                    Decimal(match["percent"]))


def _wholes(doc: Doc, share: Share) -> list[tuple[Decimal, Decimal]]:
    """Each amount the whole may be, as a range in the part's unit: the tables' figures exact, the
    narrative's own half their last printed digit off."""
    found = [(value, value) for figure in figures_for(doc, share.subject) if not figure.missing and not figure.blank
             for value in [convert(figure.value, doc.unit, share.unit)]]
    for claim in claims(doc):
        if claim.subject == share.subject and is_prior_year(doc, claim) is False:
            value, half = convert(claim.value, claim.unit, share.unit), printed_step(claim.value) / 2
            found.append((value - half, value + half))
    return found


def _follows(share: Share, whole: tuple[Decimal, Decimal]) -> bool:
    half = printed_step(share.part) / 2
    low, high = whole
    if low <= 0:
        return True  # nothing to divide by: not checked
    return rounds_to(max(share.part - half, Decimal(0)) / high * _HUNDRED, (share.part + half) / low * _HUNDRED,
                     share.percent)


def _place(doc: Doc, section: Section, share: Share) -> Place:
    """The claim that states the part, for its page; else the section."""
    claim = next((c for c in claims(doc) if c.section == section.title
                  and convert(c.value, c.unit, share.unit) == share.part), None)
    source = claim.source if claim is not None else section.source
    return Place.at(source, table=NARRATIVE, name=section.title)


@rule(
    id="NARR-SHARE", family="narrative", severity="error",
    title="情况说明中“占…的X%”应能由所述金额和所占总额重新算出",
    basis="财预〔2016〕143号“内容准确”；domain.md §3 N2",
    needs=("narrative",),
)
def shares_recompute(doc: Doc) -> Iterator[Finding]:
    for section in doc.disclosure.narrative.sections:
        wrong: dict[str, list[tuple[Share, Decimal]]] = {}
        for share in _shares(doc, section.text):
            wholes = _wholes(doc, share)
            if not wholes or any(_follows(share, whole) for whole in wholes):
                continue
            whole = (wholes[0][0] + wholes[0][1]) / 2
            wrong.setdefault(share.subject, []).append((share, whole))
        for listed in wrong.values():
            first, whole = listed[0]
            shown = "；".join(
                f"{amount(s.part, s.unit)}印为 {s.percent}%，应为 {(s.part / w * _HUNDRED).quantize(Decimal('0.01'))}%"
                for s, w in listed)
            message = (f"情况说明{quoted(section.title)}中占{quoted(first.whole)}的比例与所述金额不符"
                       f"（{quoted(first.whole)}为 {amount(whole, first.unit)}）：{shown}。"
                       "请按所占总额重新计算比例。")
            expected = (first.part / whole * _HUNDRED).quantize(Decimal("0.01"))
            yield Finding.mismatch(_place(doc, section, first), first.percent, expected, message)
