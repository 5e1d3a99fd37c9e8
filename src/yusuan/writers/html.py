"""HTML: one self-contained file (styles inline, no network), print stylesheet, header rows repeated on every page."""

from __future__ import annotations

from functools import cache
from importlib import resources

from jinja2 import Environment, StrictUndefined
from markupsafe import Markup

from ..model import Disclosure
from .document import PrintedDocument, printed_document


@cache
def _environment() -> Environment:
    environment = Environment(autoescape=True, undefined=StrictUndefined, trim_blocks=False, lstrip_blocks=False)
    environment.globals["css"] = Markup(_css())  # our own stylesheet: never escaped
    return environment


@cache
def _css() -> str:
    return resources.files("yusuan.writers").joinpath("templates", "style.css").read_text("utf-8")


@cache
def _template_text() -> str:
    return resources.files("yusuan.writers").joinpath("templates", "disclosure.html.j2").read_text("utf-8")


@cache
def _template():
    return _environment().from_string(_template_text())


def render_html(disclosure: Disclosure, *, inline_css: bool = True) -> str:
    """The whole disclosure as one HTML page. `inline_css=False` leaves the stylesheet out (the PDF writer
    passes it to WeasyPrint compiled once, see pdf.py); the HTML written to a file always has it."""
    return render_document(printed_document(disclosure), inline_css=inline_css)


def render_document(doc: PrintedDocument, *, inline_css: bool = True) -> str:
    return _template().render(doc=doc, inline_css=inline_css)


def html_bytes(disclosure: Disclosure) -> bytes:
    return render_html(disclosure).encode("utf-8")
