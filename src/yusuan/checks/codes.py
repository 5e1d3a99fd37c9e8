"""Classification codes: known to the catalog, named as the catalog names them, of the right kind."""

from __future__ import annotations

from collections.abc import Iterator

from ..classification import Catalog, catalog, level_of, parent_of
from ..model import Row, Table
from .context import Doc
from .engine import rule
from .findings import Finding, Place
from .structure import ECONOMIC_TABLES, FUNCTIONAL_TABLES, TWO_SIDED_TABLES, coded_rows
from .wording import quoted, row_label

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
    id="CODE-KNOWN", family="codes", severity="warning",
    title="科目编码应存在于支出功能分类或经济分类目录中",
    basis="MOF《政府收支分类科目》；domain.md §3 A7、§5",
    needs=("|".join(FUNCTIONAL_TABLES + ECONOMIC_TABLES + TWO_SIDED_TABLES),),
)
def codes_in_catalog(doc: Doc) -> Iterator[Finding]:
    older = _older_than_catalog(doc)
    gap, note = ("info", older) if older else ("warning", CATALOG_NOTE)
    for table, row, name in _classified_rows(doc):
        if not row.code.isdigit() or row.code in catalog(name):
            continue
        # the 类 level of the catalogs is complete, so an unknown 类 is a wrong code, not a gap in the catalog
        if level_of(row.code) == "类":
            message = f"{doc.title(table)}「{row_label(row)}」：{_kind_words(name)}中没有编码 {row.code}。"
            yield Finding.at(Place.of_row(table, row), message, "error")
            continue
        message = f"{doc.title(table)}「{row_label(row)}」：{_kind_words(name)}中没有编码 {row.code}{note}。"
        yield Finding.at(Place.of_row(table, row), message, gap)
    for project in doc.disclosure.projects:
        code = project.functional_code
        if code and code.isdigit() and code not in catalog("functional"):
            message = f"项目「{project.name}」的功能科目编码 {code} 不在支出功能分类中{note}。"
            place = Place.at(project.source, table="project_expenditure", code=project.code, name=project.name)
            yield Finding.at(place, message, gap)


def _swapped_with(book: Catalog, code: str, name: str) -> str | None:
    """The code whose catalog name this row carries, when it is a sibling: a likely swap or typo."""
    siblings = book.find(name, parent=parent_of(code), level=level_of(code))
    return next((e.code for e in siblings if e.code != code), None)


@rule(
    id="CODE-NAME", family="codes", severity="warning",
    title="科目名称应与目录中该编码的名称一致",
    basis="MOF《政府收支分类科目》；domain.md §3 A7（如 30231 应为公务用车运行维护费）",
    needs=("|".join(FUNCTIONAL_TABLES + ECONOMIC_TABLES + TWO_SIDED_TABLES),),
)
def names_match_catalog(doc: Doc) -> Iterator[Finding]:
    older = _older_than_catalog(doc)
    for table, row, name in _classified_rows(doc):
        book = catalog(name)
        if not row.name or book.name_matches(row.code, row.name) is not False:
            continue
        other = _swapped_with(book, row.code, row.name)
        expected = book.name_of(row.code)
        message = f"{doc.title(table)}「{row_label(row)}」：编码 {row.code} 在目录中的名称是{quoted(expected)}{older}。"
        if other:
            message += f"{quoted(row.name)}是编码 {other} 的名称，编码与名称可能错配。"
        severity = "error" if other else ("info" if older else None)
        yield Finding.mismatch(Place.of_row(table, row), row.name, expected, message, severity)


def _expected_shape(catalog_name: str) -> tuple[str, tuple[int, ...]]:
    return ("2", (3, 5, 7)) if catalog_name == "functional" else ("35", (3, 5))


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
