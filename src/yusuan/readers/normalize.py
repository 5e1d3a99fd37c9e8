"""Text normalization, done once at the reader boundary."""

from __future__ import annotations

import re
import unicodedata
from itertools import repeat

# In Chinese text a space is a layout artefact (wrapped or justified text, "2024 年"), except
# between two ASCII letters or digits, where it may separate words or numbers. Spaces come here
# single (runs are closed up first): a space goes when what precedes it, or what follows it, is
# no letter or digit. (Both ways start with the space, so the search jumps from space to space.)
_LAYOUT_GAP = re.compile(r" (?<![A-Za-z0-9] )| (?![A-Za-z0-9])")
_HTML_TAG = re.compile(r"</?(?:u|b|i|sup|sub|span|br)\s*/?>", re.I)
# a cell holding only an underline around nothing: a glyph was printed (an underlined "≥") that the
# extraction lost; kept as a mark so that the cell does not read as blank
_EMPTY_UNDERLINE = re.compile(r"^\s*<u>\s*</u>\s*$", re.I)
LOST_GLYPH = "_"
_SPACES = re.compile(r"[ \u3000\xa0]+")
# a space that may stay (between two ASCII letters or digits): most texts have none, and then
# every space goes. Starting with the space, the search jumps from space to space
_KEPT_GAP = re.compile(r" (?<=[A-Za-z0-9] )[A-Za-z0-9]")


def normalize_text(text: str) -> str:
    """NFKC (full-width digits and punctuation to ASCII), strip markup residue, close layout gaps."""
    if not text or text.isspace():
        return ""
    return _tidy(unicodedata.normalize("NFKC", text))


def normalize_texts(texts: list[str]) -> list[str]:
    """`normalize_text` of each text, NFKC applied by one `map` (a blank text tidies to nothing)."""
    return [_tidy(text) for text in map(unicodedata.normalize, repeat("NFKC"), texts)]


def _tidy(text: str) -> str:
    """The rest of `normalize_text`, on a text NFKC normalized."""
    if "<" in text:
        if _EMPTY_UNDERLINE.match(text):
            return LOST_GLYPH
        text = _HTML_TAG.sub(" ", text)
    if "\ufffd" in text:
        text = text.replace("\ufffd", "")
    # NFKC made every other space (\u3000, \xa0) an ASCII one: without it there is no gap to close,
    # and without two in a row no run to close up
    if " " in text:
        if "  " in text:
            text = _SPACES.sub(" ", text)
        text = text.strip()
        text = _LAYOUT_GAP.sub("", text) if _KEPT_GAP.search(text) else text.replace(" ", "")
    return text.strip()
