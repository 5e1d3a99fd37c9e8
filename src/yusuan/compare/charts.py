"""A comparison's sections as SVG files, one chart per section."""

from __future__ import annotations

from pathlib import Path

from ..outputs import write_text
from .model import Comparison, Section
from .svg import ChartSeries, stacked_bars


def section_chart(comparison: Comparison, section: Section) -> str:
    series = [ChartSeries(s.label, s.values) for s in section.stack()]
    title = f"{comparison.title}：{section.title}"
    percent = section.id == "functional"  # a structure compares as shares; the other sections as amounts
    return stacked_bars(title, comparison.subjects, series, comparison.unit, percent=percent, note=comparison.note)


def write_charts(comparison: Comparison, directory: Path) -> list[Path]:
    """`<section id>.svg` for every section that has something to draw; returns the files written."""
    written = []
    for section in comparison.sections:
        if not any(v for s in section.stack() for v in s.values):
            continue
        path = Path(directory) / f"{section.id}.svg"
        write_text(section_chart(comparison, section), path)
        written.append(path)
    return written
