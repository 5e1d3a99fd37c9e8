"""The comparisons for the web: what was asked for, the Comparison, and its charts as SVG.

The charts are yusuan.compare's own SVG (no script, nothing fetched), put into the page as they
are; every label in them is escaped where the SVG is made.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from ..archive import Archive
from ..compare import Comparison, Section, department_over_years, region_in_year, section_chart


@dataclass(frozen=True, slots=True)
class Question:
    """One department over the years, or the departments of a region in one year."""

    department: str | None = None
    region: str | None = None
    year: int | None = None
    kind: str = "budget"

    @property
    def is_complete(self) -> bool:
        return bool(self.department) or (bool(self.region) and self.year is not None)

    def query(self) -> str:
        pairs = {"department": self.department, "region": self.region, "year": self.year, "kind": self.kind}
        return urlencode({k: v for k, v in pairs.items() if v is not None})


def compare(archive: Archive, question: Question) -> Comparison:
    """Raises YusuanError (with what to do) when the archive holds nothing to compare."""
    if question.department:
        return department_over_years(archive, question.department, question.kind)
    return region_in_year(archive, question.region, question.year, question.kind)


# past this many bars a chart is taller than anyone reads on a page (1,000 departments: 30,000 px);
# the page then shows the tables and offers the charts as SVG files
MAX_INLINE_SUBJECTS = 100


def inline_charts(comparison: Comparison) -> bool:
    return len(comparison.subjects) <= MAX_INLINE_SUBJECTS


def drawable(section: Section) -> bool:
    return any(v for s in section.stack() for v in s.values)


def chart(comparison: Comparison, section_id: str) -> str | None:
    section = next((s for s in comparison.sections if s.id == section_id), None)
    return section_chart(comparison, section) if section is not None and drawable(section) else None
