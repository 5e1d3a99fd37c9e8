"""Build small disclosures for rule tests in a few lines.

    doc().table("general_expenditure", rows=[("201", "一般公共服务支出", {"total": "10", "basic": "4", "project": "6"})])
    consistent().set("general_expenditure", "201", "basic", "5")      # one cell changed

A row is (code or item, name, {column: amount}) with an optional 4th element for the side of a
收支总表 ("income"/"expenditure"); a key made of digits is a code, anything else an item
("total", "general_budget", ...). Amounts are strings, "" or None for an empty cell. `set` and
friends find a row by its code, its item or its name ("2024" in the 三公 table).
"""

from __future__ import annotations

import copy
from datetime import date
from decimal import Decimal

from yusuan.checks import run_checks
from yusuan.checks.engine.findings import Finding, RuleResult, RuleStatus
from yusuan.checks.engine.registry import registered_rules
from yusuan.model import (
    TABLE_TITLES, Claim, Column, Disclosure, Indicator, Narrative, PerformanceTable, Project, Row, Section, Source,
    Table, Unit, Unreadable,
)


def _amount(text: str | None) -> Decimal | None:
    return None if text in (None, "") else Decimal(text)


def _row_dict(spec: tuple, side: str | None = None) -> dict:
    key, name, values = spec[:3]
    side = spec[3] if len(spec) > 3 else side
    is_code = key is not None and key.isdigit()
    return {"code": key if is_code else None, "item": None if is_code else key, "name": name, "side": side,
            "values": dict(values)}


def ind(level1: str, level2: str, level3: str, value: str | None = None, comparator: str | None = None,
        number: str | None = None, unit: str | None = None, weight: str | None = None) -> Indicator:
    return Indicator(level1=level1, level2=level2, level3=level3, value=value, comparator=comparator,
                     number=_amount(number), unit=unit, weight=_amount(weight))


def good_indicators() -> list[Indicator]:
    return [
        ind("产出指标", "数量指标", "完成培训", "≥10次", "≥", "10", "次"),
        ind("效益指标", "社会效益指标", "服务水平提升", "明显提升"),
        ind("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%", "≥", "90", "%"),
    ]


class DocBuilder:
    def __init__(self, department: str = "某市测试局", year: int = 2024, kind: str = "budget"):
        self.department, self.year, self.kind = department, year, kind
        self.tables: dict[str, dict] = {}
        self.projects: list[Project] = []
        self.performance_projects: list[PerformanceTable] = []
        self.performance_overall: PerformanceTable | None = None
        self.sections: list[Section] = []
        self.claims: list[Claim] = []
        self.unreadable: list[Unreadable] = []

    # -- tables ----------------------------------------------------------------------------------

    def table(self, table_id: str, rows=(), *, income=(), expenditure=(), note: str | None = None,
              title: str | None = None, columns: list[str] | None = None, labels: dict[str, str] | None = None,
              unit: Unit = Unit.wanyuan) -> DocBuilder:
        specs = [_row_dict(r) for r in rows] + [_row_dict(r, "income") for r in income] + \
            [_row_dict(r, "expenditure") for r in expenditure]
        self.tables[table_id] = {"rows": specs, "note": note, "unit": unit, "columns": columns, "labels": labels or {},
                                 "title": title or f"{self.department}{TABLE_TITLES.get(table_id, table_id)}"}
        return self

    def _find(self, table_id: str, key: str, side: str | None) -> dict:
        for row in self.tables[table_id]["rows"]:
            if key in (row["code"], row["item"], row["name"]) and (side is None or row["side"] == side):
                return row
        raise KeyError(f"{table_id}: no row {key!r}")

    def set(self, table_id: str, key: str, column: str, value: str | None, side: str | None = None) -> DocBuilder:
        self._find(table_id, key, side)["values"][column] = value
        return self

    def rename(self, table_id: str, key: str, name: str, side: str | None = None) -> DocBuilder:
        self._find(table_id, key, side)["name"] = name
        return self

    def add_row(self, table_id: str, spec: tuple, side: str | None = None) -> DocBuilder:
        self.tables[table_id]["rows"].append(_row_dict(spec, side))
        return self

    def drop_row(self, table_id: str, key: str, side: str | None = None) -> DocBuilder:
        self.tables[table_id]["rows"].remove(self._find(table_id, key, side))
        return self

    def configure(self, table_id: str, **fields) -> DocBuilder:
        """Change a table's title, note, unit, columns or labels."""
        self.tables[table_id].update(fields)
        return self

    def without(self, *table_ids: str) -> DocBuilder:
        for table_id in table_ids:
            self.tables.pop(table_id, None)
        return self

    # -- projects, performance, narrative --------------------------------------------------------

    def project(self, code: str, name: str, amount: str, functional_code: str | None) -> DocBuilder:
        self.projects.append(Project(code=code, name=name, amount=_amount(amount), functional_code=functional_code))
        return self

    def performance(self, name: str | None, fund: str | None, start: str = "2024-01-01", end: str = "2024-12-31",
                    indicators: list[Indicator] | None = None, **fields) -> DocBuilder:
        self.performance_projects.append(PerformanceTable(
            scope="project", name=name, fund=_amount(fund), start=date.fromisoformat(start) if start else None,
            end=date.fromisoformat(end) if end else None,
            indicators=good_indicators() if indicators is None else indicators, **fields))
        return self

    def overall(self, fund: str | None, indicators: list[Indicator] | None = None, name: str | None = None) -> DocBuilder:
        self.performance_overall = PerformanceTable(scope="overall", name=name or self.department, fund=_amount(fund),
                                                    indicators=indicators or [])
        return self

    def section(self, title: str, text: str = "", level: int = 1) -> DocBuilder:
        self.sections.append(Section(number=str(len(self.sections) + 1), title=title, level=level, text=text))
        return self

    def claim(self, subject: str, value: str, label: str | None = None, unit: Unit = Unit.wanyuan,
              **fields) -> DocBuilder:
        for name in ("change", "change_percent"):
            if isinstance(fields.get(name), str):
                fields[name] = Decimal(fields[name])
        self.claims.append(Claim(subject=subject, label=label or subject, value=Decimal(value), unit=unit,
                                 year=fields.pop("year", self.year), **fields))
        return self

    def drop_claims(self, subject: str) -> DocBuilder:
        self.claims = [c for c in self.claims if c.subject != subject]
        return self

    def unreadable_part(self, what: str, line: int | None = None) -> DocBuilder:
        self.unreadable.append(Unreadable(what=what, source=Source(line=line)))
        return self

    # -- the model -------------------------------------------------------------------------------

    def build(self) -> Disclosure:
        line = 0
        tables = {}
        for table_id, spec in self.tables.items():
            rows = []
            for r in spec["rows"]:
                line += 1
                values = {c: _amount(v) for c, v in r["values"].items()}
                rows.append(Row(code=r["code"], item=r["item"], name=r["name"], side=r["side"], values=values,
                                source=Source(line=line)))
            column_ids = spec["columns"] or list(dict.fromkeys(c for r in spec["rows"] for c in r["values"]))
            columns = [Column(id=c, label=spec["labels"].get(c, "")) for c in column_ids]
            tables[table_id] = Table(id=table_id, title=spec["title"], unit=spec["unit"], columns=columns, rows=rows,
                                     note=spec["note"])
        return Disclosure(
            department=self.department, year=self.year, kind=self.kind, tables=tables,
            projects=copy.deepcopy(self.projects), performance_projects=copy.deepcopy(self.performance_projects),
            performance_overall=copy.deepcopy(self.performance_overall),
            narrative=Narrative(sections=list(self.sections), claims=list(self.claims)),
            unreadable=list(self.unreadable), source_name="built-for-test",
        )


def doc(**kwargs) -> DocBuilder:
    return DocBuilder(**kwargs)


def _as_disclosure(document: DocBuilder | Disclosure) -> Disclosure:
    return document.build() if isinstance(document, DocBuilder) else document


def result_of(document: DocBuilder | Disclosure, rule_id: str) -> RuleResult:
    rule = next(r for r in registered_rules() if r.id == rule_id)
    return run_checks(_as_disclosure(document), rules=[rule]).results[0]


def assert_passes(document: DocBuilder | Disclosure, rule_id: str) -> RuleResult:
    result = result_of(document, rule_id)
    assert result.status == RuleStatus.passed, [f.message for f in result.findings] or result.reason
    return result


def assert_reports(document: DocBuilder | Disclosure, rule_id: str, severity: str) -> list[Finding]:
    """The rule reports findings of `severity` (for rules that only inform, e.g. rounding or unread parts)."""
    result = result_of(document, rule_id)
    found = [f for f in result.findings if f.severity == severity]
    assert found, (result.status, result.reason, [f.message for f in result.findings])
    return found


def assert_fails(document: DocBuilder | Disclosure, rule_id: str, *, table: str | None = None,
                 severity: str | None = None, count: int | None = None, says: str | None = None) -> list[Finding]:
    """The rule fails; its problems (errors/warnings) optionally checked for table, severity, count, wording."""
    result = result_of(document, rule_id)
    assert result.status == RuleStatus.failed, result.reason or [f.message for f in result.findings]
    problems = [f for f in result.findings if f.is_problem]
    if table is not None:
        assert all(f.place.table == table for f in problems), [(f.place.table, f.message) for f in problems]
    if severity is not None:
        assert all(f.severity == severity for f in problems), [(f.severity, f.message) for f in problems]
    if count is not None:
        assert len(problems) == count, [f.message for f in problems]
    if says is not None:
        assert any(says in f.message for f in problems), [f.message for f in problems]
    return problems
