"""Text normalization, done once at the reader boundary."""

from __future__ import annotations

import re
import unicodedata

# In Chinese text a space is a layout artefact (wrapped or justified text, "2024 年"), except
# between two ASCII letters or digits, where it may separate words or numbers. Spaces come here
# single (runs are closed up first): a space goes when what precedes it, or what follows it, is
# no letter or digit. (Both ways start with the space, so the search jumps from space to space.)
_LAYOUT_GAP = re.compile(r" (?<![A-Za-z0-9] )| (?![A-Za-z0-9])")
_HTML_TAG = re.compile(r"</?(?:u|b|i|sup|sub|span|br)\s*/?>", re.I)
_SPACES = re.compile(r"[ \u3000\xa0]+")


def normalize_text(text: str) -> str:
    """NFKC (full-width digits and punctuation to ASCII), strip markup residue, close layout gaps."""
    if not text or text.isspace():
        return ""
    text = unicodedata.normalize("NFKC", text)
    if "<" in text:
        text = _HTML_TAG.sub(" ", text)
    text = text.replace("\ufffd", "")
    # NFKC made every other space (\u3000, \xa0) an ASCII one: without it there is no gap to close
    if " " in text:
        text = _SPACES.sub(" ", text)
        text = _LAYOUT_GAP.sub("", text.strip())
    return text.strip()
