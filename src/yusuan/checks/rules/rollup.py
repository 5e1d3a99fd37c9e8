"""Hierarchy roll-ups: 类 = Σ款, 款 = Σ项, 合计 = Σ类, in every column of every coded table."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...classification.links import PERSONNEL_CLASSES
from ...model import ECONOMIC_TABLES, FUNCTIONAL_TABLES, TWO_SIDED_TABLES, Row, Table
from ..engine.context import Doc
from ..engine.figures import Figure
from ..engine.findings import Finding
from ..engine.identities import lines_sum, parent_equals_children
from ..engine.registry import rule
from ..engine.structure import children_by_parent, coded_rows, columns_of, is_total_row, level, top_rows, total_row
from ..engine.tolerance import Verdict, judge
from ..engine.wording import column_label

_CHILDREN_NAME = {"类": "各款", "款": "各项"}


def _parents_equal_children(doc: Doc, table: Table) -> Iterator[Finding]:
    rows = coded_rows(table)
    children = children_by_parent(rows)
    for row in rows:
        if row.code in children:
            yield from parent_equals_children(doc, table, row, children[row.code], _CHILDREN_NAME.get(level(row), "下级科目"))


@rule(
    id="ROLLUP-FUNCTION", family="rollup", severity="error",
    title="功能分类：每个类等于其下各款之和，每个款等于其下各项之和（每一栏）",
    basis="《政府收支分类科目》类-款-项层级；domain.md §3 A2",
    needs=("|".join(FUNCTIONAL_TABLES),),
)
def functional_lines_roll_up(doc: Doc) -> Iterator[Finding]:
    for table in doc.tables(FUNCTIONAL_TABLES):
        yield from _parents_equal_children(doc, table)


@rule(
    id="ROLLUP-ECONOMIC", family="rollup", severity="error",
    title="经济分类：每个类等于其下各款之和（每一栏）",
    basis="部门预算支出经济分类类-款层级；domain.md §3 A3",
    needs=("basic_expenditure",),
)
def economic_lines_roll_up(doc: Doc) -> Iterator[Finding]:
    for table in doc.tables(ECONOMIC_TABLES):
        yield from _parents_equal_children(doc, table)


def _total_equals_lines(doc: Doc, table: Table, total_item_row, lines, phrase: str) -> Iterator[Finding]:
    for column in columns_of(table):
        if column not in total_item_row.values and all(column not in r.values for r in lines):
            continue
        finding = doc.compare(doc.cell(table, total_item_row, column), lines_sum(doc, table, lines, column, phrase))
        if finding:
            yield finding


@rule(
    id="ROLLUP-TOTAL", family="rollup", severity="error",
    title="合计（本年支出合计）等于各类之和（每一栏）",
    basis="《政府收支分类科目》；财预〔2016〕143号表格式；domain.md §3 A2",
    needs=("|".join(FUNCTIONAL_TABLES + ECONOMIC_TABLES + TWO_SIDED_TABLES),),
)
def total_is_sum_of_classes(doc: Doc) -> Iterator[Finding]:
    for table in doc.tables(FUNCTIONAL_TABLES + ECONOMIC_TABLES):
        total, lines = total_row(table), top_rows(coded_rows(table))
        if total is not None and lines:
            yield from _total_equals_lines(doc, table, total, lines, "各类之和")
    for table in doc.tables(TWO_SIDED_TABLES):
        total, lines = _spending_total(table), coded_rows(table, "expenditure")
        if total is not None and lines and _classes_lead(table):
            yield from _total_equals_lines(doc, table, total, lines, "各类支出之和")


# lines that stand between the year's spending and 支出总计 (结转下年, 结余分配)
_BELOW_SPENDING = ("carry_forward", "balance_distribution")
# spending a 支出总计 holds beside the classes: 经营支出, 上缴上级支出, 对附属单位补助支出, 预留机动经费
_BESIDE_CLASSES = re.compile(r"经营支出|上缴上级|附属单位|预留|结转|结余")


def _spending_total(table: Table) -> Row | None:
    """The line the spending classes add up to: 本年支出合计; where the template prints none (湖州's
    财政拨款收支总表 closes the classes with 支出总计 alone), 支出总计, unless a line with money that is
    no class stands beside them (结转下年, 经营支出 …)."""
    total = table.item("expenditure_total", "expenditure")
    if total is not None:
        return total
    beside = [r for r in table.rows if r.side == "expenditure" and r.code is None and r.item != "grand_total"
              and (r.item in _BELOW_SPENDING or _BESIDE_CLASSES.search(r.name))]
    if any(v for r in beside for v in r.values.values()):
        return None
    return table.item("grand_total", "expenditure")


def _classes_lead(table: Table) -> bool:
    """The spending side opens with a coded line: the lines under it are then its 款 and 项. A side
    opening with lines of no code lost the code of a class, whose money the sum would miss."""
    first = next((r for r in table.rows if r.side == "expenditure" and r.item is None), None)
    return first is not None and first.code is not None


@rule(
    id="ROLLUP-PROJECT-LIST", family="rollup", severity="error",
    title="项目支出表合计等于各项目之和（每一栏）",
    basis="项目支出表格式；domain.md §2.1",
    needs=("project_expenditure",),
)
def project_list_total(doc: Doc) -> Iterator[Finding]:
    table = doc.table("project_expenditure")
    total = total_row(table)
    projects = [r for r in table.rows if not is_total_row(r)]
    if total is not None and projects:
        yield from _total_equals_lines(doc, table, total, projects, "各项目之和")


@rule(
    id="ROLLUP-PERSONNEL-CLASSES", family="rollup", severity="warning",
    title="基本支出表：人员经费合计等于工资福利支出与对个人和家庭的补助之和，公用经费合计等于其余各类之和",
    basis="预算法实施条例第五条；domain.md §3 A3（各地模板对个别款的归属略有不同，故为警告）",
    needs=("basic_expenditure",),
)
def personnel_and_public_by_class(doc: Doc) -> Iterator[Finding]:
    table = doc.table("basic_expenditure")
    total = total_row(table)
    classes = [r for r in coded_rows(table) if level(r) == "类"]
    if not classes:
        return
    personnel = [r for r in classes if r.code in PERSONNEL_CLASSES]
    public = [r for r in classes if r.code not in PERSONNEL_CLASSES]
    for column, lines, phrase in (("personnel", personnel, "工资福利支出与对个人和家庭的补助之和"),
                                  ("public", public, "其余各类（商品和服务支出等）之和")):
        stated = _personnel_or_public(doc, table, total, column)
        # a table without the column cannot be checked (the engine says so); one with it is compared
        finding = None if stated is None else doc.compare(stated, lines_sum(doc, table, lines, "total", phrase))
        whole = _classes_elsewhere(doc, table, classes)
        if finding and finding.is_problem and whole:
            finding.message += f"本表把{'、'.join(whole)}整类列入另一栏。"
        elif finding and finding.is_problem and _split_by_template(doc, table, classes, column, stated):
            finding.severity = "info"
            finding.message += (f"各类自身所列{column_label(table, column)}之和与合计一致，本表把"
                                f"{'、'.join(_placed_otherwise(doc, table))}的部分或全部列入另一栏，属本地模板的归类，不是计算错误。")
        if finding:
            yield finding


def _classes_elsewhere(doc: Doc, table: Table, classes: list[Row]) -> list[str]:
    """The 类 lines whose whole amount stands in the column of the other kind (对个人和家庭的补助 all in
    公用经费). A template books some 款 on the other side (工会经费, 医疗费补助, 其他对个人和家庭的补助
    beside the rest of their 类); none books a whole 类 there: that is a misplaced line, not a template."""
    if not (doc.prints(table, "personnel") and doc.prints(table, "public")):
        return []
    moved = []
    for row in classes:
        own, other = ("personnel", "public") if row.code in PERSONNEL_CLASSES else ("public", "personnel")
        total = row.values.get("total")
        if total and not row.values.get(own) and row.values.get(other) == total:
            moved.append(f"「{row.code} {row.name}」")
    return moved


def _split_by_template(doc: Doc, table: Table, classes: list[Row], column: str, stated: Figure) -> bool:
    """The class lines print their own 人员经费/公用经费 split and it adds up to the 合计 line: the table
    is consistent, and only its template places some 款 on the other side (湖南: 30228 工会经费 under
    人员经费; 重庆: 30307 医疗费补助 partly under 公用经费; 湖州: 30399 under 公用经费)."""
    if not doc.prints(table, column) or not _placed_otherwise(doc, table):
        return False
    printed = Figure.total_of((doc.cell(table, r, column) for r in classes), "各类之和")
    return judge(stated.value, printed.value, stated.figures + printed.figures, doc.tolerance) != Verdict.mismatch


def _personnel_or_public(doc: Doc, table: Table, total: Row | None, column: str) -> Figure | None:
    """The 合计 line's 人员经费 / 公用经费 cell, or, in a table printed as two halves, the half's closing
    line (人员经费合计 / 公用经费合计, item `personnel` / `public`)."""
    if total is not None:
        return doc.cell(table, total, column)
    closing = table.item(column)
    return None if closing is None else doc.cell(table, closing, "total")


def _placed_otherwise(doc: Doc, table: Table) -> list[str]:
    """The 款 lines with money in the column their 类 does not belong to (or less than their total in the
    one it does, where only that column is printed)."""
    moved = []
    for row in coded_rows(table):
        own, other = ("personnel", "public") if row.code[:3] in PERSONNEL_CLASSES else ("public", "personnel")
        short = doc.prints(table, own) and (row.values.get(own) or 0) != (row.values.get("total") or 0)
        if level(row) == "款" and (row.values.get(other) or short):
            moved.append(f"「{row.code} {row.name}」")
    return moved
