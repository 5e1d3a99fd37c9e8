"""What the pages' filter forms send, read leniently: a field left empty ("全部") means no filter.

The JSON API takes typed parameters (an empty `year=` is an error there); a form sends every
field, empty or not, so the pages read them here and answer a wrong value with a page, not JSON.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import HTTPException, Query

from ..archive import Filters
from .comparing import Question

Text = Annotated[str, Query(max_length=100)]
KINDS = ("budget", "final")


def _year(text: str) -> int | None:
    if not text.strip():
        return None
    if not text.strip().isdigit() or not 1949 <= int(text) <= 2100:
        raise HTTPException(422, f"年度“{text}”无效。请选择或输入四位数的年度。")
    return int(text)


def _kind(text: str) -> str | None:
    if text and text not in KINDS:
        raise HTTPException(422, "类型只能是预算（budget）或决算（final）。")
    return text or None


def _flag(text: str) -> bool | None:
    if text and text not in ("true", "false"):
        raise HTTPException(422, "“错误”一栏只能选择有或无。")
    return None if not text else text == "true"


def list_form(department: Text = "", region: Text = "", year: Text = "", kind: Text = "",
              has_errors: Text = "") -> Filters:
    return Filters(department.strip() or None, region.strip() or None, _year(year), _kind(kind),
                       _flag(has_errors))


def compare_form(department: Text = "", region: Text = "", year: Text = "", kind: Text = "") -> Question:
    return Question(department.strip() or None, region.strip() or None, _year(year), _kind(kind) or "budget")
