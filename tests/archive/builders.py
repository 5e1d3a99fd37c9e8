"""Small budget documents for archive, cross-document and comparison tests, in a few lines.

    budget("重庆市潼南区某局", 2023, basic="1429.06", project="3400.00",
           three_public={"2023": {"total": "50.5", ...}}, classes={"201": ("1000", "500", "500")})

Amounts are strings as a document prints them; tables are in 万元.
"""

from __future__ import annotations

from decimal import Decimal

from yusuan.model import Claim, Column, Disclosure, Narrative, Row, Source, Table, Unit

TONGNAN_JXW = "重庆市潼南区经济和信息化委员会"
_CLASS_NAMES = {"201": "一般公共服务支出", "208": "社会保障和就业支出", "210": "卫生健康支出",
                "215": "资源勘探工业信息等支出", "221": "住房保障支出"}


def D(text: str) -> Decimal:
    return Decimal(text)


def _split_table(table_id: str, basic: str, project: str, classes: dict[str, tuple[str, str, str]],
                 prior: dict[str, str] | None = None) -> Table:
    columns = (["prior_year"] if prior is not None else []) + ["total", "basic", "project"]
    total = D(basic) + D(project)
    rows = [Row(name="合计", item="total", values={"total": total, "basic": D(basic), "project": D(project)})]
    for code, (class_total, class_basic, class_project) in classes.items():
        rows.append(Row(code=code, name=_CLASS_NAMES.get(code, code),
                        values={"total": D(class_total), "basic": D(class_basic), "project": D(class_project)}))
    for row in rows:
        key = "total" if row.item == "total" else row.code
        if prior is not None and key in prior:
            row.values["prior_year"] = D(prior[key])
    return Table(id=table_id, title=table_id, unit=Unit.wanyuan, columns=[Column(id=c) for c in columns], rows=rows)


def _three_public(years: dict[str, dict[str, str]]) -> Table:
    columns = ["total", "overseas", "vehicle", "vehicle_purchase", "vehicle_operation", "reception"]
    rows = [Row(name=year, values={k: D(v) for k, v in values.items()}) for year, values in years.items()]
    return Table(id="three_public", title="“三公”经费表", unit=Unit.wanyuan, columns=[Column(id=c) for c in columns],
                 rows=rows)


def claim(subject: str, label: str, value: str, year: int, change: str | None = None,
          direction: str | None = None, compared_year: int | None = None, line: int = 1) -> Claim:
    return Claim(subject=subject, label=label, value=D(value), unit=Unit.wanyuan, year=year,
                 change=None if change is None else D(change), direction=direction, compared_year=compared_year,
                 source=Source(line=line))


def budget(department: str, year: int, *, basic: str, project: str, classes: dict[str, tuple[str, str, str]],
           three_public: dict[str, dict[str, str]] | None = None, prior: dict[str, str] | None = None,
           claims: list[Claim] = (), kind: str = "budget", source_name: str | None = None) -> Disclosure:
    tables = {"expenditure": _split_table("expenditure", basic, project, classes),
              "general_expenditure": _split_table("general_expenditure", basic, project, classes, prior)}
    if three_public:
        tables["three_public"] = _three_public(three_public)
    return Disclosure(department=department, year=year, kind=kind, unit=Unit.wanyuan, tables=tables,
                      narrative=Narrative(claims=list(claims)),
                      source_name=source_name or f"{department}{year}{'决算' if kind == 'final' else '预算'}.txt")


def tongnan_2023(**changes: str) -> Disclosure:
    """The 2023 budget the seed (2024) compares itself with, consistent with every change it states.

    The seed says: 收入/支出 比2023年减少 1023.71 (so 2023: 4829.06), 基本支出 减少 49.71 (1429.06),
    项目支出 减少 974 (3400), 三公 减少 14 (50.5), 公务接待费 减少 13 (43), 运行维护费 减少 1 (7.5),
    运行经费 比上年减少 8.67 (224.62). `changes` overrides any of basic, project, reception, operating_cost.
    """
    figures = {"basic": "1429.06", "project": "3400.00", "reception": "43", "operating_cost": "224.62", **changes}
    reception = D(figures["reception"])
    three = {"total": str(reception + D("7.5")), "overseas": "0", "vehicle": "7.5", "vehicle_purchase": "0",
             "vehicle_operation": "7.5", "reception": str(reception)}
    basic, project = figures["basic"], figures["project"]
    classes = {"201": (str(D(basic) + D(project) - D("400")), str(D(basic) - D("400")), project),
               "208": ("400", "400", "0")}
    return budget(TONGNAN_JXW, 2023, basic=basic, project=project, classes=classes,
                  three_public={"2022": {"total": "60"}, "2023": three},
                  claims=[claim("operating_cost", "运行经费", figures["operating_cost"], 2023)],
                  source_name="tongnan-jxw-2023-budget.txt")


ARCHIVE_TABLES = ("documents", "doc_tables", "lines", "claims", "projects", "performance_tables", "indicators",
                  "rule_results", "findings", "figures")


def count(archive, table: str, where: str = "") -> int:
    return archive.query(f"SELECT count(*) FROM {table} {where}").rows[0][0]


def counts(archive) -> dict[str, int]:
    return {table: count(archive, table) for table in ARCHIVE_TABLES}
