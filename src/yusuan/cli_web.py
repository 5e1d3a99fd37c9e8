"""`yusuan serve`: the web app (registered in cli.py with `app.command()(serve)`)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .errors import YusuanError

MB = 1024 * 1024


def serve(
    host: Annotated[str, typer.Option(help="监听地址；127.0.0.1 只允许本机访问，0.0.0.0 允许其他机器访问。")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="端口。")] = 8000,
    db: Annotated[Path | None, typer.Option(
        "--db", envvar="YUSUAN_DB", help="档案文件（默认 ./yusuan.duckdb，或环境变量 YUSUAN_DB）。")] = None,
    files: Annotated[Path | None, typer.Option(
        help="保存上传文件的目录（默认为档案旁的 <档案>.files）。")] = None,
    max_file_mb: Annotated[int, typer.Option(help="单个上传文件的上限（MB）。")] = 50,
    max_upload_mb: Annotated[int, typer.Option(help="一次上传（所有文件合计）的上限（MB）。")] = 200,
    max_pages: Annotated[int, typer.Option(help="PDF 页数上限。")] = 500,
    parse_timeout: Annotated[float, typer.Option(help="读取一份文件的时限（秒）。")] = 300.0,
    parse_memory: Annotated[int, typer.Option(help="读取一份文件可用的内存上限（MB，0 为不限）。")] = 3072,
    workers: Annotated[int, typer.Option(help="同时读取的文件数。")] = 2,
    wait: Annotated[float, typer.Option(help="档案正被其他 yusuan 程序使用时，最多等待的秒数。")] = 60.0,
) -> None:
    """启动网页服务：上传并检查公开文件、浏览档案、对比。"""
    from .cli import guarded

    def run() -> None:
        import uvicorn

        from .web import Settings, create_app

        if min(max_file_mb, max_upload_mb, max_pages, workers) < 1 or parse_timeout <= 0 or parse_memory < 0:
            raise YusuanError("上限、时限和并发数须为正数（内存上限可为 0，表示不限）。")
        settings = Settings(db=db, files=files, max_file_bytes=max_file_mb * MB, max_request_bytes=max_upload_mb * MB,
                            max_pages=max_pages, parse_timeout=parse_timeout, parse_memory_mb=parse_memory,
                            parse_workers=workers, open_timeout=wait)
        _check_archive(settings)
        typer.echo(f"yusuan：档案 {settings.db_path}，请在浏览器中打开 http://{host}:{port}/ （Ctrl+C 停止）")
        uvicorn.run(create_app(settings), host=host, port=port, log_level="info", proxy_headers=False,
                    server_header=False)

    guarded(run)


def _check_archive(settings) -> None:
    """Open the archive once before serving, so a busy, foreign or newer file is one message, not a traceback."""
    from .archive import Archive

    Archive.open(settings.db_path, timeout=settings.open_timeout).close()
