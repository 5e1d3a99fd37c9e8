"""A report as one self-contained HTML page (inline style, no scripts, nothing fetched)."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from ..engine.findings import SEVERITY_LABELS, STATUS_LABELS, Finding, Report, RuleResult, RuleStatus
from ..engine.wording import amount
from .grouping import by_table, group_title, location, status_counts

_STYLE = """
body{font-family:"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:2em auto;max-width:1100px;color:#222}
h1{font-size:1.4em} h2{font-size:1.15em;border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:1.6em}
.counts span{margin-right:1.2em} .unread{color:#b00020;font-weight:bold} table{border-collapse:collapse;width:100%;font-size:.92em}
td,th{border-bottom:1px solid #eee;padding:.35em .5em;text-align:left;vertical-align:top}
.error{color:#b00020;font-weight:bold} .warning{color:#a66a00} .info{color:#00639b}
.passed{color:#1b7a1b} .failed{color:#b00020} .not_applicable{color:#888} .could_not_run{color:#8a2be2}
.where,.rule{color:#777;white-space:nowrap} .num{font-family:monospace}
"""


def _finding_row(finding: Finding, unit: str) -> str:
    severity = finding.severity or "error"
    numbers = "" if finding.difference is None else "<span class='num'>" + " / ".join(
        escape(amount(value, unit)) for value in (finding.provided, finding.expected, abs(finding.difference))
    ) + "</span>"
    return (f"<tr><td class='{severity}'>{SEVERITY_LABELS[severity]}</td><td class='rule'>{escape(finding.rule)}</td>"
            f"<td>{escape(finding.message)}</td><td class='where'>{escape(location(finding))}</td><td>{numbers}</td></tr>")


def _findings_section(report: Report) -> str:
    if not report.findings:
        # only where some rule passed: a rule that could not run found nothing either
        return "<p class='passed'>未发现问题。</p>" if report.with_status(RuleStatus.passed) else ""
    parts = []
    for table_id, findings in by_table(report.findings):
        rows = "".join(_finding_row(f, report.unit) for f in findings)
        parts.append(f"<h2>{escape(group_title(table_id))}</h2><table>"
                     "<tr><th>级别</th><th>规则</th><th>问题</th><th>位置</th><th>所列 / 应为 / 相差</th></tr>"
                     f"{rows}</table>")
    return "".join(parts)


def _about(result: RuleResult) -> str:
    """Why the rule could not run or does not apply, else the other document a cross-document rule read."""
    return result.reason or (f"对照 {result.counterpart}" if result.counterpart else "")


def _rules_section(report: Report) -> str:
    rows = "".join(
        f"<tr><td class='rule'>{escape(r.rule.id)}</td><td class='{r.status.value}'>{STATUS_LABELS[r.status]}</td>"
        f"<td>{escape(r.rule.title)}</td><td>{escape(_about(r))}</td></tr>"
        for r in report.results
    )
    return f"<h2>规则</h2><table><tr><th>规则</th><th>结果</th><th>检查内容</th><th>说明</th></tr>{rows}</table>"


def _report_section(report: Report) -> str:
    counts = status_counts(report)
    about = " ".join(str(x) for x in (report.department, f"{report.year} 年" if report.year else None) if x)
    statuses = "".join(f"<span class='{s.value}'>{STATUS_LABELS[s]} {counts[s]}</span>" for s in RuleStatus)
    return (f"<section><h1>{escape(report.document or '（未命名文件）')} <small>{escape(about)}</small></h1>"
            f"<p class='counts'><span class='error'>错误 {report.count('error')}</span>"
            f"<span class='warning'>警告 {report.count('warning')}</span>"
            f"<span class='info'>提示 {report.count('info')}</span> 规则：{statuses}</p>"
            + (f"<p class='unread'>{report.reading_label}：{escape(report.reading_note)}</p>" if report.reading_note else "")
            + f"{_findings_section(report)}{_rules_section(report)}</section>")


def render_html(reports: Report | Sequence[Report]) -> str:
    reports = [reports] if isinstance(reports, Report) else list(reports)
    body = "".join(_report_section(r) for r in reports)
    return (f"<!DOCTYPE html><html lang='zh-CN'><head><meta charset='utf-8'><title>预算公开检查报告</title>"
            f"<style>{_STYLE}</style></head><body>{body}</body></html>\n")
