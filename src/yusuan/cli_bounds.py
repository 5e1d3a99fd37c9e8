"""The bounds of one document's work, as every command that reads documents takes them: --timeout and
--memory. The work runs in a child process stopped at either bound (isolation.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from .errors import YusuanError

if TYPE_CHECKING:
    from .readers import Limits

TimeoutOption = Annotated[float, typer.Option("--timeout", help="处理一份文件的时限（秒），超过即停止；0 为不限。")]
MemoryOption = Annotated[int, typer.Option("--memory", help="处理一份文件可用的内存上限（MB），超过即停止；0 为不限。")]
DEFAULT_TIMEOUT = 300.0
DEFAULT_MEMORY_MB = 4096


def bounds(timeout: float, memory: int) -> Limits:
    """The Limits of one document's work from the --timeout and --memory options."""
    from .readers import Limits

    if timeout < 0:
        raise YusuanError(f"--timeout 的值 {timeout:g} 无效。请输入秒数（0 为不限），如 300。")
    if memory < 0:
        raise YusuanError(f"--memory 的值 {memory} 无效。请输入兆字节数（0 为不限），如 4096。")
    return Limits(max_seconds=timeout or None, max_memory_bytes=memory * 1024 * 1024 or None)
