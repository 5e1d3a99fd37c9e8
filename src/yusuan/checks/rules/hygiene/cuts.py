"""A classification name cut short in the prose: its last character lost where the sentence goes on
("主要原因是提租补政策性调整" for 提租补贴).

A name with its last character lost is most often a real word ("离退休" of 离退休费, "信访事" of 信访事项),
so a place is reported only where the character left at the cut belongs to no word: it makes no word
with the character before it nor with the one after it, and what is left ends in no longer word ("科技馆" of
科技馆站) (the dictionary of words.py). A character the
dictionary does not know at all is a doubtful reading ("购臵": a font's own mapping of 置) and is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from ....classification.catalog import catalog, normalize_name
from ...engine.context import Doc
from ...engine.findings import Finding
from ...engine.registry import rule
from ..narrative.wording import excerpt, narrative_texts
from .words import is_word

_CATALOGS = ("functional", "economic", "gov_economic")
# a shorter name cut short is too often a word of its own
_MIN_NAME = 4
_CJK = re.compile(r"[\u4e00-\u9fff]")
_CJK_ONLY = re.compile(r"[\u4e00-\u9fff]+")


@cache
def _names() -> frozenset[str]:
    names = {normalize_name(e.name).replace("其它", "其他") for c in _CATALOGS for e in catalog(c).entries()}
    return frozenset(n for n in names if len(n) >= _MIN_NAME and _CJK_ONLY.fullmatch(n))


@cache
def cut_names() -> dict[str, frozenset[str]]:
    """Each name without its last character (that is no name itself) -> the names it is cut from."""
    cut: dict[str, set[str]] = {}
    for name in _names():
        if name[:-1] not in _names():
            cut.setdefault(name[:-1], set()).add(name)
    return {short: frozenset(full) for short, full in cut.items()}


def cut_name_at(text: str, start: int, end: int) -> list[str] | None:
    """The names `text[start:end]` (a name without its last character) is cut from, when the cut shows:
    the sentence goes on with a character that is not the one lost and the character left makes no word."""
    if end >= len(text):
        return None
    short, after = text[start:end], text[end]
    full = cut_names()[short]
    if not _CJK.match(after) or any(name[-1] == after for name in full) or not is_word(after):
        return None
    if is_word(short[-2:]) or is_word(short[-1] + after) or any(is_word(short[-size:]) for size in (3, 4, 5)):
        return None  # "科技馆建设", "其他交通费等": the cut leaves a word
    return sorted(full)


@rule(
    id="HYGIENE-NAME-CUT", family="hygiene", severity="warning",
    title="情况说明中的科目名称不应缺字（如“提租补政策”应为“提租补贴政策”）",
    basis="财预〔2016〕143号“形式规范”；《政府收支分类科目》的科目名称",
    needs=("narrative",),
)
def names_are_whole(doc: Doc) -> Iterator[Finding]:
    texts = narrative_texts(doc)
    whole = "\n".join(text.text for text in texts)
    present = [short for short in cut_names() if short in whole]
    for text in texts:
        for start, end in sorted(_places(text.text, present)):
            full = cut_name_at(text.text, start, end)
            if full:
                short = text.text[start:end]
                names = "或".join(f"“{name}”" for name in full)
                yield Finding.mismatch(text.place, short, full[0],
                                       f"{text.where}中“{short}”少了一个字：{excerpt(text.text, start, end)}，应为{names}。")


def _places(text: str, shorts: list[str]) -> set[tuple[int, int]]:
    """Where each of `shorts` is printed in `text`, as (start, end); one place per end (the longest)."""
    places: dict[int, int] = {}
    for short in shorts:
        start = text.find(short)
        while start >= 0:
            end = start + len(short)
            places[end] = min(start, places.get(end, start))
            start = text.find(short, start + 1)
    return {(start, end) for end, start in places.items()}
