"""The recognizer: knows budgets, not file formats. Document -> Disclosure."""

from __future__ import annotations

import re

from .. import collector
from ..document import Document
from ..model import TABLE_KINDS, TWO_SIDED_TABLES, Disclosure, Printed, Source, Table, Unit, Unreadable
from .cells import has_irregular_groups
from .coded import read_coded_table
from .kinds import UNMODELLED_KINDS, UNRECOGNIZED, scope_rank
from .narrative import contents_entries, read_narrative, without_contents_page
from .performance import is_performance_start, read_performance
from .profile import read_profile
from .projects import read_project_list
from .revenue_list import is_revenue_list, read_revenue_list
from .segment import Segment, Segments, split_segments
from .three_public import read_three_public
from .two_sided import read_two_sided_table

# the catalog of the codes of each table read as classification lines
_CATALOG_OF = {k.id: k.catalog for k in TABLE_KINDS if k.lines}


def recognize(document: Document) -> Disclosure:
    with collector.paused():
        return _recognize(document)


def _recognize(document: Document) -> Disclosure:
    profile = read_profile(document.lines)
    segments = _split(document.lines)
    disclosure = Disclosure(
        department=profile.department, year=profile.year, kind=profile.kind, scope=profile.scope,
        unit=profile.unit, member_units=profile.member_units, source_name=document.name, reader=document.reader,
    )
    disclosure.odd_amounts = _odd_amounts(segments.tables)
    disclosure.headings = _headings(document.lines, segments.tables)
    for segment in segments.tables:
        if segment.kind not in UNMODELLED_KINDS:
            _add_table(disclosure, segment)
        elif segment.kind == UNRECOGNIZED:
            _not_read(disclosure, segment)
    if segments.performance:
        performance = read_performance(segments.performance, disclosure.unit)
        # a title-like line with nothing under it (a table of contents, a mention in prose) is no table
        if performance.overall is not None and _has_content(performance.overall):
            disclosure.performance_overall = performance.overall
        disclosure.performance_projects = [t for t in performance.projects if _has_content(t)]
        if disclosure.performance_overall or disclosure.performance_projects:
            disclosure.unreadable += performance.unreadable
    disclosure.narrative = read_narrative(segments.narrative, disclosure.unit, disclosure.year)
    disclosure.contents = [Printed(text=line.text.strip(), source=line.source) for line in contents_entries(segments.narrative)]
    disclosure.unreadable += [Unreadable(what=f"第 {page} 页：{why}", source=Source(page=page))
                              for page, why in document.unread_pages.items()]
    return disclosure


def _odd_amounts(tables: list[Segment]) -> list[Printed]:
    """Cells of the tables printing an amount with irregular thousands separators, as printed."""
    return [Printed(text=text.strip(), source=line.source)
            for segment in tables for line in segment.lines for text in line.filled if has_irregular_groups(text)]


# "某局2024年度部门决算表", "2026年某单位单位预算": a whole document's title, with a year
_BOOK_TITLE = re.compile(r"(?:19|20)\d{2}\s*年.*(?:部门|单位)(?:预算|决算)(?:公开)?表?$|(?:部门|单位)(?:预算|决算)(?:公开)?表?$")
_YEAR = re.compile(r"(?:19|20)\d{2}\s*年")


def _headings(lines: list, tables: list[Segment]) -> list[Printed]:
    """The line right above a table's title on its page, when it prints a document's title with a year."""
    at = {id(line): index for index, line in enumerate(lines)}
    found: dict[str, Printed] = {}
    for segment in tables:
        index = at.get(id(segment.title_line))
        if not index:
            continue
        above = lines[index - 1]
        text = "".join("".join(above.filled).split())
        if above.page == segment.title_line.page and len(above.filled) == 1 and _YEAR.search(text) \
                and _BOOK_TITLE.search(text) and text not in found:
            found[text] = Printed(text=text, source=above.source)
    return list(found.values())


def _split(lines: list) -> Segments:
    segments = split_segments(lines, is_performance_start)
    if not segments.performance:
        return segments
    # a contents page lists the performance tables too ("十二、项目支出绩效目标表"): taken for the start of
    # the performance section, it would swallow the narrative and the tables printed after it
    kept = without_contents_page(lines)
    if len(kept) == len(lines) or any(line is segments.performance[0] for line in kept):
        return segments
    return split_segments(kept, is_performance_start)


def _not_read(disclosure: Disclosure, segment: Segment) -> None:
    page = f"第 {segment.title_line.page} 页的" if segment.title_line.page else ""
    disclosure.unreadable.append(Unreadable(
        what=f"{page}表格“{segment.title}”不是可识别的标准表格，未读入", source=segment.title_line.source))


# kinds a title names by a bare 收入…表 / 支出…表: the table must hold what such a table holds
_BROAD_KINDS = frozenset({"revenue", "expenditure"})


def _holds_its_kind(table: Table) -> bool:
    """A 收入总表 / 支出总表 has classification codes or known items (收入 by source) or splits its
    amounts (by source, into 基本 and 项目); a list of names with one amount column titled
    "…专项业务经费支出表" is another table."""
    if not table.rows or table.column_ids != ["total"]:
        return True
    return any(r.code or r.item not in (None, "total") for r in table.rows)


def _has_content(table) -> bool:
    return bool(table.name or table.fund is not None or table.indicators or table.start or table.end or table.doubtful)


def _add_table(disclosure: Disclosure, segment: Segment) -> None:
    unit: Unit = segment.unit or disclosure.unit
    unreadable: list[Unreadable]
    if segment.kind in TWO_SIDED_TABLES:
        table, unreadable = read_two_sided_table(segment, unit)
    elif segment.kind == "three_public":
        table, unreadable = read_three_public(segment, unit, disclosure.year)
    elif segment.kind == "revenue" and is_revenue_list(segment):
        table, unreadable = read_revenue_list(segment, unit)
    elif segment.kind == "project_expenditure":
        table, projects, unreadable = read_project_list(segment, unit)
        disclosure.projects += projects
    else:
        table, unreadable = read_coded_table(segment, unit, disclosure.year, _CATALOG_OF.get(segment.kind))
    if segment.kind in _BROAD_KINDS and not _holds_its_kind(table):
        _not_read(disclosure, segment)
        return
    disclosure.unreadable += unreadable
    kept = disclosure.tables.get(segment.kind)
    if kept is None or _replaces(table, kept):
        disclosure.tables[segment.kind] = table
    elif scope_rank(kept.id, kept.title) == scope_rank(table.id, table.title):
        # the same kind printed twice (e.g. per unit): keep the first, say so
        disclosure.unreadable.append(Unreadable(what=f"重复的表格“{segment.title}”未读入", source=segment.title_line.source))
    # else: a table of a wider scope (财政拨款支出表 beside 一般公共预算支出表), which the model does not hold


def _replaces(table: Table, kept: Table) -> bool:
    """A later table of the same kind replaces the kept one when that one is only a title with no rows
    (a contents page entry), or when the later one names the model's table more exactly."""
    if not kept.rows:
        return bool(table.rows)
    return bool(table.rows) and scope_rank(table.id, table.title) > scope_rank(kept.id, kept.title)


__all__ = ["recognize", "Table"]
