"""Performance targets (绩效目标): the department-wide table and one table per project."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, Field

from .source import Source

Comparator = Literal["≥", "≤", "=", ">", "<"]


class Indicator(BaseModel):
    """一级/二级/三级 indicator with its target value. `comparator` None means qualitative (定性)."""

    level1: str | None = None
    level2: str | None = None
    level3: str
    comparator: Comparator | None = None
    value: str | None = None  # as printed, e.g. "≥200次", "长期"
    number: Decimal | None = None
    unit: str | None = None
    weight: Decimal | None = None
    # fields whose cell prints something that could not be read (an OCR'd underlined "≥"): not missing
    unread: list[str] = Field(default_factory=list)
    source: Source = Field(default_factory=Source)


class ListedProject(BaseModel):
    """A project printed as one row of a table listing several (单位编码 | 项目名称 | 资金总额 | 绩效目标 | …)."""

    code: str | None = None  # the 单位编码 printed before it
    name: str
    fund: Decimal  # in the document's unit
    source: Source = Field(default_factory=Source)


class PerformanceTable(BaseModel):
    """整体 (`scope="overall"`) or 项目 (`scope="project"`) performance-target table."""

    scope: Literal["overall", "project"]
    name: str | None = None  # project name, or department name for the overall table
    title: str | None = None  # the table's title as printed ("某某项目绩效目标表"), when one is
    department: str | None = None  # 主管部门
    implementer: str | None = None  # 实施单位
    fund: Decimal | None = None  # 资金总额 / 部门支出预算数, in the document's unit
    nature: str | None = None  # 常年 / 一次
    start: date | None = None
    end: date | None = None
    overview: str | None = None  # 项目概况
    basis: str | None = None  # 立项依据
    target: str | None = None  # 当年绩效目标
    indicators: list[Indicator] = Field(default_factory=list)
    project_code: str | None = None  # the matching project in the project list, when known
    unplaced_values: list[str] = Field(default_factory=list)  # values printed without an indicator name
    # a table listing several projects, one per row group: its 合计 and the projects (or units) it lists
    listed_total: Decimal | None = None
    listed: list[ListedProject] = Field(default_factory=list)
    # why the indicators as read cannot be trusted (several projects in one table, OCR noise):
    # no rule judges them
    doubtful: str | None = None
    source: Source = Field(default_factory=Source)
