"""Chinese prose in Chinese punctuation: text read from a PDF or an OCR often carries the half-width ,;:() and
straight quotes; a rendered disclosure prints the full-width marks, as the template of every region does.

Only marks that touch a Chinese character change: 3,805.35 and 10:30 and a web address keep theirs.
"""

from __future__ import annotations

import re

_HAN = r"[\u3400-\u9fff\uf900-\ufaff（）“”、。]"
_NEXT_TO_HAN = {
    ",": "，", ";": "；", ":": "：", "?": "？", "!": "！",
}
_MARK = re.compile(rf"(?<={_HAN})\s*([,;:?!])\s*|\s*([,;:?!])\s*(?={_HAN})")
_BRACKETS = re.compile(r"\(([^()]*)\)")
_QUOTED = re.compile(r'"([^"\n]*)"')


def _mark(match: re.Match[str]) -> str:
    return _NEXT_TO_HAN[match.group(1) or match.group(2)]


def _bracket(match: re.Match[str]) -> str:
    inside = match.group(1)
    before = match.string[match.start() - 1: match.start()]
    after = match.string[match.end(): match.end() + 1]
    touches = any(re.fullmatch(_HAN, c) for c in (before, after, inside[:1], inside[-1:]) if c)
    return f"（{inside}）" if touches else match.group(0)


def _quote(match: re.Match[str]) -> str:
    inside = match.group(1)
    before = match.string[match.start() - 1: match.start()]
    after = match.string[match.end(): match.end() + 1]
    touches = re.search(_HAN, inside) or any(re.fullmatch(_HAN, c) for c in (before, after) if c)
    return f"“{inside}”" if touches else match.group(0)


def chinese_punctuation(text: str) -> str:
    text = _QUOTED.sub(_quote, text)
    text = _BRACKETS.sub(_bracket, text)
    return _MARK.sub(_mark, text)
