"""How the narrative is written: paired quotes and brackets, no doubled punctuation, no reason or
amount left blank from the template.

The text is the reader's (NFKC: full-width ，：；（） arrive as , : ; ( ); “” ‘’ 《》 and 。、 stay as
printed. Each finding quotes a few characters around the place, so it can be found in the document.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ....prose.subjects import label_in, topics_of
from ....prose.tokens import clause_start
from ...engine.context import Doc
from ...engine.findings import Finding, Place
from ...engine.registry import rule
from ...engine.texts import Text, paragraphs_of, texts_of
from ...engine.wording import quoted
from .claim_targets import figures_for

_AROUND = 12


def narrative_texts(doc: Doc) -> list[Text]:
    """The narrative's headings and paragraphs (what a reader reads as prose)."""
    return [t for t in texts_of(doc) if t.kind == "narrative"]


def excerpt(text: str, start: int, end: int) -> str:
    """「…a few characters around text[start:end]…」, on one line."""
    before = text[max(0, start - _AROUND) : start].replace("\n", "")
    after = text[end : end + _AROUND].replace("\n", "")
    lead = "…" if start > _AROUND else ""
    tail = "…" if end + _AROUND < len(text) else ""
    return f"「{lead}{before}{text[start:end]}{after}{tail}」"


# -- quotes and brackets -------------------------------------------------------------------------

_PAIRS = {"“": "”", "‘": "’", "《": "》", "(": ")", "[": "]", "【": "】", "〔": "〕"}
_CLOSERS = {close: open_ for open_, close in _PAIRS.items()}
_MARK_NAMES = {"“": "左引号“", "”": "右引号”", "‘": "左引号‘", "’": "右引号’", "《": "书名号《", "》": "书名号》",
               "(": "左括号（", ")": "右括号）", "[": "左括号[", "]": "右括号]", "【": "左括号【", "】": "右括号】",
               "〔": "左括号〔", "〕": "右括号〕"}
_HALF_WIDTH = str.maketrans("（）", "()")  # as the reader gives them (NFKC); one character each way
# a numbered item "1)" or "a)" opens nothing
_ITEM_CLOSER = re.compile(r"(?:^|(?<=[\s。;:,；：，]))[\da-zA-Z一二三四五六七八九十]{1,2}\)")
# "主要包括1)办公电脑;2)打印机": a numbered item right after a word, unless a bracket is open ("(详见附件1)")
_ITEM_AFTER_WORD = re.compile(r"(?<=[\u4e00-\u9fff])\d{1,2}\)")


def unpaired_marks(text: str) -> list[tuple[int, str]]:
    """(offset, mark) of every quote or bracket that has no partner in `text`."""
    text = text.translate(_HALF_WIDTH)
    items = {m.end() - 1 for m in _ITEM_CLOSER.finditer(text)}
    items_after_words = {m.end() - 1 for m in _ITEM_AFTER_WORD.finditer(text)}
    stack: list[tuple[int, str]] = []
    lonely: list[tuple[int, str]] = []
    for at, ch in enumerate(text):
        if ch in _PAIRS:
            stack.append((at, ch))
        elif ch in _CLOSERS and at not in items:
            opener = _CLOSERS[ch]
            index = next((i for i in range(len(stack) - 1, -1, -1) if stack[i][1] == opener), None)
            if index is None:
                if at not in items_after_words:
                    lonely.append((at, ch))
            else:
                del stack[index]
    lonely += stack
    straight = [m.start() for m in re.finditer('"', text)]
    if len(straight) % 2:
        lonely.append((straight[-1], '"'))
    return sorted(lonely)


@rule(
    id="HYGIENE-PAIRED-MARKS", family="hygiene", severity="warning",
    title="情况说明中的引号“”、书名号《》、括号（）应成对出现",
    basis="GB/T 15834《标点符号用法》（引号、括号、书名号成对使用）；财预〔2016〕143号“形式规范”",
    needs=("narrative",),
)
def marks_are_paired(doc: Doc) -> Iterator[Finding]:
    texts = narrative_texts(doc)
    run_on = _run_on_headings(doc, texts)
    for index, text in enumerate(texts):
        paragraphs = paragraphs_of(doc, text)
        if index in run_on:
            continue
        if index - 1 in run_on:
            paragraphs = paragraphs[1:]  # read with its heading
        for paragraph in paragraphs:
            for at, mark in unpaired_marks(paragraph):
                name = _MARK_NAMES.get(mark, "直引号\"")
                yield Finding.at(text.place, f"{text.where}中的{name}没有与之配对的另一半：{excerpt(paragraph, at, at + 1)}，"
                                             "请补全或删去。")


def _run_on_headings(doc: Doc, texts: list[Text]) -> set[int]:
    """Headings whose line runs on into their text, their marks paired there: a glossary entry's first
    line read as a heading ("四、其他收入：指除上述“财政拨款收入”、“事业收" | "入”、“事业单位经营收入”…")."""
    run_on = set()
    for index, (heading, body) in enumerate(zip(texts, texts[1:])):
        if heading.text != heading.place.name or body.place != heading.place or not unpaired_marks(heading.text):
            continue
        if not unpaired_marks(heading.text + next(iter(paragraphs_of(doc, body)), "")):
            run_on.add(index)
    return run_on


# -- doubled punctuation -------------------------------------------------------------------------

# the same mark twice, or a pause mark run into a stop (，。 ：。 。，); “……” and “——” are marks of their own
_P = ",，;；:：!！?？"  # pause and stop marks, as read (ASCII) or as written (full width)
_DOUBLED = re.compile(rf"([{_P}。、])\1+|[,，、;；:：][。!！?？]|[。!！?？][,，、;；:：]|[,，、;；:：][,，、;；:：]")


@rule(
    id="HYGIENE-PUNCTUATION", family="hygiene", severity="warning",
    title="情况说明中不应有重复或相连的标点（如“，，”“。。”“，。”）",
    basis="GB/T 15834《标点符号用法》；财预〔2016〕143号“形式规范”",
    needs=("narrative",),
)
def no_doubled_punctuation(doc: Doc) -> Iterator[Finding]:
    for text in narrative_texts(doc):
        for paragraph in paragraphs_of(doc, text):
            for match in _DOUBLED.finditer(paragraph):
                if match.group(0) in (",,", "，，") or not _between_digits(paragraph, match.start(), match.end()):
                    yield Finding.at(text.place, f"{text.where}中有重复的标点{quoted(match.group(0))}："
                                                 f"{excerpt(paragraph, match.start(), match.end())}，请删去多余的标点。")


def _between_digits(text: str, start: int, end: int) -> bool:
    return 0 < start and end < len(text) and text[start - 1].isdigit() and text[end].isdigit()


# -- a full stop inside a sentence --------------------------------------------------------------

# "新农具．新技术" ("．" arrives as "." after NFKC): a Chinese sentence ends with 。 and its items are set apart
# by 、; between two Chinese characters a point is a slip. After a Chinese numeral it numbers a heading
# ("一.基本情况"), which is left alone.
_POINT_IN_WORDS = re.compile(r"(?<=[\u4e00-\u9fff])(?<![一二三四五六七八九十])[.．](?=[\u4e00-\u9fff])")


@rule(
    id="HYGIENE-POINT-IN-WORDS", family="hygiene", severity="warning",
    title="情况说明中汉字之间不应有句点“．”（并列的词用顿号“、”，句末用句号“。”）",
    basis="GB/T 15834《标点符号用法》；财预〔2016〕143号“形式规范”",
    needs=("narrative",),
)
def no_point_between_words(doc: Doc) -> Iterator[Finding]:
    for text in narrative_texts(doc):
        for paragraph in paragraphs_of(doc, text):
            for match in _POINT_IN_WORDS.finditer(paragraph):
                yield Finding.at(text.place, f"{text.where}中汉字之间有句点“．”：{excerpt(paragraph, match.start(), match.end())}，"
                                             "并列的词之间应为顿号“、”，句末应为句号“。”。")


# -- percent sign left out -----------------------------------------------------------------------

_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_CHANGE_WORD = "增加|增长|上升|提高|减少|下降|降低|压减"
# "减少100万元，减少9.52，": after a change stated with its amount, a bare number after a second direction word
# is its percent ("增加 5 人", "增长1倍", "增长2个百分点" carry their own word and are left alone)
BARE_PERCENT = re.compile(rf"(?:{_CHANGE_WORD})了?\s*(?:{_NUMBER})\s*(?:亿元|万元|元)\s*[,，]\s*"
                           rf"(?:{_CHANGE_WORD}|增幅|降幅)了?\s*(?:为)?\s*({_NUMBER})(?=\s*(?:[,，;；。]|$))")


@rule(
    id="HYGIENE-PERCENT-SIGN", family="hygiene", severity="warning",
    title="情况说明中的增减幅度应带百分号（如“减少100万元，减少9.52%”，而非“减少9.52”）",
    basis="财预〔2016〕143号“形式规范”",
    needs=("narrative",),
)
def percents_have_their_sign(doc: Doc) -> Iterator[Finding]:
    for text in narrative_texts(doc):
        for paragraph in paragraphs_of(doc, text):
            for match in BARE_PERCENT.finditer(paragraph):
                shown = excerpt(paragraph, match.start(), match.end())
                yield Finding.at(text.place, f"{text.where}中的增减幅度 {match.group(1)} 缺少百分号：{shown}，"
                                             "请补上“%”。")


# -- reasons and amounts left blank --------------------------------------------------------------

# "主要原因是。", "原因:;"; not "应说明原因。" (an instruction), nor "主要原因:" closing a line (the reader
# may have set its reason on a line apart)
_EMPTY_REASON = re.compile(r"(?:主要)?原因(?:是|为|在于|[:：])\s*[:：]?\s*(?=[。;；])")


@rule(
    id="NARR-EMPTY-REASON", family="narrative", severity="warning",
    title="说明增减原因处不应留空（如“主要原因是。”）",
    basis="财预〔2016〕143号（预算收支增减变化情况的说明）；domain.md §3 G5",
    needs=("narrative",),
)
def no_empty_reason(doc: Doc) -> Iterator[Finding]:
    for text in narrative_texts(doc):
        for paragraph in paragraphs_of(doc, text):
            for match in _EMPTY_REASON.finditer(paragraph):
                shown = excerpt(paragraph, match.start(), match.end() + 1)
                yield Finding.at(text.place, f"{text.where}写了“原因”却未说明原因：{shown}，请写明增减变化的原因。")


# 万元 right after a word that must be followed by a figure: "支出万元", "为万元", "减少万元"; not 元旦 or 元宵
# ("安排元旦春节…"), nor a bound that needs no figure ("主营业务收入亿元以上企业", "单价万元以上的设备")
_BLANK_MONEY = re.compile(
    r"(?<![\d.,，%])(?:为|是|达|计|共|合计|总计|支出|收入|拨款|预算|经费|费用?|安排|增加|减少|增长|下降|降低|"
    r"压减|了|约|占)\s*(万元|亿元|元(?![旦宵]))(?!以上|以下|级|[\u4e00-\u9fff]{0,2}单位)"
)
_BLANK_PERCENT = re.compile(r"(?:增长|下降|增加|减少|增幅|降幅|占|比重为|比例为|完成)\s*(?:为)?\s*%")


@rule(
    id="NARR-BLANK-AMOUNT", family="narrative", severity="error",
    title="情况说明中不应有空着的金额或比例（如“支出万元”“增长%”）",
    basis="财预〔2016〕143号“内容准确”；domain.md §3 N1、C5",
    needs=("narrative",),
)
def no_blank_amount(doc: Doc) -> Iterator[Finding]:
    for text in narrative_texts(doc):
        for paragraph in paragraphs_of(doc, text):
            for match in _BLANK_MONEY.finditer(paragraph):
                if "单位" not in paragraph[max(0, match.start() - 4) : match.start()]:  # 金额单位为元
                    yield _blank_money(doc, text, paragraph, match)
            for match in _BLANK_PERCENT.finditer(paragraph):
                yield Finding.at(text.place, f"{text.where}的百分比未填写："
                                             f"{excerpt(paragraph, match.start(), match.end())}，请填写。")


def _blank_money(doc: Doc, text: Text, paragraph: str, match: re.Match[str]) -> Finding:
    shown = excerpt(paragraph, match.start(), match.end())
    label = label_in(paragraph[clause_start(paragraph, 0, match.start()) : match.end(1)], topics_of(paragraph))
    printed = [f for f in figures_for(doc, label.subject) if not f.blank] if label is not None else []
    if not printed:
        return Finding.at(text.place, f"{text.where}的金额未填写：{shown}，请填写金额（没有的填 0）。")
    figure = printed[0]
    message = (f"{text.where}的金额未填写：{shown}；{doc.phrase(figure)}为 {doc.said(figure)}，"
               "请按表中数填写。")
    return Finding.mismatch(text.place, None, figure.value, message)


# totals a document always has: stated as 0 while the tables print a figure, the template was not filled in
_TOTALS = ("revenue_total", "expenditure_total", "fiscal_revenue", "fiscal_expenditure", "basic", "three_public_total")


@rule(
    id="NARR-ZERO-TOTAL", family="narrative", severity="error",
    title="表中有数的总额（收支总额、财政拨款、基本支出、“三公”经费），情况说明不应写作 0",
    basis="财预〔2016〕143号“内容准确”；domain.md §3 N1、C5",
    needs=("claims",),
)
def no_zero_total(doc: Doc) -> Iterator[Finding]:
    for claim in doc.disclosure.narrative.claims:
        if claim.subject not in _TOTALS or claim.value != 0 or (claim.year or doc.year) != doc.year:
            continue
        if claim.text and "".join(claim.label.split()) not in "".join(claim.text.split()):
            continue  # the subject came from the heading, not from the words before the 0
        printed = figures_for(doc, claim.subject)
        if printed and all(not f.blank and abs(f.value) > doc.tolerance for f in printed):
            figure = printed[0]
            message = (f"情况说明中{quoted(claim.label)}写作 0，而{doc.phrase(figure)}为 {doc.said(figure)}："
                       "像是模板未填写，请按表中数填写。")
            yield Finding.mismatch(Place.of_claim(claim), claim.value, figure.value, message)
