"""Text printed twice in a row: a sentence or clause pasted again after itself, a lead-in ("…的主要职责是：")
followed by the pasted text's own lead-in; a project's performance table printed again elsewhere.

The narrative is read as prose (NFKC: ；：arrive as ; :). Spaces and line breaks are taken out first: a
paragraph wrapped over two lines reads the same as one line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ....model import PerformanceTable
from ....prose.sentences import STOPS, clauses
from ...engine.context import Doc
from ...engine.findings import Finding, Place
from ...engine.registry import rule
from ...engine.texts import paragraphs_of, texts_of
from ...engine.wording import quoted

# a repeated piece shorter than this is no sentence ("0辆。0辆。" is a table read as text, not prose)
_MIN_CJK = 8
_MAX_CHARS = 600
_SHOWN = 40
# a lead-in repeated: the same words before two colons with no sentence between
_LEAD_IN_MIN_CJK = 4
_LEAD_IN_MAX_CHARS = 40
_COLONS = ":："
_CJK = re.compile(r"[\u4e00-\u9fff]")


def _cjk(text: str) -> int:
    return len(_CJK.findall(text))


def repeated_sentences(text: str) -> list[str]:
    """Every piece ending in a stop mark that is printed again right after itself (the first copy may be
    the end of a longer clause: "单位预算安排购置…（套）。安排购置…（套）。")."""
    compact = "".join(text.split())
    ends = [i + 1 for i, ch in enumerate(compact) if ch in STOPS]
    found: list[str] = []
    covered = 0
    for n, middle in enumerate(ends):
        for end in ends[n + 1:]:
            size = end - middle
            if size > _MAX_CHARS:
                break
            piece = compact[middle:end]
            if middle - size >= covered and compact[middle - size:middle] == piece and _cjk(piece) >= _MIN_CJK:
                found.append(piece)
                covered = end
                break
    return found


def _common_tail(a: str, b: str) -> str:
    size = 0
    while size < min(len(a), len(b)) and a[-1 - size] == b[-1 - size]:
        size += 1
    return a[len(a) - size:]


def repeated_lead_ins(paragraphs: list[str]) -> list[str]:
    """A lead-in ending in a colon followed at once by another ending in the same words: the template's
    "…局(本级)的主要职责是:" and the pasted text's own "…局的主要职责是:"."""
    found = []
    for paragraph in paragraphs:
        compact = "".join(paragraph.split())
        # each piece ends at a colon
        pieces = [compact[start:end] for start, end in clauses(compact, _COLONS) if end < len(compact)]
        for before, after in zip(pieces, pieces[1:]):
            if len(after) > _LEAD_IN_MAX_CHARS or any(ch in STOPS for ch in after):
                continue
            tail = _common_tail(before, after)
            if _cjk(tail) >= _LEAD_IN_MIN_CJK:
                lead = before[max(before.rfind(stop) for stop in STOPS) + 1 :][-_LEAD_IN_MAX_CHARS:]
                found.append(f"{lead}:{after}:")
    return found


def _shown(piece: str) -> str:
    return quoted(piece if len(piece) <= _SHOWN else piece[: _SHOWN - 1] + "…")


@rule(
    id="HYGIENE-REPEATED-TEXT", family="hygiene", severity="warning",
    title="情况说明和绩效目标表的文字中不应有连续重复印出的句子或引导语",
    basis="财预〔2016〕143号“内容准确、形式规范”",
    needs=("narrative",),
)
def no_repeated_text(doc: Doc) -> Iterator[Finding]:
    for text in texts_of(doc):
        # a whole sentence twice is no reading slip, in the prose or in a table's cell of prose (项目概况)
        if text.kind not in ("narrative", "note", "performance"):
            continue
        for piece in repeated_sentences(text.text):
            yield Finding.at(text.place, f"{text.where}中同一句话连续印了两次：{_shown(piece)}，请删去重复的一处。")
        if text.kind == "performance":
            continue  # a cell's lines may be read in another order: lead-ins only in the prose
        for lead_in in repeated_lead_ins(paragraphs_of(doc, text)):
            yield Finding.at(text.place, f"{text.where}中引导语重复：{_shown(lead_in)}，像是模板的引导语之后又粘贴了"
                                         "原文自己的引导语，请删去一处。")


# a table is the same one printed again when all it says is the same, with something to say
_MIN_INDICATORS = 3


def _contents(table: PerformanceTable) -> tuple:
    indicators = tuple((i.level1, i.level2, i.level3, i.value) for i in table.indicators)
    return (table.name, table.fund, table.department, table.implementer, table.target, indicators)


@rule(
    id="HYGIENE-REPEATED-TABLE", family="hygiene", severity="warning",
    title="同一项目的绩效目标表不应重复印出",
    basis="财预〔2016〕143号“内容准确、形式规范”",
)
def no_table_printed_twice(doc: Doc) -> Iterator[Finding]:
    first: dict[tuple, PerformanceTable] = {}
    for table in doc.disclosure.performance_projects:
        if not table.name or len(table.indicators) < _MIN_INDICATORS:
            continue
        key = _contents(table)
        earlier = first.setdefault(key, table)
        if earlier is table or earlier.source.page == table.source.page:
            continue
        where = f"第 {earlier.source.page} 页" if earlier.source.page else "前面"
        message = (f"项目{quoted(table.name)}的绩效目标表重复印出：与{where}的同名表格内容完全相同"
                   f"（资金、指标及指标值），请删去一张。")
        yield Finding.at(Place.at(table.source, table="performance_project", name=table.name), message)
