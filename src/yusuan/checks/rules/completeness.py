"""Completeness and granularity (财政部 inspection criteria): what must be published, and how detailed."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...model import (
    ECONOMIC_TABLES, FUNCTIONAL_TABLES, STANDARD_TABLES, TWO_SIDED_TABLES, Row, Table, standard_table_title,
)
from ...prose.sentences import sentence_spans
from ..engine.context import Doc
from ..engine.findings import NARRATIVE, Finding, Place
from ..engine.parts import holds_only_part
from ..engine.registry import Condition, rule
from ..engine.structure import children_by_parent, coded_rows, columns_of, year_rows
from ..engine.texts import section_paragraphs
from ..engine.wording import quoted, row_label

THREE_PUBLIC_ITEMS = {"overseas": "因公出国（境）费", "vehicle_purchase": "公务用车购置费",
                      "vehicle_operation": "公务用车运行费", "reception": "公务接待费"}
ANY_TABLE = Condition("任何公开表格", lambda d: bool(d.tables))
# the first budget year under 预算法实施条例 (in force 2020-10-01): 143号's 8 tables before it
STATE_CAPITAL_SINCE = 2021


# "1、部门收支总表", "2026年部门收入总表": a contents entry or a heading naming a table
_ENTRY_PREFIX = re.compile(r"^(?:[\d一二三四五六七八九十]+[、.．:：]|(?:19|20)\d{2}年度?|部门|单位)+")


def _listed(doc: Doc, title: str) -> bool:
    """The document names the table in its contents or a heading: it is printed, but was not read."""
    return any(_ENTRY_PREFIX.sub("", "".join(s.title.split())) == title for s in doc.disclosure.narrative.sections)


def _no_state_capital(doc: Doc) -> bool:
    """The tables read, or the narrative, show no 国有资本经营 money: a template that prints only the
    tables a department has (Chongqing, Changsha) then leaves its table out."""
    for table in doc.tables(TWO_SIDED_TABLES):
        row = table.item("state_capital", "income")
        if row is not None and not row.values.get("total"):
            return True
    revenue = doc.table("revenue")
    total = revenue.item("total") if revenue is not None else None
    if total is not None and "state_capital" in revenue.column_ids and not total.values.get("state_capital"):
        return True
    none = re.compile(r"(?:无|没有|未安排)[^。；;，,]{0,8}国有资本经营|国有资本经营[^。；;，,]{0,16}?(?<![\d.])0(?:\.0+)?(?![\d.])")
    return any(none.search(text) for text in narrative_texts(doc))


@rule(
    id="COMPLETE-TABLES", family="completeness", severity="error",
    title="应公开的 9 张表（收支总表……国有资本经营预算支出表）都应在文件中",
    basis="财预〔2016〕143号；预算法实施条例第六条；domain.md §2.1、§3 C1",
    needs=(ANY_TABLE,),
)
def required_tables_present(doc: Doc) -> Iterator[Finding]:
    if holds_only_part(doc):
        return
    kind = doc.disclosure.kind
    for table_id in STANDARD_TABLES[kind]:
        if table_id in doc.recognized.tables:  # a table read unreliably is printed all the same
            continue
        title = standard_table_title(table_id, kind)
        if _listed(doc, title):
            message = f"文件目录或标题中列有「{title}」，但未能识别该表，未参与检查，请对照原文核对。"
            yield Finding.at(Place(table=table_id), message, severity="info")
            continue
        if table_id == "state_capital_expenditure" and kind == "budget" and doc.year and doc.year < STATE_CAPITAL_SINCE:
            message = (f"没有「{title}」。{doc.year} 年的部门预算按财预〔2016〕143号公开 8 张表，不含此表；"
                       f"预算法实施条例（2020 年 10 月施行）第五条要求部门预算包括国有资本经营预算，{STATE_CAPITAL_SINCE} 年起应公开此表。")
            yield Finding.at(Place(table=table_id), message, severity="info")
            continue
        if table_id == "state_capital_expenditure" and kind == "budget" and _no_state_capital(doc):
            # 143号 lists 8 tables; the 9th is the rule of most templates (an empty one with a note), not of every
            # city's: a lighter finding than a missing table that holds money
            message = (f"没有「{title}」。文件显示本部门没有国有资本经营预算拨款；财预〔2016〕143号所列 8 张表不含此表，"
                       "但多数地区要求列出空表并注明“本部门无国有资本经营预算支出”，请按本地区要求补列。")
            yield Finding.at(Place(table=table_id), message, severity="warning")
            continue
        what = "部门决算" if kind == "final" else "部门预算"
        yield Finding.at(Place(table=table_id), f"缺少「{title}」。{what}应公开此表；没有数据时也应列出空表并说明。")


# What a table is about, as the narrative names it when it says there is none of it
_SUBJECTS = {"gov_fund_expenditure": "政府性基金", "state_capital_expenditure": "国有资本经营", "three_public": "三公",
             "project_expenditure": "项目支出", "procurement": "政府采购", "basic_expenditure": "基本支出",
             "general_expenditure": "一般公共预算"}
# The money a table shows a part of: where the narrative says there is none of it ("一般公共预算拨款支出预算为0"),
# the table is empty for that reason
_FUND_OF = {"basic_expenditure": "一般公共预算(?:财政)?拨款"}
# "注：空表表示本部门无相关收支情况": one note for every empty table of the document
_EMPTY_MEANS_NONE = re.compile(r"空表(?:表示|说明|即|是指|为)[^。]{0,12}(?:无|没有|未)")


# a note that only tells the one filling the form in what to fill ("注：“科目编码”和“科目名称”为必填项"): the
# template's, not a word on why the table is empty
_FORM_RULE_ONLY = re.compile(r"^\s*(?:注\s*[:：])?[^。；;]{0,30}?(?:为|是)(?:必填|选填)项\s*[。.]?\s*$")


def _said_none(doc: Doc, table: Table) -> bool:
    """The document says why the table is empty: in the table's note, in a note on every empty table,
    or by saying in the narrative there is none of its subject ("政府性基金拨款支出预算0万元")."""
    if (table.note or "").strip() and not _FORM_RULE_ONLY.match(table.note):
        return True
    texts = narrative_texts(doc) + [t.note or "" for t in doc.disclosure.tables.values()] + \
        [part.what for part in doc.disclosure.unreadable]
    if any(_EMPTY_MEANS_NONE.search(text) for text in texts):
        return True
    words = [w for w in (_SUBJECTS.get(table.id), _FUND_OF.get(table.id)) if w]
    if not words:
        return False
    texts = ["".join(text.split()) for text in narrative_texts(doc)]  # a line may break inside a word
    return any(_says_none(word).search(text) for word in words for text in texts)


def _has_narrative(doc: Doc) -> bool:
    """Some prose was read: headings alone (a file of tables lists them on its contents page) are none."""
    narrative = doc.disclosure.narrative
    return bool(narrative.claims) or any(s.text.strip() for s in narrative.sections)


def _says_none(word: str) -> re.Pattern[str]:
    return re.compile(rf"{word}[^。；;，,]{{0,16}}?(?:(?<![\d.])0(?:\.0+)?(?![\d.])|为零|为空)"
                      rf"|(?:无|没有|未安排|不涉及)[^。；;，,]{{0,8}}{word}")


@rule(
    id="COMPLETE-EMPTY-NOTE", family="completeness", severity="error",
    title="没有数据的表应列出空表并说明原因",
    basis="财预〔2016〕143号“没有数据的表格应当列出空表并说明”；domain.md §2.3-4、§3 C2",
    needs=(ANY_TABLE,),
)
def empty_tables_explained(doc: Doc) -> Iterator[Finding]:
    if holds_only_part(doc):
        return
    # "政府性基金支出预算支出 0 万元": the 情况说明 says why the table is empty
    said_zero = {claim.subject for claim in doc.disclosure.narrative.claims if claim.value == 0}
    for table in doc.disclosure.tables.values():
        if not table.is_empty or table.id in said_zero or _said_none(doc, table):
            continue
        if not table.rows:
            # not a line of it was read, not even its 合计: the reading failed, the table may be full
            message = f"{doc.title(table)}未能读出任何一行，无法判断是否为空表，请对照原文核对。"
            yield Finding.at(Place.of_table(table), message, "info")
            continue
        if not _has_narrative(doc):
            # a file of tables only: the publication's 情况说明 is another file, which may say there is none
            message = (f"{doc.title(table)}是空表，表上没有说明；本文件没有情况说明，说明可能在同时公开的情况说明中，"
                       "未能检查，请对照情况说明核对是否写明本部门无此项收支。")
            yield Finding.at(Place.of_table(table), message, "info")
            continue
        message = f"{doc.title(table)}是空表，但没有说明为何为空（如“本部门无……，此表为空表”）。"
        yield Finding.at(Place.of_table(table), message)


def _unrefined(table: Table, finest: int) -> Iterator[Row]:
    """Coded rows with money that stop above the `finest` code length and have no child lines."""
    rows = coded_rows(table)
    children = children_by_parent(rows)
    for row in rows:
        has_money = any(v for v in row.values.values())
        if len(row.code) < finest and row.code not in children and has_money:
            yield row


@rule(
    id="COMPLETE-FUNCTION-DEPTH", family="completeness", severity="error",
    title="支出功能分类应细化到项级（7 位科目）",
    basis="预算法实施条例第六条“按其功能分类应当编列到项”；domain.md §2.3-2、§3 G1",
    needs=("|".join(FUNCTIONAL_TABLES),),
)
def functional_to_item(doc: Doc) -> Iterator[Finding]:
    for table in doc.tables(FUNCTIONAL_TABLES):
        for row in _unrefined(table, 7):
            yield Finding.at(Place.of_row(table, row), f"{doc.title(table)}「{row_label(row)}」有金额但未细化到项级科目。")


@rule(
    id="COMPLETE-ECONOMIC-DEPTH", family="completeness", severity="error",
    title="基本支出经济分类应细化到款级（5 位科目）",
    basis="预算法实施条例第六条“按其经济性质分类，基本支出应当编列到款”；domain.md §2.3-3、§3 G2",
    needs=("basic_expenditure",),
)
def economic_to_section(doc: Doc) -> Iterator[Finding]:
    for table in doc.tables(ECONOMIC_TABLES):
        for row in _unrefined(table, 5):
            yield Finding.at(Place.of_row(table, row), f"{doc.title(table)}「{row_label(row)}」有金额但未细化到款级科目。")


@rule(
    id="COMPLETE-THREE-PUBLIC-ITEMS", family="completeness", severity="error",
    title="“三公”经费表应分列因公出国（境）费、公务用车购置费、公务用车运行费、公务接待费",
    basis="预算法第十四条；财预〔2016〕143号；domain.md §2.3-5、§3 G3",
    needs=("three_public",),
)
def three_public_itemized(doc: Doc) -> Iterator[Finding]:
    table = doc.table("three_public")
    missing = [column for column in THREE_PUBLIC_ITEMS if column not in columns_of(table)]
    if missing:
        names = "、".join(THREE_PUBLIC_ITEMS[c] for c in missing)
        yield Finding.at(Place.of_table(table), f"{doc.title(table)}未分列{names}。")
    if year_rows(table, doc.year)[1] is None:
        yield Finding.at(Place.of_table(table), f"{doc.title(table)}没有 {doc.year or '本'} 年的预算数。")


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
    ("机构设置/单位构成", re.compile("机构设置|单位构成|机构构成|部门构成|单位设置|预算单位")),
    ("收支增减变化", CHANGE_WORDING),
    ("机关运行经费", re.compile("运行经费")),
    ("政府采购", re.compile("政府采购")),
    ("国有资产占有使用", re.compile("国有资产")),
    ("绩效目标", re.compile("绩效")),
    ("名词解释", re.compile("名词解释|名词说明|术语解释|专业性名词")),
)
GRADUAL_SECTIONS = frozenset({"国有资产占有使用", "绩效目标"})
# 绩效目标 are often published as tables only (北京 prints them in the attachment of tables, not in the
# 情况说明): a narrative without them is told, not warned about
_TOLD_ONLY = frozenset({"绩效目标"})


def narrative_texts(doc: Doc) -> list[str]:
    return [f"{s.title}\n{s.text}" for s in doc.disclosure.narrative.sections] + \
        [c.text for c in doc.disclosure.narrative.claims]


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
_NO_PROCUREMENT = re.compile(r"(?:没有|未|无|不涉及)(?:安排|编制|发生|实施)?(?:\d{4}年度?)?政府采购"
                             r"|政府采购(?:预算|支出)?(?:总额|金额)?为\s*(?:0(?:\.0+)?|零)(?![\d.])")


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
    texts += [_full_stops([c.text[start:end] for start, end in sentence_spans(c.text)]) for c in narrative.claims]
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


@rule(
    id="COMPLETE-PRIOR-YEAR", family="completeness", severity="error",
    title="情况说明应说明与上年相比的增减变化",
    basis="财预〔2016〕143号（预算收支增减变化情况）；domain.md §2.2、§3 C3",
    needs=("narrative",),
)
def prior_year_compared(doc: Doc) -> Iterator[Finding]:
    if holds_only_part(doc):
        return
    claims = doc.disclosure.narrative.claims
    if any(c.change is not None or c.direction or c.compared_year for c in claims):
        return
    if CHANGE_WORDING.search("\n".join(narrative_texts(doc))):
        return
    yield Finding.at(Place(table=NARRATIVE), "情况说明没有与上年比较收支的增减变化。")


@rule(
    id="COMPLETE-PRIOR-YEAR-COLUMN", family="completeness", severity="warning",
    title="一般公共预算支出表印出的上年预算数栏不应整栏空白",
    basis="domain.md §2.1 表5（常附上年数及增减）、§3 G5",
    needs=("general_expenditure",),
    applies=Condition("一般公共预算支出表印有上年数栏", lambda d: "prior_year" in columns_of(d.tables["general_expenditure"])),
)
def prior_year_column_filled(doc: Doc) -> Iterator[Finding]:
    table = doc.table("general_expenditure")
    if all(r.values.get("prior_year") is None for r in table.rows):
        yield Finding.at(Place(table=table.id, column="prior_year"), f"{doc.title(table)}印有上年预算数栏，但整栏空白。")

