"""Small text helpers for OCR'd table cells: counting CJK, trimming stray marks, rejoining fragments."""

from __future__ import annotations

import re

_CJK = "\u3400-\u9fff\uf900-\ufaff"
_NOT_CJK = re.compile(f"[^{_CJK}]+")
# OCR renders table rules, underlines and specks as punctuation at the edges of a cell
_EDGE_MARKS = "\\s\\[\\]|=_:;,.·•・\\-—―/\\\\`'~^*+{}<>!?"
_STRAY_MAX_CHARS = 2
_EDGES = re.compile(f"^[{_EDGE_MARKS}]+|[{_EDGE_MARKS}]+$")
_EDGE_MARK = re.compile(f"[{_EDGE_MARKS}]")


# OCR noise in a Chinese name: a lone Latin letter between two CJK characters ("液化石油气E产检查"),
# kana, Cyrillic or Greek letters ("リ形成ロ甲旦", "πЫ≡"), a character run four times ("到到到到")
_GARBLE = re.compile(
    f"(?<=[{_CJK}])[A-Za-z\u00c0-\u024f](?=[{_CJK}])|[\u3040-\u30ff\u0370-\u03ff\u0400-\u04ff]|(.)\\1{{3}}"
)


def is_garbled(text: str) -> bool:
    return _GARBLE.search(text) is not None


def cjk_count(text: str) -> int:
    return len(cjk_only(text))


def cjk_only(text: str) -> str:
    return _NOT_CJK.sub("", text)


def trim_marks(text: str) -> str:
    if not text or not (_EDGE_MARK.match(text) or _EDGE_MARK.match(text, len(text) - 1)):
        return text  # most cells: no mark at either edge, no need to scan them
    return _EDGES.sub("", text)


def overlap(left: str, right: str) -> int:
    """How many leading characters of `right` repeat the end of `left` (longest first)."""
    for size in range(min(len(left), len(right)), 0, -1):
        if left.endswith(right[:size]):
            return size
    return 0


def _without_stray_lead(fragments: list[str]) -> list[str]:
    # a mark OCR read in front of the value ("Σ | 区经济信息委")
    start = 0
    while start < len(fragments) and cjk_count(fragments[start]) == 0 and len(fragments[start]) <= _STRAY_MAX_CHARS:
        start += 1
    return fragments[start:]


def join_fragments(fragments: list[str]) -> str:
    """Rejoin a value the layout cut into cells. Neighbouring OCR tiles overlap, so a cell often
    repeats the last characters of the one before ("提前 | 提前下达…", "…对接活动 | 动"): drop them."""
    joined = ""
    for fragment in _without_stray_lead([trim_marks(f) for f in fragments]):
        joined += fragment[overlap(joined, fragment):]
    return joined
