"""What every command shares: the error console, `guarded` (a user-facing error is one message and an exit
code, never a traceback), the --debug and --version of `main`, and the --timeout and --memory bounds of one
document's work (the work runs in a child process stopped at either bound: isolation.py)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from .. import __version__
from ..errors import YusuanError

if TYPE_CHECKING:
    from ..readers import Limits

err = Console(stderr=True)
_debug = False

TimeoutOption = Annotated[float, typer.Option("--timeout", help="处理一份文件的时限（秒），超过即停止；0 为不限。")]
MemoryOption = Annotated[int, typer.Option("--memory", help="处理一份文件可用的内存上限（MB），超过即停止；0 为不限。")]
DEFAULT_TIMEOUT = 300.0
DEFAULT_MEMORY_MB = 4096


def _show_version(shown: bool) -> None:
    if shown:
        sys.stdout.write(f"yusuan {__version__}\n")
        raise typer.Exit(0)


def main(
    debug: Annotated[bool, typer.Option("--debug", help="出错时显示完整的调用栈。")] = False,
    version: Annotated[bool, typer.Option("--version", help="显示版本后退出。", is_eager=True,
                                          callback=_show_version)] = False,
) -> None:
    global _debug
    _debug = debug


def fail(message: str, code: int = 2) -> None:
    err.print(f"[bold red]错误：[/]{message}", highlight=False)
    raise typer.Exit(code)


def guarded(action: Callable[[], None]) -> None:
    """Run a command; a user-facing error becomes one message and exit code 2, never a traceback."""
    try:
        action()
    except YusuanError as exc:
        if _debug:
            raise
        fail(exc.message, exc.exit_code)
    except (typer.Exit, KeyboardInterrupt):
        raise
    except Exception as exc:  # a bug: still no traceback unless asked for
        if _debug:
            raise
        fail(f"内部错误（{type(exc).__name__}: {exc}）。请加 --debug 重新运行并报告这个问题。", 3)


def bounds(timeout: float, memory: int) -> Limits:
    """The Limits of one document's work from the --timeout and --memory options."""
    from ..readers import Limits

    if timeout < 0:
        raise YusuanError(f"--timeout 的值 {timeout:g} 无效。请输入秒数（0 为不限），如 300。")
    if memory < 0:
        raise YusuanError(f"--memory 的值 {memory} 无效。请输入兆字节数（0 为不限），如 4096。")
    return Limits(max_seconds=timeout or None, max_memory_bytes=memory * 1024 * 1024 or None)
