"""A report for the terminal: grouped by table, colored by severity, each finding with its numbers."""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence

from rich.console import Console
from rich.table import Table as RichTable
from rich.text import Text

from ..engine.findings import SEVERITY_LABELS, STATUS_LABELS, Finding, Report, RuleResult, RuleStatus
from ..engine.registry import Rule, registered_rules
from .grouping import by_table, group_title, location, status_counts

STYLES = {"error": "bold red", "warning": "yellow", "info": "cyan"}
STATUS_STYLES = {RuleStatus.passed: "green", RuleStatus.failed: "red",
                 RuleStatus.not_applicable: "dim", RuleStatus.could_not_run: "magenta"}


def _findings_grid(findings: list[Finding]) -> RichTable:
    # a grid, so a long Chinese message wraps inside its own column (it has no spaces to break at)
    grid = RichTable.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(no_wrap=True, style="dim")
    grid.add_column(overflow="fold")
    for finding in findings:
        severity = finding.severity or "error"
        message = Text(finding.message)
        where = location(finding)
        if where:
            message.append(f"（{where}）", style="dim")
        grid.add_row(Text(SEVERITY_LABELS[severity], STYLES[severity]), finding.rule, message)
    return grid


def _heading(report: Report) -> Text:
    name = report.document or "（未命名文件）"
    about = " ".join(str(x) for x in (report.department, f"{report.year} 年" if report.year else None) if x)
    return Text.assemble((name, "bold"), f"  {about}" if about else "")


def _summary(report: Report) -> Text:
    counts = status_counts(report)
    text = Text.assemble(
        (f"错误 {report.count('error')}", STYLES["error"]), " · ",
        (f"警告 {report.count('warning')}", STYLES["warning"]), " · ",
        (f"提示 {report.count('info')}", STYLES["info"]), "    规则：",
    )
    for status in RuleStatus:
        text.append(f"{STATUS_LABELS[status]} {counts[status]}  ", style=STATUS_STYLES[status])
    return text


def status_summary(report: Report) -> str:
    """'通过 1 · 不适用 1 · 无法检查 2': the statuses the rules have, in a fixed order."""
    return " · ".join(f"{STATUS_LABELS[status]} {n}" for status, n in status_counts(report).items() if n)


def _rules_with(report: Report, status: RuleStatus, console: Console) -> None:
    _rule_list(Text(f"{STATUS_LABELS[status]}的规则", style=STATUS_STYLES[status]), report.with_status(status), console)


def _rules_compared(report: Report, console: Console) -> None:
    """The cross-document rules that ran, each with the other document it read."""
    _rule_list(Text("对照其他文件的规则", style="bold"), [r for r in report.results if r.counterpart], console)


def _rule_list(heading: Text, results: list[RuleResult], console: Console) -> None:
    if not results:
        return
    console.print(heading)
    grid = RichTable.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    for result in results:
        compared = f"{STATUS_LABELS[result.status]}，对照 {result.counterpart}" if result.counterpart else ""
        about = result.reason or compared
        grid.add_row(f"  {result.rule.id}", Text.assemble(about, (f"（{result.rule.title}）", "dim")))
    console.print(grid)


def print_report(report: Report, console: Console) -> None:
    console.print(_heading(report))
    console.print(_summary(report))
    if report.reading_note:
        console.print(Text(f"{report.reading_label}：{report.reading_note}", style="bold red"))
    for table_id, findings in by_table(report.findings):
        console.rule(Text(group_title(table_id), style="bold"), align="left")
        console.print(_findings_grid(findings))
    # no finding is no problem found only where some rule passed (a rule that could not run found nothing either)
    if not report.findings and report.with_status(RuleStatus.passed) and not report.nothing_read and not report.partial:
        console.print(Text("未发现问题。", style="green"))
    console.print()
    _rules_compared(report, console)
    _rules_with(report, RuleStatus.could_not_run, console)
    _rules_with(report, RuleStatus.not_applicable, console)


def render_text(reports: Report | Sequence[Report], color: bool = False, width: int = 110) -> str:
    """The text report as a string (with ANSI colors when `color`)."""
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=color, no_color=not color, width=width, highlight=False)
    for report in [reports] if isinstance(reports, Report) else reports:
        print_report(report, console)
    return "\n".join(line.rstrip() for line in buffer.getvalue().splitlines()) + "\n"


def print_rules(console: Console, rules: Iterable[Rule] | None = None) -> None:
    """`yusuan rules`: every rule with its family, severity and what it checks."""
    table = RichTable(show_lines=False, header_style="bold")
    for header in ("规则", "类别", "级别"):
        table.add_column(header, no_wrap=True)
    for header in ("检查内容", "依据"):
        table.add_column(header, overflow="fold")  # Chinese has no spaces to wrap at
    for rule in registered_rules() if rules is None else rules:
        table.add_row(rule.id, rule.family_title, Text(SEVERITY_LABELS[rule.severity], STYLES[rule.severity]),
                      rule.title, Text(rule.basis, style="dim"))
    console.print(table)
