"""The archive's commands: the `yusuan db` group (add, ls, show, query, export, import, rm) and `yusuan compare`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table as RichTable
from rich.text import Text

from ..errors import YusuanError
from .common import DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT, MemoryOption, TimeoutOption, bounds, guarded

# The archive (DuckDB, Arrow) is imported inside each command, so `yusuan parse` does not pay for it.

db_app = typer.Typer(help="档案：把公开文件加入 DuckDB 档案，列出、查看、查询和导出。", no_args_is_help=True)
out = Console(highlight=False)

DbOption = Annotated[Path | None, typer.Option(
    "--db", envvar="YUSUAN_DB", help="档案文件（默认 ./yusuan.duckdb，或环境变量 YUSUAN_DB）。")]


def _open(db: Path | None, read_only: bool = False):
    """The archive, saying on stderr when another program (a running `yusuan serve`) keeps us waiting."""
    from ..archive import Archive, waiting_message

    return Archive.open(db, read_only=read_only,
                        on_wait=lambda path, timeout: typer.echo(waiting_message(path, timeout), err=True))


def _added_cells(r) -> list[str]:
    """File, outcome, id, department, year, errors, warnings of one `db add` result."""
    from ..archive.render import OUTCOME_LABELS

    outcome = f"未加入：{r.error}" if r.error else OUTCOME_LABELS[r.outcome]
    counts = [str(r.errors), str(r.warnings)] if r.outcome == "added" else ["", ""]
    return [r.path.name, outcome, str(r.id or ""), r.department or "", str(r.year or ""), *counts]


@db_app.command("add")
def add(
    docs: Annotated[list[Path], typer.Argument(metavar="文件", help="一份或多份公开文件。")],
    db: DbOption = None,
    region: Annotated[str | None, typer.Option(help="地区（默认从部门名称中读出，如“重庆市潼南区”）。")] = None,
    timeout: TimeoutOption = DEFAULT_TIMEOUT,
    memory: MemoryOption = DEFAULT_MEMORY_MB,
) -> None:
    """把公开文件加入档案（同一内容只加一次；出错的文件不留任何数据）。"""

    def run() -> None:
        from ..archiving import add_files
        from ..checks.report.text import status_summary
        from ..checks_xdoc import check_archived

        table = RichTable()
        for heading in ("文件", "结果", "ID", "部门", "年度", "错误", "警告", "跨文件检查"):
            table.add_column(heading, overflow="fold")
        limits = bounds(timeout, memory)
        with _open(db) as archive:
            results = add_files(archive, docs, region, limits)
            for r in results:
                xdoc = status_summary(check_archived(archive, r.id)) if r.outcome == "added" else ""
                table.add_row(*_added_cells(r), xdoc)
        out.print(table)
        if any(r.outcome == "failed" for r in results):
            raise typer.Exit(2)

    guarded(run)


@db_app.command("ls")
def ls(
    db: DbOption = None,
    department: Annotated[str | None, typer.Option(help="部门名称中的文字。")] = None,
    region: Annotated[str | None, typer.Option(help="地区（含其下辖地区）。")] = None,
    year: Annotated[int | None, typer.Option(help="年度。")] = None,
    kind: Annotated[str | None, typer.Option(help="budget（预算）或 final（决算）。")] = None,
    limit: Annotated[int, typer.Option(help="最多列出几份。")] = 50,
    offset: Annotated[int, typer.Option(help="从第几份之后开始。")] = 0,
) -> None:
    """列出档案中的文件。"""

    def run() -> None:
        from ..archive import Filters
        from ..archive.render import page_table

        with _open(db, read_only=True) as archive:
            page = archive.list(Filters(department, region, year, kind), limit, offset)
        out.print(page_table(page, offset))

    guarded(run)


@db_app.command("show")
def show(
    document_id: Annotated[int, typer.Argument(metavar="ID", help="文件的 ID（见 yusuan db ls）。")],
    db: DbOption = None,
    all_findings: Annotated[bool, typer.Option("--all", help="列出全部检查结果。")] = False,
) -> None:
    """查看档案中的一份文件：表格、检查结果、要点数字和跨文件检查。"""
    def run() -> None:
        from ..archive.render import detail_renderable
        from ..checks import print_report
        from ..checks_xdoc import check_archived

        with _open(db, read_only=True) as archive:
            detail = archive.show(document_id)
            if detail is None:
                raise YusuanError(f"档案中没有 ID 为 {document_id} 的文件。请用 yusuan db ls 查看已有的文件。")
            xdoc = check_archived(archive, document_id)
        out.print(detail_renderable(detail, all_findings))
        out.print(Text("跨文件检查", style="bold"))
        print_report(xdoc, out)

    guarded(run)


@db_app.command("query")
def query(
    sql: Annotated[str, typer.Argument(metavar="SQL", help="SQL（只读）。表和列见 docs/archive.md。")],
    db: DbOption = None,
    format: Annotated[str, typer.Option("--format", "-f", help="table、csv 或 json。")] = "table",
    max_rows: Annotated[int, typer.Option(help="最多输出几行。")] = 1000,
) -> None:
    """在档案上运行一条只读 SQL 查询。"""

    def run() -> None:
        from ..archive.render import query_csv, query_json, query_table

        if format not in ("table", "csv", "json"):
            raise YusuanError(f"不支持的输出格式“{format}”。请使用 table、csv 或 json。")
        with _open(db, read_only=True) as archive:
            archive.forbid_file_access()
            result = archive.query(sql, max_rows=max_rows)
        if format == "table":
            out.print(query_table(result))
        else:
            sys.stdout.write(query_csv(result) if format == "csv" else query_json(result))

    guarded(run)


@db_app.command("export")
def export(
    output: Annotated[Path, typer.Option("--output", "-o", help="输出文件夹（新建或为空）。")],
    db: DbOption = None,
    format: Annotated[str, typer.Option("--format", "-f", help="parquet、csv 或 datapackage。")] = "parquet",
) -> None:
    """把整个档案导出为 Parquet、CSV 文件，或 Frictionless 数据包（datapackage）。"""

    def run() -> None:
        with _open(db, read_only=True) as archive:
            written = archive.export(output, format)
        out.print(f"已导出 {len(written)} 个文件到 {output}。")

    guarded(run)


@db_app.command("import")
def import_(
    folder: Annotated[Path, typer.Argument(metavar="文件夹", help="含 documents 等 Parquet 文件的文件夹。")],
    db: DbOption = None,
) -> None:
    """导入 Parquet（如 yusuan db export 或分布式处理的输出）；已有的文件跳过。"""

    def run() -> None:
        from ..archiving import import_parquet

        with _open(db) as archive:
            imported = import_parquet(archive, folder)
        out.print(f"已导入 {imported.added} 份文件，跳过已有的 {imported.skipped} 份。")

    guarded(run)


@db_app.command("rm")
def rm(
    document_id: Annotated[int, typer.Argument(metavar="ID", help="文件的 ID。")],
    db: DbOption = None,
) -> None:
    """从档案中删除一份文件及其全部数据。"""

    def run() -> None:
        with _open(db) as archive:
            if not archive.remove(document_id):
                raise YusuanError(f"档案中没有 ID 为 {document_id} 的文件。请用 yusuan db ls 查看已有的文件。")
        out.print(f"已删除 #{document_id}。")

    guarded(run)


def compare(
    department: Annotated[str | None, typer.Option(help="一个部门的历年对比：部门全称。")] = None,
    region: Annotated[str | None, typer.Option(help="一个地区各部门的对比：地区（如“重庆市潼南区”），需同时给出 --year。")] = None,
    year: Annotated[int | None, typer.Option(help="地区对比的年度。")] = None,
    kind: Annotated[str, typer.Option(help="budget（预算）或 final（决算）。")] = "budget",
    scope: Annotated[str, typer.Option(help="部门 或 单位。")] = "部门",
    charts: Annotated[Path | None, typer.Option(help="把图表（SVG）写到这个文件夹。")] = None,
    db: DbOption = None,
) -> None:
    """对比：一个部门的历年数字，或一个地区各部门同一年的数字（“三公”经费、基本/项目支出、支出结构、机关运行经费）。"""
    def run() -> None:
        from ..compare import department_over_years, print_comparison, region_in_year, write_charts

        if (department is None) == (region is None):
            raise YusuanError("请给出 --department（一个部门的历年对比）或 --region 与 --year（一个地区各部门的对比）之一。")
        if region is not None and year is None:
            raise YusuanError("地区对比需要年度：请加 --year，例如 --year 2024。")
        with _open(db, read_only=True) as archive:
            comparison = (department_over_years(archive, department, kind, scope) if department
                          else region_in_year(archive, region, year, kind, scope))
        print_comparison(comparison, out)
        if charts is not None:
            written = write_charts(comparison, charts)
            out.print(f"已写出 {len(written)} 张图表到 {charts}。")

    guarded(run)
