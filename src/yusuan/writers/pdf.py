"""PDF (A4) through WeasyPrint, from the same HTML: CJK font embedded (subset), header rows repeated on
every page, page numbers, a contents page with page numbers. Needs a CJK font (scripts/system-deps.sh).

How it is kept fast (measured in docs/writing.md, "PDF speed"):

- the render runs in a forked child process with Python's cyclic garbage collector off. WeasyPrint makes
  about a million objects for the 30-page example, and its box and style trees hang together in reference
  cycles. With the collector on, it scanned that growing heap again and again during the render, then needed
  a last pass over hundreds of thousands of objects to free it (a good part of the render). The child's memory goes back to
  the system when it exits, so nobody collects it. Where fork cannot be used safely (not Linux, or
  other Python threads running), the render runs in this process with the collector paused;
- our own HTML is parsed by the C XML parser instead of WeasyPrint's pure-Python HTML5 parser;
- the stylesheet is compiled once per process, with one font configuration, and the fonts are loaded by a
  tiny render, before the first child is forked.

Set YUSUAN_PDF_FORK=0 to render in the calling process (profiling, debugging).
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import os
import re
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from xml.etree import ElementTree

from ..errors import YusuanError
from ..children import Watch, in_child
from ..model import Disclosure
from .html import _css, render_html

# WeasyPrint warns about CSS it ignores (screen-only rules); that is expected, not the user's business
logging.getLogger("weasyprint").setLevel(logging.ERROR)
logging.getLogger("fontTools").setLevel(logging.ERROR)

FORK_ENV = "YUSUAN_PDF_FORK"


def pdf_bytes(disclosure: Disclosure) -> bytes:
    _warmed()  # imports WeasyPrint here (its error is the caller's); stylesheet and fonts shared with the child
    html = render_html(disclosure, inline_css=False)
    if _can_fork():
        data = _in_child(_render, html)
        if data is not None:
            return data
    with collector_paused():
        return _render(html)


def _weasyprint():
    try:
        import weasyprint
    except (ImportError, OSError) as exc:  # OSError: the Pango/cairo system libraries are missing
        raise YusuanError(f"无法生成 PDF：WeasyPrint 不可用（{exc}）。请安装 weasyprint 及其系统依赖后再试。") from exc
    return weasyprint


@cache
def _stylesheet():
    """writers/templates/style.css compiled once (the HTML file carries the same text inline)."""
    return _weasyprint().CSS(string=_css(), font_config=_font_config())


@cache
def _font_config():
    _weasyprint()
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()


# one line of each face the disclosure uses: serif (body), serif bold (totals), sans bold (titles, headings)
_WARM_UP = ('<html><body><h1>部门预算公开</h1><p class="grid-title">部门收支总表</p><p>收入预算 1,234.56万元。</p>'
            '<table class="grid"><thead><tr><th>科目编码</th><th>合计</th></tr></thead><tbody>'
            '<tr><td class="name bold">合计</td><td class="amount bold">3,805.35</td></tr></tbody></table></body></html>')


@cache
def _warmed() -> None:
    """One tiny render in this process, once: the fonts are then loaded (Pango, HarfBuzz) before any child is
    forked, and each child starts with them instead of loading them again."""
    _stylesheet()
    with collector_paused():
        _render(_WARM_UP)


def _render(html: str) -> bytes:
    document = parsed_html(html).render(font_config=_font_config(), stylesheets=[_stylesheet()])
    return document.write_pdf()


# void elements, which the template writes as `<col ...>`: closed for the XML parser
_VOID = re.compile(r"<(area|base|br|col|embed|hr|img|input|link|meta|source|track|wbr)\b([^>]*?)/?>")


def parsed_html(html: str):
    """weasyprint.HTML of our own HTML. WeasyPrint parses with tinyhtml5, in pure Python; the template
    writes well-formed markup (text and attributes escaped by Jinja, no inline stylesheet), so the C XML
    parser reads it to the same element tree (tests/writers/test_pdf_speed.py) in a few milliseconds.
    Whatever it refuses (a control character in the data, say) goes through WeasyPrint's own parser."""
    weasyprint = _weasyprint()
    try:
        import cssselect2

        root = ElementTree.fromstring(_VOID.sub(r"<\1\2/>", html))
        document = weasyprint.HTML(string="<html></html>")  # base URL, URL fetcher, media type as usual
        if root.tag != "html" or not hasattr(document, "wrapper_element"):
            raise ValueError("not the tree WeasyPrint expects")
        document.wrapper_element = cssselect2.ElementWrapper.from_html_root(root)
        document.etree_element = document.wrapper_element.etree_element
        return document
    except (ElementTree.ParseError, ValueError, ImportError):
        return weasyprint.HTML(string=html)


@contextmanager
def collector_paused() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _can_fork() -> bool:
    # never with other Python threads running: a lock one of them holds would stay locked in the child; nor in
    # a daemon worker (the web's), which may start no child and is itself one that ends after the render
    return (sys.platform.startswith("linux") and hasattr(os, "fork") and os.environ.get(FORK_ENV, "1") != "0"
            and threading.active_count() == 1 and not multiprocessing.current_process().daemon)


def _in_child(action: Callable[..., bytes], *args) -> bytes | None:
    """`action(*args)` in a forked child (`children.in_child`, as all of yusuan's work apart), with the
    collector off there; None when the child failed (the caller then runs the action itself, so a real
    error is raised where it can be seen)."""
    kind, value = in_child(multiprocessing.get_context("fork"), Watch(), _uncollected, (action, *args))
    return value if kind == "result" else None


def _uncollected(action: Callable[..., bytes], *args) -> bytes:
    gc.disable()  # the child's memory goes back to the system when it ends: nothing need be collected
    return action(*args)
