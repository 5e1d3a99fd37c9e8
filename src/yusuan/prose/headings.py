"""Numbered headings: 第一部分, 一、, (一), 1., (1), told apart from numbered list items and duties."""

from __future__ import annotations

import re
from dataclasses import dataclass

# extraction turns list markup into leading dashes and dots
_BULLETS = "-•·●■▪◆*"
_BULLET = re.compile(rf"^(?:[{_BULLETS}]\s*)+")
_NUMERAL = "一二三四五六七八九十"
_PATTERNS: list[tuple[int, re.Pattern[str]]] = [
    (0, re.compile(rf"^(第[{_NUMERAL}]+部分)\s*[、.:]?\s*(.*)$")),
    (1, re.compile(rf"^([{_NUMERAL}]{{1,3}})\s*[、.]\s*(.+)$")),
    (2, re.compile(rf"^\(\s*([{_NUMERAL}]{{1,3}})\s*\)\s*[、.]?\s*(.+)$")),
    (3, re.compile(r"^(\d{1,2})\s*[、.](?!\d)\s*(.+)$")),
    (4, re.compile(r"^\(\s*(\d{1,2})\s*\)\s*[、.]?\s*(.+)$")),
]
# every numbering above starts with one of these or a digit: most lines need not try them all
_NUMBER_START = f"第({_NUMERAL}"
SENTENCE_MARK = re.compile(r"[。;!?,]")
# a heading with its text run on: a short title, then 。 or :, then the text ("1.机关运行经费。2024年…")
_RUN_ON = re.compile(r"^([^。:;,、]{1,20}?)\s*[。:]\s*(\S.*)$")
_TITLE_ONLY_MAX = 40
_TITLE_NOUN = re.compile(r"(?:情况|说明|概况|职责|职能|构成|设置|解释|经费|费用?|收入|支出|预算|决算|事项|目标)$")
# a contents page ends its entries with leaders and page numbers, or with Word field codes
_PAGE_REFERENCE = re.compile(r"\s*PAGEREF.*$|(?:\s*[.…·]{2,}\s*|\s+)\d+$")
# spaces next to CJK text in a title are layout ("三公" 经费), spaces inside numbers are not
_LAYOUT_SPACE = re.compile(r"\s+(?=[^\x00-\x7f])|(?<=[^\x00-\x7f])\s+")


def clean(text: str) -> str:
    text = text.strip()
    # most lines start with no bullet: a look at the first character spares the substitution
    return _BULLET.sub("", text).strip() if text[:1] in _BULLETS else text


@dataclass(frozen=True, slots=True)
class Heading:
    number: str  # "第一部分", "一", "(一)", "1", "(1)"
    title: str
    level: int  # 0 for 第一部分, then 1 for 一、, 2 for (一), 3 for 1., 4 for (1)
    body: str = ""  # text printed after the title on the same line


def _tidy_title(title: str) -> str:
    title = _PAGE_REFERENCE.sub("", title)
    return _LAYOUT_SPACE.sub("", title).strip()


def _is_title_only(rest: str) -> bool:
    title = rest.rstrip(":。 ")
    if SENTENCE_MARK.search(title) or len(title) > _TITLE_ONLY_MAX:
        return False
    # "(三)公务接待费支出情况。" is a heading, "8.负责本区招商引资工作。" a duty
    return not rest.endswith("。") or bool(_TITLE_NOUN.search(title))


def split_title(rest: str) -> tuple[str, str] | None:
    """(title, body) when the text after a number reads as a heading, else None (a list item)."""
    if _is_title_only(rest):
        return _tidy_title(rest.rstrip(":。 ")), ""
    match = _RUN_ON.match(rest)
    if match is None:
        return None
    return _tidy_title(match.group(1)), match.group(2).strip()


def heading_of(text: str) -> Heading | None:
    text = clean(text)
    if not text or not (text[0] in _NUMBER_START or text[0].isdecimal()):  # isdecimal: what \d matches
        return None
    for level, pattern in _PATTERNS:
        match = pattern.match(text)
        if match is None:
            continue
        split = split_title(match.group(2)) if match.group(2) else ("", "")
        if split is None:
            return None
        number = f"({match.group(1)})" if level in (2, 4) else match.group(1)
        return Heading(number=number, title=split[0], level=level, body=split[1])
    return None
