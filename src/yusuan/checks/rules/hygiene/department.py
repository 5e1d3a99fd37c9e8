"""The department named alike throughout: on every table's title, the headings over the tables, the
overall performance table, and the lines per unit of a department that says it has no unit but itself."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ....model import TABLE_TITLES
from ...engine.context import Doc
from ...engine.findings import Finding, Place
from ...engine.registry import rule
from ...engine.texts import section_paragraphs
from ...engine.wording import quoted

# Words that start the kind of a table in its title; what precedes them is the department's name
# (a 部门 or 单位 left before 收支/收入/支出 is taken off by _WHOSE).
_TABLE_KIND_WORDS = re.compile(
    r"部门财务|单位财务|预算单位|收支|收入|支出|财政拨款|一般公共预算|"
    r"政府性基金|国有资本|政府采购|项目支出|[\"“”]?三公|预算整体|整体绩效|部门预算|单位预算|部门决算|单位决算|"
    r"(?:19|20)\d{2}年"
)
# What may stand before the name: the part of the document ("第二部分"), the table's number ("四、", "（四）",
# "表1-1", "公开04表:", "附表一") and the year. A bare numeral counts only with its mark after it: 一般公共预算
# starts with 一. Read before the spaces are taken out, which would join "表1-1 2025年" into one number.
_NUMBER_AND_YEAR = re.compile(
    r"\s*(?:第\s*[\d一二三四五六七八九十]+\s*(?:部分|章|节|篇)\s*[、.．:：]?)?"
    r"\s*(?:(?:公开|附件|附表|表)\s*[\d一二三四五六七八九十]+(?:[-－—.．]\d+)?\s*表?\s*[、.．:：]?"
    r"|[（(]\s*[\d一二三四五六七八九十]+\s*[）)]\s*[、.．:：]?"
    r"|(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[、.．:：])?"
    r"\s*(?:(?:19|20)\d{2}\s*年度?)?"
)
# "某局部门财政拨款收支总表": 部门 says whose table it is, it is not part of the name
_WHOSE = re.compile(r"(?:部门|单位|本级)+$")


# "2026年市级部门项目支出预算表": the level of government, not whose table it is
_LEVEL = re.compile(r"^(?:[省市区县]|市本|区县|县区)?级")
# A department's name ends in what it is; anything else before the table kind (a header read as a
# title, "年" of a year the text layer lost) is no name to compare.
_ORGANIZATION = re.compile(r"[局厅院心会室队校馆所站部委办处社台团署府]$")


def _name_in_title(title: str) -> str:
    compact = "".join(title[_NUMBER_AND_YEAR.match(title).end():].split())
    match = _TABLE_KIND_WORDS.search(compact)
    return _WHOSE.sub("", _LEVEL.sub("", compact[: match.start()])) if match else ""


def _differs(printed: str, department: str) -> bool:
    """A printed department name that is one and is not the department's (a title wrapped in the middle
    of the name leaves its beginning: the same name)."""
    if not printed or printed == department or (len(printed) >= 4 and department.startswith(printed)):
        return False
    return bool(_ORGANIZATION.search(printed))


@rule(
    id="HYGIENE-DEPARTMENT", family="hygiene", severity="warning",
    title="部门名称在各表标题、整体绩效目标表和各单位的行中应一致",
    basis="财预〔2016〕143号“形式规范”；domain.md §3 C4",
    needs=("department",),
)
def department_named_consistently(doc: Doc) -> Iterator[Finding]:
    department = "".join(doc.disclosure.department.split())
    if not _ORGANIZATION.search(department):
        return  # the name read is no body's (a project's name taken for it): nothing to compare with
    titled: dict[str, list] = {}
    for table in doc.disclosure.tables.values():
        printed = _name_in_title(table.title)
        if _differs(printed, department):
            titled.setdefault(printed, []).append(table)
    # one name printed on several titles is one slip, told once
    for printed, tables in titled.items():
        names = "、".join(TABLE_TITLES.get(t.id, t.id) for t in tables)
        message = f"{names}标题中的部门名称为{quoted(printed)}，与{quoted(department)}不一致。"
        yield Finding.mismatch(Place.of_table(tables[0]), printed, department, message)
    for heading in doc.disclosure.headings:
        printed = _name_in_title(heading.text)
        if _differs(printed, department):
            message = f"表格上方的标题{quoted(heading.text)}中的部门名称为{quoted(printed)}，与{quoted(department)}不一致。"
            yield Finding.mismatch(Place.at(heading.source), printed, department, message)
    overall = doc.disclosure.performance_overall
    if overall is not None and overall.name and _differs("".join(overall.name.split()), department):
        message = f"整体绩效目标表中的部门名称为{quoted(overall.name)}，与{quoted(department)}不一致。"
        yield Finding.mismatch(Place.at(overall.source, table="performance_overall"), overall.name, department, message)
    yield from _other_units(doc, department)


# the department is its only budget unit: "部门只有本级，没有其他二级预算单位", "纳入…范围的只有某局本级"
# (in a sentence on the units: "资金仅用于本级" says nothing of them)
_ONLY_ITSELF = re.compile(r"(?:只有|仅有|仅为|仅包括|只包括|仅含)[^。；;，,、和及与]{0,40}?本级"
                          r"|(?:没有|无)(?:其他|其它)?(?:二级|下属|所属)(?:预算)?单位")
_ON_UNITS = re.compile(r"单位|编制范围|构成")
# what a line of the department's own may add to its name: 本级, 机关
_OWN_LINE = re.compile(r"(?:本级|机关)$")


def _only_itself(doc: Doc) -> bool:
    return any(_ONLY_ITSELF.search(sentence) and _ON_UNITS.search(sentence) for sentence in _sentences_on(doc))


def _sentences_on(doc: Doc) -> Iterator[str]:
    """The narrative's sentences, spaces closed up; the first of a section read with its heading ("单位构成"
    over "本部门只有本级。")."""
    sections = doc.disclosure.narrative.sections
    for section, paragraphs in zip(sections, section_paragraphs(doc), strict=True):
        sentences = [s.text for paragraph in paragraphs for s in paragraph.sentences] or [""]
        sentences[0] = section.title + sentences[0]
        yield from ("".join(sentence.split()) for sentence in sentences)


def _other_units(doc: Doc, department: str) -> Iterator[Finding]:
    """A line per unit naming another body, in a department that says it has no unit but itself."""
    lines = [(table, row) for table in doc.disclosure.tables.values() for row in table.unit_rows]
    if not lines or not _only_itself(doc):
        return
    for table, row in lines:
        name = "".join(row.name.split())
        own = _OWN_LINE.sub("", name)
        if name == "本级" or own == department or not _ORGANIZATION.search(own):
            continue
        message = (f"{TABLE_TITLES.get(table.id, table.id)}中单位一行的名称为{quoted(name)}，而本部门只有本级"
                   f"{quoted(department)}一个预算单位，请核对并改为本部门的名称。")
        yield Finding.mismatch(Place.of_row(table, row), name, department, message)
