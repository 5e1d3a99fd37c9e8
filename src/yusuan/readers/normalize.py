"""Text normalization, done once at the reader boundary."""

from __future__ import annotations

import re
import unicodedata

_CJK = r"[\u3400-\u9fff\uf900-\ufaff]"
# a space between two CJK characters is a layout artefact (wrapped or justified text)
_CJK_GAP = re.compile(rf"(?<={_CJK})[ \u3000]+(?={_CJK})")
_HTML_TAG = re.compile(r"</?(?:u|b|i|sup|sub|span|br)\s*/?>", re.I)
_SPACES = re.compile(r"[ \u3000\xa0]+")


def normalize_text(text: str) -> str:
    """NFKC (full-width digits and punctuation to ASCII), strip markup residue, close CJK gaps."""
    text = unicodedata.normalize("NFKC", text)
    text = _HTML_TAG.sub(" ", text)
    text = text.replace("\ufffd", "")
    text = _SPACES.sub(" ", text)
    text = _CJK_GAP.sub("", text)
    return text.strip()
