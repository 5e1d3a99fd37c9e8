"""Comparisons over the archive: one department over the years, or the departments of a region.

    comparison = department_over_years(archive, "重庆市潼南区经济和信息化委员会")
    comparison = region_in_year(archive, "重庆市潼南区", 2024)
    print_comparison(comparison)              # Rich tables
    write_charts(comparison, Path("charts"))  # one SVG per section
"""

from .charts import section_chart, write_charts
from .model import Comparison, Section, Series
from .queries import department_over_years, region_in_year
from .render import comparison_renderable, print_comparison
from .svg import ChartSeries, stacked_bars

__all__ = ["ChartSeries", "Comparison", "Section", "Series", "comparison_renderable", "department_over_years",
           "print_comparison", "region_in_year", "section_chart", "stacked_bars", "write_charts"]
