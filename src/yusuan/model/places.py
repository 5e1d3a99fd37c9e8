"""Where a finding points in a disclosure, and how a reader is told where that is."""

from __future__ import annotations

from dataclasses import dataclass

from .narrative import Claim
from .source import Source
from .tables import Row, Table

# Findings about the text rather than a table carry this pseudo table id.
NARRATIVE = "narrative"


@dataclass(frozen=True, slots=True)
class Place:
    """Where a finding points: a table (or the narrative), a row, a column, a line/page of the input."""

    table: str | None = None
    code: str | None = None
    name: str | None = None
    column: str | None = None
    line: int | None = None
    page: int | None = None

    @classmethod
    def at(cls, source: Source, **where: str | None) -> Place:
        return cls(line=source.line, page=source.page, **where)

    @classmethod
    def of_row(cls, table: Table, row: Row, column: str | None = None) -> Place:
        line_source = row.source if row.source.line or row.source.page else table.source
        return cls.at(line_source, table=table.id, code=row.code, name=row.name, column=column)

    @classmethod
    def of_table(cls, table: Table) -> Place:
        return cls.at(table.source, table=table.id)

    @classmethod
    def of_claim(cls, claim: Claim) -> Place:
        return cls.at(claim.source, table=NARRATIVE, code=claim.subject, name=claim.label)

    @property
    def location(self) -> str:
        """Where a reader finds it: the page and the printed row; the line only of an input without pages
        (a line of the text extracted from a PDF is nowhere in the PDF)."""
        if self.page:
            row = f"{self.code} {self.name}" if self.code and self.name else self.name or self.code
            shown = self.table not in (None, NARRATIVE) and row
            return f"第 {self.page} 页" + (f"「{row}」" if shown else "")
        return f"第 {self.line} 行" if self.line else ""
