"""Text normalization, done once at the reader boundary."""

from __future__ import annotations

import re
import unicodedata

# In Chinese text a space is a layout artefact (wrapped or justified text, "2024 年"), except
# between two ASCII letters or digits, where it may separate words or numbers.
_LAYOUT_GAP = re.compile(r"(?<![A-Za-z0-9]) +| +(?![A-Za-z0-9])")
_HTML_TAG = re.compile(r"</?(?:u|b|i|sup|sub|span|br)\s*/?>", re.I)
_SPACES = re.compile(r"[ \u3000\xa0]+")


def normalize_text(text: str) -> str:
    """NFKC (full-width digits and punctuation to ASCII), strip markup residue, close layout gaps."""
    text = unicodedata.normalize("NFKC", text)
    text = _HTML_TAG.sub(" ", text)
    text = text.replace("\ufffd", "")
    text = _SPACES.sub(" ", text)
    text = _LAYOUT_GAP.sub("", text.strip())
    return text.strip()
