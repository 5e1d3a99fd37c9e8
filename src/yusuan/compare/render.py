"""A comparison as Rich tables: one per section, a row per subject (year or department)."""

from __future__ import annotations

from decimal import Decimal

from rich.console import Console, Group
from rich.table import Table as RichTable
from rich.text import Text

from .model import Comparison, Section

_CENT = Decimal("0.01")
MISSING = "—"


def money(value: Decimal | None) -> str:
    """'2,251.40': two decimals when that is exact, else every printed digit."""
    if value is None:
        return MISSING
    return f"{value.quantize(_CENT) if value == value.quantize(_CENT) else value.normalize():,}"


def _cell(section: Section, series_index: int, subject_index: int) -> str:
    series = section.series[series_index]
    text = money(series.values[subject_index])
    share = section.share(series, subject_index) if section.shares and series.key in section.stacked else None
    return text if share is None else f"{text}（{share}%）"


def section_table(comparison: Comparison, section: Section) -> RichTable:
    """Subjects down the side, series across; turned the other way when there are more series than subjects."""
    table = RichTable(title=f"{section.title}（{comparison.unit}）", title_justify="left", title_style="bold")
    if len(comparison.subjects) < len(section.series):
        table.add_column("项目", overflow="fold")
        for subject in comparison.subjects:
            table.add_column(subject, justify="right", overflow="fold")
        for j, series in enumerate(section.series):
            table.add_row(series.label, *(_cell(section, j, i) for i in range(len(comparison.subjects))))
        return table
    table.add_column(comparison.subject_label, overflow="fold")
    for series in section.series:
        table.add_column(series.label, justify="right", overflow="fold")
    for i, subject in enumerate(comparison.subjects):
        table.add_row(subject, *(_cell(section, j, i) for j in range(len(section.series))))
    return table


def comparison_renderable(comparison: Comparison) -> Group:
    parts = [Text(comparison.title, style="bold")]
    if comparison.note:
        parts.append(Text(comparison.note, style="dim"))
    for choice in comparison.choices:
        parts.append(Text(choice, style="yellow"))
    for section in comparison.sections:
        if section.series:
            parts.append(section_table(comparison, section))
    parts.append(Text(f"“{MISSING}”：该文件没有列出这个数。", style="dim"))
    return Group(*parts)


def print_comparison(comparison: Comparison, console: Console | None = None) -> None:
    (console or Console()).print(comparison_renderable(comparison))
