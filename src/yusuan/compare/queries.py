"""The comparisons: one department over the years, or the departments of a region in one year.

Both read the archive's headline figures (table `figures`, 万元) of the budget year of each document;
where the archive holds several documents for the same department and year, the latest added is used.
"""

from __future__ import annotations

from decimal import Decimal

import duckdb

from ..archive import Archive
from ..archive.metrics import THREE_PUBLIC_ITEMS, metric_label
from ..classification import catalog
from ..errors import YusuanError
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


def department_over_years(archive: Archive, department: str, kind: str = "budget", scope: str = "部门") -> Comparison:
    with archive.cursor() as cur:
        rows = cur.execute("""
            SELECT id, year FROM documents WHERE department = ? AND kind = ? AND scope = ? AND year IS NOT NULL
            QUALIFY row_number() OVER (PARTITION BY year ORDER BY id DESC) = 1 ORDER BY year""",
                           [department, kind, scope]).fetchall()
        if not rows:
            raise YusuanError(f"档案中没有“{department}”的{_KIND_LABELS.get(kind, kind)}文件。"
                              "请检查部门名称（与 yusuan db ls 所列一致），或先用 yusuan db add 加入文件。")
        ids = [r[0] for r in rows]
        figures = _figures(cur, ids)
    comparison = Comparison(f"{department} 历年{_KIND_LABELS.get(kind, kind)}对比", "年度",
                            [str(r[1]) for r in rows], ids)
    comparison.sections = sections_for([figures[i] for i in ids])
    return comparison


def region_in_year(archive: Archive, region: str, year: int, kind: str = "budget", scope: str = "部门") -> Comparison:
    with archive.cursor() as cur:
        rows = cur.execute("""
            SELECT id, department FROM documents
            WHERE starts_with(region, ?) AND year = ? AND kind = ? AND scope = ? AND department IS NOT NULL
            QUALIFY row_number() OVER (PARTITION BY department ORDER BY id DESC) = 1 ORDER BY department""",
                           [region, year, kind, scope]).fetchall()
        if not rows:
            raise YusuanError(f"档案中没有{region} {year} 年的{_KIND_LABELS.get(kind, kind)}文件。"
                              "请检查地区名称（如“重庆市潼南区”）和年度，或先用 yusuan db add 加入文件。")
        ids = [r[0] for r in rows]
        figures = _figures(cur, ids)
    names = [r[1] for r in rows]
    comparison = Comparison(f"{region} {year} 年各部门{_KIND_LABELS.get(kind, kind)}对比", "部门",
                            [_short(n, region) for n in names], ids)
    comparison.note = f"部门名称省略了开头的“{region}”。" if any(n != _short(n, region) for n in names) else None
    comparison.sections = sections_for([figures[i] for i in ids])
    return comparison


def _short(department: str, region: str) -> str:
    """A department's name without the region in front, when something is left."""
    rest = department[len(region):] if department.startswith(region) else department
    return rest or department
