"""Whether a string of one or two Chinese characters is a word (jieba's dictionary, data/WORDS.md), or a longer
one that ends a classification name cut short."""

from __future__ import annotations

from functools import cache
from importlib.resources import files


@cache
def _lines() -> str:
    # kept as one text: a rule asks of a few strings a document, and a search of the text costs less than a set
    # of every word would to build
    return "\n" + (files(__package__) / "data" / "words.txt").read_text(encoding="utf-8")


def is_word(text: str) -> bool:
    """`text` is a word of the dictionary: of one or two characters, or one of the longer words the list keeps."""
    return bool(text) and "\n" not in text and f"\n{text}\n" in _lines()
