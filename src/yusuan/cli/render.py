"""Making disclosures: `yusuan template` (a blank input workbook) and `yusuan render` (input data, or a
published file, to HTML, PDF, DOCX and XLSX)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..errors import YusuanError
from .common import DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT, MemoryOption, TimeoutOption, bounds, err, guarded

if TYPE_CHECKING:
    from ..model import Disclosure

_KINDS = {"预算": "budget", "决算": "final", "budget": "budget", "final": "final"}


def template(
    output: Annotated[Path | None, typer.Option("--output", "-o", help="要写出的工作簿（.xlsx）；默认 budget.xlsx，决算为 final.xlsx。")] = None,
    kind: Annotated[str, typer.Option("--kind", "-k", help="预算或决算（也可写 budget、final）。")] = "预算",
) -> None:
    """写出空白的输入工作簿：每类数据一张表，中文表头、下拉选项和数据校验，附填表说明。"""

    def run() -> None:
        from ..inputs import workbook_bytes
        from ..outputs import write_all

        chosen = _KINDS.get(kind.strip())
        if chosen is None:
            raise YusuanError(f"--kind 不能是“{kind}”。请写“预算”或“决算”。")
        path = output if output is not None else Path("final.xlsx" if chosen == "final" else "budget.xlsx")
        if path.suffix.lower() != ".xlsx":
            raise YusuanError(f"“{path.name}”应以 .xlsx 结尾。")
        write_all({path: workbook_bytes(kind=chosen)})
        err.print(f"已写出{'决算' if chosen == 'final' else '预算'}输入模板：{path}")

    guarded(run)


def _formats(to: list[str]) -> list[str]:
    from ..writers.registry import WRITERS

    formats = list(dict.fromkeys(f.strip().lower().lstrip(".") for part in to for f in part.split(",") if f.strip()))
    unknown = [f for f in formats if f not in WRITERS]
    if unknown or not formats:
        raise YusuanError(f"不支持的输出格式“{'、'.join(unknown)}”。--to 可以是 {'、'.join(WRITERS)}，可以写多次。")
    return formats


def output_paths(source: Path, formats: list[str], output: Path | None) -> dict[str, Path]:
    """One file per format: OUT itself for one format named with its suffix, else OUT/<source stem>.<format>."""
    from ..writers.registry import WRITERS

    if output is not None and len(formats) == 1 and output.suffix.lower() == f".{formats[0]}":
        return {formats[0]: output}
    if output is not None and not output.is_dir() and output.suffix.lower().lstrip(".") in WRITERS:
        wanted = "、".join(f"{output.with_suffix('.' + fmt).name}" for fmt in formats)
        raise YusuanError(f"-o “{output.name}”的扩展名与 --to {'、'.join(formats)} 不符。请写 -o {wanted}，"
                          "或给出一个文件夹（多种格式时）。")
    folder = output if output is not None else source.parent
    if folder.exists() and not folder.is_dir():
        raise YusuanError(f"“{folder}”已是一个文件。输出多种格式时，-o 应为文件夹。")
    return {fmt: folder / f"{source.stem}.{fmt}" for fmt in formats}


def _from_facts(source: Path) -> Disclosure:
    from ..checks import run_checks
    from ..compose import derive
    from ..inputs import is_input_file, load_input

    if not is_input_file(source):
        raise YusuanError(f"“{source.name}”不是输入数据文件（.xlsx 工作簿或 .yaml）。要重新排版已公开的文件，请加 --from-parsed。")
    facts, warnings = load_input(source)
    for message in warnings:
        err.print(f"[yellow]注意：{message}[/]", highlight=False)
    disclosure = derive(facts)
    disclosure.source_name = source.name
    report = run_checks(disclosure)
    counts = {s: sum(1 for f in report.findings if f.severity == s) for s in ("error", "warning")}
    err.print(f"检查：{counts['error']} 个错误，{counts['warning']} 个警告（yusuan check 可看详情）。", highlight=False)
    return disclosure


def render(
    source: Annotated[Path, typer.Argument(metavar="输入", help="输入工作簿（.xlsx）或 YAML；加 --from-parsed 时为任一公开文件。")],
    to: Annotated[list[str], typer.Option("--to", "-t", help="html、pdf、docx 或 xlsx；可写多次。")] = ["html"],  # noqa: B006
    output: Annotated[Path | None, typer.Option("--output", "-o", help="输出文件（一种格式）或文件夹。")] = None,
    from_parsed: Annotated[bool, typer.Option("--from-parsed", help="读取已公开的文件并重新排版。")] = False,
    timeout: TimeoutOption = DEFAULT_TIMEOUT,
    memory: MemoryOption = DEFAULT_MEMORY_MB,
) -> None:
    """由输入数据生成公开文件（HTML、PDF、DOCX、XLSX），合计、汇总和增减均自动计算。"""

    def run() -> None:
        from ..outputs import write_all
        from ..writers.registry import render as render_format

        formats = _formats(to)
        paths = output_paths(source, formats, output)
        if from_parsed:  # a published file is untrusted: read and rendered within the bounds
            from ..pipeline import render_path

            made = render_path(source, formats, bounds(timeout, memory))
            rendered = {paths[fmt]: made[fmt] for fmt in formats}
        else:
            disclosure = _from_facts(source)
            rendered = {paths[fmt]: render_format(disclosure, fmt) for fmt in formats}  # all before any is written
        write_all(rendered)
        for path in rendered:
            sys.stderr.write(f"已写出：{path}\n")

    guarded(run)
