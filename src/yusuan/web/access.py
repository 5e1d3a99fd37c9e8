"""Who may do what: a role for each request (from its token, `tokens`), and a limit on how often one
client may write.

Without tokens (the default, for a server on 127.0.0.1) everyone may read and upload. With tokens
(`--token`, `--read-token`, `--token-file`; docs/web.md) every request names one:

- `Authorization: Bearer <token>` (scripts, the API), or
- the cookie `yusuan_token` that the page /login sets (browsers; HttpOnly, SameSite=Strict).

A `read` token may read everything; an `admin` token may also write. The rule is enforced once, for
every route, by `AccessControl` (an ASGI middleware, so a refused write is refused before its body is
read): GET/HEAD/OPTIONS need `read` (unless `public_read`), every other method needs `admin`, except
the few paths in OPEN_WRITES (logging in and out). A route added later is covered without naming
anything; `tests/web/test_access.py` enumerates the app's routes to prove it. The dependencies
`can_read` and `can_upload` that the routes name check the same again.

Writes (every method but GET/HEAD/OPTIONS) are limited per credential: at most `upload_rate` in any
`upload_window` seconds, else 429 with Retry-After. The credential is the token (whether sent as a
header or as the cookie); without tokens, the client's address. Only a write that passes every other
check is counted: a refused request (no token, a wrong one, a read token, another site's page) uses
up nobody's allowance, so strangers cannot lock the admin out, even behind a proxy where everyone
shares one address. Logging in is counted apart: failed attempts per address, and past the limit
that address's next attempts are refused before the token is even looked at.
"""

from __future__ import annotations

import hashlib
import math
import threading
import time
from collections import deque
from urllib.parse import quote, urlsplit

from fastapi import HTTPException, Request
from starlette.requests import Request as StarletteRequest
from starlette.responses import JSONResponse, RedirectResponse

from .tokens import Role, Tokens

COOKIE = "yusuan_token"
COOKIE_SECONDS = 7 * 24 * 3600
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# writes that need no token: logging in (it is how one gets a token into the browser) and out
OPEN_WRITES = frozenset({"/login", "/logout"})
# reads that need no token: the login page, its style and script, and the API's description
OPEN_READS = frozenset({"/login", "/api/openapi.json"})
OPEN_READ_PREFIXES = ("/static/",)


class RateLimit:
    """At most `limit` events per client in any `window` seconds (a sliding window); `limit` 0: none."""

    def __init__(self, limit: int, window: float, clock=time.monotonic):
        self.limit = limit
        self.window = window
        self._clock = clock
        self._seen: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def wait_for(self, client: str) -> float:
        """0 when the client may go on (and the event is counted), else the seconds until it may."""
        return self._wait(client, record=True)

    def pending(self, client: str) -> float:
        """The seconds until the client may go on (0: now), counting nothing."""
        return self._wait(client, record=False)

    def _wait(self, client: str, record: bool) -> float:
        if self.limit <= 0:
            return 0.0
        now = self._clock()
        with self._lock:
            if len(self._seen) > 10_000:  # forget clients that have been quiet for a window
                self._seen = {k: v for k, v in self._seen.items() if v and v[-1] > now - self.window}
            times = self._seen.setdefault(client, deque())
            while times and times[0] <= now - self.window:
                times.popleft()
            if len(times) >= self.limit:
                return times[0] + self.window - now
            if record:
                times.append(now)
            return 0.0


def _header(scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", ()):
        if key.lower() == name:
            return value.decode("latin-1")
    return None


def _cookie(scope, name: str) -> str | None:
    for part in (_header(scope, b"cookie") or "").split(";"):
        key, _, value = part.strip().partition("=")
        if key == name:
            return value.strip('"')
    return None


def presented_token(scope) -> tuple[str | None, str | None]:
    """(token, how) from the Authorization header (`bearer`) or the login cookie (`cookie`)."""
    authorization = _header(scope, b"authorization") or ""
    scheme, _, value = authorization.partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip(), "bearer"
    cookie = _cookie(scope, COOKIE)
    return (cookie, "cookie") if cookie else (None, None)


def _same_origin(scope) -> bool:
    """A browser's write carries Origin; with the cookie it must be this server (no cross-site form posts)."""
    origin = _header(scope, b"origin")
    if origin is None:
        return True
    host = _header(scope, b"host") or ""
    return urlsplit(origin).netloc == host


def is_open(method: str, path: str) -> bool:
    if method in SAFE_METHODS:
        return path in OPEN_READS or path.startswith(OPEN_READ_PREFIXES)
    return path in OPEN_WRITES


def safe_next(target: str | None) -> str:
    """Where to go after logging in: a path of this site only (never `//elsewhere` or a full URL)."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target


class AccessControl:
    """ASGI middleware: decides the request's role, refuses what the role may not do, limits writes.

    Sets `request.state.role` (None, "read" or "admin") and `request.state.auth` (tokens in use).
    """

    def __init__(self, app, tokens: Tokens, public_read: bool, rate: RateLimit):
        self.app = app
        self.tokens = tokens
        self.public_read = public_read
        self.rate = rate

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        method, path = scope["method"], scope["path"]
        state = scope.setdefault("state", {})
        token, how = presented_token(scope)
        role = self.tokens.role(token) if self.tokens.enabled else "admin"
        state.update(auth=self.tokens.enabled, role=role, token_via=how)
        refusal = self._refusal(scope, method, path, role, how)
        if refusal is None and method not in SAFE_METHODS and not is_open(method, path):
            # counted only now that the write is allowed: a refused one costs nobody anything
            wait = self.rate.wait_for(credential(scope, token if self.tokens.enabled else None))
            if wait > 0:
                refusal = _too_often(scope, self.rate, wait)
        if refusal is not None:
            await refusal(scope, receive, send)
            return
        await self.app(scope, receive, send)

    def _refusal(self, scope, method: str, path: str, role: Role | None, how: str | None):
        writing = method not in SAFE_METHODS
        if is_open(method, path):
            return None
        if writing:
            if role is None:
                return refusal_response(scope, 401, _unauthenticated(scope))
            if role != "admin":
                return refusal_response(scope, 403, "这个令牌只能查看，不能上传或修改。请使用管理令牌（admin）。")
            if how == "cookie" and not _same_origin(scope):
                return refusal_response(scope, 403, "拒绝来自其他网站的请求。请在本站页面上操作。")
            return None
        if role is None and not self.public_read:
            if not path.startswith("/api/") and method == "GET":
                query = scope.get("query_string", b"").decode("latin-1")
                target = path + (f"?{query}" if query else "")
                return RedirectResponse(f"/login?next={quote(target, safe='')}", status_code=303)
            return refusal_response(scope, 401, _unauthenticated(scope))
        return None


def client_address(scope) -> str:
    return scope["client"][0] if scope.get("client") else "?"


def credential(scope, token: str | None) -> str:
    """Whose allowance a write uses: its token's (a digest, never the token), else its address's."""
    if token:
        return "token:" + hashlib.sha256(token.encode("utf-8", "replace")).hexdigest()
    return "address:" + client_address(scope)


def _unauthenticated(scope) -> str:
    if _header(scope, b"authorization") or _cookie(scope, COOKIE):
        return "令牌不正确或已停用。请在 /login 重新登录，或在请求头 Authorization: Bearer <令牌> 中给出有效的令牌。"
    return "需要令牌。请在 /login 登录，或在请求头 Authorization: Bearer <令牌> 中给出令牌。"


def refusal_response(scope, status: int, message: str, headers: dict[str, str] | None = None):
    headers = dict(headers or {})
    if status == 401:
        headers["WWW-Authenticate"] = 'Bearer realm="yusuan"'
    if scope["path"].startswith("/api/"):
        return JSONResponse({"detail": message}, status_code=status, headers=headers)
    from .pages import pages  # the error page, as the app's other errors show it

    return pages.TemplateResponse(StarletteRequest(scope), "error.html",
                                  {"status": status, "message": message, "nav": None, "login": status == 401},
                                  status_code=status, headers=headers)


def _too_often(scope, rate: RateLimit, wait: float):
    seconds = max(1, math.ceil(wait))
    window = f"{rate.window / 60:g} 分钟" if rate.window >= 60 else f"{rate.window:g} 秒"
    message = (f"上传（或修改）过于频繁：每个令牌（未设令牌时每个地址）每 {window}最多 {rate.limit} 次。"
               f"请在 {seconds} 秒后重试。")
    return refusal_response(scope, 429, message, {"Retry-After": str(seconds)})


def login_refusal(scope, failures: RateLimit):
    """A 429 when this address has failed to log in too often lately, else None."""
    wait = failures.pending(client_address(scope))
    if wait <= 0:
        return None
    seconds = max(1, math.ceil(wait))
    message = f"登录失败次数过多：每个地址每 {failures.window:g} 秒最多 {failures.limit} 次。请在 {seconds} 秒后重试。"
    return refusal_response(scope, 429, message, {"Retry-After": str(seconds)})


# -- what the routes name: the middleware has decided already; these check it again ---------------

def _role(request: Request) -> Role | None:
    return getattr(request.state, "role", None)


def can_read(request: Request) -> None:
    """Reading pages, the archive list, documents, downloads."""
    if _role(request) is None and getattr(request.state, "auth", True) and not _public_read(request):
        raise HTTPException(401, _unauthenticated(request.scope), headers={"WWW-Authenticate": "Bearer"})


def can_upload(request: Request) -> None:
    """Adding documents to the archive."""
    role = _role(request)
    if role is None:
        raise HTTPException(401, _unauthenticated(request.scope), headers={"WWW-Authenticate": "Bearer"})
    if role != "admin":
        raise HTTPException(403, "这个令牌只能查看，不能上传或修改。请使用管理令牌（admin）。")


def _public_read(request: Request) -> bool:
    services = getattr(request.app.state, "services", None)
    return bool(services and services.settings.public_read)
