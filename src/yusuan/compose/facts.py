"""The leaf facts of a 部门预算 or 部门决算 disclosure: what a finance officer must enter, nothing that can be derived.

A 决算 (`kind: final`) enters the same facts with the year's actual figures (决算数) in place of the
budget; `prior_year` and the 三公/机关运行经费 `prior` are then last year's 决算数, and a 项's `budget`
and the 三公 `budget` are this year's 年初预算数, the yardstick a 决算 is told against.

Every total, roll-up, cross-table figure and year-on-year change is computed from these (see
derive.py). Amounts are Decimal in the input's unit (万元 by default), never float, never negative.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field

from ..model.amounts import Unit

_CENT = Decimal("0.01")


def _money(value: Decimal) -> Decimal:
    if not value.is_finite():
        raise ValueError("金额不是有效数字")
    if value < 0:
        raise ValueError("金额不能为负数")
    if value != value.quantize(_CENT):
        raise ValueError("金额最多保留两位小数")
    return value.quantize(_CENT)


Money = Annotated[Decimal, AfterValidator(_money)]


def _table_unit(value: Unit) -> Unit:
    if value not in (Unit.yuan, Unit.wanyuan):
        raise ValueError("金额单位应为万元或元（表格不以亿元列示）")
    return value


# the unit of the tables: 亿元 is a unit only a narrative sentence prints
TableUnit = Annotated[Unit, AfterValidator(_table_unit)]

# Where money comes from (资金来源); the ids are the revenue table's column ids (docs/conventions.md).
Source = Literal[
    "general_budget", "gov_fund", "state_capital", "special_account", "operating", "business",
    "superior_subsidy", "subordinate", "other",
]
SOURCES: tuple[str, ...] = Source.__args__  # type: ignore[attr-defined]
FISCAL_SOURCES = ("general_budget", "gov_fund", "state_capital")

# The project list's funding columns that are entered; 年初特定目标 / 上级专项 are their subtotals.
TARGET_PARTS = ("personnel_project", "general_project", "livelihood_project")
SPECIAL_PARTS = ("advance_special", "carried_project", "municipal_special")
FundingPart = Literal[
    "personnel_project", "general_project", "livelihood_project", "advance_special", "carried_project",
    "municipal_special",
]

ThreePublicItem = Literal["overseas", "vehicle_purchase", "vehicle_operation", "reception"]
THREE_PUBLIC_ITEMS: tuple[str, ...] = ThreePublicItem.__args__  # type: ignore[attr-defined]

ProcurementKind = Literal["goods", "works", "services"]
PROCUREMENT_KINDS: tuple[str, ...] = ProcurementKind.__args__  # type: ignore[attr-defined]

Comparator = Literal["≥", "≤", "=", ">", "<"]

# Subjects whose year-on-year change the narrative explains with the officer's own words.
ReasonSubject = Literal[
    "total", "basic", "project", "operating_cost", "three_public_total", "gov_fund", "state_capital",
]


class Facts(BaseModel):
    model_config = ConfigDict(extra="forbid")


class FunctionalLine(Facts):
    """One 支出功能分类 项 (7 digits), for one source of money, split into 基本支出 and 项目支出.

    `project` may be left out: it is then the sum of the projects booked to this 项 and source.
    `prior_year` is the 上年预算数 of this 项 (一般公共预算 only is printed).
    """

    code: str = Field(pattern=r"^\d{7}$")
    name: str | None = None  # only for a code the catalog does not know
    source: Source = "general_budget"
    basic: Money = Decimal(0)
    project: Money | None = None
    prior_year: Money | None = None
    budget: Money | None = None  # 决算: the 年初预算数 of this 项 (一般公共预算)
    purpose: str | None = None  # 主要用于……
    reason: str | None = None  # why it changed from last year (决算: why it differs from the budget)


class EconomicLine(Facts):
    """One 部门预算支出经济分类 款 (5 digits) of the 一般公共预算 基本支出."""

    code: str = Field(pattern=r"^\d{5}$")
    name: str | None = None
    amount: Money


class ProjectFacts(Facts):
    """One project of the project list. `amount` is the sum of `funding` when a split is given."""

    code: str | None = None
    name: str
    budget_unit: str | None = None
    functional_code: str = Field(pattern=r"^\d{7}$")
    source: Source = "general_budget"
    funding: dict[FundingPart, Money] = Field(default_factory=dict)
    amount: Money | None = None


class PriorYear(Facts):
    """The previous year's budget, for the year-on-year changes (一般公共预算 split, other funds as totals)."""

    basic: Money
    project: Money
    gov_fund: Money = Decimal(0)
    state_capital: Money = Decimal(0)
    other: Money = Decimal(0)  # every other source of money, in total


class ThreePublicCounts(Facts):
    """决算: what the “三公” money bought, as a 决算 must state it (团组、人次、车辆、批次)."""

    overseas_groups: int | None = Field(default=None, ge=0)  # 因公出国（境）团组数
    overseas_people: int | None = Field(default=None, ge=0)  # 因公出国（境）人次
    vehicles_bought: int | None = Field(default=None, ge=0)  # 公务用车购置数
    vehicles_held: int | None = Field(default=None, ge=0)  # 公务用车保有量（年末）
    reception_batches: int | None = Field(default=None, ge=0)  # 国内公务接待批次
    reception_people: int | None = Field(default=None, ge=0)  # 国内公务接待人次


class ThreePublic(Facts):
    """“三公”经费 items for the budget year and the year before, with the reason for each change."""

    current: dict[ThreePublicItem, Money]
    prior: dict[ThreePublicItem, Money]
    reasons: dict[ThreePublicItem, str] = Field(default_factory=dict)
    budget: dict[ThreePublicItem, Money] = Field(default_factory=dict)  # 决算: this year's 年初预算数
    counts: ThreePublicCounts = Field(default_factory=ThreePublicCounts)  # 决算


class OperatingCost(Facts):
    """机关运行经费 (一般公共预算 公用经费 of the 行政/参公 units)."""

    current: Money
    prior: Money | None = None
    reason: str | None = None


class ProcurementItem(Facts):
    kind: ProcurementKind
    source: Source = "general_budget"
    amount: Money


class Procurement(Facts):
    items: list[ProcurementItem] = Field(default_factory=list)
    sme: Money | None = None  # 预留给（授予）中小企业的金额


class Assets(Facts):
    """国有资产占有使用: vehicles held at `as_of`, planned purchases, and anything else worth saying."""

    as_of: str | None = None  # e.g. "2023年12月31日"; defaults to the end of the previous year
    vehicles: dict[str, int] = Field(default_factory=dict)  # 车辆类别 -> 辆
    planned_purchase: dict[str, int] = Field(default_factory=dict)
    note: str | None = None  # e.g. 单价50万元以上的设备


def _as_text(value: object) -> object:
    """An indicator value typed as a number (200, 2.5) is kept as its text."""
    return str(value) if isinstance(value, (int, Decimal)) and not isinstance(value, bool) else value


class IndicatorFacts(Facts):
    """One 三级指标. `level1` may be left out for a standard 二级指标 (数量指标 -> 产出指标)."""

    level1: str | None = None
    level2: str
    level3: str
    comparator: Comparator | None = None  # None: qualitative (定性)
    value: Annotated[str, BeforeValidator(_as_text)] = Field(min_length=1)  # "200", "长期"
    unit: str | None = None
    weight: Decimal | None = None  # overall table only


class ProjectTargets(Facts):
    """项目绩效目标 of one project: the project is named by its code, else by its name."""

    project: str
    name: str | None = None  # the printed name when it differs from the project list's
    department: str | None = None  # 主管部门
    implementer: str | None = None  # 实施单位
    nature: Literal["常年", "一次"] = "常年"
    start: date | None = None
    end: date | None = None
    overview: str | None = None
    basis: str | None = None
    target: str
    indicators: list[IndicatorFacts] = Field(min_length=1)


class OverallTargets(Facts):
    target: str
    indicators: list[IndicatorFacts] = Field(min_length=1)


class Performance(Facts):
    overall: OverallTargets | None = None
    projects: list[ProjectTargets] = Field(default_factory=list)


class Contact(Facts):
    name: str | None = None
    phone: str | None = None


class BudgetInput(Facts):
    """Everything a 部门预算 (or, `kind: final`, 部门决算) disclosure needs that cannot be derived."""

    kind: Literal["budget", "final"] = "budget"
    department: str = Field(min_length=2)
    year: int = Field(ge=2000, le=2100)
    unit: TableUnit = Unit.wanyuan
    duties: list[str] = Field(min_length=1)  # 职能职责, one per item
    duty_note: str | None = None  # 有关职责分工 and the like, printed after the list
    member_units: list[str] = Field(min_length=1)  # 单位构成
    functional_lines: list[FunctionalLine] = Field(default_factory=list)
    economic_lines: list[EconomicLine] = Field(default_factory=list)
    projects: list[ProjectFacts] = Field(default_factory=list)
    prior_year: PriorYear
    three_public: ThreePublic
    operating_cost: OperatingCost
    procurement: Procurement = Field(default_factory=Procurement)
    assets: Assets = Field(default_factory=Assets)
    performance: Performance = Field(default_factory=Performance)
    reasons: dict[ReasonSubject, str] = Field(default_factory=dict)
    contact: Contact = Field(default_factory=Contact)
    performance_management: str | None = None  # 决算: 预算绩效管理情况, printed as typed
