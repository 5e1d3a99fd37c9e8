"""How numbers are printed: thousands separators every three digits or none at all; a change stated in
the prose with its unit (万元, %)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...engine.context import Doc
from ...engine.findings import Finding, Place
from ...engine.registry import rule
from ...engine.texts import texts_of
from ...engine.wording import quoted
from ..narrative.wording import BARE_PERCENT

_SHOWN = 3


@rule(
    id="HYGIENE-NUMBER-FORMAT", family="hygiene", severity="warning",
    title="表中金额的千分位分隔符应每三位一个（如“120,258,600”，不应为“120258,600”）",
    basis="财预〔2016〕143号“形式规范”；GB/T 15835《出版物上数字用法》（千分撇）",
)
def amounts_grouped_by_three(doc: Doc) -> Iterator[Finding]:
    odd = doc.disclosure.odd_amounts
    if not odd:
        return
    shown = "、".join(quoted(p.text) for p in odd[:_SHOWN]) + ("等" if len(odd) > _SHOWN else "")
    message = (f"表中有 {len(odd)} 处金额的千分位分隔符不是每三位一个：{shown}，"
               "应每三位加一个分隔符（或都不加）。")
    yield Finding.at(Place.at(odd[0].source), message)


# a change, then a number and straight a pause or a stop: "增加1193.20 万元，增长 13.95。" (a "," before
# digits is a thousands separator); zero needs no unit ("已下降为0。")
_UNITLESS_CHANGE = re.compile(
    r"(?:增长|下降|减少|增加|增幅|降幅|上升|降低)(?:了|为|约)?\s*(?<![\d.])(?!0(?:\.0+)?(?![\d.]))\d+(?:\.\d+)?"
    r"(?=\s*[,，。;；](?!\d))"
)


@rule(
    id="HYGIENE-MISSING-UNIT", family="hygiene", severity="warning",
    title="情况说明中的增减数应写明单位（万元、%等），如“增长13.95%”",
    basis="财预〔2016〕143号“内容准确、形式规范”",
    needs=("narrative",),
)
def changes_have_units(doc: Doc) -> Iterator[Finding]:
    for text in texts_of(doc):
        if text.kind != "narrative":
            continue
        joined = "".join(text.text.split())
        # a percent after a change in money is HYGIENE-PERCENT-SIGN's to tell
        percents = {m.start(1) for m in BARE_PERCENT.finditer(joined)}
        found = [m.group(0) for m in _UNITLESS_CHANGE.finditer(joined)
                 if not any(m.start() < start < m.end() for start in percents)]
        if found:
            shown = "、".join(quoted(f) for f in dict.fromkeys(found))
            yield Finding.at(text.place, f"{text.where}中的增减数{shown}后没有单位（如%或万元），请补上。")
