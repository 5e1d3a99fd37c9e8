"""The progress bar: documents done of those found, documents per second, failures so far, time left.

On a terminal it is a live Rich bar on standard error; elsewhere (a log, CI) it prints nothing until
the summary.
"""

from __future__ import annotations

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, TextColumn, TimeRemainingColumn
from rich.text import Text

from .summary import BatchSummary


class _Rate(ProgressColumn):
    """Documents parsed per second in this run (documents skipped as already archived do not count)."""

    def __init__(self, summary: BatchSummary):
        super().__init__()
        self.summary = summary

    def render(self, task) -> Text:
        return Text(f"{self.summary.rate:6.1f} 份/秒", style="cyan")


class _Failures(ProgressColumn):
    def __init__(self, summary: BatchSummary):
        super().__init__()
        self.summary = summary

    def render(self, task) -> Text:
        failed = self.summary.failed
        return Text(f"失败 {failed}", style="red" if failed else "dim")


class BatchProgress:
    """A context manager; `advance()` after each document (skipped ones included)."""

    def __init__(self, summary: BatchSummary, total: int | None, console: Console | None = None,
                 enabled: bool = True):
        self.summary = summary
        console = console or Console(stderr=True)
        self._progress = Progress(
            TextColumn("[bold]处理文件"), BarColumn(), MofNCompleteColumn(), _Rate(summary), _Failures(summary),
            TextColumn("剩余"), TimeRemainingColumn(), console=console, disable=not enabled, transient=False,
        )
        self._task = self._progress.add_task("batch", total=total)

    def __enter__(self) -> BatchProgress:
        self._progress.start()
        return self

    def __exit__(self, *exc) -> None:
        self._progress.stop()

    def advance(self) -> None:
        self._progress.advance(self._task)
