"""How the tables print their amounts: thousands separators every three digits or none at all."""

from __future__ import annotations

from collections.abc import Iterator

from .context import Doc
from .engine import rule
from .findings import Finding, Place
from .wording import quoted

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
