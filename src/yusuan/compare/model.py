"""A comparison as plain data: subjects (years, or departments) and sections of series over them.

The terminal tables, the SVG charts and the web page all draw from this; nothing here prints.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

_PERCENT = Decimal("0.1")


@dataclass(frozen=True, slots=True)
class Series:
    key: str  # the metric, e.g. 'reception', 'expenditure:201'
    label: str
    values: list[Decimal | None]  # one per subject, in 万元; None: the document does not print it


@dataclass(frozen=True, slots=True)
class Section:
    id: str  # 'three_public', 'basic_project', 'functional', 'operating_cost' (file names of charts)
    title: str
    series: list[Series]
    stacked: tuple[str, ...] = ()  # the series a chart stacks (the parts of a whole)
    shares: bool = False  # show each value's share of the subject's stacked total

    def stack(self) -> list[Series]:
        return [s for s in self.series if s.key in self.stacked] or self.series

    def share(self, series: Series, index: int) -> Decimal | None:
        """The share (%) of one value in the stacked total of its subject, to 0.1%."""
        value = series.values[index]
        whole = sum((s.values[index] or Decimal(0) for s in self.stack()), Decimal(0))
        if value is None or whole == 0:
            return None
        return (value / whole * 100).quantize(_PERCENT)


@dataclass(slots=True)
class Comparison:
    title: str
    subject_label: str  # '年度' or '部门'
    subjects: list[str]
    document_ids: list[int]
    sections: list[Section] = field(default_factory=list)
    unit: str = "万元"
    note: str | None = None  # e.g. the region prefix taken off department names
    # which document was used where the archive holds several for one subject, and why; a subject
    # from which nothing was read (queries.py)
    choices: list[str] = field(default_factory=list)

    def section(self, section_id: str) -> Section:
        return next(s for s in self.sections if s.id == section_id)

    def value(self, section_id: str, key: str, subject: str) -> Decimal | None:
        series = next(s for s in self.section(section_id).series if s.key == key)
        return series.values[self.subjects.index(subject)]
