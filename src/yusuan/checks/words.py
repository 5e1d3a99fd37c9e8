"""Whether a string of one or two Chinese characters is a word (jieba's dictionary, data/WORDS.md)."""

from __future__ import annotations

from functools import cache
from importlib.resources import files


@cache
def _words() -> frozenset[str]:
    text = (files(__package__) / "data" / "words.txt").read_text(encoding="utf-8")
    return frozenset(line for line in text.splitlines() if line and not line.startswith("#"))


def is_word(text: str) -> bool:
    """`text` (one or two characters) is a word of the dictionary; a longer text is never one here."""
    return text in _words()
