"""Completeness and granularity (财政部 inspection criteria) of the tables: every table that must be
published is there, an empty one says why, coded lines reach the depth required, 三公 is itemized.

What the 情况说明 must say is in `narrative`, the comparison with the previous year in `prior_year`
(imported after this module: the family's rules keep their order), the reasons of changes in `reasons`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ....model import (
    ECONOMIC_TABLES, FUNCTIONAL_TABLES, STANDARD_TABLES, TWO_SIDED_TABLES, Row, Table, standard_table_title,
)
from ...engine.context import Doc
from ...engine.findings import Finding, Place
from ...engine.parts import holds_only_part
from ...engine.registry import Condition, rule
from ...engine.structure import children_by_parent, coded_rows, columns_of, year_rows
from ...engine.wording import row_label

THREE_PUBLIC_ITEMS = {"overseas": "因公出国（境）费", "vehicle_purchase": "公务用车购置费",
                      "vehicle_operation": "公务用车运行费", "reception": "公务接待费"}
ANY_TABLE = Condition("任何公开表格", lambda d: bool(d.tables))
# the first budget year under 预算法实施条例 (in force 2020-10-01): 143号's 8 tables before it
STATE_CAPITAL_SINCE = 2021


def claimed_sentences(doc: Doc) -> list[str]:
    """The sentence of each claim, once (a sentence may state thousands of claims)."""
    return list(dict.fromkeys(c.text for c in doc.disclosure.narrative.claims))


def narrative_texts(doc: Doc) -> list[str]:
    """Each section's title and text, and the sentence of each claim."""
    return [f"{s.title}\n{s.text}" for s in doc.disclosure.narrative.sections] + claimed_sentences(doc)


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
                      rf"|(?:无|没有|暂无|未安排|不安排|未使用|未发生|未编制|不涉及)[^。；;，,]{{0,8}}{word}")


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
