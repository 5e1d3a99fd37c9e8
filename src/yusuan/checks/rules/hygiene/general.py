"""Document hygiene: one department name, one year, no template leftovers, no OCR garbage, no doubled words."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ....model import TABLE_TITLES
from ...engine.context import Doc
from ...engine.findings import Finding, Place
from ...engine.registry import rule
from ...engine.texts import section_paragraphs, texts_of
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
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?=\s*年)")


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


_PLACEHOLDERS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?<![\d.])20\d(?![\d.])\s*年"), "年份缺位"),
    (re.compile(r"[Xx×＊*]{2,}|某某"), "占位符"),
    # a blank where the name goes, not the noun in a sentence ("故部门名称、机构设置等暂未调整", "部门名称变更为…")
    # nor a label filled in ("单位名称：重庆市商务委员会", "收费项目名称为特种设备检验检测费")
    (re.compile(r"(?<![故因其将对把、和及与的])(?:部门名称|单位名称|项目名称)"
                r"(?![、,，及和与等]|变更|调整|更改|改为|暂|未|已|\s*(?:[:：]|为|是)\s*[^\s:：])"), "模板字样"),
    # the template's instruction on how to fill the place in: "（按“部门预算公开06表…”中实际发生经济分类支出事项填写）"
    (re.compile(r"[\[【（(]\s*(?:请|按|根据|依据|参照|此处|在此)[^()（）\[\]【】]{0,80}?(?:填写|填列|填报|填入)"
                r"\s*[。.]?\s*[)）\]】]"), "模板填写说明"),
    (re.compile(r"[\[【（(]\s*(?:请?填写|此处|待补充|待填)"), "待填写字样"),
    # the form's rule for the one filling it in, left under the table: "注：“科目编码”和“科目名称”为必填项。"
    (re.compile(r"[^。；;:：\n]{0,30}?(?:为|是)(?:必填|选填)项|[（(]\s*(?:必填|选填)\s*[）)]"), "模板填写说明"),
    # both direction words of the template left in: 增加(减少), 增长(下降), 下降(增长), 增(减)
    (re.compile(r"(?:增加|增长|上升|减少|下降|降低|增|减)\s*[（(/]\s*(?:增加|增长|上升|减少|下降|降低|增|减)\s*[)）]?"),
     "未选定的增减用词"),
)


@rule(
    id="HYGIENE-PLACEHOLDER", family="hygiene", severity="warning",
    title="不应残留模板字样（如“202 年”“部门名称”“XX”）",
    basis="财预〔2016〕143号“形式规范”；domain.md §3 C5",
)
def no_template_leftovers(doc: Doc) -> Iterator[Finding]:
    # one note left under every table of the form is one leftover, told once at its first table
    in_notes: dict[tuple[str, str], list] = {}
    for text in texts_of(doc):
        if text.kind not in ("narrative", "title", "note"):
            continue
        found: list[re.Match[str]] = []
        for pattern, what in _PLACEHOLDERS:
            match = pattern.search(text.text)
            # one leftover once: "（此处…填列）" is an instruction, its "（此处" no second finding
            if match and not any(m.start() < match.end() and match.start() < m.end() for m in found):
                found.append(match)
                if text.kind == "note":
                    in_notes.setdefault((what, match.group(0).strip()), []).append(text)
                    continue
                yield Finding.at(text.place, f"{text.where}中有{what}{quoted(match.group(0))}，像是模板未填写完整。")
    for (what, leftover), texts in in_notes.items():
        where = texts[0].where + (f"等 {len(texts)} 处" if len(texts) > 1 else "")
        yield Finding.at(texts[0].place, f"{where}中有{what}{quoted(leftover)}，像是模板未填写完整。")


# Scripts and symbols that never belong in a Chinese budget text: what OCR makes of smudges.
# (≤ ≥ ≦ ≧ ≠ ≈ ℃ № are at home in these documents and are left out of the ranges.)
_GARBAGE = re.compile(
    "[\u0100-\u024f\u0370-\u03ff\u0400-\u04ff\u0530-\u06ff\u0e00-\u0e7f\u1100-\u11ff\u3040-\u30ff"
    "\u31f0-\u31ff\uff65-\uff9f\uac00-\ud7af\ue000-\uf8ff\ufffd"
    "\u2100-\u2102\u2104-\u2115\u2117-\u214f\u2200-\u2247\u2249-\u225f\u2261-\u2263\u2268-\u22ff]"
    r"|</?[a-zA-Z]{1,6}>"
)


@rule(
    id="HYGIENE-OCR", family="hygiene", severity="info",
    title="列出读出的文字中疑似乱码之处（多为识别或提取所致），以便人工核对原文",
    basis="检查的完整性：未能清晰读出的文字不能被检查；domain.md §3 T2（文件应可读）",
)
def no_ocr_garbage(doc: Doc) -> Iterator[Finding]:
    # garbage comes from reading the file (OCR, a font without its character map), not from the printed
    # page: a note about the reading, not a claim about the document
    for text in texts_of(doc):
        found = _GARBAGE.findall(text.text)
        if found:
            shown = "".join(dict.fromkeys(found))
            yield Finding.at(text.place, f"{text.where}有文字未能清晰读出（疑似乱码{quoted(shown)}），"
                                         "这部分未能检查，请核对原文。")


# a word of two to six characters printed twice in a row ("支出支出"); an ordinal printed twice ("(一)(一)")
_DOUBLED = re.compile(r"([\u4e00-\u9fff]{2,6})\1")
_DOUBLED_ORDINAL = re.compile(r"([(（]\s*[一二三四五六七八九十\d]{1,3}\s*[)）]|(?<![一二三四五六七八九十])[一二三四五六七八九十]{1,3}、)\s*\1")
# texts printed as prose or as one line: a doubling there is the document's. A wrapped cell of a table
# (a performance indicator, a 项目概况) may be read with its lines interleaved or twice: no claim there.
_PROSE_KINDS = ("narrative", "note", "title", "row", "performance_title")


def _is_garbage_run(text: str, start: int, end: int, unit: str) -> bool:
    """One character over and over ("是是是是"), or a unit three times or more: reading noise, no doubled word."""
    return len(set(unit)) == 1 or text.startswith(unit, end) or (start >= len(unit) and text[start - len(unit):start] == unit)


# fixed terms of a budget that begin with a word which also ends a noun: "9名在职人员人员经费" is the 人员经费 of
# the 在职人员, each word printed once
_TERMS_AFTER_A_NOUN = ("人员经费", "人员支出", "人员工资", "人员福利", "单位资金", "单位经费")


def _noun_then_term(text: str, start: int, word: str) -> bool:
    """The second word begins a fixed term and the first ends a longer word before it."""
    half = start + len(word)
    return (start > 0 and "\u4e00" <= text[start - 1] <= "\u9fff"
            and any(len(term) > len(word) and term.startswith(word) and text.startswith(term, half)
                    for term in _TERMS_AFTER_A_NOUN))


def doubled_words(text: str, kind: str) -> list[str]:
    if kind not in _PROSE_KINDS:
        return []
    found = []
    position = 0
    while (m := _DOUBLED.search(text, position)) is not None:
        if _noun_then_term(text, m.start(), m.group(1)):
            position = m.start() + 1  # "在职人员人员经费人员经费": the term after may itself be printed twice
            continue
        if not _is_garbage_run(text, m.start(), m.end(), m.group(1)):
            found.append(m.group(0))
        position = m.end()
    if kind in ("narrative", "note"):
        found += ["".join(m.group(0).split()) for m in _DOUBLED_ORDINAL.finditer(text)]
    return found


@rule(
    id="HYGIENE-DUPLICATE-WORD", family="hygiene", severity="warning",
    title="不应有重复的词或序号（如“支出支出”“（一）（一）”）",
    basis="财预〔2016〕143号“内容准确、形式规范”",
)
def no_doubled_words(doc: Doc) -> Iterator[Finding]:
    for text in texts_of(doc):
        doubled = doubled_words(text.text, text.kind)
        if doubled:
            shown = "、".join(f"{quoted(d)}" for d in dict.fromkeys(doubled))
            yield Finding.at(text.place, f"{text.where}中有重复的词：{shown}。")


@rule(
    id="HYGIENE-UNREADABLE", family="hygiene", severity="info",
    title="列出识别时无法读取的内容，以便人工核对",
    basis="检查的完整性：未读出的内容不能被检查",
)
def unreadable_parts(doc: Doc) -> Iterator[Finding]:
    for part in doc.disclosure.unreadable:
        yield Finding.at(Place.at(part.source), f"这部分内容无法识别，未参与检查：{part.what}")

