"""Many documents at once: `yusuan batch` (a collection of any size, in parallel) and `yusuan synth` (synthetic
disclosures)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from ..errors import YusuanError
from .common import DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT, MemoryOption, TimeoutOption, bounds, guarded

err = Console(stderr=True, highlight=False)  # not common.err: the progress and run_batch's lines print unhighlighted


def batch(
    paths: Annotated[list[Path] | None, typer.Argument(metavar="路径", help="文件或文件夹（递归查找 txt/pdf/docx/xlsx/html 等）。")] = None,
    workers: Annotated[int, typer.Option("--workers", "-w", help="并行的工作进程数（默认为 CPU 核数）。")] = 0,
    db: Annotated[Path | None, typer.Option("--db", envvar="YUSUAN_DB",
                                            help="档案文件（默认 ./yusuan.duckdb，或环境变量 YUSUAN_DB）。")] = None,
    out: Annotated[Path | None, typer.Option("--out", help="失败记录、汇总和（ray 引擎）Parquet 分区的目录（默认 <档案>.batch/）。")] = None,
    engine: Annotated[str, typer.Option("--engine", help="local（本机进程池）或 ray（Ray 集群）。")] = "local",
    address: Annotated[str | None, typer.Option("--address", help="ray：已有集群的地址（如 auto 或 ray://主节点:10001）；不指定则在本机启动。")] = None,
    list_file: Annotated[list[Path] | None, typer.Option("--list", help="文件列表（每行一个路径，可多次指定）。")] = None,
    timeout: TimeoutOption = DEFAULT_TIMEOUT,
    memory: MemoryOption = DEFAULT_MEMORY_MB,
    retry_failed: Annotated[bool, typer.Option("--retry-failed", help="重新处理以前失败的文件。")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="不显示进度条。")] = False,
) -> None:
    """批量读取、检查并归档一批公开文件：并行处理，可中断后续跑（已归档的文件按内容跳过）。"""
    from ..archive.connection import resolve_path
    from ..batch import BatchOptions, run_batch
    from ..batch.report import print_summary

    exit_code = [0]

    def run() -> None:
        if not paths and not list_file:
            raise YusuanError("请指定要处理的文件或文件夹，或用 --list 指定文件列表。")
        if workers < 0:
            raise YusuanError(f"--workers 的值 {workers} 无效。请输入正整数。")
        limits = bounds(timeout, memory)  # the options checked here, the way every command checks them
        options = BatchOptions(db=db, out=out, workers=workers or os.cpu_count() or 1, engine=engine,
                               address=address, timeout=limits.max_seconds, memory_mb=memory or None,
                               retry_failed=retry_failed,
                               list_files=tuple(list_file or ()), progress=not quiet)
        summary = run_batch(list(paths or ()), options, err)
        print_summary(summary, options.out_folder(resolve_path(db)), Console(highlight=False))
        exit_code[0] = summary.exit_code

    guarded(run)
    raise typer.Exit(exit_code[0])


def synth(
    count: Annotated[int, typer.Argument(metavar="份数", help="生成的文件数。")],
    out: Annotated[Path, typer.Option("--out", "-o", help="输出目录（新的或空的）。")],
    seed: Annotated[int, typer.Option("--seed", help="随机种子：同一种子生成同样的文件。")] = 0,
    errors: Annotated[float, typer.Option("--errors", help="注入缺陷的文件比例（0–1），缺陷记录在 manifest.jsonl。")] = 0.0,
    formats: Annotated[str, typer.Option("--formats", help="格式，逗号分隔：txt、pdf、xlsx、docx、html（轮流使用）。")] = "txt",
) -> None:
    """生成逼真的合成部门预算公开文件（可注入已知缺陷），用于批量处理和检查规则的测评。"""
    from rich.progress import Progress

    from ..synth.generate import SynthOptions, generate
    from ..synth.render import parse_formats

    def run() -> None:
        options = SynthOptions(count=count, seed=seed, error_rate=errors, formats=parse_formats(formats))
        with Progress(console=err) as progress:
            task = progress.add_task("生成文件", total=count)
            defective = generate(options, out, lambda entry: progress.advance(task))
        Console(highlight=False).print(f"已在“{out}”生成 {count} 个文件，其中 {defective} 个注入了缺陷；清单见 manifest.jsonl。")

    guarded(run)
