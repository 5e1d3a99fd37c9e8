"""Performance targets (绩效目标): coverage of the project list, funds, periods, weights, indicators."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from decimal import Decimal

from ...model import Indicator, PerformanceTable
from ..engine.context import Doc
from ..engine.figures import Figure
from ..engine.findings import Finding, Place
from ..engine.registry import Condition, rule
from ..engine.wording import amount, quoted
from .cross_table import project_figure
from .matching import Pair, match_projects
from .narrative.amounts import agrees_with_one
from .narrative.claim_targets import figures_for

HUNDRED = Decimal(100)
# a quantity with its unit closing a name cell: the value printed in the name's cell
_VALUE_AT_END = re.compile(r"\d(?:\.\d+)?\s*(?:户|家|个|人次|人|次|项|件|台|套|场|篇|万元|元|%)$")
# words that are values of qualitative indicators, not names
_VALUE_WORD = re.compile(r"^(?:长期性?|持续|是|否|有效|达标|合格|良好)$")
# a name ending in measure word + 数 (天数, 人次数, 户数) states what is counted
_COUNT_NAME = re.compile(r"(?:天|人次|人|次|户|个|家|件|台|套|场|项|篇|所|名)数$")
REQUIRED_CATEGORIES = ("产出", "效益", "满意度")
# 一级 category of a 二级 indicator, for tables that print only the 二级 column.
_LEVEL2_CATEGORY = (("数量", "产出"), ("质量", "产出"), ("时效", "产出"), ("成本", "产出"),
                    ("经济", "效益"), ("社会", "效益"), ("生态", "效益"), ("环境", "效益"), ("可持续", "效益"),
                    ("满意", "满意度"))


def table_place(table: PerformanceTable, column: str | None = None) -> Place:
    table_id = "performance_overall" if table.scope == "overall" else "performance_project"
    return Place.at(table.source, table=table_id, code=table.project_code, name=table.name, column=column)


def table_label(table: PerformanceTable) -> str:
    if table.scope == "overall":
        return "整体绩效目标表"
    return f"项目绩效目标表「{table.name or '（未填项目名称）'}」"


HAS_INDICATORS = Condition("绩效指标", lambda d: any(
    t.indicators for t in ([d.performance_overall] if d.performance_overall else []) + d.performance_projects))


def project_pairs(doc: Doc) -> list[Pair]:
    return doc.cached("project_pairs", lambda: match_projects(doc.disclosure.projects, doc.disclosure.performance_projects))


def all_tables(doc: Doc) -> list[PerformanceTable]:
    overall = doc.disclosure.performance_overall
    return ([overall] if overall is not None else []) + doc.disclosure.performance_projects


def judged_tables(doc: Doc) -> list[PerformanceTable]:
    """The tables whose indicators were read plainly enough to be judged."""
    return [t for t in all_tables(doc) if not t.doubtful]


@rule(
    id="PERF-PROJECT-COVERAGE", family="performance", severity="error",
    title="项目支出表中的每个项目都应有绩效目标表，每张项目绩效目标表都应对应一个项目",
    basis="财预〔2015〕88号；财预〔2020〕10号；domain.md §3 P1、§4",
    needs=("projects|performance_projects",),
)
def every_project_has_targets(doc: Doc) -> Iterator[Finding]:
    tables = doc.disclosure.performance_projects
    for table in tables:
        yield from _listed_short_of_total(doc, table)
    if not doc.disclosure.projects:
        return  # no project list read: which project has no table is not known
    if not tables:
        yield Finding.at(Place(table="performance_project"), "文件列有项目支出，但没有项目绩效目标表。", "warning")
        return
    for pair in project_pairs(doc):
        if pair.table is None:
            place = Place.at(pair.project.source, table="project_expenditure", code=pair.project.code, name=pair.project.name)
            yield Finding.at(place, f"项目支出表中的项目「{pair.project.name}」没有对应的绩效目标表。")
        elif pair.project is None:
            yield Finding.at(table_place(pair.table), f"{table_label(pair.table)}在项目支出表中找不到对应的项目。", "warning")


def _listed_short_of_total(doc: Doc, table: PerformanceTable) -> Iterator[Finding]:
    """A table listing projects row by row whose 合计 is more than the projects it lists: part of the money
    has no target printed. The department's own row (its name, or the 合计 again) is no project; a unit's
    subtotal read as a project makes the projects more, never less, and so hides a shortfall at worst."""
    total = table.listed_total
    projects = [p for p in table.listed if p.name != doc.disclosure.department and p.fund != total]
    if total is None or not projects:
        return
    listed = sum((p.fund for p in projects), Decimal(0))
    if total - listed <= doc.tolerance * (len(projects) + 1):
        return
    unit = doc.unit
    message = (f"项目绩效目标表合计为 {amount(total, unit)}，表中所列 {len(projects)} 个项目的资金之和为 "
               f"{amount(listed, unit)}，有 {amount(total - listed, unit)}的项目支出没有列出绩效目标；"
               "请补列这些项目的绩效目标，或说明未列的原因（如涉密）。")
    yield Finding.mismatch(Place.at(table.source, table="performance_project"), listed, total, message, "warning")


@rule(
    id="PERF-FUND-MATCH", family="performance", severity="error",
    title="项目绩效目标表的资金总额应等于项目支出表中该项目的金额",
    basis="绩效目标应与预算资金对应（财预〔2015〕88号）；domain.md §4",
    needs=("projects", "performance_projects"),
)
def target_funds_match_projects(doc: Doc) -> Iterator[Finding]:
    for pair in project_pairs(doc):
        if pair.project is None or pair.table is None or pair.table.fund is None:
            continue
        stated = Figure(pair.table.fund, f"{table_label(pair.table)}资金总额", table_place(pair.table, "fund"))
        expected = replace(project_figure(doc, pair.project), phrase=f"项目支出表中「{pair.project.name}」的金额")
        finding = doc.compare(stated, expected)
        if finding:
            yield finding


def _period_problem(table: PerformanceTable, year: int) -> tuple[str, str] | None:
    start, end = table.start, table.end
    first, last = date(year, 1, 1), date(year, 12, 31)
    shown = f"{start or '?'} 至 {end or '?'}"
    if start and end and start > end:
        return "error", f"项目起始时间晚于终止时间（{shown}）"
    if (end and end < first) or (start and start > last):
        return "error", f"项目期间 {shown} 不在 {year} 预算年度内"
    if (start and start < first) or (end and end > last):
        # a project over several years prints its whole period: told, not warned about
        return "info", f"项目期间 {shown} 跨越 {year} 预算年度之外，应为跨年度项目，年度绩效目标应为本年度的部分"
    return None


@rule(
    id="PERF-PERIOD", family="performance", severity="error",
    title="项目绩效目标表的项目期间应在预算年度内",
    basis="年度绩效目标对应当年预算（财预〔2015〕88号）；domain.md §4",
    needs=("performance_projects", "year",
           Condition("项目起止时间", lambda d: any(t.start or t.end for t in d.performance_projects))),
)
def periods_in_budget_year(doc: Doc) -> Iterator[Finding]:
    for table in doc.disclosure.performance_projects:
        problem = _period_problem(table, doc.year)
        if problem:
            severity, what = problem
            yield Finding.at(table_place(table), f"{table_label(table)}{what}。", severity)


@rule(
    id="PERF-OVERALL-FUND", family="performance", severity="error",
    title="整体绩效目标表的部门支出预算数应等于部门支出总额",
    basis="domain.md §4（部门整体支出绩效目标表对应部门预算）",
    needs=("performance_overall", "summary|expenditure|general_expenditure"),
)
def overall_fund_matches_budget(doc: Doc) -> Iterator[Finding]:
    overall = doc.disclosure.performance_overall
    if overall.fund is None:
        return
    stated = Figure(overall.fund, "整体绩效目标表部门支出预算数", table_place(overall, "fund"))
    candidates = figures_for(doc, "expenditure_total") or figures_for(doc, "fiscal_expenditure")
    finding = agrees_with_one(doc, stated, candidates)
    if finding:
        yield finding


@rule(
    id="PERF-OVERALL-WEIGHTS", family="performance", severity="error",
    title="整体绩效目标表各指标权重之和应为 100",
    basis="部门整体支出绩效目标表格式；domain.md §4",
    needs=("performance_overall",),
    applies=Condition("整体绩效目标表列有权重", lambda d: not d.performance_overall.doubtful and any(
        i.weight is not None for i in d.performance_overall.indicators)),
)
def overall_weights_sum_to_100(doc: Doc) -> Iterator[Finding]:
    overall = doc.disclosure.performance_overall
    weights = [i.weight for i in overall.indicators if i.level3.strip()]
    total = sum((w for w in weights if w is not None), Decimal(0))
    unweighted = sum(1 for w in weights if w is None)
    if unweighted:
        # a row without weight among weighted ones: a cell lost in reading as often as left blank
        message = f"整体绩效目标表有 {unweighted} 项指标未读出权重，未核对权重之和。"
        yield Finding.at(table_place(overall, "weight"), message, "info")
    elif total != HUNDRED:
        message = f"整体绩效目标表各指标权重之和为 {total}，应为 100。"
        yield Finding.mismatch(table_place(overall, "weight"), total, HUNDRED, message)


PROBLEM_WORDS = {"value": "未填指标值", "comparator": "未写比较符（≥、≤、=）", "unit": "未写计量单位"}


def _indicator_problems(indicator: Indicator) -> list[str]:
    if indicator.value in (None, "") and indicator.number is None:
        return [] if "value" in indicator.unread or _may_be_value(indicator.level3) else ["value"]
    problems = []
    if indicator.number is not None and indicator.comparator is None and "comparator" not in indicator.unread:
        problems.append("comparator")
    if indicator.number is not None and not indicator.unit and not unit_in_name(indicator.level3):
        problems.append("unit")
    return problems


def _may_be_value(name: str) -> bool:
    """A "name" that prints a value: its own, run into the name cell ("…补助数量4户"), or a value
    word read as a name ("长期性", the value of the row above). Its value is not missing."""
    name = name.strip()
    return _VALUE_AT_END.search(name) is not None or _VALUE_WORD.match(name) is not None


def unit_in_name(name: str) -> bool:
    """A count named by its measure word ("正常运行天数", "接访人次数"): the name gives the unit."""
    return _COUNT_NAME.search(name.strip()) is not None


def _problems_by_kind(table: PerformanceTable) -> dict[str, list[Indicator]]:
    found: dict[str, list[Indicator]] = {}
    for indicator in table.indicators:
        if indicator.level3.strip():
            for problem in _indicator_problems(indicator):
                found.setdefault(problem, []).append(indicator)
    return found


@rule(
    id="PERF-INDICATOR-VALUES", family="performance", severity="warning",
    title="每个绩效指标应有指标值；定量指标应有比较符、数值和计量单位",
    basis="财预〔2015〕88号、财预〔2021〕101号（指标可衡量）；domain.md §3 P2",
    needs=("performance", HAS_INDICATORS),
)
def indicators_are_measurable(doc: Doc) -> Iterator[Finding]:
    # one finding per table and kind of problem, listing the indicators: a table is fixed as a whole
    for table in all_tables(doc):
        if table.doubtful:
            message = f"{table_label(table)}的绩效指标读取存疑（{table.doubtful}），未核对。"
            yield Finding.at(table_place(table), message, "info")
            continue
        for problem, indicators in _problems_by_kind(table).items():
            first = indicators[0]
            place = Place.at(first.source, table=table_place(table).table, code=table.project_code, name=table.name)
            names = "、".join(f"{quoted(i.level3)}" + (f"（{i.value}）" if i.value else "") for i in indicators)
            message = f"{table_label(table)}有 {len(indicators)} 项指标{PROBLEM_WORDS[problem]}：{names}。"
            yield Finding.at(place, message)


def category_of(indicator: Indicator) -> str | None:
    for text in (indicator.level1 or "", indicator.level2 or ""):
        if "满意" in text:
            return "满意度"
        if "效益" in text and "产出" not in text:
            return "效益"
        if "产出" in text:
            return "产出"
    return next((category for word, category in _LEVEL2_CATEGORY if word in (indicator.level2 or "")), None)


@rule(
    id="PERF-CATEGORIES", family="performance", severity="warning",
    title="每张绩效目标表都应有产出、效益、满意度三类一级指标",
    basis="财预〔2015〕88号（产出/效益/满意度）；财预〔2021〕101号（另设成本指标）；domain.md §3 P1、§4",
    needs=("performance", HAS_INDICATORS),
)
def three_categories_present(doc: Doc) -> Iterator[Finding]:
    for table in judged_tables(doc):
        present = {category_of(i) for i in table.indicators if i.level3.strip() or i.value}
        if not present:
            yield Finding.at(table_place(table), f"{table_label(table)}没有列出任何绩效指标。")
            continue
        if present == {None}:
            # the template lists indicators by name only (Chongqing: 指标名称 | 指标性质 | 指标值, no 一级/二级
            # column): which category each belongs to is not printed, so none can be said to be missing
            message = f"{table_label(table)}只列指标名称，未分一级、二级指标，无法核对产出、效益、满意度指标是否齐全。"
            yield Finding.at(table_place(table), message, "info")
            continue
        missing = [c for c in REQUIRED_CATEGORIES if c not in present]
        if missing and table.unplaced_values:
            # values printed without a name: the rows of the missing category may be among them
            message = f"{table_label(table)}有指标值未能对应到指标名称，无法核对{'、'.join(missing)}指标是否缺少。"
            yield Finding.at(table_place(table), message, "info")
        elif missing:
            yield Finding.at(table_place(table), f"{table_label(table)}缺少{'、'.join(missing)}指标。")


# after an indicator's name in the 当年绩效目标 text: a few words ("不低于", "达到"), then its figure
_STATED_FIGURE = re.compile(r"^[^\d，。；,;：:、]{0,6}?(\d+(?:\.\d+)?)\s*(%|[\u4e00-\u9fff]{0,2})")
_MIN_NAME_CHARS = 6


def _stated_in_target(target: str, indicator: Indicator) -> tuple[Decimal, str] | None:
    """The figure the target text gives the indicator, when it names it once, figure and unit next to it."""
    name = indicator.level3.strip()
    if len(name) < _MIN_NAME_CHARS or target.count(name) != 1:
        return None
    match = _STATED_FIGURE.match(target[target.index(name) + len(name):])
    if match is None:
        return None
    return Decimal(match.group(1)), match.group(0).strip()


@rule(
    id="PERF-TARGET-INDICATOR", family="performance", severity="warning",
    title="当年绩效目标中写明的数值应与同表指标值一致",
    basis="绩效目标与绩效指标应相互对应（财预〔2015〕88号）；domain.md §3 P2",
    needs=("performance", HAS_INDICATORS),
)
def targets_agree_with_indicators(doc: Doc) -> Iterator[Finding]:
    for table in judged_tables(doc):
        target = "".join((table.target or "").split())
        for indicator in table.indicators if target else []:
            stated = _stated_in_target(target, indicator)
            if stated is None or indicator.number is None or not indicator.unit:
                continue
            number, words = stated
            if not words.endswith(indicator.unit) or number == indicator.number:
                continue
            place = Place.at(indicator.source, table=table_place(table).table, code=table.project_code, name=table.name)
            message = (f"{table_label(table)}的当年绩效目标写“{indicator.level3.strip()}{words}”，"
                       f"而指标值为 {indicator.comparator or ''}{indicator.number}{indicator.unit}。")
            yield Finding.at(place, message)
