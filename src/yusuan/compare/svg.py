"""Horizontal stacked bar charts as self-contained SVG (no script, no external file).

One bar per category (a year or a department), one colored segment per series, the exact total
printed at the end of the bar. Geometry uses floats (pixels); every number printed is the exact
Decimal. With `percent`, each bar is scaled to 100% so structures compare across sizes.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal
from xml.sax.saxutils import escape

PALETTE = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f",
           "#bab0ac", "#1f77b4", "#aec7e8", "#98df8a", "#c5b0d5", "#c49c94")
FONT = "'Noto Sans CJK SC','Source Han Sans SC','Microsoft YaHei','PingFang SC',sans-serif"
WIDTH, BAR, GAP, FONT_SIZE = 960, 20, 10, 13
CHAR = 13.5  # width of a CJK character at FONT_SIZE, for laying out labels


@dataclass(frozen=True, slots=True)
class ChartSeries:
    label: str
    values: list[Decimal | None]


def _text_width(text: str) -> float:
    return sum(CHAR if ord(ch) > 0x2E80 else CHAR * 0.6 for ch in text)


def _nice_step(maximum: float) -> float:
    """A round gridline step giving about five lines: 1, 2 or 5 times a power of ten."""
    if maximum <= 0:
        return 1.0
    rough = maximum / 5
    power = 10.0 ** math.floor(math.log10(rough))
    return next(m * power for m in (1, 2, 5, 10) if m * power >= rough)


def _label(value: Decimal, unit: str) -> str:
    shown = value.quantize(Decimal("0.01")) if value == value.quantize(Decimal("0.01")) else value
    return f"{shown:,}{unit}"


def _legend(series: list[ChartSeries], top: float) -> tuple[list[str], float]:
    parts, x, y = [], 16.0, top
    for i, s in enumerate(series):
        width = 18 + _text_width(s.label) + 18
        if x + width > WIDTH - 16:
            x, y = 16.0, y + 20
        parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="12" height="12" fill="{PALETTE[i % len(PALETTE)]}"/>'
                     f'<text x="{x + 16:.1f}" y="{y + 11:.1f}">{escape(s.label)}</text>')
        x += width
    return parts, y + 24


def stacked_bars(title: str, categories: list[str], series: list[ChartSeries], unit: str = "万元",
                 percent: bool = False, note: str | None = None) -> str:
    label_width = min(max((_text_width(c) for c in categories), default=40) + 16, 340)
    legend, top = _legend(series, 40)
    totals = [sum((s.values[i] or Decimal(0) for s in series), Decimal(0)) for i in range(len(categories))]
    largest = float(max(totals, default=Decimal(0))) or 1.0
    scale_max = 100.0 if percent else _nice_step(largest) * math.ceil(largest / _nice_step(largest))
    plot_left, plot_width = label_width, WIDTH - label_width - 150
    height = top + len(categories) * (BAR + GAP) + 50
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height:.0f}" '
           f'viewBox="0 0 {WIDTH} {height:.0f}" font-family="{FONT}" font-size="{FONT_SIZE}">',
           f'<title>{escape(title)}</title>', '<rect width="100%" height="100%" fill="#fff"/>',
           f'<text x="16" y="24" font-size="16" font-weight="bold">{escape(title)}</text>', *legend]
    out += _grid(plot_left, plot_width, top, height - 40, scale_max, "%" if percent else unit)
    for i, category in enumerate(categories):
        y = top + i * (BAR + GAP)
        out.append(f'<text x="{plot_left - 8}" y="{y + BAR - 5}" text-anchor="end">{escape(category)}</text>')
        out += _bar(series, i, totals[i], y, (plot_left, plot_width, scale_max), percent, unit)
        end = plot_left + (plot_width if percent and totals[i] else float(totals[i]) / scale_max * plot_width)
        out.append(f'<text x="{end + 6:.1f}" y="{y + BAR - 5}" fill="#333">{_label(totals[i], unit)}</text>')
    if note:
        out.append(f'<text x="16" y="{height - 10:.0f}" fill="#666" font-size="11">{escape(note)}</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _grid(left: float, width: float, top: float, bottom: float, scale_max: float, unit: str) -> list[str]:
    step = _nice_step(scale_max)
    lines, tick = [], 0.0
    while tick <= scale_max * 1.0001:
        x = left + tick / scale_max * width
        shown = f"{tick:,.0f}" if step >= 1 else f"{tick:,.{-math.floor(math.log10(step))}f}"
        lines.append(f'<line x1="{x:.1f}" y1="{top - 4:.1f}" x2="{x:.1f}" y2="{bottom:.1f}" stroke="#ddd"/>'
                     f'<text x="{x:.1f}" y="{bottom + 14:.1f}" text-anchor="middle" fill="#666" '
                     f'font-size="11">{shown}</text>')
        tick += step
    lines.append(f'<text x="{left + width:.1f}" y="{bottom + 28:.1f}" text-anchor="end" fill="#666" '
                 f'font-size="11">单位：{escape(unit)}</text>')
    return lines


def _bar(series: list[ChartSeries], index: int, total: Decimal, y: float, plot: tuple[float, float, float],
         percent: bool, unit: str) -> list[str]:
    left, width, scale_max = plot
    parts, x = [], left
    for k, s in enumerate(series):
        value = s.values[index]
        if not value or value < 0:  # a stacked bar cannot show a negative part; the tables show it
            continue
        share = float(value / total) * 100 if percent else float(value)
        w = share / scale_max * width
        parts.append(f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{BAR}" fill="{PALETTE[k % len(PALETTE)]}">'
                     f'<title>{escape(s.label)}：{_label(value, unit)}</title></rect>')
        inside = f"{value / total * 100:.1f}%" if percent else _label(value, "")
        if _text_width(inside) + 8 < w:  # label a segment only where it fits
            parts.append(f'<text x="{x + w / 2:.1f}" y="{y + BAR - 5}" text-anchor="middle" fill="#fff" '
                         f'font-size="11">{inside}</text>')
        x += w
    return parts
