"""Completeness of the 情况说明 (财政部 inspection criteria): the topics it must cover, and a procurement
it speaks of split by kind.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ....prose.sentences import sentence_spans
from ...engine.context import Doc
from ...engine.findings import NARRATIVE, Finding, Place
from ...engine.parts import holds_only_part
from ...engine.registry import Condition, rule
from ...engine.texts import section_paragraphs
from ...engine.wording import quoted
from .tables import claimed_sentences, narrative_texts

# A comparison with last year, as the narrative words it: "比2023年减少", "较上年增长", "与上年相比，增加",
# "比 2025 年年初预算数 264448.86 万元增加 21,919.72 万元" (the base and its amount between), "与上年预算数相同",
# "同比下降": the comparison, the year compared with, then within the clause the way it moved.
_PRIOR_YEAR = r"(?:上一?年度?|去年|前一年|(?:19|20)\d{2}\s*年度?)"
_MOVED = r"(?:增加|减少|增长|下降|降低|上升|提高|压减|缩减|增|减|降|持平|相等|相同|一致|不变|变化|变动)"
CHANGE_WORDING = re.compile(rf"(?:比|较|与|同|和|对比)\s*{_PRIOR_YEAR}[^。；;]{{0,48}}?{_MOVED}"
                            rf"|同比\s*(?:增加|减少|增长|下降|降低|上升|持平)")
# Each required topic, with the wordings that show the narrative covers it. 143号 requires the first
# six; 国有资产占用 and 绩效 it asks to publish "逐步" (step by step, as the work allows).
REQUIRED_SECTIONS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("部门职责", re.compile("职责|职能")),
    ("机构设置/单位构成", re.compile("机构设置|单位构成|机构构成|部门构成|单位设置|预算单位|内设机构|机构情况|机构组成"
                                "|下属单位|所属单位|二级单位")),
    ("收支增减变化", CHANGE_WORDING),
    ("机关运行经费", re.compile("运行经费|机关运行费")),
    ("政府采购", re.compile("政府采购")),
    ("国有资产占有使用", re.compile("国有资产|资产占[有用](?:使用)?情况|资产(?:使用)?情况")),
    ("绩效目标", re.compile("绩效")),
    ("名词解释", re.compile("名词(?:解释|说明|释义|注释|术语)|术语(?:解释|说明)|专业性?名词")),
)
GRADUAL_SECTIONS = frozenset({"国有资产占有使用", "绩效目标"})
# 绩效目标 are often published as tables only (北京 prints them in the attachment of tables, not in the
# 情况说明): a narrative without them is told, not warned about
_TOLD_ONLY = frozenset({"绩效目标"})


@rule(
    id="COMPLETE-SECTIONS", family="completeness", severity="error",
    title="情况说明应包括职责、机构设置、收支增减、机关运行经费、政府采购、名词解释（国有资产、绩效目标逐步公开，缺少时为警告、提示）",
    basis="财预〔2016〕143号（情况说明的内容；国有资产占用、绩效评价结果“逐步公开”）；domain.md §2.2、§3 C3",
    needs=("narrative",),
)
def required_sections_present(doc: Doc) -> Iterator[Finding]:
    if holds_only_part(doc):
        return
    text = "\n".join(narrative_texts(doc))
    for topic, wording in REQUIRED_SECTIONS:
        if wording.search(text):
            continue
        if topic in GRADUAL_SECTIONS:
            # asked for step by step, not at once: a lighter finding than a part 143号 requires outright
            message = f"情况说明中没有{quoted(topic)}的内容（财预〔2016〕143号要求结合工作进展逐步公开，请按本地区要求补充）。"
            yield Finding.at(Place(table=NARRATIVE), message, "info" if topic in _TOLD_ONLY else "warning")
        else:
            yield Finding.at(Place(table=NARRATIVE), f"情况说明中没有{quoted(topic)}的内容。")


# "本部门2024年没有安排政府采购预算", "未安排政府采购", "政府采购预算为0万元": nothing to split.
_NO_PROCUREMENT = re.compile(r"(?:没有|未|无|不涉及|不)(?:安排|编制|发生|实施|使用)?(?:\d{4}年度?)?政府采购"
                             r"|政府采购(?:预算|支出)?(?:总额|金额)?(?:为|是)?\s*(?:0(?:\.0+)?|零)(?![\d.])")


def _has_procurement(disclosure) -> bool:
    """The narrative speaks of procurement, and it is not to say there is none (a procurement table
    with an amount other than 0 settles it)."""
    texts = [f"{s.title}{s.text}" for s in disclosure.narrative.sections]
    if not any("政府采购" in t for t in texts):
        return False
    table = disclosure.tables.get("procurement")
    if table is not None and any(v for row in table.rows for v in row.values.values() if v):
        return True
    return not any(_NO_PROCUREMENT.search(t) for t in texts)


def _full_stops(pieces: list[str]) -> list[str]:
    """The pieces joined up to each 。: a total and its split by kind are often one sentence, cut by ;."""
    joined: list[str] = []
    run = ""
    for piece in pieces:
        run += piece
        if piece.rstrip().endswith("。"):
            joined.append(run)
            run = ""
    return joined + [run] if run else joined


def _procurement_sentences(doc: Doc) -> str:
    """The sentences that speak of 采购, each with the one after it: the split by kind often follows
    the total in a sentence of its own ("…政府采购预算总金额为 2247.85 万元。其中拟购买货物 59 万元…").
    A heading is read with the sentence under it."""
    narrative = doc.disclosure.narrative
    texts = [_full_stops([section.title] + [s.text for paragraph in paragraphs for s in paragraph.sentences])
             for section, paragraphs in zip(narrative.sections, section_paragraphs(doc), strict=True)]
    texts += [_full_stops([text[start:end] for start, end in sentence_spans(text)]) for text in claimed_sentences(doc)]
    said = []
    for sentences in texts:
        for index, sentence in enumerate(sentences):
            if "采购" in sentence:
                said += sentences[index : index + 2]
    return " ".join(said)


@rule(
    id="COMPLETE-PROCUREMENT-DETAIL", family="completeness", severity="warning",
    title="政府采购说明应分货物、工程、服务；决算还应说明授予中小企业的合同金额及占比",
    basis="财预〔2016〕143号（政府采购说明的内容）；domain.md §2.2、§3 C3（中小企业合同金额为决算执行结果）",
    needs=("narrative",),
    applies=Condition("情况说明提到政府采购，且不是说明没有安排政府采购", _has_procurement),
)
def procurement_detailed(doc: Doc) -> Iterator[Finding]:
    said = _procurement_sentences(doc)
    if not re.search("货物|工程|服务", said):
        yield Finding.at(Place(table=NARRATIVE), "政府采购说明没有按货物、工程、服务分列金额。")
    # contracts are awarded when the money is spent: a budget has no 中小企业 contract amount to give
    if doc.disclosure.kind == "final" and "中小企业" not in said:
        yield Finding.at(Place(table=NARRATIVE), "政府采购说明没有给出授予中小企业的合同金额及其占采购总额的比重。")
