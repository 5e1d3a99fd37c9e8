"""Document hygiene in the text: no template leftovers, no OCR garbage, no doubled words, no part left
unread."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...engine.context import Doc
from ...engine.findings import Finding, Place
from ...engine.registry import rule
from ...engine.texts import texts_of
from ...engine.wording import quoted

_PLACEHOLDERS: tuple[tuple[re.Pattern[str], str], ...] = (
    # not a flood standard ("防洪标准达到200年一遇")
    (re.compile(r"(?<![\d.])20\d(?![\d.])\s*年(?!一遇)"), "年份缺位"),
    # not letters of a web address ("…/zwgk_xxgk/", 信息公开 in pinyin)
    (re.compile(r"(?<![A-Za-z0-9/._-])[Xx×＊*]{2,}(?![A-Za-z/._-])|某某"), "占位符"),
    # a blank where the name goes, not the noun in a sentence ("故部门名称、机构设置等暂未调整", "部门名称变更为…")
    # nor a label filled in ("单位名称：重庆市商务委员会", "收费项目名称为特种设备检验检测费"), nor a sentence on
    # the name ("部门名称由“…”调整为现名称", "具体项目名称以政府采购计划为准")
    (re.compile(r"(?<![故因其将对把、和及与的])(?:部门名称|单位名称|项目名称)"
                r"(?![、,，及和与等由以]|变更|调整|更改|改为|暂|未|已|\s*(?:[:：]|为|是)\s*[^\s:：])"), "模板字样"),
    # the template's instruction on how to fill the place in: "（按“部门预算公开06表…”中实际发生经济分类支出事项填写）"
    (re.compile(r"[\[【（(]\s*(?:请|按|根据|依据|参照|此处|在此)[^()（）\[\]【】]{0,80}?(?:填写|填列|填报|填入)"
                r"\s*[。.]?\s*[)）\]】]"), "模板填写说明"),
    # not a gloss ("（此处指一般公共预算财政拨款基本支出）")
    (re.compile(r"[\[【（(]\s*(?:请?填写|此处(?![指是系为])|待补充|待填)"), "待填写字样"),
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


# fixed terms that begin with a word which also ends a noun: "9名在职人员人员经费" is the 人员经费 of the 在职人员,
# "中小企业企业家" the 企业家 of 中小企业, each word printed once
_TERMS_AFTER_A_NOUN = ("人员经费", "人员支出", "人员工资", "人员福利", "单位资金", "单位经费", "企业家", "企业主",
                       "企业职工", "企业年金", "单位负责人")


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
