"""HTML: one self-contained file (styles inline, no network), print stylesheet, header rows repeated on every page."""

from __future__ import annotations

from functools import cache
from importlib import resources

from jinja2 import Environment, StrictUndefined
from markupsafe import Markup

from ..model import Disclosure
from .document import printed_document


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


def render_html(disclosure: Disclosure) -> str:
    template = _environment().from_string(_template_text())
    return template.render(doc=printed_document(disclosure))


def html_bytes(disclosure: Disclosure) -> bytes:
    return render_html(disclosure).encode("utf-8")
