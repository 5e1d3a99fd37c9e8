"""The commands on disclosure files and on the program itself: `yusuan parse`, `export`, `check`, `rules`,
`schema` and `version`."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from .. import __version__
from ..errors import YusuanError
from .common import DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT, MemoryOption, TimeoutOption, bounds, err, guarded

if TYPE_CHECKING:
    from ..model import Disclosure


def _warn_unreadable(disclosure: Disclosure) -> None:
    """A partial document is still parsed; say what was not read and which standard tables were not found."""
    from ..model import STANDARD_TABLES, TABLE_TITLES

    name = disclosure.source_name
    if disclosure.unreadable:
        err.print(f"[yellow]注意：“{name}”中有 {len(disclosure.unreadable)} 处内容未能读出，详见输出的 unreadable。[/]")
    missing = [TABLE_TITLES[t] for t in STANDARD_TABLES[disclosure.kind] if t not in disclosure.tables]
    if missing:
        err.print(f"[yellow]注意：“{name}”中未找到：{'、'.join(missing)}。[/]")


def parse(doc: Annotated[Path, typer.Argument(metavar="文件", help="公开文件（文本）。")],
          timeout: TimeoutOption = DEFAULT_TIMEOUT, memory: MemoryOption = DEFAULT_MEMORY_MB) -> None:
    """读取一份公开文件，以 JSON 输出其数据模型。"""
    from ..pipeline import parse_path

    def run() -> None:
        disclosure = parse_path(doc, bounds(timeout, memory))
        _warn_unreadable(disclosure)
        sys.stdout.write(disclosure.model_dump_json(indent=2) + "\n")

    guarded(run)


def export(
    docs: Annotated[list[Path], typer.Argument(metavar="文件", help="一份或多份公开文件。")],
    format: Annotated[str, typer.Option("--format", "-f", help="csv、json 或 parquet。")] = "csv",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="输出文件；csv/json 不指定时写到标准输出。")] = None,
    timeout: TimeoutOption = DEFAULT_TIMEOUT,
    memory: MemoryOption = DEFAULT_MEMORY_MB,
) -> None:
    """把表格中的每个金额导出为一行（tidy 格式）。"""
    from ..export import FORMATS, file_hash, render_csv, render_json, tidy_lines, write_parquet, write_text
    from ..pipeline import parse_path

    def run() -> None:
        if format not in FORMATS:
            raise YusuanError(f"不支持的导出格式“{format}”。请使用 csv、json 或 parquet。")
        if format == "parquet" and output is None:
            raise YusuanError("parquet 格式需要用 -o 指定输出文件。")
        lines = []
        limits = bounds(timeout, memory)
        for doc in docs:
            disclosure = parse_path(doc, limits)
            _warn_unreadable(disclosure)
            lines += list(tidy_lines(disclosure, file_hash(doc)))
        if format == "parquet":
            write_parquet(lines, output)
            return
        text = render_csv(lines) if format == "csv" else render_json(lines)
        if output is None:
            sys.stdout.write(text)
        else:
            write_text(text, output, bom=format == "csv")  # Excel and WPS read a CSV without BOM as GBK

    guarded(run)


def check(
    docs: Annotated[list[Path], typer.Argument(metavar="文件", help="一份或多份公开文件。")],
    format: Annotated[str, typer.Option("--format", "-f", help="text、json 或 html。")] = "text",
    fail_on: Annotated[str, typer.Option("--fail-on", help="发现达到该级别时退出码为 1：error、warning 或 never。")] = "error",
    tolerance: Annotated[str, typer.Option("--tolerance", help="舍入容差，按文件的金额单位计。")] = "0.01",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="把报告写到文件。")] = None,
    timeout: TimeoutOption = DEFAULT_TIMEOUT,
    memory: MemoryOption = DEFAULT_MEMORY_MB,
) -> None:
    """检查公开文件：算术、汇总、表间关系、说明与表格、完整性、绩效目标、科目编码、文字。"""
    from ..checks import render_html, render_json, render_text
    from ..model import parse_decimal
    from ..outputs import write_text
    from ..pipeline import check_path

    codes: list[int] = []

    def run() -> None:
        if format not in ("text", "json", "html"):
            raise YusuanError(f"不支持的报告格式“{format}”。请使用 text、json 或 html。")
        if fail_on not in ("error", "warning", "never"):
            raise YusuanError(f"--fail-on 的值“{fail_on}”无效。请使用 error、warning 或 never。")
        allowed = parse_decimal(tolerance)
        if allowed is None or allowed < 0:
            raise YusuanError(f"容差“{tolerance}”不是非负数。请输入如 0.01 的数。")
        reports = []
        limits = bounds(timeout, memory)
        for doc in docs:
            try:
                reports.append(check_path(doc, limits, allowed))
            except YusuanError as exc:
                err.print(f"[bold red]错误：[/]{exc.message}", highlight=False)
                codes.append(2)
        if not reports:
            return
        if format == "json":
            text = render_json(reports[0] if len(reports) == 1 else reports) + "\n"
        elif format == "html":
            text = render_html(reports)
        else:
            text = render_text(reports, color=output is None and sys.stdout.isatty())
        if output is None:
            sys.stdout.write(text)
        else:
            write_text(text, output)
        codes.extend(report.exit_code(fail_on) for report in reports)

    guarded(run)
    # an unreadable document outranks findings: 2, else 1 when a finding reaches --fail-on
    raise typer.Exit(2 if 2 in codes else max(codes, default=0))


def rules() -> None:
    """列出检查规则（含对照档案中其他文件的跨文件规则）。"""
    from rich.console import Console as RichConsole

    from ..checks import all_rules, print_rules
    from ..checks_xdoc import cross_document_rules

    print_rules(RichConsole(width=160), [*all_rules(), *cross_document_rules()])


def schema() -> None:
    """输出数据模型的 JSON Schema。"""
    from ..model import Disclosure

    sys.stdout.write(json.dumps(Disclosure.model_json_schema(), ensure_ascii=False, indent=2) + "\n")


def version() -> None:
    """显示版本。"""
    sys.stdout.write(f"yusuan {__version__}\n")
