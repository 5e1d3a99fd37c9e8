"""PDF (A4) through WeasyPrint, from the same HTML: CJK font embedded (subset), header rows repeated on
every page, page numbers, a contents page with page numbers. Needs a CJK font (scripts/system-deps.sh)."""

from __future__ import annotations

import logging

from ..errors import YusuanError
from ..model import Disclosure
from .html import render_html

# WeasyPrint warns about CSS it ignores (screen-only rules); that is expected, not the user's business
logging.getLogger("weasyprint").setLevel(logging.ERROR)
logging.getLogger("fontTools").setLevel(logging.ERROR)


def pdf_bytes(disclosure: Disclosure) -> bytes:
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as exc:  # OSError: the Pango/cairo system libraries are missing
        raise YusuanError(f"无法生成 PDF：WeasyPrint 不可用（{exc}）。请安装 weasyprint 及其系统依赖后再试。") from exc
    return HTML(string=render_html(disclosure)).write_pdf()
