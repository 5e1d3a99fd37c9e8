"""`yusuan serve`: the web app, its limits, tokens and allowed host names taken from the options."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..errors import YusuanError
from .common import guarded

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
    parse_timeout: Annotated[float, typer.Option(help="处理一份文件（读取和检查上传的文件、排版下载的文件）的时限（秒）。")] = 300.0,
    parse_memory: Annotated[int, typer.Option(help="处理一份文件（读取和检查、排版）可用的内存上限（MB，0 为不限）。")] = 3072,
    workers: Annotated[int, typer.Option(help="同时读取的文件数。")] = 2,
    wait: Annotated[float, typer.Option(help="档案正被其他 yusuan 程序使用时，最多等待的秒数。")] = 60.0,
    token: Annotated[str | None, typer.Option(
        envvar="YUSUAN_TOKEN", show_envvar=True,
        help="管理令牌（可查看、可上传）。设置任一令牌后，每个请求都须带令牌：API 用请求头 "
             "Authorization: Bearer <令牌>，浏览器在 /login 登录。")] = None,
    read_token: Annotated[str | None, typer.Option(
        envvar="YUSUAN_READ_TOKEN", show_envvar=True, help="只读令牌（可查看、下载，不能上传）。")] = None,
    token_file: Annotated[Path | None, typer.Option(
        help="令牌文件：每行“admin 令牌”或“read 令牌”，# 开头为注释；可给出多个令牌。")] = None,
    public_read: Annotated[bool, typer.Option(
        "--public-read", help="设置令牌时，允许任何人查看（上传仍须管理令牌）。")] = False,
    upload_rate: Annotated[int, typer.Option(help="每个令牌（未设令牌时每个地址）在 --upload-window 秒内最多的上传（写）请求数，"
                                                  "也是每个地址登录失败的次数上限；被拒绝的请求不计；0 为不限。")] = 30,
    upload_window: Annotated[float, typer.Option(help="上传频率限制的时间窗口（秒）。")] = 60.0,
    allow_host: Annotated[list[str] | None, typer.Option(metavar="<主机名>",
        help="另外允许的主机名（可重复）：经反向代理或域名访问时写该域名。默认只接受监听地址、localhost、127.0.0.1 和 ::1；"
             "发往其他主机名的请求和来自其他网站页面的请求都被拒绝（防 DNS 重绑定和跨站提交）。")] = None,
) -> None:
    """启动网页服务：上传并检查公开文件、浏览档案、对比。"""
    def run() -> None:
        import uvicorn

        from ..web import Settings, create_app
        from ..web.tokens import ROLE_LABELS

        if min(max_file_mb, max_upload_mb, max_pages, workers) < 1 or parse_timeout <= 0 or parse_memory < 0:
            raise YusuanError("上限、时限和并发数须为正数（内存上限可为 0，表示不限）。")
        if upload_rate < 0 or upload_window <= 0:
            raise YusuanError("上传频率限制须为非负整数（0 为不限），时间窗口须为正数。")
        tokens = _tokens(token, read_token, token_file)
        if public_read and not tokens:
            raise YusuanError("--public-read 只在设置了令牌（--token、--read-token 或 --token-file）时有意义。")
        settings = Settings(db=db, files=files, max_file_bytes=max_file_mb * MB, max_request_bytes=max_upload_mb * MB,
                            max_pages=max_pages, parse_timeout=parse_timeout, parse_memory_mb=parse_memory,
                            parse_workers=workers, open_timeout=wait, tokens=tokens, public_read=public_read,
                            upload_rate=upload_rate, upload_window=upload_window, address=f"http://{host}:{port}/",
                            host=host, allowed_hosts=tuple(allow_host or ()))
        create_app(settings)  # a malformed token or host name is one message before anything starts
        _check_archive(settings)
        typer.echo(f"yusuan：档案 {settings.db_path}，请在浏览器中打开 http://{host}:{port}/ （Ctrl+C 停止）")
        if tokens:
            roles = sorted({role for _, role in tokens})
            typer.echo(f"yusuan：已启用令牌（{'、'.join(ROLE_LABELS[r] for r in roles)}）；浏览器请在 /login 登录。")
        elif not _loopback(host):
            typer.echo(f"yusuan：注意，监听 {host} 且未设置令牌，任何能访问本机的人都可以上传。"
                       "请用 --token（或环境变量 YUSUAN_TOKEN）设置管理令牌。", err=True)
        uvicorn.run(create_app(settings), host=host, port=port, log_level="info", proxy_headers=False,
                    server_header=False)

    guarded(run)


def _tokens(admin: str | None, read: str | None, token_file: Path | None) -> tuple[tuple[str, str], ...]:
    from ..web.tokens import check_token, read_token_file

    found = [(check_token(admin, "--token（YUSUAN_TOKEN）"), "admin")] if admin else []
    found += [(check_token(read, "--read-token（YUSUAN_READ_TOKEN）"), "read")] if read else []
    found += read_token_file(token_file) if token_file else []
    return tuple(found)


def _loopback(host: str) -> bool:
    return host in ("localhost", "::1") or host.startswith("127.")


def _check_archive(settings) -> None:
    """Open the archive once before serving, so a busy, foreign or newer file, or another server on
    the same archive, is one message, not a traceback."""
    from ..archive import Archive, ServerMark

    mark = ServerMark(settings.db_path)
    mark.acquire(settings.address)
    try:
        Archive.open(settings.db_path, timeout=settings.open_timeout).close()
    finally:
        mark.release()
