"""Tokens and roles, logging in, the upload rate limit, and the headers on every answer.

The write endpoints are found by walking the app's routes, not listed by hand: a write endpoint
added later is tested here without anyone remembering to add it.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from contextlib import ExitStack

import httpx
import pytest
from starlette.routing import Mount

from yusuan.web.access import OPEN_READ_PREFIXES, OPEN_READS, OPEN_WRITES, SAFE_METHODS, RateLimit, can_upload
from yusuan.web.tokens import Tokens

from .helpers import LiveServer, add, settings_for, upload

ADMIN = "admin-token-0123456789abcdef"
READ = "read-token-0123456789abcdef"
TOKENS = ((ADMIN, "admin"), (READ, "read"))
WRITE_METHODS = ("POST", "PUT", "PATCH", "DELETE")
SAMPLE = {"document_id": "1", "table_id": "summary", "fmt": "pdf", "page": "1", "section": "three_public",
          "job_id": "0123456789abcdef", "path": "app.js"}


@pytest.fixture
def server(tmp_path) -> Iterator[LiveServer]:
    # every write route is tried by four clients: more writes than the default rate allows (tested below)
    with LiveServer(settings_for(tmp_path, tokens=TOKENS, upload_rate=0)) as live:
        yield live


@pytest.fixture
def anonymous(server) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.url, timeout=60) as client:
        yield client


def _client(server: LiveServer, token: str | None = None, stack: ExitStack | None = None, **options) -> httpx.Client:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    client = httpx.Client(base_url=server.url, timeout=60, headers=headers, **options)
    return stack.enter_context(client) if stack else client


def _concrete(path: str) -> str:
    return re.sub(r"\{(\w+)(?::\w+)?\}", lambda m: SAMPLE.get(m.group(1), "1"), path)


def _flat(routes) -> Iterator:
    """Every route, with the routers included into the app flattened (with their prefixes)."""
    for route in routes:
        if hasattr(route, "effective_route_contexts"):  # FastAPI's included router
            yield from route.effective_route_contexts()
        elif hasattr(route, "routes") and not isinstance(route, Mount):
            yield from _flat(route.routes)
        else:
            yield route


def _routes(app) -> list[tuple[str, str, object]]:
    """(method, concrete path, route) for every route of the app; a mount counts as GET of a file in it."""
    found = []
    for route in _flat(app.routes):
        if isinstance(route, Mount):
            found.append(("GET", f"{route.path}/app.js", route))
            continue
        for method in sorted(getattr(route, "methods", None) or ()):
            found.append((method, _concrete(route.path), route))
    return found


def _writes(app) -> list[tuple[str, str, object]]:
    return [(m, p, r) for m, p, r in _routes(app) if m not in SAFE_METHODS]


def _upload_body() -> dict:
    return {"files": [("files", ("a.txt", b"not a disclosure", "text/plain"))]}


def test_the_write_endpoints_are_found_by_walking_the_routes(server):
    writes = {(m, p) for m, p, _ in _writes(server.app)}
    assert {("POST", "/api/uploads"), ("POST", "/upload"), ("POST", "/login"), ("POST", "/logout"),
            ("DELETE", "/api/documents/1"), ("POST", "/documents/1/delete")} <= writes
    # only logging in and out may be written without a token, and both are routes of the login page
    assert {p for _, p in writes if p in OPEN_WRITES} == OPEN_WRITES


def test_every_write_endpoint_refuses_without_an_admin_token(server, anonymous):
    guarded = [(m, p, r) for m, p, r in _writes(server.app) if p not in OPEN_WRITES]
    assert guarded, "no write endpoint found"
    with ExitStack() as stack:
        reader = _client(server, READ, stack)
        wrong = _client(server, "wrong-token-0123456789abcdef", stack)
        read_cookie = _client(server, None, stack, cookies={"yusuan_token": READ})
        for method, path, route in guarded:
            for who, client, status in (("no token", anonymous, 401), ("a wrong token", wrong, 401),
                                        ("a read token", reader, 403), ("a read cookie", read_cookie, 403)):
                response = client.request(method, path, **_upload_body())
                assert response.status_code == status, (method, path, who, response.status_code)
                assert "令牌" in response.text, (method, path, who)
            # the route names can_upload too (checked again behind the middleware)
            dependant = getattr(route, "dependant", None)
            assert dependant is not None and can_upload in [d.call for d in dependant.dependencies], path
    # writes with methods no route has are refused as well, before routing
    for method in WRITE_METHODS:
        for path in ("/api/documents/1", "/archive", "/api/uploads", "/static/app.js"):
            assert anonymous.request(method, path).status_code == 401, (method, path)
    admin = _client(server, ADMIN)
    assert admin.get("/api/documents").json()["total"] == 0  # nothing refused was archived
    assert upload(admin, ("a.txt", b"x" * 100))[0]["state"] in ("queued", "reading", "failed", "done")
    assert admin.post("/upload", **_upload_body(), follow_redirects=False).status_code == 303


def test_every_read_endpoint_needs_a_token(server, anonymous):
    reads = [(m, p) for m, p, _ in _routes(server.app) if m in SAFE_METHODS]
    assert len(reads) > 15
    reader = _client(server, READ)
    for method, path in reads:
        if path in OPEN_READS or path.startswith(OPEN_READ_PREFIXES):
            assert anonymous.request(method, path).status_code == 200, path
            continue
        response = anonymous.request(method, path, follow_redirects=False)
        if path.startswith("/api/"):
            assert response.status_code == 401 and response.headers["www-authenticate"].startswith("Bearer"), path
            assert "需要令牌" in response.json()["detail"]
        else:
            assert response.status_code == 303, path
            assert response.headers["location"].startswith("/login?next=%2F"), path
        assert reader.request(method, path, follow_redirects=False).status_code not in (401, 403), path


def test_a_browser_logs_in_with_a_cookie_and_out(server, anonymous, seed_bytes):
    to_login = anonymous.get("/archive?year=2024", follow_redirects=False)
    assert to_login.headers["location"] == "/login?next=%2Farchive%3Fyear%3D2024"
    form = anonymous.get(to_login.headers["location"]).text
    assert 'name="token"' in form and 'value="/archive?year=2024"' in form
    assert "<script>" not in form and " style=" not in form

    refused = anonymous.post("/login", data={"token": "wrong-token-0123456789abcdef", "next": "/"})
    assert refused.status_code == 401 and "令牌不正确" in refused.text
    assert "yusuan_token" not in refused.headers.get("set-cookie", "")

    logged = anonymous.post("/login", data={"token": ADMIN, "next": "/archive?year=2024"}, follow_redirects=False)
    assert logged.status_code == 303 and logged.headers["location"] == "/archive?year=2024"
    cookie = logged.headers["set-cookie"]
    assert "yusuan_token=" in cookie and "HttpOnly" in cookie and "SameSite=strict" in cookie.replace("Strict", "strict")
    page = anonymous.get("/")
    assert page.status_code == 200 and "退出" in page.text and "管理" in page.text
    posted = anonymous.post("/upload", files=[("files", ("a.txt", seed_bytes, "text/plain"))], follow_redirects=False)
    assert posted.status_code == 303 and posted.headers["location"].startswith("/uploads?jobs=")
    # another site's page cannot post with the cookie (SameSite keeps browsers from sending it; Origin too)
    forged = anonymous.post("/upload", files=[("files", ("b.txt", seed_bytes, "text/plain"))],
                            headers={"Origin": "https://evil.example"})
    assert forged.status_code == 403 and "其他网站" in forged.text

    out = anonymous.post("/logout", follow_redirects=False)
    assert out.status_code == 303 and 'yusuan_token=""' in out.headers["set-cookie"]
    anonymous.cookies.clear()
    assert anonymous.get("/", follow_redirects=False).status_code == 303


def test_login_goes_back_only_to_this_site(anonymous):
    for target in ("https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:alert(1)"):
        response = anonymous.post("/login", data={"token": READ, "next": target}, follow_redirects=False)
        assert response.status_code == 303 and response.headers["location"] == "/", target


def test_a_read_token_reads_and_cannot_upload(server, seed_bytes):
    admin, reader = _client(server, ADMIN), _client(server, READ)
    document_id = add(admin, "a.txt", seed_bytes)["document_id"]
    assert reader.get(f"/api/documents/{document_id}").status_code == 200
    assert reader.get(f"/api/documents/{document_id}/lines.csv").status_code == 200
    assert reader.get(f"/documents/{document_id}").status_code == 200
    refused = reader.post("/api/uploads", files=[("files", ("b.txt", seed_bytes, "text/plain"))])
    assert refused.status_code == 403 and "只能查看" in refused.json()["detail"]
    assert reader.get("/api/documents").json()["total"] == 1


def test_public_read_keeps_tokens_for_writing(tmp_path, seed_bytes):
    with LiveServer(settings_for(tmp_path, tokens=((ADMIN, "admin"),), public_read=True)) as live:
        anonymous, admin = _client(live), _client(live, ADMIN)
        assert anonymous.get("/api/documents").status_code == 200 and anonymous.get("/").status_code == 200
        assert anonymous.post("/api/uploads", **_upload_body()).status_code == 401
        assert add(admin, "a.txt", seed_bytes)["state"] == "done"


def test_without_tokens_everyone_may_read_and_upload(client, seed_bytes):
    assert add(client, "a.txt", seed_bytes)["state"] == "done"
    assert "登录" not in client.get("/").text
    assert client.get("/login").status_code == 200


def test_bad_tokens_are_refused_when_the_app_is_made():
    from yusuan.errors import YusuanError
    from yusuan.web import Settings, create_app

    for tokens in (((("short", "admin"),)), (("a" * 20 + " b", "admin"),), ((ADMIN, "owner"),)):
        with pytest.raises(YusuanError):
            create_app(Settings(tokens=tokens))
    assert Tokens(TOKENS).role(ADMIN) == "admin" and Tokens(TOKENS).role(READ) == "read"
    assert Tokens(TOKENS).role(ADMIN + "x") is None and Tokens(()).enabled is False


def test_uploads_are_rate_limited_per_client(tmp_path):
    with LiveServer(settings_for(tmp_path / "limited", upload_rate=3, upload_window=2)) as live:
        first = _client(live)
        accepted = [first.post("/api/uploads", **_upload_body()).status_code for _ in range(3)]
        assert accepted == [202, 202, 202]
        refused = first.post("/api/uploads", **_upload_body())
        assert refused.status_code == 429
        assert "过于频繁" in refused.json()["detail"] and "秒后重试" in refused.json()["detail"]
        retry = int(refused.headers["retry-after"])
        assert 1 <= retry <= 2
        assert refused.headers["x-content-type-options"] == "nosniff"
        page = first.post("/upload", **_upload_body())  # the form gets a page saying the same
        assert page.status_code == 429 and "过于频繁" in page.text and page.headers["retry-after"]
        assert first.get("/api/documents").status_code == 200  # reading is not limited
        # another client (another address) has its own allowance
        other = _client(live, transport=httpx.HTTPTransport(local_address="127.0.0.2"))
        assert other.post("/api/uploads", **_upload_body()).status_code == 202
        time.sleep(retry + 0.1)
        assert first.post("/api/uploads", **_upload_body()).status_code == 202


def test_refused_writes_use_up_nobodys_allowance(tmp_path):
    # behind a proxy every request comes from one address: strangers' refused posts must not lock the admin out
    with LiveServer(settings_for(tmp_path / "shared", tokens=TOKENS, upload_rate=3, upload_window=60)) as live:
        anonymous, reader = _client(live), _client(live, READ)
        wrong = _client(live, "wrong-token-0123456789abcdef")
        for _ in range(10):
            assert anonymous.post("/api/uploads", **_upload_body()).status_code == 401
            assert wrong.post("/api/uploads", **_upload_body()).status_code == 401
            assert reader.post("/api/uploads", **_upload_body()).status_code == 403
        admin = _client(live, ADMIN)
        assert [admin.post("/api/uploads", **_upload_body()).status_code for _ in range(4)] == [202, 202, 202, 429]


def test_the_allowance_is_per_token_whether_header_or_cookie(tmp_path):
    other = "second-admin-0123456789abcdef"
    settings = settings_for(tmp_path / "two", tokens=(*TOKENS, (other, "admin")), upload_rate=2, upload_window=60)
    with LiveServer(settings) as live:
        first = _client(live, ADMIN)
        assert [first.post("/api/uploads", **_upload_body()).status_code for _ in range(3)] == [202, 202, 429]
        browser = _client(live)
        assert browser.post("/login", data={"token": ADMIN}, follow_redirects=False).status_code == 303
        assert browser.post("/upload", **_upload_body()).status_code == 429  # the same token as a cookie
        assert _client(live, other).post("/api/uploads", **_upload_body()).status_code == 202


def test_failed_logins_are_limited_per_address_apart_from_uploads(tmp_path):
    with LiveServer(settings_for(tmp_path / "login", tokens=TOKENS, upload_rate=2, upload_window=60)) as live:
        guesser = _client(live)
        for _ in range(2):
            assert guesser.post("/login", data={"token": "guess-token-0123456789abcdef"}).status_code == 401
        # past the limit even the right token is not looked at: guessing goes no faster
        blocked = guesser.post("/login", data={"token": ADMIN}, follow_redirects=False)
        assert blocked.status_code == 429 and "登录失败次数过多" in blocked.text and blocked.headers["retry-after"]
        # the admin's uploads, from the same address, keep their own allowance
        assert _client(live, ADMIN).post("/api/uploads", **_upload_body()).status_code == 202
        # successful logins use up nothing: more of them than the limit, from another address
        elsewhere = _client(live, transport=httpx.HTTPTransport(local_address="127.0.0.2"))
        for _ in range(3):
            assert elsewhere.post("/login", data={"token": ADMIN}, follow_redirects=False).status_code == 303


def test_the_rate_limit_is_a_sliding_window():
    now = [0.0]
    limit = RateLimit(2, 10.0, clock=lambda: now[0])
    assert limit.wait_for("a") == 0 and limit.wait_for("a") == 0
    assert limit.wait_for("a") == pytest.approx(10.0) and limit.wait_for("b") == 0
    now[0] = 9.5
    assert limit.wait_for("a") == pytest.approx(0.5)
    now[0] = 10.0
    assert limit.wait_for("a") == 0  # the first has left the window
    assert RateLimit(0, 10.0).wait_for("a") == 0


def test_refusals_carry_the_security_headers(server, anonymous):
    admin = _client(server, ADMIN)
    for response in (anonymous.get("/api/documents"), anonymous.get("/", follow_redirects=False),
                     anonymous.post("/upload", **_upload_body()), _client(server, READ).post("/api/uploads"),
                     anonymous.get("/login"), admin.get("/nope"), admin.get("/static/style.css")):
        headers = response.headers
        assert headers["content-security-policy"].startswith("default-src 'self'; script-src 'self'"), response
        assert "unsafe-inline" not in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff" and headers["x-frame-options"] == "DENY"
        assert headers["referrer-policy"] == "same-origin"
