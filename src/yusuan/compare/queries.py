"""The comparisons: one department over the years, or the departments of a region in one year.

Both read the archive's headline figures (table `figures`, 万元) of the budget year of each document.
Each year (or department) is one document, never a sum: where the archive holds several of the same
department, year, kind and scope (a PDF and a text of one disclosure, a file added twice in different
forms), the one that prints the most figures is used, the latest added among equals, and the
comparison says which it used and why (`Comparison.choices`). A document from which no figure was
read is never used silently: the comparison says so and what to add instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import duckdb

from ..archive import Archive
from ..archive.metrics import metric_label
from ..classification import catalog
from ..errors import YusuanError
from ..model.metrics import THREE_PUBLIC_ITEMS
from .model import Comparison, Section, Series

_KIND_LABELS = {"budget": "预算", "final": "决算"}
_HEADLINE = ("three_public_total", *THREE_PUBLIC_ITEMS, "basic", "project", "expenditure_total", "operating_cost")
# 基本/项目 split of the whole department (部门支出总表) before that of the general budget alone.
_PREFERRED_ORIGIN = {"basic": "table:expenditure", "project": "table:expenditure"}


def _figures(cur: duckdb.DuckDBPyConnection, document_ids: list[int]) -> dict[int, dict[str, Decimal]]:
    """metric -> amount per document, for its own year, the preferred printed place of each."""
    if not document_ids:
        return {}
    preferred = " ".join(f"WHEN '{m}' THEN '{o}'" for m, o in _PREFERRED_ORIGIN.items())
    metrics = ", ".join(f"'{m}'" for m in _HEADLINE)
    rows = cur.execute(f"""
        SELECT f.document_id, f.metric, f.amount FROM figures f JOIN documents d ON d.id = f.document_id
        WHERE f.document_id IN (SELECT unnest(?)) AND f.year = d.year
          AND (f.metric IN ({metrics}) OR f.metric LIKE 'expenditure:___')
        QUALIFY row_number() OVER (PARTITION BY f.document_id, f.metric
                                   ORDER BY f.origin = (CASE f.metric {preferred} END) DESC NULLS LAST, f.rank) = 1
    """, [document_ids]).fetchall()
    found: dict[int, dict[str, Decimal]] = {i: {} for i in document_ids}
    for document_id, metric, amount in rows:
        found[document_id][metric] = amount
    return found


def _series(keys: tuple[str, ...] | list[str], figures: list[dict[str, Decimal]], labels=None) -> list[Series]:
    return [Series(k, (labels or {}).get(k) or metric_label(k), [f.get(k) for f in figures]) for k in keys]


def _functional_section(figures: list[dict[str, Decimal]]) -> Section:
    codes = sorted({m.split(":", 1)[1] for f in figures for m, v in f.items() if m.startswith("expenditure:") and v})
    names = catalog("functional")
    labels = {f"expenditure:{c}": f"{c} {names.name_of(c) or ''}".strip() for c in codes}
    keys = [f"expenditure:{c}" for c in codes]
    return Section("functional", "支出功能分类结构（类）", _series(keys, figures, labels), tuple(keys), shares=True)


def sections_for(figures: list[dict[str, Decimal]]) -> list[Section]:
    return [
        Section("three_public", "“三公”经费", _series(("three_public_total", *THREE_PUBLIC_ITEMS), figures,
                                                     {"three_public_total": "合计"}), THREE_PUBLIC_ITEMS),
        Section("basic_project", "基本支出与项目支出", _series(("basic", "project", "expenditure_total"), figures,
                                                         {"expenditure_total": "支出合计"}),
                ("basic", "project"), shares=True),
        _functional_section(figures),
        Section("operating_cost", "机关运行经费", _series(("operating_cost",), figures)),
    ]


@dataclass(frozen=True, slots=True)
class _Candidate:
    id: int
    subject: str  # the year, or the department
    source_name: str | None
    printed: int  # headline figures of its own year that were read from it


_CANDIDATES = """
    SELECT d.id, CAST({subject} AS VARCHAR), d.source_name,
           (SELECT count(DISTINCT f.metric) FROM figures f WHERE f.document_id = d.id AND f.year = d.year)
    FROM documents d WHERE {where} AND d.kind = ? AND d.scope = ? AND d.{subject} IS NOT NULL
    ORDER BY d.{subject}, 4 DESC, d.id DESC"""


def _named(c: _Candidate) -> str:
    return f"文件 {c.id}（{c.source_name or '未命名'}，读出 {c.printed} 个数）"


def _choose(candidates: list[_Candidate], label, row: str) -> tuple[list[_Candidate], list[str]]:
    """One document per subject (candidates come best first), and a note wherever there was a choice
    or the one there is printed nothing."""
    chosen: list[_Candidate] = []
    notes: list[str] = []
    for candidate in candidates:
        if chosen and chosen[-1].subject == candidate.subject:
            continue
        chosen.append(candidate)
        others = [c for c in candidates if c.subject == candidate.subject and c.id != candidate.id]
        if others:
            why = ("它读出的数最多" if candidate.printed > max(c.printed for c in others)
                   else "各份读出的数一样多，用最新加入的一份")
            notes.append(f"{label(candidate.subject)}：档案中有 {len(others) + 1} 份，用了{_named(candidate)}，{why}；"
                         f"未用{'、'.join(_named(c) for c in others)}。如有多余的一份，可用 yusuan db rm 删除。")
        if candidate.printed == 0:
            notes.append(f"{label(candidate.subject)}：{_named(candidate)}中没有读出可对比的数，{row}都显示为“—”。"
                         "请加入这份文件的 PDF 原件（或 DOCX、XLSX）。")
    return chosen, notes


def _candidates(cur: duckdb.DuckDBPyConnection, subject: str, where: str, params: list) -> list[_Candidate]:
    rows = cur.execute(_CANDIDATES.format(subject=subject, where=where), params).fetchall()
    return [_Candidate(*row) for row in rows]


def department_over_years(archive: Archive, department: str, kind: str = "budget", scope: str = "部门") -> Comparison:
    with archive.cursor() as cur:
        candidates = _candidates(cur, "year", "d.department = ?", [department, kind, scope])
        if not candidates:
            raise YusuanError(f"档案中没有“{department}”的{_KIND_LABELS.get(kind, kind)}文件。"
                              "请检查部门名称（与 yusuan db ls 所列一致），或先用 yusuan db add 加入文件。")
        chosen, choices = _choose(candidates, lambda year: f"{year} 年", "这一年")
        ids = [c.id for c in chosen]
        figures = _figures(cur, ids)
    comparison = Comparison(f"{department} 历年{_KIND_LABELS.get(kind, kind)}对比", "年度",
                            [c.subject for c in chosen], ids, choices=choices)
    comparison.sections = sections_for([figures[i] for i in ids])
    return comparison


def region_in_year(archive: Archive, region: str, year: int, kind: str = "budget", scope: str = "部门") -> Comparison:
    with archive.cursor() as cur:
        candidates = _candidates(cur, "department", "starts_with(d.region, ?) AND d.year = ?",
                                 [region, year, kind, scope])
        if not candidates:
            raise YusuanError(f"档案中没有{region} {year} 年的{_KIND_LABELS.get(kind, kind)}文件。"
                              "请检查地区名称（如“重庆市潼南区”）和年度，或先用 yusuan db add 加入文件。")
        chosen, choices = _choose(candidates, lambda department: department, "这个部门")
        ids = [c.id for c in chosen]
        figures = _figures(cur, ids)
    names = [c.subject for c in chosen]
    comparison = Comparison(f"{region} {year} 年各部门{_KIND_LABELS.get(kind, kind)}对比", "部门",
                            [_short(n, region) for n in names], ids, choices=choices)
    comparison.note = f"部门名称省略了开头的“{region}”。" if any(n != _short(n, region) for n in names) else None
    comparison.sections = sections_for([figures[i] for i in ids])
    return comparison


def _short(department: str, region: str) -> str:
    """A department's name without the region in front, when something is left."""
    rest = department[len(region):] if department.startswith(region) else department
    return rest or department
