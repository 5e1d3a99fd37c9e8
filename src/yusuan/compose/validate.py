"""Facts that contradict each other, found before anything is derived.

Each problem names where it is (a path into BudgetInput, e.g. ("functional_lines", 3, "project"))
so a loader can point at the sheet, row and column it came from, and says what to enter instead.
An "error" would make the derived disclosure fail `yusuan check`; a "warning" would not.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Literal

from ..classification import catalog, parent_of
from ..classification.links import MEDICAL_AID, MIRRORED_LINES, PERSONNEL_CLASSES, THREE_PUBLIC_LINES
from ..model.amounts import parse_decimal
from ..prose.indicator_levels import LEVEL1_OF
from .facts import BudgetInput, IndicatorFacts
from .ledger import ZERO, project_amount
from .money import amount_text

Path = tuple[str | int, ...]

# the same contribution booked twice: economic 款 = functional 项 (检查 XTAB-ECONOMIC-MIRROR), but for
# 公务员医疗补助, which leaf data may book under 行政单位医疗 with no 2101103 line of its own
_MIRRORS = tuple(pair for pair in MIRRORED_LINES if pair[0] != MEDICAL_AID)
HUNDRED = Decimal(100)


@dataclass(frozen=True)
class Problem:
    path: Path
    message: str
    severity: Literal["error", "warning"] = "error"


def problems(facts: BudgetInput) -> list[Problem]:
    found: list[Problem] = []
    checks = [_functional_codes, _economic_codes, _projects, _line_projects, _basic_matches_economic,
              _mirrors, _three_public, _operating_cost, _prior_lines, _procurement, _performance_coverage,
              _performance_tables, _overall_weights, _indicators, _something_spent]
    if facts.kind == "final":  # a 决算 prints no targets and no project list: both are optional
        checks.remove(_performance_coverage)
        if not facts.projects:
            checks.remove(_line_projects)
    for check in checks:
        found += list(check(facts))
    return found


def _functional_codes(facts: BudgetInput) -> Iterator[Problem]:
    seen: Counter[tuple[str, str]] = Counter()
    for index, line in enumerate(facts.functional_lines):
        seen[(line.code, line.source)] += 1
        if seen[(line.code, line.source)] == 2:
            yield Problem(("functional_lines", index, "code"),
                          f"功能科目 {line.code} 在同一资金来源下填了两次。请把两行合并为一行。")
        yield from _known_functional(line.code, line.name, ("functional_lines", index, "code"))


def _known_functional(code: str, name: str | None, path: Path) -> Iterator[Problem]:
    functional = catalog("functional")
    if code not in functional and not name:
        yield Problem(path, f"功能科目编码 {code} 不在科目目录中。请核对编码；确属新增科目时，请在“科目名称”栏填写名称。")
    for parent in (parent_of(code), code[:3]):
        if parent and parent not in functional:
            yield Problem(path, f"功能科目 {code} 的上级科目 {parent} 不在科目目录中。请核对编码（应为7位项级科目）。")
            return


def _economic_codes(facts: BudgetInput) -> Iterator[Problem]:
    economic = catalog("economic")
    seen: set[str] = set()
    for index, line in enumerate(facts.economic_lines):
        path = ("economic_lines", index, "code")
        if line.code in seen:
            yield Problem(path, f"经济科目 {line.code} 填了两次。请把两行合并为一行。")
        seen.add(line.code)
        if line.code not in economic and not line.name:
            yield Problem(path, f"经济科目编码 {line.code} 不在部门预算支出经济分类中。请核对编码（应为5位款级科目）。")
        elif line.code[:3] not in economic:
            yield Problem(path, f"经济科目 {line.code} 的类 {line.code[:3]} 不在部门预算支出经济分类中。请核对编码。")


def _projects(facts: BudgetInput) -> Iterator[Problem]:
    codes: Counter[str] = Counter(p.code for p in facts.projects if p.code)
    split = any(p.funding for p in facts.projects)
    for index, project in enumerate(facts.projects):
        if split and not project.funding:
            yield Problem(("projects", index, "amount"),
                          f"项目“{project.name}”没有填写资金分项。项目表中有的项目填了分项（人员性项目、一般性项目……），"
                          "则每个项目都要填分项，金额由分项相加。")
        if project.code and codes[project.code] > 1:
            yield Problem(("projects", index, "code"), f"项目编码 {project.code} 重复。每个项目只填一行。")
        yield from _known_functional(project.functional_code, None, ("projects", index, "functional_code"))
        if not project.funding and project.amount is None:
            yield Problem(("projects", index, "amount"), f"项目“{project.name}”没有金额。请填写金额或资金来源分项。")
        if project.funding and project.amount is not None and project.amount != project_amount(project):
            yield Problem(("projects", index, "amount"),
                          f"项目“{project.name}”的金额 {amount_text(project.amount)} 不等于各资金分项之和 "
                          f"{amount_text(project_amount(project))}。金额可以留空，由分项相加得出。")


def _line_projects(facts: BudgetInput) -> Iterator[Problem]:
    sums: dict[tuple[str, str], Decimal] = {}
    for project in facts.projects:
        key = (project.functional_code, project.source)
        sums[key] = sums.get(key, ZERO) + project_amount(project)
    for index, line in enumerate(facts.functional_lines):
        listed = sums.get((line.code, line.source), ZERO)
        if line.project is not None and line.project != listed:
            yield Problem(("functional_lines", index, "project"),
                          f"功能科目 {line.code} 的项目支出填为 {amount_text(line.project)}，但“项目”表中列在该科目下的项目合计 "
                          f"{amount_text(listed)}。项目支出应逐项列入“项目”表；此栏可以留空，由项目汇总得出。")


def _general_basic(facts: BudgetInput) -> Decimal:
    return sum((line.basic for line in facts.functional_lines if line.source == "general_budget"), ZERO)


def _basic_matches_economic(facts: BudgetInput) -> Iterator[Problem]:
    functional, economic = _general_basic(facts), sum((line.amount for line in facts.economic_lines), ZERO)
    if functional != economic:
        yield Problem(("economic_lines",),
                      f"基本支出经济科目合计 {amount_text(economic)}，与功能科目中一般公共预算基本支出合计 "
                      f"{amount_text(functional)} 不一致（相差 {amount_text(abs(economic - functional))}）。两处应为同一笔钱，请核对。")


def _economic(facts: BudgetInput) -> dict[str, Decimal]:
    return {line.code: line.amount for line in facts.economic_lines}


def _mirrors(facts: BudgetInput) -> Iterator[Problem]:
    economic = _economic(facts)
    basic = {line.code: line.basic for line in facts.functional_lines if line.source == "general_budget"}
    for economic_code, functional_code in _MIRRORS:
        left, right = economic.get(economic_code, ZERO), basic.get(functional_code, ZERO)
        if left != right:
            yield Problem(("economic_lines",),
                          f"经济科目 {economic_code} 为 {amount_text(left)}，功能科目 {functional_code} 的基本支出为 "
                          f"{amount_text(right)}；两者是同一笔缴费，通常相等，请核对。", "warning")


def _three_public(facts: BudgetInput) -> Iterator[Problem]:
    economic = _economic(facts)
    for item, codes in THREE_PUBLIC_LINES.items():
        booked = sum((economic.get(code, ZERO) for code in codes), ZERO)
        stated = facts.three_public.current.get(item, ZERO)
        if booked > stated:
            yield Problem(("three_public", "current", item),
                          f"基本支出经济科目 {'/'.join(codes)} 共 {amount_text(booked)}，超过“三公”经费该项 "
                          f"{amount_text(stated)}。“三公”经费应包含基本支出中的该项，请核对。")


def _public_total(facts: BudgetInput) -> Decimal:
    return sum((l.amount for l in facts.economic_lines if l.code[:3] not in PERSONNEL_CLASSES), ZERO)


def _operating_cost(facts: BudgetInput) -> Iterator[Problem]:
    public = _public_total(facts)
    if facts.operating_cost.current > public:
        yield Problem(("operating_cost", "current"),
                      f"机关运行经费 {amount_text(facts.operating_cost.current)} 超过基本支出中的公用经费 "
                      f"{amount_text(public)}。机关运行经费是公用经费的一部分，请核对。", "warning")


def _prior_lines(facts: BudgetInput) -> Iterator[Problem]:
    general = [line for line in facts.functional_lines if line.source == "general_budget"]
    if not any(line.prior_year is not None for line in general):
        return
    lines = sum((line.prior_year or ZERO for line in general), ZERO)
    stated = facts.prior_year.basic + facts.prior_year.project
    if lines != stated:
        yield Problem(("functional_lines",),
                      f"各功能科目上年预算数合计 {amount_text(lines)}，与上年一般公共预算基本支出加项目支出 "
                      f"{amount_text(stated)} 不一致。上年科目已取消的，请另起一行填该科目，本年金额填0。")


def _procurement(facts: BudgetInput) -> Iterator[Problem]:
    total = sum((item.amount for item in facts.procurement.items), ZERO)
    if facts.procurement.sme is not None and facts.procurement.sme > total:
        yield Problem(("procurement", "sme"),
                      f"授予中小企业的金额 {amount_text(facts.procurement.sme)} 超过政府采购总额 {amount_text(total)}。请核对。")


def level1_of(item: IndicatorFacts) -> str | None:
    """The 一级指标: as entered, else the one the national framework gives the 二级指标."""
    return item.level1 or LEVEL1_OF.get(item.level2) or LEVEL1_OF.get(f"{item.level2}指标")


def target_key(facts: BudgetInput, reference: str) -> int | None:
    """The index of the project a target table names (by code, else by name)."""
    for index, project in enumerate(facts.projects):
        if reference in (project.code, project.name):
            return index
    return None


def _performance_coverage(facts: BudgetInput) -> Iterator[Problem]:
    covered: Counter[int] = Counter()
    for index, targets in enumerate(facts.performance.projects):
        project = target_key(facts, targets.project)
        if project is None:
            yield Problem(("performance", "projects", index, "project"),
                          f"绩效目标所属项目“{targets.project}”不在“项目”表中。请填写项目表中的项目编码或名称。")
            continue
        covered[project] += 1
        if covered[project] == 2:
            yield Problem(("performance", "projects", index, "project"),
                          f"项目“{targets.project}”的绩效目标填了两份。每个项目只填一份。")
    for index, project in enumerate(facts.projects):
        if index not in covered:
            yield Problem(("projects", index, "name"),
                          f"项目“{project.name}”没有绩效目标。请在“绩效目标”和“绩效指标”表中为它填写年度目标和指标。")


def _performance_tables(facts: BudgetInput) -> Iterator[Problem]:
    first, last = date(facts.year, 1, 1), date(facts.year, 12, 31)
    for index, targets in enumerate(facts.performance.projects):
        start, end = targets.start or first, targets.end or last
        if start > end:
            yield Problem(("performance", "projects", index, "start"), "项目开始日期晚于结束日期。请核对。")
        elif start < first or end > last:
            yield Problem(("performance", "projects", index, "start"),
                          f"项目期间 {start} 至 {end} 不在 {facts.year} 预算年度内。年度绩效目标应填 {facts.year} 年内的日期。")


def _overall_weights(facts: BudgetInput) -> Iterator[Problem]:
    overall = facts.performance.overall
    if overall is None or all(i.weight is None for i in overall.indicators):
        return
    total = sum((i.weight or ZERO for i in overall.indicators), ZERO)
    if total != HUNDRED or any(i.weight is None for i in overall.indicators):
        yield Problem(("performance", "overall", "indicators"),
                      f"整体绩效指标的权重之和为 {total}，应为 100，且每项指标都要填权重。")


def _indicator_problems(indicators: list[IndicatorFacts], path: Path) -> Iterator[Problem]:
    for index, item in enumerate(indicators):
        where = (*path, "indicators", index)
        if level1_of(item) is None:
            yield Problem((*where, "level1"), f"指标“{item.level3}”的二级指标“{item.level2}”不是标准名称，请填写一级指标"
                                              "（产出指标、效益指标、满意度指标或成本指标）。")
        if item.comparator and parse_decimal(item.value) is None:
            yield Problem((*where, "value"), f"指标“{item.level3}”填了指标性质“{item.comparator}”，指标值应为数字"
                                             f"（现为“{item.value}”）。定性指标请不填指标性质。")


def _indicators(facts: BudgetInput) -> Iterator[Problem]:
    if facts.performance.overall is not None:
        yield from _indicator_problems(facts.performance.overall.indicators, ("performance", "overall"))
    for index, targets in enumerate(facts.performance.projects):
        yield from _indicator_problems(targets.indicators, ("performance", "projects", index))


def _something_spent(facts: BudgetInput) -> Iterator[Problem]:
    if not facts.functional_lines and not facts.projects:
        yield Problem(("functional_lines",), "没有任何支出。请在“支出功能科目”表中至少填写一行。")
