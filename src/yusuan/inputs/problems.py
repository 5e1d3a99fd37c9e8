"""Input problems as messages a finance officer can act on: where (sheet/row/column or key) and what to enter."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from pydantic import ValidationError

from ..compose.facts import BudgetInput
from ..compose.validate import Problem, problems
from ..errors import YusuanError

T = TypeVar("T")
Place = Callable[[tuple[str | int, ...]], str]

_CHOICES = {
    "general_budget": "一般公共预算拨款", "gov_fund": "政府性基金预算拨款", "state_capital": "国有资本经营预算拨款",
    "special_account": "财政专户管理资金", "operating": "事业收入", "business": "事业单位经营收入",
    "superior_subsidy": "上级补助收入", "subordinate": "附属单位上缴收入", "other": "其他收入",
    "goods": "货物", "works": "工程", "services": "服务",
}


# what is left to check when the facts could not be read whole
PENDING = ("改正以上问题后请再运行一次：yusuan 还要核对表与表之间的数（经济科目与基本支出、项目与项目支出、"
           "三公经费、上年数、绩效目标等）。")


class InputError(YusuanError):
    """Bad input; `messages` lists every problem found, each naming where it is.

    `tentative` are the checks between sheets made with the unreadable cells left out: they are listed
    after the others, with a note that they may change once those cells are corrected. `pending` says
    what could not be checked yet.
    """

    def __init__(self, name: str, messages: list[str], tentative: list[str] | None = None,
                 pending: str | None = None):
        tentative = tentative or []
        self.messages = messages + tentative
        text = f"“{name}”中有 {len(self.messages)} 处需要修改：\n" + "\n".join(f"- {m}" for m in messages)
        if tentative:
            text += ("\n以下几处是表与表之间的核对，做的时候跳过了上面有问题的单元格；改正上面的问题后，"
                     "这几处可能随之变化：\n" + "\n".join(f"- {m}" for m in tentative))
        if pending:
            text += f"\n{pending}"
        super().__init__(text)


def _expected(error: dict) -> str:
    kind, field = error["type"], str(error["loc"][-1]) if error["loc"] else ""
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return "缺少必填内容，请填写"
    if kind == "string_pattern_mismatch" and field in ("code", "functional_code"):
        digits = "5" if "economic" in str(error["loc"][0]) else "7"
        return f"“{error.get('input')}”不是{digits}位数字的科目编码，请填写{digits}位编码（如 {'30101' if digits == '5' else '2011301'}）"
    if kind.startswith("decimal") or kind in ("float_parsing", "float_type"):
        return f"“{error.get('input')}”不是数字，请填写金额（如 1234.56，不带单位）"
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return f"“{error.get('input')}”不是整数，请填写整数"
    if kind == "literal_error":
        options = [o.strip(" '") for o in str(ctx.get("expected", "")).replace(" or ", ",").split(",")]
        shown = "、".join(_CHOICES.get(o, o) for o in options if o)
        return f"“{error.get('input')}”不是可选的值，请填写其中之一：{shown}"
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    if kind == "too_short":
        return "至少要填写一项"
    if kind in ("date_parsing", "date_from_datetime_parsing", "date_type"):
        return f"“{error.get('input')}”不是日期，请按 2024-01-01 的格式填写"
    if kind == "extra_forbidden":
        return "无法识别的项目，请删除或检查拼写"
    if kind in ("greater_than_equal", "less_than_equal"):
        return f"“{error.get('input')}”超出范围，请填写正确的年度"
    return f"内容不符合要求（{error['msg']}）"


def pydantic_messages(exc: ValidationError, place: Place) -> list[str]:
    return [f"{place(tuple(e['loc']))}：{_expected(e)}。" for e in exc.errors(include_url=False)]


def validation_messages(build: Callable[[], T], name: str, place: Place) -> T:
    """Run `build`; a pydantic ValidationError becomes an InputError naming every bad value."""
    try:
        return build()
    except ValidationError as exc:
        raise InputError(name, pydantic_messages(exc, place), pending=PENDING) from exc


def consistency(facts: BudgetInput, place: Place) -> tuple[list[str], list[str]]:
    """(errors, warnings) between the facts, each located."""
    found = problems(facts)
    return ([_message(p, place) for p in found if p.severity == "error"],
            [_message(p, place) for p in found if p.severity == "warning"])


def check_facts(facts: BudgetInput, name: str, place: Place) -> list[str]:
    """Errors between facts raise InputError; warnings are returned as messages."""
    errors, warnings = consistency(facts, place)
    if errors:
        raise InputError(name, errors)
    return warnings


def _message(problem: Problem, place: Place) -> str:
    return f"{place(problem.path)}：{problem.message}"
