"""Headline figures: the metrics a document is summed up by, their keys and their names.

A metric key is a narrative subject key (docs/conventions.md), so a claim such as "三公经费比2023年
减少 14 万元" can be checked against the same metric of another document. Two families are per
functional 类: `expenditure:<code>` (部门支出, all funds) and `fiscal_expenditure:<code>`
(一般公共预算财政拨款支出, the table that also prints the prior year's budget).
"""

from __future__ import annotations

# Metrics read from the tables (first printed place wins) or, failing that, from the narrative.
METRIC_LABELS: dict[str, str] = {
    "revenue_total": "收入预算合计",
    "expenditure_total": "支出预算合计",
    "fiscal_revenue": "一般公共预算财政拨款收入",
    "fiscal_expenditure": "一般公共预算财政拨款支出",
    "basic": "基本支出",
    "project": "项目支出",
    "personnel": "人员经费",
    "public": "公用经费",
    "gov_fund_revenue": "政府性基金预算收入",
    "gov_fund_expenditure": "政府性基金预算支出",
    "state_capital_revenue": "国有资本经营预算收入",
    "state_capital_expenditure": "国有资本经营预算支出",
    "three_public_total": "“三公”经费",
    "overseas": "因公出国（境）费",
    "vehicle": "公务用车购置及运行费",
    "vehicle_purchase": "公务用车购置费",
    "vehicle_operation": "公务用车运行维护费",
    "reception": "公务接待费",
    "operating_cost": "机关运行经费",
    "procurement_total": "政府采购预算",
    "procurement:goods": "政府采购货物类",
    "procurement:works": "政府采购工程类",
    "procurement:services": "政府采购服务类",
}
TABLE_METRICS: tuple[str, ...] = tuple(m for m in METRIC_LABELS if m != "operating_cost")
# 机关运行经费 is stated in the narrative only (no standard table prints it).
NARRATIVE_ONLY: tuple[str, ...] = ("operating_cost",)
THREE_PUBLIC_ITEMS: tuple[str, ...] = ("overseas", "vehicle_purchase", "vehicle_operation", "reception")

FUNCTIONAL = "expenditure:"
FISCAL_FUNCTIONAL = "fiscal_expenditure:"


def functional_metric(code: str) -> str:
    return FUNCTIONAL + code
