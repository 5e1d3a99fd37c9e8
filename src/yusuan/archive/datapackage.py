"""The archive as a Frictionless data package, with a Fiscal-Data-Package-style model.

`budget_lines` is the main resource: one amount per row, as printed (`amount`, `unit`) and in 万元
in one column per phase — `budget_wanyuan` (预算) and `final_wanyuan` (决算) — which the descriptor's
`model.measures` name with their unit and phase. `model.dimensions` name the department (with its
region), the fiscal year, and the two classifications (支出功能分类, 部门预算支出经济分类), each with
its code, level (类/款/项) and parent code; the shipped catalogs come along as resources.
"""

from __future__ import annotations

import csv
import json
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from .. import __version__
from ..classification import catalog
from ..model import ECONOMIC_TABLES, FUNCTIONAL_TABLES, TWO_SIDED_TABLES
from .exporting import ORDER, copy_to, csv_expression

_FUNCTIONAL = ", ".join(f"'{t}'" for t in (*FUNCTIONAL_TABLES, *TWO_SIDED_TABLES))
_ECONOMIC = ", ".join(f"'{t}'" for t in ECONOMIC_TABLES)
_WANYUAN = "CAST(l.amount AS DECIMAL(28,8)) * CASE l.unit WHEN '元' THEN 0.0001 ELSE 1 END"


def _classified(prefix: str, tables: str) -> str:
    when = f"l.table_id IN ({tables}) AND regexp_full_match(l.code, '[0-9]{{3}}([0-9]{{2}}){{0,2}}')"
    return (f"CASE WHEN {when} THEN l.code END AS {prefix}_code, "
            f"CASE WHEN {when} THEN CASE length(l.code) WHEN 3 THEN '类' WHEN 5 THEN '款' ELSE '项' END END "
            f"AS {prefix}_level, "
            f"CASE WHEN {when} AND length(l.code) > 3 THEN left(l.code, length(l.code) - 2) END AS {prefix}_parent")


BUDGET_LINES = f"""
SELECT l.document_id, d.department, d.region, d.year, d.kind, CASE d.kind WHEN 'final' THEN '决算' ELSE '预算' END AS phase,
       l.table_id AS "table", l.row_no AS "row", l.code, l.name, l.column_id AS "column", l.item, l.side,
       l.amount, l.unit,
       CASE WHEN d.kind = 'budget' THEN {_WANYUAN} END AS budget_wanyuan,
       CASE WHEN d.kind = 'final' THEN {_WANYUAN} END AS final_wanyuan,
       {_classified('functional', _FUNCTIONAL)}, {_classified('economic', _ECONOMIC)}
FROM lines l JOIN documents d ON d.id = l.document_id
ORDER BY l.document_id, l.table_id, l.row_no, l.column_id
"""
# Resources that are archive tables as they are, with the keys that tie them to documents.
PLAIN_RESOURCES = ("documents", "figures", "claims", "projects", "performance_tables", "indicators",
                   "rule_results", "findings")
_TYPES = {"INTEGER": "integer", "BIGINT": "integer", "VARCHAR": "string", "DATE": "date", "TIMESTAMP": "datetime",
          "BOOLEAN": "boolean"}


def field_type(data_type: str) -> str:
    if data_type.startswith("DECIMAL"):
        return "number"
    return "array" if data_type.endswith("[]") else _TYPES.get(data_type, "string")


def _describe(cur: duckdb.DuckDBPyConnection, select: str) -> list[tuple[str, str]]:
    return [(r[0], r[1]) for r in cur.execute(f"DESCRIBE ({select})").fetchall()]


def _write_select(cur: duckdb.DuckDBPyConnection, name: str, select: str, folder: Path) -> dict:
    columns = _describe(cur, select)
    exprs = ", ".join(csv_expression(c, t) for c, t in columns)
    copy_to(cur, f"SELECT {exprs} FROM ({select})", folder / f"{name}.csv", "csv")
    fields = [{"name": c, "type": field_type(t)} for c, t in columns]
    return _resource(name, fields)


def _resource(name: str, fields: list[dict]) -> dict:
    schema: dict = {"fields": fields}
    names = {f["name"] for f in fields}
    if name == "documents":
        schema["primaryKey"] = ["id"]
    elif "document_id" in names:
        schema["foreignKeys"] = [{"fields": ["document_id"], "reference": {"resource": "documents", "fields": ["id"]}}]
    return {"name": name, "path": f"{name}.csv", "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
            "schema": schema}


def _write_catalog(name: str, which: str, folder: Path) -> dict:
    with (folder / f"{name}.csv").open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["code", "name", "level", "parent", "confidence"])
        for e in catalog(which).entries():
            writer.writerow([e.code, e.name, e.level, e.parent or "", e.confidence])
    fields = [{"name": n, "type": "string"} for n in ("code", "name", "level", "parent", "confidence")]
    resource = _resource(name, fields)
    resource["schema"]["primaryKey"] = ["code"]
    return resource


def _measure(column: str, phase: str, phase_code: str) -> dict:
    return {"source": column, "resource": "budget_lines", "currency": "CNY", "factor": 10000, "unit": "万元",
            "phase": phase, "fdpPhase": phase_code, "title": f"{phase}金额（万元）"}


def _classification(prefix: str, kind: str, title: str, catalog_resource: str) -> dict:
    return {
        "dimensionType": "classification", "classificationType": kind, "title": title,
        "attributes": {
            "code": {"source": f"{prefix}_code", "resource": "budget_lines"},
            "name": {"source": "name", "resource": "budget_lines", "labelfor": "code"},
            "level": {"source": f"{prefix}_level", "resource": "budget_lines", "values": ["类", "款", "项"]},
            "parent": {"source": f"{prefix}_parent", "resource": "budget_lines", "parent": "code"},
        },
        "primaryKey": ["code"], "catalog": catalog_resource,
    }


def fiscal_model() -> dict:
    return {
        "measures": {"budget": _measure("budget_wanyuan", "预算", "approved"),
                     "final": _measure("final_wanyuan", "决算", "executed")},
        "dimensions": {
            "department": {"dimensionType": "entity", "title": "部门", "primaryKey": ["department"],
                           "attributes": {"department": {"source": "department"},
                                          "region": {"source": "region", "title": "地区"}}},
            "fiscal_year": {"dimensionType": "datetime", "title": "年度", "primaryKey": ["year"],
                            "attributes": {"year": {"source": "year"}}},
            "functional_classification": _classification("functional", "functional", "支出功能分类",
                                                          "functional_classification"),
            "economic_classification": _classification("economic", "economic", "部门预算支出经济分类",
                                                       "economic_classification"),
            "table": {"dimensionType": "other", "title": "表格与栏目", "primaryKey": ["table", "column"],
                      "attributes": {"table": {"source": "table"}, "column": {"source": "column"},
                                     "item": {"source": "item"}, "side": {"source": "side"}}},
        },
    }


def write_datapackage(cur: duckdb.DuckDBPyConnection, folder: Path) -> list[str]:
    resources = [_write_select(cur, "budget_lines", BUDGET_LINES, folder)]
    for table in PLAIN_RESOURCES:
        resources.append(_write_select(cur, table, f"SELECT * FROM {table} ORDER BY {ORDER[table]}", folder))
    resources.append(_write_catalog("functional_classification", "functional", folder))
    resources.append(_write_catalog("economic_classification", "economic", folder))
    descriptor = {
        "name": "yusuan-archive", "title": "部门预算/决算公开档案",
        "description": "由 yusuan 从部门预算、决算公开文件中读出的数据：每行一个金额（budget_lines），以及文件、"
                       "要点数字、情况说明中的金额、项目、绩效目标和检查结果。金额为精确小数。",
        "created": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "sources": [{"title": f"yusuan {__version__}"}],
        "resources": resources, "model": fiscal_model(),
    }
    (folder / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n", "utf-8")
    return ["datapackage.json", *(r["path"] for r in resources)]
