"""Classification codes: known to the catalog, named as the catalog names them, of the right kind."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...classification import WEAK_CONFIDENCE, Catalog, catalog, level_of, parent_of, same_name
from ...model import ECONOMIC_TABLES, FUNCTIONAL_TABLES, TWO_SIDED_TABLES, Row, Table
from ..engine.context import Doc
from ..engine.findings import Finding, Place
from ..engine.registry import rule
from ..engine.structure import coded_rows
from ..engine.wording import quoted, row_label

CATALOG_NOTE = "（代码目录为汇编本，可能不全，请以当年《政府收支分类科目》为准）"
# The catalogs hold the subjects of recent years. Older documents print codes and names since
# changed (Jiangsu's 2017–2019 budgets: 20805 行政事业单位离退休, 2080504, 30311 住房公积金), so for
# them a code or name the catalog lacks is told, not warned about.
CATALOG_SINCE = 2020


def _older_than_catalog(doc: Doc) -> str:
    """The note for a document older than the catalogs, or "" for a recent one."""
    if doc.year and doc.year < CATALOG_SINCE:
        return f"（代码目录按 {CATALOG_SINCE} 年起的科目汇编，{doc.year} 年的科目编码和名称可能不同）"
    return ""


def _classified_rows(doc: Doc) -> Iterator[tuple[Table, Row, str]]:
    """(table, row, catalog name) for every coded line of a classification table."""
    for table in doc.tables(FUNCTIONAL_TABLES + TWO_SIDED_TABLES):
        for row in table.rows:
            if row.code:
                yield table, row, "functional"
    for table in doc.tables(ECONOMIC_TABLES):
        for row in table.rows:
            if row.code:
                yield table, row, "economic"


def _kind_words(name: str) -> str:
    return {"functional": "支出功能分类", "economic": "部门预算支出经济分类"}[name]


@rule(
    id="CODE-KNOWN", family="codes", severity="info",
    title="科目编码应存在于支出功能分类或经济分类目录中（目录为汇编本，未收录只作提示）",
    basis="MOF《政府收支分类科目》；domain.md §3 A7、§5",
    needs=("|".join(FUNCTIONAL_TABLES + ECONOMIC_TABLES + TWO_SIDED_TABLES),),
)
def codes_in_catalog(doc: Doc) -> Iterator[Finding]:
    # The catalogs are compiled, not the Ministry's book: a code they lack is a gap in them at least as
    # often as a wrong code. So it is told once per document, where it is first printed, never warned.
    note = _older_than_catalog(doc) or CATALOG_NOTE
    told: set[str] = set()
    unknown = [
        (t, r, n) for t, r, n in _classified_rows(doc) if r.code.isdigit() and not catalog(n).knows(r.code, doc.year)
    ]
    # the tables printing each unknown code, looked up by code (not by scanning every unknown line again)
    tables_of: dict[str, list[Table]] = {}
    for table, row, _ in unknown:
        tables_of.setdefault(row.code, []).append(table)
    for table, row, name in unknown:
        if row.code in told:
            continue
        told.add(row.code)
        others = sorted({doc.title(t) for t in tables_of[row.code] if t is not table})
        also = f"（另见{'、'.join(others)}）" if others else ""
        message = f"{doc.title(table)}「{row_label(row)}」：{_kind_words(name)}目录未收录编码 {row.code}{also}{note}。"
        yield Finding.at(Place.of_row(table, row), message, "info")
    for project in doc.disclosure.projects:
        code = project.functional_code
        if code and code.isdigit() and code not in told and not catalog("functional").knows(code, doc.year):
            told.add(code)
            message = f"项目「{project.name}」的功能科目编码 {code} 不在支出功能分类目录中{note}。"
            place = Place.at(project.source, table="project_expenditure", code=project.code, name=project.name)
            yield Finding.at(place, message, "info")


def _swapped_with(book: Catalog, code: str, name: str) -> str | None:
    """The code whose catalog name this row carries, when it is a sibling: a likely swap or typo."""
    siblings = book.find(name, parent=parent_of(code), level=level_of(code))
    return next((e.code for e in siblings if e.code != code), None)


# A name cell that holds no Chinese (an amount, a page number) is a misread, not a name to compare.
_HAN = re.compile(r"[\u4e00-\u9fff]")


def _mismatches(doc: Doc, table: Table, name: str) -> list[Row]:
    book = catalog(name)
    return [
        row for row in table.rows
        if row.code and row.name and _HAN.search(row.name) and book.agrees(row.code, row.name, doc.year) is False
    ]


def _shifted(table: Table, rows: list[Row], name: str) -> list[Row]:
    """Rows whose name is that of another code of the same table: names read off their lines.

    One such row may be a document's swap; several mean the reading paired names with the wrong codes.
    """
    book = catalog(name)
    printed = {r.code: r.name for r in table.rows if r.code and r.name}
    others = [(code, [n for n in (book.name_of(code), printed[code]) if n]) for code in printed]
    shifted = [
        row for row in rows
        if any(code != row.code and any(same_name(row.name, n) for n in names) for code, names in others)
    ]
    return shifted if len(shifted) > 1 else []


@rule(
    id="CODE-NAME", family="codes", severity="warning",
    title="科目名称应与目录中该编码的名称一致（截断、括号缺失、当年有效的旧名称视为一致）",
    basis="MOF《政府收支分类科目》；domain.md §3 A7（如 30231 应为公务用车运行维护费）",
    needs=("|".join(FUNCTIONAL_TABLES + ECONOMIC_TABLES + TWO_SIDED_TABLES),),
)
def names_match_catalog(doc: Doc) -> Iterator[Finding]:
    older = _older_than_catalog(doc)
    told: set[tuple[str, str]] = set()
    tables = {id(t): (t, n) for t, _, n in _classified_rows(doc)}
    for table, name in tables.values():
        book = catalog(name)
        rows = _mismatches(doc, table, name)
        shifted = _shifted(table, rows, name)
        if shifted:
            message = (f"{doc.title(table)}有 {len(shifted)} 行的科目名称是同表另一编码的名称"
                       f"（如「{row_label(shifted[0])}」），名称与编码可能在识别时错行，请对照原文核对。")
            yield Finding.at(Place.of_row(table, shifted[0]), message, "info")
        for row in rows:
            if any(row is s for s in shifted) or (row.code, row.name) in told:
                continue
            told.add((row.code, row.name))
            entry = book.get(row.code)
            expected = entry.name if entry else book.aliases(row.code, doc.year)[0].name
            other = _swapped_with(book, row.code, row.name)
            message = f"{doc.title(table)}「{row_label(row)}」：编码 {row.code} 在目录中的名称是{quoted(expected)}{older}。"
            if other:
                message += f"{quoted(row.name)}是编码 {other} 的名称，编码与名称可能错配。"
            # a name the catalog only recalls is weak evidence against a printed one
            weak = entry is None or entry.confidence in WEAK_CONFIDENCE
            severity = "info" if older or weak else ("error" if other else None)
            yield Finding.mismatch(Place.of_row(table, row), row.name, expected, message, severity)


def _expected_shape(catalog_name: str) -> tuple[str, tuple[int, ...]]:
    return ("2", (3, 5, 7)) if catalog_name == "functional" else ("35", (3, 5))


def _economic_sub_item(doc: Doc, table: Table, code: str) -> bool:
    """A template may detail an economic 款 one level further (Chongqing: 3010201 规范性津补贴 under 30102):
    a code that extends a 款 printed in the table, or known to the catalog, is an economic code."""
    section = code[:5]
    if len(code) != 7 or not code.isdigit() or code[0] not in "35":
        return False
    return table.row(section) is not None or catalog("economic").knows(section, doc.year)


@rule(
    id="CODE-DOMAIN", family="codes", severity="error",
    title="功能分类表中只能有功能科目（2 开头），经济分类表中只能有经济科目（3/5 开头），编码只含数字",
    basis="domain.md §3 A8、§5",
    needs=("|".join(FUNCTIONAL_TABLES + ECONOMIC_TABLES + TWO_SIDED_TABLES),),
)
def codes_of_the_right_kind(doc: Doc) -> Iterator[Finding]:
    for table, row, name in _classified_rows(doc):
        first_digits, lengths = _expected_shape(name)
        if not row.code.isdigit():
            problem = "含有非数字字符"
        elif name == "economic" and _economic_sub_item(doc, table, row.code):
            continue
        elif row.code[0] not in first_digits or len(row.code) not in lengths:
            problem = f"不是{_kind_words(name)}的编码（应以 {'/'.join(first_digits)} 开头、为 {'/'.join(map(str, lengths))} 位）"
        else:
            continue
        yield Finding.at(Place.of_row(table, row), f"{doc.title(table)}「{row_label(row)}」：编码 {row.code} {problem}。")


@rule(
    id="CODE-DUPLICATE", family="codes", severity="error",
    title="同一张表中同一科目编码只应出现一次",
    basis="表格格式；重复的科目会使合计重复计算",
    needs=("|".join(FUNCTIONAL_TABLES + ECONOMIC_TABLES + TWO_SIDED_TABLES),),
)
def codes_listed_once(doc: Doc) -> Iterator[Finding]:
    for table in doc.tables(FUNCTIONAL_TABLES + ECONOMIC_TABLES + TWO_SIDED_TABLES):
        seen: set[tuple[str, str | None]] = set()
        for row in coded_rows(table):
            key = (row.code, row.side)
            if key in seen:
                yield Finding.at(Place.of_row(table, row), f"{doc.title(table)}中「{row_label(row)}」出现了不止一次。")
            seen.add(key)
