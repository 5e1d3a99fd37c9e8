"""The archive for the terminal and for files: the document list, one document, query results."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime
from decimal import Decimal

from rich.console import Group
from rich.table import Table as RichTable
from rich.text import Text

from ..model import TABLE_TITLES, plain
from .listing import DocumentDetail, Page, QueryResult
from .metrics import metric_label

KIND_LABELS = {"budget": "预算", "final": "决算"}
STATUS_LABELS = {"passed": "通过", "failed": "未通过", "not_applicable": "不适用", "could_not_run": "无法检查"}
SEVERITY_LABELS = {"error": "错误", "warning": "警告", "info": "提示"}
OUTCOME_LABELS = {"added": "已加入", "existing": "已在档案中", "failed": "未加入"}


def cell_text(value: object) -> str:
    """A value as plain text: decimals exact and without exponent, times in ISO 8601, lists joined."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return plain(value)
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return "；".join(cell_text(v) for v in value)
    return str(value)


def money(value: Decimal) -> str:
    """'2,251.40': two decimals when that is exact (万元 as documents print them), else every digit."""
    cent = Decimal("0.01")
    return f"{value.quantize(cent) if value == value.quantize(cent) else value:,}"


def page_table(page: Page, offset: int) -> Group:
    table = RichTable(show_lines=False)
    for heading, justify in (("ID", "right"), ("部门", "left"), ("年度", "right"), ("类型", "left"),
                             ("地区", "left"), ("错误", "right"), ("警告", "right"), ("无法检查", "right"),
                             ("文件", "left")):
        table.add_column(heading, justify=justify, overflow="fold")
    for d in page.items:
        table.add_row(str(d.id), d.department or "（未识别）", cell_text(d.year), KIND_LABELS.get(d.kind, d.kind)
                      + ("（单位）" if d.scope == "单位" else ""), d.region or "", str(d.errors), str(d.warnings),
                      str(d.could_not_check), d.source_name or "")
    shown = f"第 {offset + 1}–{offset + len(page.items)} 份" if page.items else "没有符合条件的文件"
    return Group(table, Text(f"共 {page.total} 份，{shown}。", style="dim"))


def detail_renderable(detail: DocumentDetail, all_findings: bool = False, limit: int = 20) -> Group:
    s = detail.summary
    head = Text.assemble((f"#{s.id} {s.department or '（未识别部门）'} {cell_text(s.year)} 年"
                          f"{KIND_LABELS.get(s.kind, s.kind)}", "bold"),
                         f"\n文件：{s.source_name}  读取：{s.reader}  单位：{s.unit}  地区：{s.region or '—'}"
                         f"\n加入时间：{cell_text(s.parsed_at)} (UTC)  内容哈希：{s.content_hash[:16]}…")
    tables = RichTable(title="表格", title_justify="left")
    for heading in ("表", "标题", "行", "金额"):
        tables.add_column(heading, overflow="fold")
    for t in detail.tables:
        tables.add_row(TABLE_TITLES.get(t.table_id, t.table_id), t.title, str(t.rows), str(t.amounts))
    counts = detail.counts
    facts = Text(f"金额行 {counts['lines']} · 说明中的金额 {counts['claims']} · 项目 {counts['projects']} · "
                 f"绩效目标表 {counts['performance_tables']}（指标 {counts['indicators']}）")
    statuses = " · ".join(f"{STATUS_LABELS.get(k, k)} {v}" for k, v in sorted(detail.statuses.items()))
    shown = detail.findings if all_findings else detail.findings[:limit]
    findings = RichTable.grid(padding=(0, 1))
    findings.add_column(no_wrap=True)
    findings.add_column(no_wrap=True, style="dim")
    findings.add_column(overflow="fold")
    for f in shown:
        message = Text(f.message)
        if f.where:
            message.append(f"（{f.where}）", style="dim")
        findings.add_row(SEVERITY_LABELS.get(f.severity, f.severity), f.rule_id, message)
    more = len(detail.findings) - len(shown)
    parts = [head, tables, facts, Text(f"检查规则：{statuses or '未检查'}", style="bold"), findings]
    if more:
        parts.append(Text(f"另有 {more} 条，加 --all 查看全部。", style="dim"))
    parts.append(_figures(detail))
    return Group(*parts)


def _figures(detail: DocumentDetail) -> RichTable:
    table = RichTable(title="要点数字（万元）", title_justify="left")
    for heading, justify in (("年度", "right"), ("项目", "left"), ("金额", "right"), ("出处", "left")):
        table.add_column(heading, justify=justify, overflow="fold")
    for year, metric, amount, origin in detail.figures:
        where = TABLE_TITLES.get(origin.split(":", 1)[-1], "情况说明" if origin == "narrative" else origin)
        table.add_row(str(year), metric_label(metric), money(amount), where)
    return table


def query_table(result: QueryResult) -> Group:
    table = RichTable()
    for column in result.columns:
        table.add_column(column, overflow="fold")
    for row in result.rows:
        table.add_row(*(cell_text(v) for v in row))
    note = f"{len(result.rows)} 行" + ("（还有更多行，用 --max-rows 调整）" if result.truncated else "")
    return Group(table, Text(note, style="dim"))


def query_csv(result: QueryResult) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(result.columns)
    writer.writerows([cell_text(v) for v in row] for row in result.rows)
    return buffer.getvalue()


def query_json(result: QueryResult) -> str:
    """Rows as objects; decimals as exact strings, as `yusuan parse` writes amounts."""
    rows = [{c: (cell_text(v) if isinstance(v, (Decimal, datetime, date)) else v) for c, v in zip(result.columns, row)}
            for row in result.rows]
    return json.dumps(rows, ensure_ascii=False, indent=1) + "\n"
