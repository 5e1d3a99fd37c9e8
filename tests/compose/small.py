"""A small department built in a few lines, for the cases the seed does not cover (增加, 政府性基金, 上年科目数)."""

from __future__ import annotations

from yusuan.compose.facts import BudgetInput

INDICATORS = [
    {"level2": "数量指标", "level3": "开展检查", "comparator": "≥", "value": "12", "unit": "次"},
    {"level2": "社会效益指标", "level3": "服务质量", "value": "明显提升"},
    {"level2": "服务对象满意度指标", "level3": "满意度", "comparator": "≥", "value": "90", "unit": "%"},
]


def small(**changes) -> BudgetInput:
    """一般公共预算 110 (基本 70 + 项目 40), 政府性基金 30 (项目); last year 100 = 65 + 35, fund 20."""
    data = {
        "department": "某市测试局", "year": 2025, "duties": ["负责测试工作。"], "member_units": ["某市测试局本级"],
        "functional_lines": [
            {"code": "2011301", "basic": "60", "prior_year": "58"},
            {"code": "2080505", "basic": "10", "prior_year": "9"},
            {"code": "2011302", "prior_year": "33"},
        ],
        "economic_lines": [{"code": "30101", "amount": "50"}, {"code": "30108", "amount": "10"},
                           {"code": "30201", "amount": "7"}, {"code": "30217", "amount": "3"}],
        "projects": [
            {"code": "50010125T000000000001", "name": "办公系统运维", "functional_code": "2011302", "funding": {"general_project": "40"}},
            {"code": "50010125T000000000002", "name": "城市基础设施配套", "functional_code": "2129999", "source": "gov_fund", "funding": {"general_project": "30"}},
        ],
        "prior_year": {"basic": "65", "project": "35", "gov_fund": "20"},
        "three_public": {"current": {"overseas": "0", "vehicle_purchase": "0", "vehicle_operation": "2", "reception": "3"},
                         "prior": {"overseas": "0", "vehicle_purchase": "0", "vehicle_operation": "2", "reception": "2.5"},
                         "reasons": {"reception": "接待任务增加"}},
        "operating_cost": {"current": "10", "prior": "9", "reason": "办公用房维修"},
        "procurement": {"items": [{"kind": "services", "amount": "8"}], "sme": "6"},
        "performance": {"projects": [
            {"project": "50010125T000000000001", "target": "保障系统运行。", "indicators": INDICATORS},
            {"project": "50010125T000000000002", "target": "完成配套建设。", "indicators": INDICATORS},
        ]},
        "reasons": {"basic": "新增人员1人", "project": "新增运维项目"},
    }
    data.update(changes)
    return BudgetInput.model_validate(data)
