"""Which names the server answers to, and which pages may send it requests (Host and Origin).

A server on 127.0.0.1 without tokens trusts whoever reaches it. Two kinds of web page reach it from
the user's own browser:

- any site the user visits can post a form or a `fetch` to `http://127.0.0.1:8000/` (its Origin is
  that site): refused unless the Origin is this server itself or a name on the allow-list;
- DNS rebinding: a site whose name is made to resolve to 127.0.0.1 reads the archive as if it were
  its own (same origin for the browser; only the Host header still carries the site's name):
  refused unless the Host is on the allow-list.

The allow-list is the address the server is bound to, `localhost`, `127.0.0.1` and `::1`, plus the
names given with `yusuan serve --allow-host` (a reverse proxy's public name, say). A server bound to
every interface (0.0.0.0, ::) also answers to any address written as numbers: a page cannot rebind
a name onto an address it is not served from. An Origin must name an allowed host, and when both it
and the Host header give a port, the same port (a page of another local service is another site).
"""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

from ..errors import YusuanError

LOCAL_NAMES = ("localhost", "127.0.0.1", "::1")
WILDCARDS = ("0.0.0.0", "::", "")


def _hostname(netloc: str) -> tuple[str, int | None] | None:
    """(name, port) of `host[:port]` (IPv6 in brackets), the name lowercased; None when malformed."""
    try:
        parts = urlsplit(f"//{netloc}")
        name, port = parts.hostname, parts.port
    except ValueError:
        return None
    if not name or parts.username is not None or parts.path or parts.query or parts.fragment:
        return None
    return name.rstrip("."), port


def _is_address(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


def check_host_name(name: str) -> str:
    """A name for --allow-host: a host name or address, without scheme, port or path."""
    parsed = _hostname(name.strip())
    if parsed is None or parsed[1] is not None or "/" in name:
        raise ValueError(f"“{name}”不是主机名。请只写主机名或地址（如 yusuan.example.cn 或 192.168.1.5），"
                         "不带 http:// 、端口或路径。")
    return parsed[0]


class AllowedHosts:
    def __init__(self, bound: str, extra: tuple[str, ...] = ()):
        bound_name = bound.strip("[]").lower()
        self.any_address = bound_name in WILDCARDS
        # the server's own names: an Origin among them must also give the Host's port
        self.own = frozenset({*LOCAL_NAMES, *(() if self.any_address else (bound_name,))})
        # names given with --allow-host: a reverse proxy's, whose port the Host header need not show
        self.extra = frozenset(check_host_name(n) for n in extra)

    def allows(self, name: str) -> bool:
        return name in self.own or name in self.extra or (self.any_address and _is_address(name))

    def listed(self) -> str:
        shown = sorted(self.own | self.extra) + (["任意 IP 地址"] if self.any_address else [])
        return "、".join(shown)

    def allows_origin(self, origin: str, host: tuple[str, int | None] | None) -> bool:
        try:
            parts = urlsplit(origin)
            name, port = parts.hostname, parts.port
        except ValueError:
            return False
        # "null" (a sandboxed frame, a file:// page) and anything but http(s) name no site of ours
        if parts.scheme not in ("http", "https") or not name:
            return False
        name = name.rstrip(".")
        host_name, host_port = host if host is not None else (None, None)
        if name == host_name or name in self.own:
            # the same name on another port is another site (another local service's page)
            port = port or (443 if parts.scheme == "https" else 80)
            return host_port is None or port == host_port
        return name in self.extra


class HostAndOrigin:
    """ASGI middleware: refuses a request whose Host is not allowed (421) and one whose Origin is
    not allowed (403), before anything else sees it (so a refusal counts against no rate limit)."""

    def __init__(self, app, allowed: AllowedHosts):
        self.app = app
        self.allowed = allowed

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {key.lower(): value.decode("latin-1") for key, value in scope.get("headers", ())}
        refusal = self._refusal(headers.get(b"host"), headers.get(b"origin"))
        if refusal is None:
            await self.app(scope, receive, send)
            return
        from .access import refusal_response  # the error page or JSON, as the app's other refusals

        await refusal_response(scope, *refusal)(scope, receive, send)

    def _refusal(self, host: str | None, origin: str | None) -> tuple[int, str] | None:
        # a request without Host comes from no browser (HTTP/1.0 tools): nothing to rebind
        parts = _hostname(host) if host is not None else None
        if host is not None and (parts is None or not self.allowed.allows(parts[0])):
            return 421, (f"本服务不接受发往“{host[:100]}”的请求（允许的主机名：{self.allowed.listed()}）。"
                         "请用启动时显示的地址访问；经反向代理或其他域名访问时，请在 yusuan serve 加 --allow-host 该域名。")
        if origin is not None and not self.allowed.allows_origin(origin, parts):
            return 403, (f"拒绝来自其他网站（{origin[:100]}）的请求：只有本服务自己的页面可以提交。"
                         "若确需从该地址访问，请在 yusuan serve 加 --allow-host 该主机名。")
        return None


class HostNameError(YusuanError):
    pass


def allowed_hosts(settings) -> AllowedHosts:
    try:
        return AllowedHosts(settings.host, settings.allowed_hosts)
    except ValueError as error:
        raise HostNameError(f"--allow-host 有误：{error}") from error
