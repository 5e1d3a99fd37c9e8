"""The summary a person reads at the end of a batch: counts, speed, and the documents that failed."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.table import Table

from .failures import LOG_NAME
from .summary import BatchSummary


def counts_table(summary: BatchSummary) -> Table:
    table = Table(title="批量处理结果", show_header=False, title_justify="left")
    table.add_column(style="bold")
    table.add_column(justify="right")
    rows = [("找到的文件", summary.found), ("已在档案中（跳过）", summary.archived_before),
            ("以前处理失败（跳过）", summary.failed_before), ("新加入档案", summary.added),
            ("内容重复（只存一份）", summary.duplicates), ("失败", summary.failed),
            ("新文件中的错误级发现", summary.errors_found)]
    for label, value in rows:
        table.add_row(label, f"{value:,}")
    table.add_row("用时", f"{summary.seconds:,.1f} 秒")
    table.add_row("速度", f"{summary.rate:,.2f} 份/秒")
    return table


def failures_table(summary: BatchSummary) -> Table:
    table = Table(title=f"处理失败的文件（前 {len(summary.failures)} 个）", title_justify="left")
    table.add_column("文件", overflow="fold")
    table.add_column("原因", overflow="fold")
    for failure in summary.failures:
        table.add_row(failure.path, failure.error)
    return table


def print_summary(summary: BatchSummary, out: Path, console: Console) -> None:
    console.print(counts_table(summary))
    if summary.failures:
        console.print(failures_table(summary))
    if summary.failed or summary.failed_before:
        console.print(f"全部失败记录见“{out / LOG_NAME}”。修正后可加 --retry-failed 重新处理这些文件。")
