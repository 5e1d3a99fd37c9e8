"""A scan of the JSON API against its own OpenAPI description (schemathesis): for every operation,
requests made from the description — valid ones, and invalid ones, which must be refused with a 4xx —
never get a 5xx, and every answer matches the description (status code, content type, headers, body
schema). A bounded number of examples per operation and mode keeps the scan to about a minute.

The server runs with tokens (the scan sends the admin token; schemathesis also checks that a request
without it is refused), on an archive holding the seed as document 1, so the document endpoints answer
with a document as well as with 404.

The operations come from the app's own description, made without a server; each is one test.
"""

from __future__ import annotations

from collections import Counter

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.specs.openapi.checks import negative_data_rejection, positive_data_acceptance

from yusuan.web import Settings, create_app

from .helpers import SEED, LiveServer, add, settings_for

ADMIN = "schemathesis-admin-token-0123456789"
EXAMPLES = 25  # per operation and mode
SEEN: Counter = Counter()  # (operation, status) of every request the scan made
DESCRIPTION = create_app(Settings()).openapi()
OPERATIONS = [(method.upper(), path) for path, methods in DESCRIPTION["paths"].items() for method in methods]
# a comparison needs a department, or a region and a year: OpenAPI cannot say "this or those", so a
# request with neither is valid by the description and refused with 400 (documented) by the server
EITHER_OR = {"/api/compare", "/api/compare/charts/{section}.svg"}
# every part of a multipart body is bytes: "a number instead of a file" is a file holding that number,
# which is taken (then fails as a job: it is no disclosure). Missing and too many files are refused.
ANY_BYTES = {"/api/uploads"}


def _takes_input(method: str, path: str) -> bool:
    operation = DESCRIPTION["paths"][path][method.lower()]
    return bool(operation.get("parameters") or operation.get("requestBody"))


@pytest.fixture(scope="module")
def scanned(tmp_path_factory):
    folder = tmp_path_factory.mktemp("schemathesis")
    # no upload rate limit while scanning (test_access.py tests it); a parse stops after 20 s
    with LiveServer(settings_for(folder, tokens=((ADMIN, "admin"),), upload_rate=0, parse_timeout=20)) as server:
        with httpx.Client(base_url=server.url, headers={"Authorization": f"Bearer {ADMIN}"}, timeout=60) as client:
            assert add(client, "seed.txt", SEED.read_bytes())["document_id"] == 1
        schema = schemathesis.openapi.from_url(f"{server.url}/api/openapi.json")
        schema.config.update(base_url=server.url)
        yield server, schema


def test_the_scan_covers_every_operation():
    assert len(OPERATIONS) >= 13 and ("POST", "/api/uploads") in OPERATIONS
    assert DESCRIPTION["security"] == [{"token": []}]


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE], ids=lambda m: m.value)
@pytest.mark.parametrize("method, path", OPERATIONS, ids=[f"{m} {p}" for m, p in OPERATIONS])
def test_the_api_answers_as_described(scanned, method, path, mode):
    server, schema = scanned
    if mode is GenerationMode.NEGATIVE and not _takes_input(method, path):
        pytest.skip("takes no parameters or body: there is no invalid request to make")
    operation = schema[path][method]
    excluded = [positive_data_acceptance] if path in EITHER_OR else []
    excluded += [negative_data_rejection] if path in ANY_BYTES else []

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    def scan(case):
        response = case.call_and_validate(headers={"Authorization": f"Bearer {ADMIN}"}, excluded_checks=excluded,
                                          timeout=60)
        SEEN[(f"{method} {path}", response.status_code)] += 1

    scan()


def test_the_scan_made_requests_to_every_operation():
    """Runs after the scan (pytest keeps the file's order): every operation was asked, none got a 5xx."""
    if not SEEN:
        pytest.skip("the scan did not run (a single test was selected)")
    asked = {operation for operation, _ in SEEN}
    assert asked == {f"{m} {p}" for m, p in OPERATIONS}
    assert sum(SEEN.values()) >= 10 * len(OPERATIONS)
    assert not [key for key in SEEN if key[1] >= 500]
    statuses = Counter()
    for (_, status), n in SEEN.items():
        statuses[status] += n
    print(f"\nschemathesis: {len(asked)} operations, {sum(SEEN.values())} requests, by status {dict(sorted(statuses.items()))}")
