"""A disclosure as the archive's rows, ready to insert (Arrow tables), with the rows derived from it elsewhere.

The archive turns the model into rows itself; what is derived from the model (the check results, the
headline figures) it is handed as rows (yusuan/archiving.py), and keeps without computing it.

Arrow carries the Decimals into DuckDB exactly, and refuses an amount that does not fit its
column's scale instead of rounding it (DuckDB itself would round a bound Decimal parameter).
The column lists here must match the schema the last migration leaves; a test checks that.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal

import pyarrow as pa

from ..errors import YusuanError
from ..model import Disclosure, Source, plain
from .region import region_of

S, I = pa.string(), pa.int32()
MONEY = pa.decimal128(18, 4)  # as printed, in the document's unit
WANYUAN = pa.decimal128(18, 6)  # converted to 万元
NUMBER = pa.decimal128(38, 10)  # indicator targets and weights (not money)
WHERE = (("source_line", I), ("source_page", I))

CHILD_COLUMNS: dict[str, tuple[tuple[str, pa.DataType], ...]] = {
    "doc_tables": (("table_id", S), ("title", S), ("unit", S), ("note", S), ("column_ids", pa.list_(S)),
                   ("column_labels", pa.list_(S)), ("row_count", I), *WHERE),
    "lines": (("table_id", S), ("row_no", I), ("code", S), ("name", S), ("column_id", S), ("amount", MONEY),
              ("unit", S), ("item", S), ("side", S), *WHERE),
    "claims": (("ordinal", I), ("subject", S), ("label", S), ("value", MONEY), ("unit", S), ("year", I),
               ("change", MONEY), ("direction", S), ("change_percent", MONEY), ("compared_year", I),
               ("section", S), ("text", S), *WHERE),
    "projects": (("ordinal", I), ("code", S), ("name", S), ("budget_unit", S), ("functional_code", S),
                 ("functional_name", S), ("amount", MONEY), ("unit", S), ("funding", S), *WHERE),
    "performance_tables": (("ordinal", I), ("scope", S), ("name", S), ("department", S), ("implementer", S),
                           ("fund", MONEY), ("unit", S), ("nature", S), ("start_date", pa.date32()),
                           ("end_date", pa.date32()), ("overview", S), ("basis", S), ("target", S),
                           ("project_code", S), *WHERE),
    "indicators": (("table_ordinal", I), ("ordinal", I), ("level1", S), ("level2", S), ("level3", S),
                   ("comparator", S), ("value", S), ("number", NUMBER), ("measure_unit", S), ("weight", NUMBER),
                   *WHERE),
    "rule_results": (("rule_id", S), ("family", S), ("severity", S), ("status", S), ("reason", S)),
    "findings": (("ordinal", I), ("rule_id", S), ("severity", S), ("message", S), ("table_id", S), ("code", S),
                 ("name", S), ("column_id", S), ("source_line", I), ("source_page", I), ("provided", S),
                 ("expected", S), ("difference", S)),
    "figures": (("year", I), ("metric", S), ("rank", I), ("amount", WANYUAN), ("origin", S)),
}
DOCUMENT_COLUMNS = ("content_hash", "source_name", "department", "region", "year", "kind", "scope", "unit",
                    "reader", "parsed_at", "member_units", "unreadable", "errors", "warnings", "infos")


class AmountTooPrecise(YusuanError):
    pass


@dataclass(slots=True)
class DocumentRecord:
    """One document as rows: the `documents` row and, per child table, its rows (without document_id)."""

    document: dict[str, object]
    children: dict[str, pa.Table] = field(default_factory=dict)

    @property
    def content_hash(self) -> str:
        return self.document["content_hash"]


def _where(source: Source) -> dict[str, int | None]:
    return {"source_line": source.line, "source_page": source.page}


def as_text(value: Decimal | str | None) -> str | None:
    """An exact amount kept as text (a finding's figures, a project's funding): never in exponent form."""
    return plain(value) if isinstance(value, Decimal) else value


def document_row(d: Disclosure, content_hash: str, region: str | None, counts: Mapping[str, int]) -> dict[str, object]:
    return {
        "content_hash": content_hash, "source_name": d.source_name, "department": d.department,
        "region": region if region is not None else region_of(d.department), "year": d.year, "kind": d.kind,
        "scope": d.scope, "unit": d.unit.value, "reader": d.reader,
        "parsed_at": datetime.now(UTC).replace(tzinfo=None), "member_units": list(d.member_units),
        "unreadable": len(d.unreadable),
        **{f"{s}s": counts.get(s, 0) for s in ("error", "warning", "info")},
    }


def table_rows(d: Disclosure) -> Iterator[dict]:
    for t in d.tables.values():
        yield {"table_id": t.id, "title": t.title, "unit": t.unit.value, "note": t.note,
               "column_ids": [c.id for c in t.columns], "column_labels": [c.label for c in t.columns],
               "row_count": len(t.rows), **_where(t.source)}


def line_rows(d: Disclosure) -> Iterator[dict]:
    """The tidy lines of `yusuan export`, with the row's item, side and position kept."""
    for t in d.tables.values():
        for row_no, row in enumerate(t.rows, start=1):
            for column, value in row.values.items():
                if value is not None:
                    yield {"table_id": t.id, "row_no": row_no, "code": row.code, "name": row.name,
                           "column_id": column, "amount": value, "unit": t.unit.value, "item": row.item,
                           "side": row.side, **_where(row.source)}


def claim_rows(d: Disclosure) -> Iterator[dict]:
    for n, c in enumerate(d.narrative.claims, start=1):
        yield {"ordinal": n, "subject": c.subject, "label": c.label, "value": c.value, "unit": c.unit.value,
               "year": c.year, "change": c.change, "direction": c.direction, "change_percent": c.change_percent,
               "compared_year": c.compared_year, "section": c.section, "text": c.text, **_where(c.source)}


def project_rows(d: Disclosure) -> Iterator[dict]:
    for n, p in enumerate(d.projects, start=1):
        funding = json.dumps({k: as_text(v) for k, v in p.funding.items()}, ensure_ascii=False)
        yield {"ordinal": n, "code": p.code, "name": p.name, "budget_unit": p.budget_unit,
               "functional_code": p.functional_code, "functional_name": p.functional_name, "amount": p.amount,
               "unit": d.unit.value, "funding": funding, **_where(p.source)}


def _performance_tables(d: Disclosure) -> list:
    return ([d.performance_overall] if d.performance_overall else []) + list(d.performance_projects)


def performance_rows(d: Disclosure) -> Iterator[dict]:
    for n, t in enumerate(_performance_tables(d), start=1):
        yield {"ordinal": n, "scope": t.scope, "name": t.name, "department": t.department,
               "implementer": t.implementer, "fund": t.fund, "unit": d.unit.value, "nature": t.nature,
               "start_date": t.start, "end_date": t.end, "overview": t.overview, "basis": t.basis,
               "target": t.target, "project_code": t.project_code, **_where(t.source)}


def indicator_rows(d: Disclosure) -> Iterator[dict]:
    for n, t in enumerate(_performance_tables(d), start=1):
        for m, i in enumerate(t.indicators, start=1):
            yield {"table_ordinal": n, "ordinal": m, "level1": i.level1, "level2": i.level2, "level3": i.level3,
                   "comparator": i.comparator, "value": i.value, "number": i.number, "measure_unit": i.unit,
                   "weight": i.weight, **_where(i.source)}


def to_arrow(table: str, rows: Iterable[dict]) -> pa.Table:
    schema = pa.schema(CHILD_COLUMNS[table])
    try:
        return pa.Table.from_pylist(list(rows), schema=schema)
    except pa.ArrowInvalid as error:  # e.g. 'Rescaling Decimal value would cause data loss'
        raise AmountTooPrecise(
            f"无法归档：{table} 中有数值超出档案可精确保存的范围（{error}）。"
            "金额最多保存 4 位小数；请检查原文件中的这个数字。"
        ) from error


# Tables of what is derived from the model elsewhere: handed to `record_of` as rows.
DERIVED = ("rule_results", "findings", "figures")


def record_of(d: Disclosure, content_hash: str, region: str | None = None, counts: Mapping[str, int] | None = None,
              derived: Mapping[str, Iterable[dict]] | None = None) -> DocumentRecord:
    """Everything the archive keeps about one document (built before any lock is taken): the rows of its model,
    the `derived` rows of DERIVED tables (none given: none kept) and its findings by severity (`counts`)."""
    derived = derived or {}
    unknown = set(derived) - set(DERIVED)
    if unknown:
        raise ValueError(f"not derived rows: {sorted(unknown)}")
    children = {
        "doc_tables": table_rows(d), "lines": line_rows(d), "claims": claim_rows(d), "projects": project_rows(d),
        "performance_tables": performance_rows(d), "indicators": indicator_rows(d),
    }
    return DocumentRecord(document_row(d, content_hash, region, counts or {}),
                          {name: to_arrow(name, children[name] if name in children else derived.get(name, ()))
                           for name in CHILD_COLUMNS})
