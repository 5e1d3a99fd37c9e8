"""Checks: rules over the model, each reporting passed / failed / not applicable / could not run.

    report = run_checks(disclosure)            # every registered rule
    print(render_text(report))                 # or render_json / render_html
    data = report_to_dict(report)              # the plain form (report_form.py); report_from_dict reads it back
    report.exit_code(fail_on="error")          # 0 clean, 1 a finding reaches --fail-on
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from ..model import Disclosure
# Importing a family module registers its rules.
from . import arithmetic, codes, completeness, cross_table, function_lines, hygiene  # noqa: F401
from . import hygiene_dates, hygiene_levels, hygiene_names, hygiene_numbers, hygiene_print  # noqa: F401
from . import hygiene_cuts, hygiene_repeats, hygiene_slips  # noqa: F401
from . import narrative, narrative_changes, performance, reasons, rollup  # noqa: F401
from . import final_accounts, final_accounts_items, final_accounts_text  # noqa: F401
from . import narrative_parts, narrative_review, narrative_shares, narrative_wording, narrative_years  # noqa: F401
from .dedup import tidy
from .engine import FAMILIES, Rule, registered_rules, run_rules
from .findings import Finding, Place, Report, RuleResult, RuleStatus
from .report_form import report_from_dict, report_to_dict
from .report_html import render_html
from .report_json import render_json
from .report_text import print_report, print_rules, render_text
from .tolerance import DEFAULT_TOLERANCE


def all_rules() -> list[Rule]:
    """Every rule, grouped by family (see FAMILIES), in a stable order."""
    return registered_rules()


def run_checks(disclosure: Disclosure, tolerance: Decimal = DEFAULT_TOLERANCE,
               rules: Iterable[Rule] | None = None) -> Report:
    """Run `rules` (default: all) over one disclosure. Never raises for a broken rule: it 'could not run'.
    A finding another one repeats is told once (dedup.py)."""
    return tidy(run_rules(disclosure, all_rules() if rules is None else rules, tolerance), disclosure)


__all__ = [
    "FAMILIES", "Finding", "Place", "Report", "Rule", "RuleResult", "RuleStatus",
    "all_rules", "run_checks", "render_text", "print_report", "print_rules", "render_json", "report_to_dict",
    "report_from_dict", "render_html",
]
