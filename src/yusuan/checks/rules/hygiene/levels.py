"""A class name stated in the prose, "X（类）Y（款）Z（项）64463.40万元": after the level mark comes the
amount, or a word saying what the amount is (支出, 预算数为, 安排). A name's word left after the mark
("…（项）事务 7000.00 万元") is a stray piece of another name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...engine.context import Doc
from ...engine.findings import Finding
from ...engine.registry import rule
from ...engine.texts import texts_of
from ...engine.wording import quoted

# the last level mark of a class name, the words after it, the amount
_AFTER_LEVEL = re.compile(r"[(（]\s*[类款项]\s*[)）]([\u4e00-\u9fff]{1,6})\s*\d[\d,]*(?:\.\d+)?\s*(?:万元|亿元|元)")
# what may stand between a class name and its amount: a word saying what the amount is or how it changed;
# a word with none of these in it is taken for stray
_SAYING = re.compile(r"支|预算|决算|执行|安排|拨|资金|经费|金额|合|共|计|本年|年|调整|数|为|是|达|列|用|较|比|增|减|降|"
                     r"上升|下调|同|约|需|占|含|其中|包括|总|实际|完成|发生|投入|拟|核定|申请|追加|下达|分配|使用|开支|支付|"
                     r"花费|落实|保障")


def stray_words(text: str) -> list[str]:
    """Each "（项）word amount" whose word says nothing about the amount, as printed."""
    compact = "".join(text.split())
    return [m.group(0) for m in _AFTER_LEVEL.finditer(compact) if not _SAYING.search(m.group(1))]


@rule(
    id="HYGIENE-STRAY-WORD", family="hygiene", severity="warning",
    title="情况说明中科目名称的级次标注（类）（款）（项）与金额之间不应有多余的字",
    basis="财预〔2016〕143号“内容准确、形式规范”",
    needs=("narrative",),
)
def no_stray_word_after_a_class_name(doc: Doc) -> Iterator[Finding]:
    for text in texts_of(doc):
        if text.kind != "narrative":
            continue
        found = stray_words(text.text)
        if found:
            shown = "、".join(quoted(f) for f in dict.fromkeys(found))
            yield Finding.at(text.place, f"{text.where}中科目名称之后、金额之前有多余的字：{shown}，"
                                         "像是科目名称未改全或多出的字，请核对。")
