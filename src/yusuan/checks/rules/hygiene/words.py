"""Whether a string of one or two Chinese characters is a word (jieba's dictionary, data/WORDS.md)."""

from __future__ import annotations

from functools import cache
from importlib.resources import files


@cache
def _lines() -> str:
    # kept as one text: a rule asks of a few strings a document, and a search of the text costs less than a set
    # of every word would to build
    return "\n" + (files(__package__) / "data" / "words.txt").read_text(encoding="utf-8")


def is_word(text: str) -> bool:
    """`text` (one or two characters) is a word of the dictionary; a longer text is never one here."""
    return bool(text) and "\n" not in text and f"\n{text}\n" in _lines()
