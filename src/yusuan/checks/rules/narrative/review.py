"""What a reviewer reads the narrative for beyond its amounts: the subjects named as the tables name
them, and the document speaking of itself as what it is (a 部门 or a 单位).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ....classification import catalog
from ...engine.context import Doc
from ...engine.findings import Finding
from ...engine.registry import Condition, rule
from ...engine.texts import Text
from ...engine.wording import quoted
from .chains import misnamed_levels
from .wording import excerpt, narrative_texts


@dataclass(frozen=True, slots=True)
class Rename:
    code: str
    old: str
    new: str
    since: int  # the first budget year of the 《政府收支分类科目》 with the new name


# 支出功能分类 类 renamed by MOF's yearly 《政府收支分类科目》 (domain.md §5). The years are those of the
# classification books as departments apply them; 215 kept its old name in the 2019 books (the
# jiangsu 2019 tables print 资源勘探信息等支出 beside 卫生健康支出).
RENAMED_CLASSES: tuple[Rename, ...] = (
    Rename("207", "文化体育与传媒支出", "文化旅游体育与传媒支出", 2019),
    Rename("210", "医疗卫生与计划生育支出", "卫生健康支出", 2019),
    Rename("220", "国土海洋气象等支出", "自然资源海洋气象等支出", 2019),
    Rename("215", "资源勘探信息等支出", "资源勘探工业信息等支出", 2020),
    Rename("211", "环境保护支出", "节能环保支出", 2011),
)
_FUNCTIONAL_TABLES = ("general_expenditure", "expenditure", "summary", "fiscal_summary", "revenue")


def _printed_name(doc: Doc, code: str) -> str | None:
    for table in doc.tables(_FUNCTIONAL_TABLES):
        row = table.row(code)
        if row is not None and row.name:
            return "".join(row.name.split())
    return None


def _old_name_at(text: str, rename: Rename) -> re.Match[str] | None:
    # as printed in a list ("医疗卫生与计划生育支出") or with its level ("医疗卫生与计划生育(类)支出");
    # "生态环境保护支出" is prose, not the old 211
    pattern = r"(?<!生态)" + re.escape(rename.old.removesuffix("支出")) + r"(?:[(（]类[)）])?支出"
    return re.search(pattern, text)


@rule(
    id="NARR-CLASS-NAME", family="narrative", severity="warning",
    title="情况说明中的功能分类科目名称应与表中（当年科目）一致，不应沿用已更名的旧名称（如“医疗卫生与计划生育支出”）",
    basis="MOF《政府收支分类科目》（2019 年起 210 为卫生健康支出等）；财预〔2016〕143号“内容准确”；domain.md §3 A7、§5",
    needs=("narrative", "year"),
)
def class_names_are_current(doc: Doc) -> Iterator[Finding]:
    functional = catalog("functional")
    told: set[tuple[str, str, str]] = set()
    for text in narrative_texts(doc):
        for rename in RENAMED_CLASSES:
            match = _old_name_at(text.text, rename)
            if match is None:
                continue
            printed = _printed_name(doc, rename.code)
            current_name = printed or functional.name_of(rename.code) or rename.new
            if doc.year < rename.since and printed in (None, "".join(rename.old.split())):
                continue  # the old name was the name of the document's year
            where = f"表中 {rename.code} 为{quoted(current_name)}" if printed else \
                f"{rename.since} 年起 {rename.code} 为{quoted(current_name)}"
            message = (f"{text.where}使用了已更名的科目名称{quoted(rename.old)}：{excerpt(text.text, match.start(), match.end())}；"
                       f"{where}，请改用{quoted(current_name)}。")
            yield Finding.mismatch(text.place, rename.old, current_name, message)
        yield from _misnamed_chain_levels(doc, text, told)


def _misnamed_chain_levels(doc: Doc, text: Text, told: set[tuple[str, str, str]]) -> Iterator[Finding]:
    """A chain printed twice ("…职业教育(项):教育支出(类)…职业教育(项)") is told once."""
    for wrong in misnamed_levels(doc, text.text):
        if (wrong.level, wrong.name, wrong.parent) in told:
            continue
        told.add((wrong.level, wrong.name, wrong.parent))
        under = f"{wrong.parent} {wrong.parent_name}"
        elsewhere = catalog("functional").get(wrong.elsewhere) if wrong.elsewhere else None
        also = f"（{quoted(wrong.name)}是{elsewhere.code} {elsewhere.level}）" if elsewhere else ""
        if wrong.level == "类":
            message = (f"{text.where}所列科目{excerpt(text.text, wrong.start, wrong.end)}中，{quoted(wrong.name)}标为类，"
                       f"而它是{under}下的款（{wrong.elsewhere}）；请按表中的科目编码和名称填写类、款、项。")
        else:
            message = (f"{text.where}所列科目{excerpt(text.text, wrong.start, wrong.end)}中，{quoted(wrong.name)}不是"
                       f"{under}下的{wrong.level}{also}；请按表中的科目编码和名称填写类、款、项。")
        yield Finding.mismatch(text.place, wrong.name, None, message)


# -- 部门 / 单位 ------------------------------------------------------------------------------------

# the document naming itself: 本部门, 我单位, a 单位 saying its "部门预算安排…" as the 部门 template does; a
# heading of the template for the other scope ("单位基本情况" is Chongqing's heading in a 部门 document too).
# A place named by it is ordinary wording, not the document's name for itself: "尽量在本单位会议室安排会议".
_PLACE = r"(?!\s*(?:的)?(?:会议室|办公室|办公场所|办公用房|场所|场地|食堂|院内|内部|门口|大院))"
_SELF = {"部门": re.compile(rf"[本我]单位{_PLACE}"), "单位": re.compile(rf"[本我]部门{_PLACE}|部门预算安排")}
_HEADING = {
    "部门": re.compile(r"^单位(?:概况|收支总体情况|预算情况说明|决算情况说明|主要职能|职能职责|机构设置)"),
    "单位": re.compile(r"^部门(?:基本情况|概况|收支总体情况|预算情况说明|决算情况说明|主要职能|职能职责|机构设置)"),
}
# the parts a document names itself by: "第一部分 单位概况", "2026年度单位预算情况说明", "单位预算表"
_PART = re.compile(r"(部门|单位)(?:概况|预算情况说明|决算情况说明|预算表|决算表)")
# a glossary entry defines a term in general words ("附属单位上缴收入：指本单位所属下级单位上缴…")
_DEFINITION = re.compile(r"^(?:是)?指")
# a department that is one unit ("长沙市信访局部门只有本级，没有其他二级预算单位"): 本单位 is what it is
_ONE_UNIT = re.compile(r"(?:只|仅)(?:有|包括)本级|(?:没有|无)(?:其他)?(?:二级|下属|所属)(?:预算)?单位")


def _one_unit_department(doc: Doc) -> bool:
    return any(_ONE_UNIT.search(s.text) for s in doc.disclosure.narrative.sections)


def _scope(doc: Doc) -> str:
    """The scope the document's part headings give it, over the one read from its cover (a title
    printed over several lines can be misread): 部门 unless they say 单位 more often."""
    named = [m.group(1) for s in doc.disclosure.narrative.sections if (m := _PART.search(s.title))]
    if named and named.count("部门") != named.count("单位"):
        return max(("部门", "单位"), key=named.count)
    return doc.disclosure.scope

_SCOPED = Condition("文件为部门或单位公开", lambda d: d.scope in ("部门", "单位"))


@rule(
    id="NARR-SCOPE-WORDING", family="narrative", severity="warning",
    title="部门公开的情况说明应称“本部门”，单位公开的应称“本单位”，不应混用另一种模板的称谓",
    basis="财预〔2016〕143号（部门预决算与单位预决算分别公开）；预算法实施条例第六条；domain.md §2.3-8",
    needs=("narrative",),
    applies=_SCOPED,
)
def speaks_of_itself_rightly(doc: Doc) -> Iterator[Finding]:
    scope = _scope(doc)
    other = "单位" if scope == "部门" else "部门"
    one_unit = scope == "部门" and _one_unit_department(doc)
    headings, prose = [], []
    for text in _own_texts(doc):
        heading = text.text == text.place.name
        if _DEFINITION.match(text.text) or (one_unit and not heading):
            continue
        found = _HEADING[scope].search(text.text) if heading else _SELF[scope].search(text.text)
        if found is None:
            continue
        message = (f"本文件是{scope}{_KIND[doc.disclosure.kind]}，{text.where}却以{quoted(other)}自称："
                   f"{excerpt(text.text, found.start(), found.end())}，请统一为{quoted(scope)}（如“本{scope}”）。")
        (headings if heading else prose).append(Finding.mismatch(text.place, found.group(0), scope, message))
    # a heading alone is the template's (重庆 heads every 部门预算 "一、单位基本情况"): wrong only where the
    # text too calls the document what it is not
    yield from (headings + prose) if prose else []


_DEFINITIONS = re.compile(r"名词解释")
# a part of the document after the glossary ("2026年单位预算编制说明", "其他相关情况说明") is no term it
# defines, whatever level the layout gave its unnumbered title
_PART_TITLE = re.compile(r"说明$")


def _own_texts(doc: Doc) -> Iterator[Text]:
    """The narrative's texts but the 名词解释, whose definitions ("指本单位所属下级单位上缴给本单位的收入")
    are the template's words for any unit, not the document speaking of itself."""
    levels: list[tuple[int, bool]] = []  # (level, under 名词解释) of the open sections
    defined = set()
    for section in doc.disclosure.narrative.sections:
        while levels and levels[-1][0] >= section.level:
            levels.pop()
        if _PART_TITLE.search(section.title):
            levels = []
        under = bool(_DEFINITIONS.search(section.title)) or any(d for _, d in levels)
        levels.append((section.level, under))
        if under:
            defined.add((section.title, section.source.line, section.source.page))
    for text in narrative_texts(doc):
        if (text.place.name, text.place.line, text.place.page) not in defined:
            yield text


_KIND = {"budget": "预算", "final": "决算"}
