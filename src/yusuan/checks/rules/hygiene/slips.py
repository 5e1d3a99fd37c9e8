"""Slips of the pen in the budget's fixed words: a standard label printed with a character added, lost or
changed ("财政转专户管理资金" for 财政专户管理资金); an item of a list of economic classes one character off its
class ("基本工资、津贴补贴、资金、绩效工资" for 奖金); one item listed twice in one enumeration; the fixed
comparison "与上年相比" with its last character lost ("与上年相未发生变化"); a 目录 entry worded one character
apart from its heading in the body ("名称解释" for 名词解释).

Only where the word expected is sure: a whole label of a table, an item among items that are the catalog's
names. A word one character off a term inside free prose may be another word ("专业业务活动", "公务车购置"),
so free prose is not compared with the catalogs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from ....classification.catalog import catalog, normalize_name
from ....model import COLUMN_LABELS
from ....prose.headings import clean, heading_of
from ....prose.sentences import CLAUSE_ENDS, clauses
from ...engine.context import Doc
from ...engine.findings import NARRATIVE, Finding, Place
from ...engine.registry import rule
from ...engine.texts import texts_of
from ...engine.wording import quoted
from .names import one_edit_apart
from .words import is_word

# a label shorter than this may be another word one character away; the standard labels are longer
_MIN_LABEL = 5
_CJK_ONLY = re.compile(r"[\u4e00-\u9fff]+")
# what a label may print before its words: its number, 其中
_LABEL_PREFIX = re.compile(r"^(?:[一二三四五六七八九十]+、|\d{1,2}[.、]|[(（][一二三四五六七八九十\d]{1,3}[)）])?(?:其中:?)?")
_BRACKETS_AND_QUOTES = re.compile(r"[()（）\[\]【】\"'“”‘’]")
# a conjunction inside an item joins two lists ("刑事、民事、行政诉讼活动及刑事、民事、行政判决")
_CONJUNCTION = re.compile(r"以及|及|与|和|或|并")
_MIN_ITEMS = 3
_MIN_NAMED_ITEMS = 3
_ETC = re.compile(r"等$")


def _plain(text: str) -> str:
    """NFKC, without spaces, brackets and quotes; 其它 written 其他 (both are accepted spellings)."""
    return _BRACKETS_AND_QUOTES.sub("", normalize_name(text)).replace("其它", "其他")


@cache
def _economic_names() -> frozenset[str]:
    names = {_plain(e.name) for name in ("economic", "gov_economic") for e in catalog(name).entries()}
    return frozenset(n for n in names if _CJK_ONLY.fullmatch(n))


@cache
def _standard_labels() -> frozenset[str]:
    """The words a table of a disclosure labels its rows and columns with: its columns' and items' standard
    labels and the catalogs' names."""
    functional = {_plain(e.name) for e in catalog("functional").entries()}
    labels = {_plain(label) for label in COLUMN_LABELS.values()} | functional | _economic_names()
    return frozenset(n for n in labels if _CJK_ONLY.fullmatch(n))


@cache
def _labels_by_ends() -> dict[tuple[str, str], list[str]]:
    by_ends: dict[tuple[str, str], list[str]] = {}
    for label in _standard_labels():
        if len(label) >= _MIN_LABEL:
            by_ends.setdefault((label[0], label[-1]), []).append(label)
    return by_ends


def label_slip(printed: str) -> str | None:
    """The standard label `printed` is a slip of: one character added, lost or changed inside it (its
    first and last characters kept: a label cut short or given another ending is another matter)."""
    label = _LABEL_PREFIX.sub("", _plain(printed))
    if len(label) < _MIN_LABEL or not _CJK_ONLY.fullmatch(label) or label in _standard_labels():
        return None
    near = [term for term in _labels_by_ends().get((label[0], label[-1]), ())
            if abs(len(term) - len(label)) <= 1 and one_edit_apart(label, term)]
    return near[0] if len(near) == 1 else None


def _lists(text: str) -> list[list[str]]:
    """The 、-separated lists of a text as printed, each as its items, a last item without its 等."""
    found = []
    compact = "".join(_plain(text).split())
    # an enumeration ends with its clause
    for start, end in clauses(compact, CLAUSE_ENDS):
        items = compact[start:end].split("、")
        if len(items) >= _MIN_ITEMS:
            found.append(items[:-1] + [_ETC.sub("", items[-1])])
    return found


def enumerations(text: str) -> list[list[str]]:
    """The lists of a text, a conjunction inside an item ending one list and starting the next."""
    found = []
    for items in _lists(text):
        current: list[str] = []
        for item in items:
            joined = _CONJUNCTION.split(item)
            current.append(joined[0])
            if len(joined) > 1:
                found.append(current)
                current = [joined[-1]]
        found.append(current)
    return [items for items in found if len(items) >= _MIN_ITEMS]


def repeated_items(text: str) -> list[str]:
    """Items printed twice in one enumeration."""
    found = []
    for items in enumerations(text):
        seen: set[str] = set()
        for item in items:
            if item in seen and len(item) >= 2 and _CJK_ONLY.fullmatch(item) and item not in found:
                found.append(item)
            seen.add(item)
    return found


def economic_item_slips(text: str) -> list[tuple[str, str]]:
    """(printed, name) for an item of a list of economic classes that is one character off one class's
    name, same length, where no other class is as near and the list does not name that class already."""
    names = _economic_names()
    found = []
    for items in _lists(text):  # "税金及附加费用" is one class's name
        if sum(item in names for item in items) < _MIN_NAMED_ITEMS:
            continue
        for item in items:
            if item in names or not _CJK_ONLY.fullmatch(item) or len(item) < 2 or _a_fee_of_its_own(item):
                continue
            near = [n for n in names if abs(len(n) - len(item)) <= 1 and one_edit_apart(item, n)]
            # "水电费" is 水费 and 电费 together, not a slip of 邮电费
            if len(near) == 1 and len(near[0]) == len(item) and near[0] not in items:
                found.append((item, near[0]))
    return found


def _a_fee_of_its_own(item: str) -> bool:
    """A fee named by a word of its own ("服务费", "供暖费", "邮寄费"): an expense the catalog words otherwise,
    not a slip of the class one character away (劳务费, 取暖费, 邮电费)."""
    return len(item) == 3 and item.endswith("费") and is_word(item[:2])


def _prose(doc: Doc):
    return [text for text in texts_of(doc) if text.kind in ("narrative", "note")]


@rule(
    id="HYGIENE-TERM-SLIP", family="hygiene", severity="warning",
    title="表格的栏目和项目名称、情况说明列举的经济分类科目不应错字、漏字、多字",
    basis="财预〔2016〕143号“内容准确、形式规范”；《政府收支分类科目》",
)
def standard_terms_written_alike(doc: Doc) -> Iterator[Finding]:
    slips: dict[tuple[str, str], list] = {}
    for text in texts_of(doc):
        # a coded row's name is compared with its code's (CODE-NAME); a unit's or a project's is a proper name
        if text.kind == "column" or (text.kind == "row" and text.place.code is None
                                     and text.place.table != "project_expenditure"):
            term = label_slip(text.text)
            if term is not None:
                slips.setdefault((text.text.strip(), term), []).append(text)
    for (printed, term), texts in slips.items():
        where = texts[0].where + (f"等 {len(texts)} 处" if len(texts) > 1 else "")
        message = f"{where}：{quoted(printed)}与标准名称{quoted(term)}差一个字，像是笔误，请改为{quoted(term)}。"
        yield Finding.mismatch(texts[0].place, printed, term, message)
    for text in _prose(doc):
        for printed, name in dict.fromkeys(economic_item_slips(text.text)):
            message = (f"{text.where}列举的经济分类科目中有{quoted(printed)}，与科目{quoted(name)}差一个字，"
                       f"像是笔误，请核对并改为{quoted(name)}。")
            yield Finding.mismatch(text.place, printed, name, message)


@rule(
    id="HYGIENE-REPEATED-ITEM", family="hygiene", severity="warning",
    title="同一列举（以顿号分隔）中不应重复列出同一项",
    basis="财预〔2016〕143号“内容准确、形式规范”",
    needs=("narrative",),
)
def no_item_listed_twice(doc: Doc) -> Iterator[Finding]:
    for text in _prose(doc):
        for item in repeated_items(text.text):
            message = f"{text.where}的同一列举中{quoted(item)}列了两次，请删去重复的一项或改为应列的项目。"
            yield Finding.at(text.place, message)


# the comparison with last year: "与上年相比", "与上年预算数相同"; a 相 followed by another word lost its own
# (at a text's end the sentence may go on past a table: nothing to tell)
# ("与上年相一致", "相仿", "相符", "相持平", "相吻合" are whole)
_COMPARED = re.compile(r"与(?:上年|上一年|去年)度?(?:同期)?(?:预算|决算|执行)?数?相(?![比同等当近较似差一仿符持吻对应])"
                       r"(?=[\u4e00-\u9fff])")


@rule(
    id="HYGIENE-PHRASE-SLIP", family="hygiene", severity="warning",
    title="固定用语不应漏字（如“与上年相比”）",
    basis="财预〔2016〕143号“内容准确、形式规范”",
    needs=("narrative",),
)
def fixed_phrases_whole(doc: Doc) -> Iterator[Finding]:
    for text in _prose(doc):
        compact = "".join(text.text.split())
        for match in _COMPARED.finditer(compact):
            printed = compact[match.start():match.end() + 4]
            message = (f"{text.where}写{quoted(printed)}，“{match.group(0)}”后漏了字"
                       f"（应为“{match.group(0)}比”或“{match.group(0)}同”），请补上。")
            yield Finding.at(text.place, message)


# an entry of the contents shorter than this may be a heading's short form; it is not compared
_MIN_ENTRY = 4


def _bare_title(title: str) -> str:
    return "".join(_plain(title).split())


# the same heading worded either way: "2019年度" or "2019年", "…和目标" or "…及目标", "编制(的)相关依据"
_WORDING = ((re.compile(r"年度"), "年"), (re.compile(r"[及与]"), "和"), (re.compile(r"的"), ""))


def _worded_alike(a: str, b: str) -> bool:
    for pattern, plain in _WORDING:
        a, b = pattern.sub(plain, a), pattern.sub(plain, b)
    return a == b


def contents_slips(entries: list[tuple[str, int, str]], headings: list[tuple[str, int, str]]) -> list[tuple[str, str]]:
    """(entry, heading) for each (number, level, title) of the contents that no heading of the body prints
    as such, while the one heading of its number reads one character apart, inside the words (a wrapped
    entry loses its end: no slip), and not only in a word either wording uses."""
    titles = {_bare_title(title) for _, _, title in headings}
    found = []
    for number, level, title in entries:
        entry = _bare_title(title)
        if len(entry) < _MIN_ENTRY or entry in titles:
            continue
        near = {_bare_title(t) for n, lv, t in headings if (n, lv) == (number, level)}
        near = [t for t in near if t[0] == entry[0] and t[-1] == entry[-1] and one_edit_apart(entry, t)
                and not _worded_alike(entry, t)]
        if len(near) == 1:
            found.append((title, near[0]))
    return found


@rule(
    id="HYGIENE-CONTENTS", family="hygiene", severity="warning",
    title="目录中的标题应与正文标题一致",
    basis="财预〔2016〕143号“形式规范”",
    needs=("narrative",),
)
def contents_match_headings(doc: Doc) -> Iterator[Finding]:
    printed_at = {}
    for printed in doc.disclosure.contents:
        heading = heading_of(clean(printed.text))
        if heading is not None:
            printed_at.setdefault((heading.number, heading.level, heading.title), printed)
    headings = [(s.number, s.level, s.title) for s in doc.disclosure.narrative.sections]
    for entry in printed_at:
        for title, heading in contents_slips([entry], headings):
            message = f"目录中的标题{quoted(title)}与正文标题{quoted(heading)}不一致，请统一。"
            yield Finding.mismatch(Place.at(printed_at[entry].source, table=NARRATIVE), title, heading, message)
