"""The whole disclosure: what one budget or final-accounts document says."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from .amounts import Unit
from .narrative import Narrative
from .performance import PerformanceTable
from .projects import Project
from .source import Source
from .tables import Table

Kind = Literal["budget", "final"]
Scope = Literal["部门", "单位"]


class Unreadable(BaseModel):
    """Something the recognizer saw but could not read, and where."""

    what: str
    source: Source = Field(default_factory=Source)


class Printed(BaseModel):
    """A piece of text as the document prints it, and where: what the model keeps only as a value."""

    text: str
    source: Source = Field(default_factory=Source)


class Disclosure(BaseModel):
    department: str | None = None
    year: int | None = None
    kind: Kind = "budget"
    scope: Scope = "部门"
    unit: Unit = Unit.wanyuan
    member_units: list[str] = Field(default_factory=list)
    tables: dict[str, Table] = Field(default_factory=dict)
    projects: list[Project] = Field(default_factory=list)
    performance_overall: PerformanceTable | None = None
    performance_projects: list[PerformanceTable] = Field(default_factory=list)
    narrative: Narrative = Field(default_factory=Narrative)
    source_name: str | None = None
    reader: str | None = None
    unreadable: list[Unreadable] = Field(default_factory=list)
    # table cells printing an amount with irregular thousands separators ("120258,600"): read all the same
    odd_amounts: list[Printed] = Field(default_factory=list)
    # a book title printed above a table's own title ("某局2024年度部门决算表" above "收入支出决算总表")
    headings: list[Printed] = Field(default_factory=list)
    # the entries of a 目录 page, as printed: the body's headings should read the same
    contents: list[Printed] = Field(default_factory=list)

    def table(self, table_id: str) -> Table | None:
        return self.tables.get(table_id)
