"""Checks: rules over the model, each reporting passed / failed / not applicable / could not run.

    report = run_checks(disclosure)            # every registered rule
    print(render_text(report))                 # or render_json / render_html
    data = report_to_dict(report)              # the plain form (report/form.py); report_from_dict reads it back
    report.exit_code(fail_on="error")          # 0 clean, 1 a finding reaches --fail-on
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from ..model import Disclosure
from .engine.dedup import tidy
from .engine.findings import Finding, Place, Report, RuleResult, RuleStatus
from .engine.registry import FAMILIES, Rule, registered_rules, run_rules
from .engine.tolerance import DEFAULT_TOLERANCE
from .report.form import report_from_dict, report_to_dict
from .report.html import render_html
from .report.json import render_json
from .report.text import print_report, print_rules, render_text
from . import rules as _rules  # noqa: F401 - importing the rules registers them


def all_rules() -> list[Rule]:
    """Every rule, grouped by family (see FAMILIES), in a stable order."""
    return registered_rules()


def run_checks(disclosure: Disclosure, tolerance: Decimal = DEFAULT_TOLERANCE,
               rules: Iterable[Rule] | None = None) -> Report:
    """Run `rules` (default: all) over one disclosure. Never raises for a broken rule: it 'could not run'.
    A finding another one repeats is told once (engine/dedup.py)."""
    return tidy(run_rules(disclosure, all_rules() if rules is None else rules, tolerance), disclosure)


__all__ = [
    "FAMILIES", "Finding", "Place", "Report", "Rule", "RuleResult", "RuleStatus",
    "all_rules", "run_checks", "render_text", "print_report", "print_rules", "render_json", "report_to_dict",
    "report_from_dict", "render_html",
]
