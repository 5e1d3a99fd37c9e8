"""Fixtures for the web app. Every test talks HTTP with httpx to a real server: uvicorn serving the
app in a thread of the test process, on a fresh archive in a temporary folder."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack

import httpx
import pytest

from .helpers import SEED, LiveServer, add, settings_for


@pytest.fixture(scope="session")
def seed_bytes() -> bytes:
    return SEED.read_bytes()


def _connect(stack: ExitStack, settings) -> httpx.Client:
    server = stack.enter_context(LiveServer(settings))
    return stack.enter_context(httpx.Client(base_url=server.url, timeout=120))


@pytest.fixture
def make_client(tmp_path) -> Iterator:
    """make_client(**settings) -> an httpx client of a server on a fresh archive in tmp_path."""
    with ExitStack() as stack:
        yield lambda **overrides: _connect(stack, settings_for(tmp_path, **overrides))


@pytest.fixture
def client(make_client) -> httpx.Client:
    return make_client()


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    """One server (module-wide) with the seed archived: (client, document id)."""
    with ExitStack() as stack:
        client = _connect(stack, settings_for(tmp_path_factory.mktemp("seeded")))
        job = add(client, "tongnan-jxw-2024-budget.txt", SEED.read_bytes())
        assert job["state"] == "done", job
        yield client, job["document_id"]


@pytest.fixture
def live_server(tmp_path) -> Iterator[LiveServer]:
    with LiveServer(settings_for(tmp_path)) as server:
        yield server


@pytest.fixture
def http(live_server) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=live_server.url, timeout=120) as session:
        yield session
