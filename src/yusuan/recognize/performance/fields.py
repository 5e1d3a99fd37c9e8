"""The values of header fields, each repaired from the pieces the layout left of it."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from ...document import Line
from ...model.amounts import Unit, convert
from ..cells import compact
from .dates import read_period
from .header import HeaderFields
from .text import cjk_count, join_fragments, trim_marks
from .values import read_amount

_MIN_NAME_CJK = 2


# "单位名称:某局 单位:万元": the table's unit printed after the name in its cell
_UNIT_AFTER = re.compile(r"\s*(?:金额)?单位[:：]\s*(?:万元|元)$")


def read_name(pieces: list[str]) -> str | None:
    """A name, or None when what is left is no name (a stray "置")."""
    name = _UNIT_AFTER.sub("", join_fragments(pieces))
    return name if cjk_count(name) >= _MIN_NAME_CJK else None


def name_from_line(line: Line) -> str | None:
    """The name on a line printed without its 项目名称 label ("] | | 2023年中国产业发展对接活动 | 动")."""
    texts = [t for t in line.texts if t.strip()]
    start = next((i for i, t in enumerate(texts) if cjk_count(t) >= _MIN_NAME_CJK), len(texts))
    return read_name(texts[start:])


def read_text(pieces: list[str]) -> str | None:
    # prose keeps its punctuation; pieces that are nothing but marks are dropped
    return "".join(p.strip() for p in pieces if trim_marks(p)) or None


# "资金总额(元)", "额(万元)": the unit beside the label
_LABEL_UNIT = re.compile(r"[(（]\s*(万元|元)\s*[)）]")


def read_fund(fields: HeaderFields, unit: Unit) -> Decimal | None:
    """资金总额, or the sum of its parts (财政拨款, 其他资金) when only they are printed, in `unit` (the
    document's) whatever unit the table prints it in."""
    if (total := read_amount(fields.get("fund"))) is not None:
        return _in_unit(total, _fund_unit(fields, "fund"), unit)
    parts = [_in_unit(amount, _fund_unit(fields, name), unit) for name in ("fund_fiscal", "fund_other")
             if (amount := read_amount(fields.get(name))) is not None]
    return sum(parts, Decimal(0)) if parts else None


def _fund_unit(fields: HeaderFields, name: str) -> Unit | None:
    line = fields.sources.get(name)
    beside = _LABEL_UNIT.search(compact("".join(line.filled))) if line is not None else None
    return Unit(beside.group(1)) if beside else fields.unit


def _in_unit(amount: Decimal, printed: Unit | None, unit: Unit) -> Decimal:
    return amount if printed is None or printed == unit else convert(amount, printed, unit)


def _nature_of(printed: str) -> str | None:
    if "常" in printed or "年" in printed:
        return "常年"
    if "一" in printed or "次" in printed:
        return "一次"
    return None


def read_nature(fields: HeaderFields) -> str | None:
    """常年 or 一次, from what is left of it ("常 | ·年", "_ | 次"); other wording as printed."""
    if "nature" in fields.pieces:
        printed = trim_marks(compact("".join(fields.get("nature"))))
        return _nature_of(printed) or printed or None
    # 项目性质 label lost: its value may be left on the 资金总额 line ("10 | —————常 | 年")
    return _nature_of("".join(p for p in fields.get("fund") if read_amount([p]) is None))


def read_dates(fields: HeaderFields) -> tuple[date | None, date | None]:
    start, end = read_period(fields.get("start"), fields.get("end"))
    if start is None and end is None and "period" in fields.pieces:
        start, end = read_period(fields.get("period"), [])
    return start, end
