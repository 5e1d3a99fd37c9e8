"""The Jinja2 environment of the pages: autoescaping on, and the filters that format what they show."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.templating import Jinja2Templates

from .. import __version__
from ..checks.engine.findings import SEVERITY_LABELS, STATUS_LABELS, RuleStatus
from ..checks.report.grouping import location
from ..compare.render import money
from .downloads import KIND_LABELS
from .tableview import column_label

SIDE_LABELS = {"income": "收入", "expenditure": "支出"}
TEMPLATES = Path(__file__).parent / "templates"


def amount(value: Decimal | None, missing: str = "") -> str:
    """'3,805.35': every digit the document printed, with thousands separators; nothing made up."""
    if value is None:
        return missing
    return f"{value:,f}" if isinstance(value, Decimal) else str(value)


def size(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{max(n, 1) / 1024:.0f} KB"


def when(moment: datetime | None) -> str:
    return "" if moment is None else moment.strftime("%Y-%m-%d %H:%M") + " UTC"


def status_label(status: str) -> str:
    try:
        return STATUS_LABELS[RuleStatus(status)]
    except ValueError:
        return status


def environment() -> Environment:
    # every string from a document reaches the page escaped; `Markup` is used only for yusuan's own SVG
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(default=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters.update(amount=amount, money=money, size=size, when=when, status_label=status_label,
                       kind_label=lambda k: KIND_LABELS.get(k, k or ""),
                       severity_label=lambda s: SEVERITY_LABELS.get(s, s),
                       side_label=lambda s: SIDE_LABELS.get(s, ""), where=location)
    env.globals.update(version=__version__, column_label=column_label)
    return env


def templates() -> Jinja2Templates:
    return Jinja2Templates(env=environment())
