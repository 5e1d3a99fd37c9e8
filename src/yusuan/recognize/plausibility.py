"""Whether the reading of a coded table can be trusted.

A misread layout (a code column dropped, 款 rows read as 类, amounts shifted into the wrong cells)
does not fail loudly: it gives rows that look like rows. Its marks are in the table as a whole: the
same code on many rows, codes that do not nest under the 类/款 above them, amounts left in no
column, classes that add up to a multiple of the total. A table showing them is `doubtful`: the
checks do not run on it, since what they would report is the misreading, not the document.
"""

from __future__ import annotations

from decimal import Decimal, localcontext

from ..model import Row, Table

# a mark counts when it concerns at least this share of the table's rows (and at least _MIN_MARKS
# rows): a document may well print one code twice or one line under the wrong 款
_SHARE = Decimal("0.2")
_MIN_MARKS = 2
# the classes of a table read correctly add up to its total; a misread one gives a multiple or a part
_FACTOR = Decimal("1.5")


def doubt(table: Table, stray_amounts: int) -> str | None:
    """Why the table's reading is not reliable (in Chinese, for the report), or None."""
    coded = [row for row in table.rows if row.code]
    if not coded:
        return None
    reasons = []
    repeated = len(coded) - len({row.code for row in coded})
    if _many(repeated, len(coded)):
        reasons.append(f"{repeated} 行编码与上方重复")
    unnested = _not_nested(coded)
    if _many(unnested, len(coded)):
        reasons.append(f"{unnested} 行编码不属于其上方的类或款")
    if _many(stray_amounts, len(table.rows)):
        reasons.append(f"{stray_amounts} 个金额不在任何栏目中")
    uncoded = sum(1 for row in table.rows if not row.code and not row.item and any(row.values.values()))
    # (in a table of coded lines: a 收入总表 by unit prints names only)
    if len(coded) > len(table.rows) / 2 and _many(uncoded, len(table.rows)):
        reasons.append(f"{uncoded} 行有金额却没有编码")
    if (factor := _classes_against_total(table, coded)) is not None:
        reasons.append(f"各类之和是合计的 {factor} 倍")
    return "；".join(reasons) or None


def _many(marks: int, rows: int) -> bool:
    return marks >= _MIN_MARKS and marks >= _SHARE * rows


def _not_nested(coded: list[Row]) -> int:
    """Rows whose code does not start with the code of the nearest shorter code above it."""
    broken = 0
    above: dict[int, str] = {}  # code length -> the last code of that length
    for row in coded:
        code = row.code or ""
        parent = next((above[length] for length in (5, 3) if length < len(code) and length in above), None)
        if parent is not None and not code.startswith(parent):
            broken += 1
        above[len(code)] = code
        # a new 类 starts afresh: the 款 of the class before is no parent of what follows
        for length in [length for length in above if length > len(code)]:
            del above[length]
    return broken


def _classes_against_total(table: Table, coded: list[Row]) -> Decimal | None:
    """How many times the total the 类 lines add up to, when that is far from once."""
    total_row = table.item("total")
    column = "total" if "total" in table.column_ids else next(iter(table.column_ids), None)
    if total_row is None or column is None:
        return None
    total = total_row.value(column)
    classes = [row for row in coded if len(row.code or "") == 3]
    printed = {row.code for row in classes}
    if not total or total <= 0 or any((row.code or "")[:3] not in printed for row in coded):
        return None  # a table printing some lines without their 类 line does not add up by class
    ratio = sum(v for row in classes if (v := row.value(column)) is not None) / total
    if ratio > _FACTOR or ratio * _FACTOR < 1:
        with localcontext() as context:  # a ratio of 10^30 needs more digits than the default 28 to one decimal
            context.prec = max(context.prec, ratio.adjusted() + 3)
            return ratio.quantize(Decimal("0.1"))
    return None
