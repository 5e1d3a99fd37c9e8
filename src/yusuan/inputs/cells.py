"""One cell of the input workbook read into a fact, or a message saying what to enter instead."""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from .sheets import Column

_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_CENT = Decimal("0.01")


class CellProblem(ValueError):
    """What is wrong with a cell and what to enter instead (Chinese)."""


def _decimal(value: object) -> Decimal:
    if isinstance(value, bool):
        raise CellProblem("应为数字")
    if isinstance(value, (int, Decimal)):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value))  # the shortest text that is this double: 3805.35, not 3805.3499…
    text = str(value).strip().replace(",", "").replace("，", "").removesuffix("万元").removesuffix("元").strip()
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise CellProblem(f"“{value}”不是数字，请填写金额（如 1234.56，不带单位）") from None
    if not number.is_finite():
        raise CellProblem(f"“{value}”不是数字，请填写金额（如 1234.56，不带单位）")
    return number


def money(value: object) -> Decimal:
    number = _decimal(value)
    if number < 0:
        raise CellProblem(f"金额 {number} 是负数，请填写0或正数（减少额不必填写，由 yusuan 计算）")
    if number != number.quantize(_CENT):
        rounded = number.quantize(_CENT)
        if abs(number - rounded) > Decimal("0.000001"):  # binary noise from Excel arithmetic is fine
            raise CellProblem(f"金额 {number} 超过两位小数，请保留两位小数")
    return number.quantize(_CENT)


def code(value: object, digits: int) -> str:
    text = str(int(value)) if isinstance(value, (int, float)) and not isinstance(value, bool) else str(value).strip()
    text = text.replace(" ", "")
    if not (text.isdigit() and len(text) == digits):
        example = "2011301" if digits == 7 else "30101"
        raise CellProblem(f"“{value}”不是{digits}位数字的科目编码，请填写{digits}位编码（如 {example}）")
    return text


def count(value: object) -> int:
    number = _decimal(value)
    if number < 0 or number != number.to_integral_value():
        raise CellProblem(f"“{value}”不是不小于0的整数，请填写车辆数等整数")
    return int(number)


def year(value: object) -> int:
    number = count(value)
    if not 2000 <= number <= 2100:
        raise CellProblem(f"“{value}”不是年份，请填写四位年份（如 2024）")
    return number


def a_date(value: object) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    match = _DATE.match(str(value).strip())
    if match is None:
        raise CellProblem(f"“{value}”不是日期，请按 2024-01-01 的格式填写")
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        raise CellProblem(f"“{value}”不是有效日期，请核对年月日") from None


def choice(value: object, column: Column) -> str:
    text = str(value).strip()
    choices = column.choices or {}
    if text in choices:
        return choices[text]
    if text in choices.values():
        return text
    raise CellProblem(f"“{text}”不是可选的值，请从下拉列表中选择：{'、'.join(choices)}")


def number_text(value: object) -> str:
    """An indicator value: numbers as written (200, 2.5), text as is."""
    if isinstance(value, float):
        return repr(value).removesuffix(".0")
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return str(value).strip()


def read_cell(value: object, column: Column) -> object:
    """The fact a cell holds (None when empty)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    kind = column.kind
    if kind == "money":
        return money(value)
    if kind in ("code7", "code5"):
        return code(value, 7 if kind == "code7" else 5)
    if kind == "count":
        return count(value)
    if kind == "year":
        return year(value)
    if kind == "date":
        return a_date(value)
    if kind == "choice":
        return choice(value, column)
    if kind == "number":
        return number_text(value)
    return number_text(value) if isinstance(value, (int, float)) else str(value).strip()
