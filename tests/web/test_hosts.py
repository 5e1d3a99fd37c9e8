"""The Host and Origin allow-list: no other site's page can write to a server on 127.0.0.1, and no
DNS-rebound name can read it. Also the Allow header of a 405."""

from __future__ import annotations

import httpx
import pytest

from yusuan.errors import YusuanError
from yusuan.web import Settings, create_app
from yusuan.web.hosts import AllowedHosts

from .helpers import SEED, LiveServer, settings_for


def _upload(client: httpx.Client, **headers) -> httpx.Response:
    return client.post("/api/uploads", files=[("files", ("a.txt", SEED.read_bytes(), "text/plain"))],
                       headers=headers)


@pytest.fixture
def live(tmp_path):
    with LiveServer(settings_for(tmp_path)) as server:
        yield server


@pytest.fixture
def http(live):
    with httpx.Client(base_url=live.url, timeout=60) as client:
        yield client


def test_a_rebound_host_name_cannot_read_the_archive(http):
    # DNS rebinding: the browser asks evil.example (now resolving to 127.0.0.1) with its own name as Host
    for path in ("/api/documents", "/archive", "/"):
        response = http.get(path, headers={"Host": "evil.example:8000"})
        assert response.status_code == 421, path
        assert "evil.example" in response.text and "--allow-host" in response.text
        assert response.headers["x-frame-options"] == "DENY"  # the security headers still come
    assert http.get("/api/documents", headers={"Host": "localhost"}).status_code == 200


def test_another_sites_page_cannot_upload_without_tokens(live, http):
    refused = _upload(http, Origin="https://evil.example")
    assert refused.status_code == 403 and "其他网站" in refused.json()["detail"]
    # a page of another service on this machine is another site too
    assert _upload(http, Origin="http://127.0.0.1:3000").status_code == 403
    assert _upload(http, Origin="null").status_code == 403  # a sandboxed frame or a file:// page
    # the server's own page (as the browser sends it) and scripts that send no Origin may upload
    assert _upload(http, Origin=live.url).status_code == 202
    assert _upload(http, Origin=f"http://localhost:{live.port}").status_code == 202
    assert _upload(http).status_code == 202


def test_a_refused_request_counts_against_no_allowance(tmp_path):
    with LiveServer(settings_for(tmp_path, upload_rate=2, upload_window=60)) as live, \
            httpx.Client(base_url=live.url, timeout=60) as client:
        for _ in range(5):
            assert _upload(client, Origin="https://evil.example").status_code == 403
        assert _upload(client).status_code == 202


def test_names_given_with_allow_host_are_accepted(tmp_path):
    settings = settings_for(tmp_path, allowed_hosts=("budget.example.cn",))
    with LiveServer(settings) as live, httpx.Client(base_url=live.url, timeout=60) as client:
        # behind a reverse proxy: its public name as Host, its https page as Origin
        assert client.get("/api/documents", headers={"Host": "budget.example.cn"}).status_code == 200
        assert _upload(client, Host="budget.example.cn", Origin="https://budget.example.cn").status_code == 202
        # a proxy that passes on its own Host: the page's Origin is the allowed name, on its own port
        assert _upload(client, Origin="https://budget.example.cn").status_code == 202
        assert client.get("/api/documents", headers={"Host": "other.example.cn"}).status_code == 421


def test_the_allow_list_follows_the_bound_address():
    local = AllowedHosts("127.0.0.1")
    assert all(local.allows(name) for name in ("127.0.0.1", "localhost", "::1"))
    assert not local.allows("192.168.1.5") and not local.allows("evil.example")
    named = AllowedHosts("192.168.1.5", ("Budget.Example.CN",))
    assert named.allows("192.168.1.5") and named.allows("budget.example.cn") and not named.allows("192.168.1.6")
    # every interface: any address written as numbers (no page can rebind a name onto those), no name
    every = AllowedHosts("0.0.0.0")
    assert every.allows("192.168.1.5") and every.allows("fe80::1") and not every.allows("evil.example")
    # an Origin is this Host on this port, or a listed name
    assert every.allows_origin("http://192.168.1.5:8000", ("192.168.1.5", 8000))
    assert not every.allows_origin("http://192.168.1.9:8000", ("192.168.1.5", 8000))
    assert not every.allows_origin("http://192.168.1.5", ("192.168.1.5", 8000))


def test_a_malformed_allowed_host_is_one_message(tmp_path):
    for name in ("http://budget.example.cn/", "budget.example.cn:443", ""):
        with pytest.raises(YusuanError, match="--allow-host"):
            create_app(Settings(db=tmp_path / "a.duckdb", allowed_hosts=(name,)))


def test_a_405_names_the_methods_allowed(http):
    for method, path, allowed in (("DELETE", "/api/documents", "GET"), ("GET", "/api/uploads", "POST"),
                                  ("PUT", "/archive", "GET"), ("POST", "/static/app.js", "GET, HEAD")):
        response = http.request(method, path)
        assert response.status_code == 405, (method, path)
        assert response.headers["allow"] == allowed, (method, path)
        assert f"不接受 {method} 请求" in response.text and allowed in response.text
