"""A report as JSON: its plain form (form.py), amounts as strings ("1379.35") so no reader turns them
into floats."""

from __future__ import annotations

import json
from collections.abc import Sequence

from ..engine.findings import Report
from .form import report_to_dict


def render_json(reports: Report | Sequence[Report], indent: int | None = 2) -> str:
    """One report as an object; several as a list of objects."""
    if isinstance(reports, Report):
        data: dict | list = report_to_dict(reports)
    else:
        data = [report_to_dict(r) for r in reports]
    return json.dumps(data, ensure_ascii=False, indent=indent)
