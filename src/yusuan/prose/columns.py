"""Header cells -> column ids, per table kind. Labels are matched by keyword, most specific first."""

from __future__ import annotations

import re

_SOURCE_COLUMNS: list[tuple[str, str]] = [
    ("business", r"事业单位经营|经营收入"),
    # "上年财政拨款结转", "财政拨款结转" (a part of 上年结转): before 财政拨款, which they name too
    ("carryover", r"上年结转|结转结余|上年结余|年初结转|上年.{0,6}结转|结转$"),
    ("general_budget", r"一般公共预算|公共财政"),
    ("gov_fund", r"政府性基金"),
    ("state_capital", r"国有资本"),
    ("fiscal", r"财政拨款"),  # 财政拨款收入: the three fiscal sources in one column
    ("special_account", r"财政专户|专户管理"),
    ("operating", r"事业.*收入"),
    ("superior_subsidy", r"上级补助"),
    ("subordinate", r"附属单位"),
    ("other", r"其[他它].*收入|^其[他它]$"),
    # 本年收入 | 小计 beside 合计 and 上年结转 (苏州, 湖州): this year's income, a part of 合计
    ("income", r"本年收入小计"),
    ("total", r"总计|合计|小计|预算数|金额"),
]

# a table printing one amount column labels it 金额 / 预算数 / 决算数
_SINGLE_AMOUNT = r"金额|^(?:本年)?[预决]算数$"

_SPLIT_COLUMNS: list[tuple[str, str]] = [
    # 基本支出 printed as a group over 人员支出 | 公用经费 (湖州): its parts are columns of their own
    ("personnel", r"人员经费|人员支出"),
    ("public", r"公用经费|公用支出"),
    ("basic", r"基本支出"),
    ("project", r"项目支出"),
    ("reserve", r"预留|机动经费"),
    ("carry_forward", r"结转下年|年末.*结转"),
    # 决算 政府性基金 / 国有资本经营 收入支出决算表: 年初结转和结余 | 本年收入 | 本年支出 | 年末结转和结余
    ("carryover", r"年初.*结转|上年结转"),
    ("income", r"本年收入"),
    # 决算 支出决算表: 本年支出合计 = 基本支出 + 项目支出 + 上缴上级支出 + 经营支出 + 对附属单位补助支出
    ("remit_superior", r"上缴上级"),
    ("business_expenditure", r"经营支出"),
    ("subsidy_subordinate", r"对附属单位补助"),
    ("total", rf"总计|合计|小计|{_SINGLE_AMOUNT}"),
]

_ECONOMIC_COLUMNS: list[tuple[str, str]] = [
    ("personnel", r"人员经费|人员支出|人员类"),
    ("public", r"公用经费|公用支出"),
    ("total", rf"总计|合计|小计|{_SINGLE_AMOUNT}"),
]


def _compiled(columns: list[tuple[str, str]]) -> list[tuple[str, re.Pattern[str]]]:
    return [(column, re.compile(pattern)) for column, pattern in columns]


_SOURCE_PATTERNS = _compiled(_SOURCE_COLUMNS)
_SPLIT_PATTERNS = _compiled(_SPLIT_COLUMNS)
_COLUMNS_BY_KIND: dict[str, list[tuple[str, re.Pattern[str]]]] = {
    "revenue": _SOURCE_PATTERNS,
    "procurement": _SOURCE_PATTERNS,
    "expenditure": _SPLIT_PATTERNS,
    "general_expenditure": _SPLIT_PATTERNS,
    "gov_fund_expenditure": _SPLIT_PATTERNS,
    "state_capital_expenditure": _SPLIT_PATTERNS,
    "basic_expenditure": _compiled(_ECONOMIC_COLUMNS),
}

# a group printed over its parts without a column of its own is the sum of its parts
_GROUP_SUMS: dict[str, tuple[str, ...]] = {"basic": ("personnel", "public")}


def group_sums(kind: str) -> dict[str, tuple[str, ...]]:
    """Group column -> its parts, in a table of `kind` where the group is a column."""
    columns = {column for column, _ in _COLUMNS_BY_KIND.get(kind, ())}
    return {group: parts for group, parts in _GROUP_SUMS.items() if group in columns}


# Column order assumed when a header cannot be read at all (pages whose header is lost).
DEFAULT_ORDER: dict[str, list[str]] = {
    "revenue": ["total", "carryover", "general_budget", "gov_fund", "state_capital", "operating",
                "special_account", "superior_subsidy", "subordinate", "business", "other"],
    "procurement": ["total", "carryover", "general_budget", "gov_fund", "state_capital", "special_account",
                    "operating", "superior_subsidy", "subordinate", "business", "other"],
    "expenditure": ["total", "basic", "project"],
    "general_expenditure": ["total", "basic", "project"],
    "gov_fund_expenditure": ["total", "basic", "project"],
    "state_capital_expenditure": ["total", "basic", "project"],
    "basic_expenditure": ["total", "personnel", "public"],
}

_YEAR = re.compile(r"(20\d\d)年")
_PRIOR = re.compile(r"上年|上一年")
_BALANCE = re.compile(r"结转|结余")
_NOT_PRIOR = re.compile(r"总计|合计|小计|基本|项目支出")
_LABEL_COLUMN = re.compile(r"科目|项目|编码|名称|单位名称")


# the label cells of a line numbering the columns ("** | ** | 1 | 2 | 3", "栏次 | 1 | 2", "甲 | 乙 | 1")
_NUMBERING_MARKS = frozenset({"*", "**", "***", "栏次", "行次", "甲", "乙", "丙", "丁", "-"})


def is_column_numbering(cells: list[str]) -> bool:
    """A header line that numbers the columns 1, 2, 3 …: part of the header, not a row and no label."""
    filled = [text.strip() for text in cells if text.strip()]
    numbers = [int(text) for text in filled if text.isdigit() and len(text) <= 2]
    if len(numbers) < 2 or numbers[0] > 2 or numbers != list(range(numbers[0], numbers[0] + len(numbers))):
        return False
    return all(text.isdigit() or text in _NUMBERING_MARKS for text in filled)


def merged_header(header_lines: list[list[str]]) -> dict[int, str]:
    """Header lines merged column by column: a label broken over lines is joined again."""
    merged: dict[int, str] = {}
    for cells in header_lines:
        if is_column_numbering(cells):
            continue
        for index, text in enumerate(cells):
            if text.strip():
                merged[index] = merged.get(index, "") + text.replace(" ", "")
    return merged


# 决算 tables printing the budget beside the final figure: 年初预算数 | 调整预算数 (全年预算数) | 决算数.
# The 决算数 columns keep the plain ids (`total`, `basic`, ...); the budget ones are prefixed.
_BUDGET_PHASES: list[tuple[str, re.Pattern[str]]] = [
    ("budget_initial", re.compile(r"年初预算")),
    ("budget_adjusted", re.compile(r"调整(?:后)?预算|全年预算")),
]
# any budget phase, to pass over the labels naming none at once
_ANY_BUDGET_PHASE = re.compile("|".join(pattern.pattern for _, pattern in _BUDGET_PHASES))
_FINAL_PHASE = re.compile(r"^(?:本年)?决算数?")


def column_id(kind: str, label: str, year: int | None) -> str | None:
    """The column id a merged header label names in a table of `kind`, or None."""
    if _is_prior_year(label, year):
        return "prior_year"
    if "预算" in label:  # every budget phase says 预算
        for phase, pattern in _BUDGET_PHASES:
            if match := pattern.search(label):
                rest = re.sub(r"^数", "", label[match.end():])
                base = _base_column(kind, rest) if rest else "total"
                return phase if base in (None, "total") else f"{phase}_{base}"
    if "决算" in label:
        label = _FINAL_PHASE.sub("", label) or label
    return _base_column(kind, label)


_PHASE_WORD = re.compile(r"年初预算数?|调整(?:后)?预算数?|全年预算数?|(?:本年)?决算数?")


def with_phases(merged: dict[int, str], label_end: int) -> dict[int, str]:
    """A 决算 header grouping columns under 年初预算数 / 调整预算数 / 决算数 (each over 合计 | 基本支出 |
    项目支出): each sub-label gets the word of the group left of it. Headers naming no budget phase are
    returned as they are."""
    values = {i: text for i, text in merged.items() if i > label_end}
    if not any(_ANY_BUDGET_PHASE.search(text) for text in values.values()):
        return merged
    phased, phase = dict(merged), ""
    for index in sorted(values):
        if match := _PHASE_WORD.search(values[index]):
            phase = match.group(0)
        elif phase:
            phased[index] = phase + values[index]
    return phased


def _base_column(kind: str, label: str) -> str | None:
    for column, pattern in _COLUMNS_BY_KIND.get(kind, _SOURCE_PATTERNS):
        if pattern.search(label):
            return column
    return None


def _is_prior_year(label: str, year: int | None) -> bool:
    if "年" not in label:  # both the prior-year words and a printed year say 年
        return False
    if _PRIOR.search(label) and not _BALANCE.search(label):
        return True
    years = [int(y) for y in _YEAR.findall(label)]
    # the last year printed in a merged label is the nearest to the column (the group label comes first)
    return bool(years and year is not None and years[-1] < year and not _NOT_PRIOR.search(label))


def is_label_header(label: str) -> bool:
    return bool(_LABEL_COLUMN.search(label))
