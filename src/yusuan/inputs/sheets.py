"""The input workbook's sheets and columns: one spec that both the template writer and the loader read."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

ColumnKind = Literal["text", "money", "code7", "code5", "count", "date", "choice", "number", "year"]

SOURCE_CHOICES = {
    "一般公共预算拨款": "general_budget", "政府性基金预算拨款": "gov_fund", "国有资本经营预算拨款": "state_capital",
    "财政专户管理资金": "special_account", "事业收入": "operating", "事业单位经营收入": "business",
    "上级补助收入": "superior_subsidy", "附属单位上缴收入": "subordinate", "其他收入": "other",
}
PROCUREMENT_CHOICES = {"货物": "goods", "工程": "works", "服务": "services"}
COMPARATOR_CHOICES = {"≥": "≥", "≤": "≤", "=": "=", ">": ">", "<": "<"}
NATURE_CHOICES = {"常年": "常年", "一次": "一次"}
UNIT_CHOICES = {"万元": "万元", "元": "元"}
KIND_CHOICES = {"预算": "budget", "决算": "final"}
THREE_PUBLIC_CHOICES = {"因公出国（境）费": "overseas", "公务用车购置费": "vehicle_purchase",
                        "公务用车运行维护费": "vehicle_operation", "公务接待费": "reception"}
LEVEL2_SUGGESTIONS = ("数量指标", "质量指标", "时效指标", "成本指标", "经济效益指标", "社会效益指标", "生态效益指标",
                      "可持续影响指标", "服务对象满意度指标")


@dataclass(frozen=True)
class Column:
    header: str
    key: str  # field of the row's fact (dotted for nested: "funding.general_project")
    kind: ColumnKind = "text"
    required: bool = False
    choices: dict[str, str] | None = None
    hint: str = ""
    width: float = 14


@dataclass(frozen=True)
class Sheet:
    name: str
    target: str  # the BudgetInput list the rows fill ("functional_lines"), or a special reader
    columns: tuple[Column, ...] = field(default_factory=tuple)
    purpose: str = ""

    def column(self, key: str) -> Column | None:
        return next((c for c in self.columns if c.key == key), None)


# 基本信息: one fact per row (项目 | 填写内容 | 说明); `key` is the path in BudgetInput.
KIND = Column("公开类型", "kind", "choice", choices=KIND_CHOICES, hint="预算或决算；空着为预算")
BASIC_FACTS: tuple[Column, ...] = (
    KIND,
    Column("部门名称", "department", required=True, hint="如：重庆市潼南区经济和信息化委员会"),
    Column("预算年度", "year", "year", required=True, hint="四位年份，如 2024"),
    Column("金额单位", "unit", "choice", choices=UNIT_CHOICES, hint="万元或元，全表一致"),
    Column("联系人", "contact.name"),
    Column("联系电话", "contact.phone"),
    Column("职责分工说明", "duty_note", hint="“有关职责分工”等，附在职能职责之后"),
    Column("上年一般公共预算基本支出", "prior_year.basic", "money", required=True),
    Column("上年一般公共预算项目支出", "prior_year.project", "money", required=True),
    Column("上年政府性基金预算支出", "prior_year.gov_fund", "money"),
    Column("上年国有资本经营预算支出", "prior_year.state_capital", "money"),
    Column("上年其他资金支出", "prior_year.other", "money", hint="财政拨款以外的资金合计"),
    Column("机关运行经费", "operating_cost.current", "money", required=True),
    Column("上年机关运行经费", "operating_cost.prior", "money"),
    Column("机关运行经费增减原因", "operating_cost.reason"),
    Column("政府采购面向中小企业预留金额", "procurement.sme", "money"),
    Column("车辆统计截止时间", "assets.as_of", hint="如 2023年12月31日；空着为上年末"),
    Column("国有资产其他说明", "assets.note", hint="如单价50万元以上的设备"),
    Column("部门整体绩效目标", "performance.overall.target", hint="填写后在“绩效指标”表中填“整体”指标"),
    Column("收支总额增减原因", "reasons.total"),
    Column("基本支出增减原因", "reasons.basic"),
    Column("项目支出增减原因", "reasons.project"),
    Column("“三公”经费增减原因", "reasons.three_public_total"),
    Column("政府性基金预算支出增减原因", "reasons.gov_fund"),
    Column("国有资本经营预算支出增减原因", "reasons.state_capital"),
)

SHEETS: tuple[Sheet, ...] = (
    Sheet("基本信息", "basic", BASIC_FACTS, "部门、年度、上年数和各项说明，每行一项"),
    Sheet("职能职责", "duties", (Column("职责内容", "text", required=True, width=100),),
          "每条职责一行，不必写序号"),
    Sheet("单位构成", "member_units", (Column("单位名称", "name", required=True, width=50),),
          "纳入部门预算的单位，每个单位一行（含本级）"),
    Sheet("支出功能科目", "functional_lines", (
        Column("科目编码", "code", "code7", required=True, hint="7位项级科目", width=11),
        Column("科目名称", "name", hint="仅目录外科目需填", width=26),
        Column("资金来源", "source", "choice", choices=SOURCE_CHOICES, hint="空着为一般公共预算拨款", width=18),
        Column("基本支出", "basic", "money"),
        Column("项目支出", "project", "money", hint="空着由“项目”表汇总"),
        Column("上年预算数", "prior_year", "money"),
        Column("主要用途", "purpose", width=30),
        Column("增减原因", "reason", width=30),
    ), "支出功能分类项级科目；只有项目支出的科目可以不填"),
    Sheet("基本支出经济科目", "economic_lines", (
        Column("科目编码", "code", "code5", required=True, hint="5位款级科目", width=11),
        Column("科目名称", "name", hint="仅目录外科目需填", width=26),
        Column("金额", "amount", "money", required=True),
    ), "一般公共预算基本支出按部门预算支出经济分类（款）"),
    Sheet("项目", "projects", (
        Column("项目编码", "code", width=24),
        Column("项目名称", "name", required=True, width=34),
        Column("预算单位", "budget_unit", width=18),
        Column("功能科目编码", "functional_code", "code7", required=True, width=12),
        Column("资金来源", "source", "choice", choices=SOURCE_CHOICES, width=18),
        Column("人员性项目", "funding.personnel_project", "money"),
        Column("一般性项目", "funding.general_project", "money"),
        Column("民生配套项目", "funding.livelihood_project", "money"),
        Column("提前下达专项", "funding.advance_special", "money"),
        Column("结转项目", "funding.carried_project", "money"),
        Column("市级专项", "funding.municipal_special", "money"),
        Column("金额", "amount", "money", hint="不分资金分项时填写"),
    ), "项目支出逐项填写；金额由资金分项相加"),
    Sheet("三公经费", "three_public", (
        Column("项目", "item", "choice", required=True, choices=THREE_PUBLIC_CHOICES, width=20),
        Column("本年预算数", "current", "money", required=True),
        Column("上年预算数", "prior", "money", required=True),
        Column("增减原因", "reason", width=40),
    ), "四个项目各一行；合计和小计自动计算"),
    Sheet("政府采购", "procurement", (
        Column("采购类别", "kind", "choice", required=True, choices=PROCUREMENT_CHOICES),
        Column("资金来源", "source", "choice", choices=SOURCE_CHOICES, width=18),
        Column("金额", "amount", "money", required=True),
    ), "按货物、工程、服务填写采购预算"),
    Sheet("车辆", "vehicles", (
        Column("车辆类别", "kind", required=True, width=20, hint="如 一般公务用车、执勤执法用车"),
        Column("保有量（辆）", "held", "count"),
        Column("本年拟购置（辆）", "planned", "count"),
    ), "国有资产占有使用情况：车辆"),
    Sheet("绩效目标", "performance_projects", (
        Column("项目编码或名称", "project", required=True, width=24),
        Column("表中项目名称", "name", width=24, hint="与项目表不同时填写"),
        Column("主管部门", "department", width=16),
        Column("实施单位", "implementer", width=16),
        Column("项目性质", "nature", "choice", choices=NATURE_CHOICES),
        Column("开始日期", "start", "date", hint="空着为1月1日"),
        Column("结束日期", "end", "date", hint="空着为12月31日"),
        Column("项目概况", "overview", width=30),
        Column("立项依据", "basis", width=30),
        Column("年度绩效目标", "target", required=True, width=30),
    ), "每个项目一行"),
    Sheet("绩效指标", "indicators", (
        Column("项目编码或名称", "owner", required=True, width=24, hint="部门整体指标填“整体”"),
        Column("一级指标", "level1", hint="标准二级指标可不填"),
        Column("二级指标", "level2", required=True),
        Column("三级指标", "level3", required=True, width=30),
        Column("指标性质", "comparator", "choice", choices=COMPARATOR_CHOICES, hint="定性指标不填"),
        Column("指标值", "value", "number", required=True),
        Column("计量单位", "unit"),
        Column("权重", "weight", "number", hint="仅整体指标"),
    ), "每个三级指标一行"),
)

SHEET_BY_NAME = {sheet.name: sheet for sheet in SHEETS}
OVERALL = "整体"

# 决算: the year's actual figures (决算数), told against last year's 决算 and this year's 年初预算数.
# No 项目, 绩效目标 or 绩效指标 sheet: a 决算 prints neither a project list nor targets.
FINAL_BASIC_FACTS: tuple[Column, ...] = (
    KIND,
    Column("部门名称", "department", required=True, hint="如：上海市普陀区规划和自然资源局"),
    Column("决算年度", "year", "year", required=True, hint="四位年份，如 2024"),
    Column("金额单位", "unit", "choice", choices=UNIT_CHOICES, hint="万元或元，全表一致"),
    Column("联系人", "contact.name"),
    Column("联系电话", "contact.phone"),
    Column("职责分工说明", "duty_note", hint="“有关职责分工”等，附在职能职责之后"),
    Column("上年一般公共预算基本支出决算数", "prior_year.basic", "money", required=True),
    Column("上年一般公共预算项目支出决算数", "prior_year.project", "money", required=True),
    Column("上年政府性基金预算支出决算数", "prior_year.gov_fund", "money"),
    Column("上年国有资本经营预算支出决算数", "prior_year.state_capital", "money"),
    Column("上年其他资金支出决算数", "prior_year.other", "money", hint="财政拨款以外的资金合计"),
    Column("机关运行经费支出", "operating_cost.current", "money", required=True),
    Column("上年机关运行经费支出", "operating_cost.prior", "money"),
    Column("机关运行经费增减原因", "operating_cost.reason"),
    Column("政府采购授予中小企业合同金额", "procurement.sme", "money"),
    Column("因公出国（境）团组数", "three_public.counts.overseas_groups", "count", hint="个；没有出国填0"),
    Column("因公出国（境）人次", "three_public.counts.overseas_people", "count"),
    Column("公务用车购置数", "three_public.counts.vehicles_bought", "count", hint="辆"),
    Column("公务用车保有量", "three_public.counts.vehicles_held", "count", hint="年末，辆"),
    Column("国内公务接待批次", "three_public.counts.reception_batches", "count"),
    Column("国内公务接待人次", "three_public.counts.reception_people", "count"),
    Column("车辆统计截止时间", "assets.as_of", hint="如 2024年12月31日；空着为决算年度年末"),
    Column("国有资产其他说明", "assets.note", hint="如单价100万元以上的设备"),
    Column("预算绩效管理情况", "performance_management", hint="绩效管理制度、绩效自评等情况；空着则情况说明中不写这一节"),
    Column("收支总额增减原因", "reasons.total"),
    Column("基本支出增减原因", "reasons.basic"),
    Column("项目支出增减原因", "reasons.project"),
    Column("“三公”经费增减原因", "reasons.three_public_total"),
    Column("政府性基金预算支出增减原因", "reasons.gov_fund"),
    Column("国有资本经营预算支出增减原因", "reasons.state_capital"),
)

FINAL_SHEETS: tuple[Sheet, ...] = (
    Sheet("基本信息", "basic", FINAL_BASIC_FACTS, "部门、年度、上年决算数、“三公”实物量和各项说明，每行一项"),
    SHEETS[1],
    Sheet("单位构成", "member_units", (Column("单位名称", "name", required=True, width=50),),
          "纳入部门决算的单位，每个单位一行（含本级）"),
    Sheet("支出功能科目", "functional_lines", (
        Column("科目编码", "code", "code7", required=True, hint="7位项级科目", width=11),
        Column("科目名称", "name", hint="仅目录外科目需填", width=26),
        Column("资金来源", "source", "choice", choices=SOURCE_CHOICES, hint="空着为一般公共预算拨款", width=18),
        Column("基本支出决算数", "basic", "money"),
        Column("项目支出决算数", "project", "money"),
        Column("年初预算数", "budget", "money", hint="一般公共预算；填写后说明完成年初预算的比例"),
        Column("主要用途", "purpose", width=30),
        Column("决算数与年初预算数差异原因", "reason", width=30),
    ), "支出功能分类项级科目的决算数，每个科目一行"),
    Sheet("基本支出经济科目", "economic_lines", (
        Column("科目编码", "code", "code5", required=True, hint="5位款级科目", width=11),
        Column("科目名称", "name", hint="仅目录外科目需填", width=26),
        Column("决算数", "amount", "money", required=True),
    ), "一般公共预算基本支出决算数按部门预算支出经济分类（款）"),
    Sheet("三公经费", "three_public", (
        Column("项目", "item", "choice", required=True, choices=THREE_PUBLIC_CHOICES, width=20),
        Column("本年决算数", "current", "money", required=True),
        Column("上年决算数", "prior", "money", required=True),
        Column("年初预算数", "budget", "money"),
        Column("增减原因", "reason", width=40),
    ), "四个项目各一行；合计和小计自动计算"),
    Sheet("政府采购", "procurement", (
        Column("采购类别", "kind", "choice", required=True, choices=PROCUREMENT_CHOICES),
        Column("资金来源", "source", "choice", choices=SOURCE_CHOICES, width=18),
        Column("采购支出", "amount", "money", required=True),
    ), "按货物、工程、服务填写本年政府采购支出"),
    Sheet("车辆", "vehicles", (
        Column("车辆类别", "kind", required=True, width=20, hint="如 一般公务用车、执勤执法用车"),
        Column("保有量（辆）", "held", "count"),
    ), "国有资产占有使用情况：年末车辆"),
)


def sheets_for(kind: str) -> tuple[Sheet, ...]:
    """The input sheets of a budget ("budget") or a final-accounts ("final") workbook."""
    return FINAL_SHEETS if kind == "final" else SHEETS


def basic_facts_for(kind: str) -> tuple[Column, ...]:
    return FINAL_BASIC_FACTS if kind == "final" else BASIC_FACTS
