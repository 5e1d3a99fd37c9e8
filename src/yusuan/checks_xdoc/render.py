"""Cross-document results for the terminal: one line per check, then its findings."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table as RichTable
from rich.text import Text

from ..checks.findings import SEVERITY_LABELS, STATUS_LABELS, RuleStatus
from .results import XdocReport

STATUS_STYLES = {RuleStatus.passed: "green", RuleStatus.failed: "red",
                 RuleStatus.not_applicable: "dim", RuleStatus.could_not_run: "magenta"}
SEVERITY_STYLES = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def summary_text(report: XdocReport) -> str:
    """'通过 1 · 无法检查 1 · 不适用 1' (statuses that occur, in a fixed order)."""
    counts = [(STATUS_LABELS[s], report.count(s)) for s in RuleStatus]
    return " · ".join(f"{label} {n}" for label, n in counts if n)


def xdoc_renderable(report: XdocReport) -> Group:
    grid = RichTable.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(no_wrap=True, style="dim")
    grid.add_column(overflow="fold")
    for result in report.results:
        about = result.reason or (f"对照 {result.counterpart}" if result.counterpart else "")
        grid.add_row(Text(STATUS_LABELS[result.status], STATUS_STYLES[result.status]), result.rule.id,
                     Text.assemble(result.rule.title, (f"  {about}" if about else "", "dim")))
        for finding in result.findings:
            severity = finding.severity or result.rule.severity
            grid.add_row("", Text(SEVERITY_LABELS[severity], SEVERITY_STYLES[severity]), finding.message)
    return Group(Text("跨文件检查", style="bold"), grid)
