"""Helpers of the web tests: the seed and its variants, uploading and waiting, a live server."""

from __future__ import annotations

import socket
import sys
import threading
import time
from pathlib import Path

import uvicorn

from yusuan.web import Settings, create_app

HERE = Path(__file__).resolve().parent
# worker processes find the misbehaving parsers of web_crashers.py by module name
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

SEED = HERE.parent.parent / "examples" / "tongnan-jxw-2024-budget.txt"
SEED_DEPARTMENT = "重庆市潼南区经济和信息化委员会"
FINISHED = ("done", "failed")


def variant(department: str) -> bytes:
    """The seed as another department's document (every mention of the name replaced)."""
    return SEED.read_text(encoding="utf-8").replace(SEED_DEPARTMENT, department).encode("utf-8")


def settings_for(tmp_path: Path, **overrides) -> Settings:
    return Settings(db=tmp_path / "archive.duckdb", parse_timeout=overrides.pop("parse_timeout", 60), **overrides)


def upload(client, *files: tuple[str, bytes]) -> list[dict]:
    response = client.post("/api/uploads", files=[("files", (name, data, "application/octet-stream"))
                                                  for name, data in files])
    assert response.status_code == 202, response.text
    return response.json()["jobs"]


def wait(client, job_id: str, timeout: float = 60) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = client.get(f"/api/jobs/{job_id}").json()
        if job["state"] in FINISHED:
            return job
        time.sleep(0.05)
    raise AssertionError(f"job {job_id} did not finish in {timeout} s: {job}")


def add(client, name: str, data: bytes) -> dict:
    """Upload one file and wait until it is archived (or failed)."""
    return wait(client, upload(client, (name, data))[0]["id"])


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class LiveServer:
    """uvicorn serving the app in a thread of this process, on a free port of 127.0.0.1."""

    def __init__(self, settings: Settings):
        self.port = _free_port()
        self.app = create_app(settings)
        config = uvicorn.Config(self.app, host="127.0.0.1", port=self.port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(30)


def small_pdf() -> tuple[bytes, str]:
    """A two-page PDF of the seed's 部门支出总表 with one amount raised by 1.00 (rendered by yusuan's
    own writer): a PDF whose finding points at one cell. Returns the PDF and the amount as printed."""
    from decimal import Decimal

    from yusuan.pipeline import parse_path
    from yusuan.writers.registry import render

    seed = parse_path(SEED)
    table = seed.tables["expenditure"]
    rows = [r.model_copy(update={"values": {**r.values, "total": r.values["total"] + Decimal("1.00")}})
            if r.code == "2011301" else r for r in table.rows]
    raised = next(r for r in rows if r.code == "2011301").values["total"]
    small = seed.model_copy(update={
        "tables": {"expenditure": table.model_copy(update={"rows": rows})}, "projects": [],
        "performance_overall": None, "performance_projects": [],
        "narrative": seed.narrative.model_copy(update={"claims": [], "sections": []})})
    return render(small, "pdf"), f"{raised:,}"


def scaled_xlsx(department: str, year: int, factor: str) -> bytes:
    """The seed's tables as another department's (or year's) document, every amount times `factor`,
    written as XLSX by yusuan's own writer: documents with figures of their own, for comparisons."""
    from decimal import Decimal

    from yusuan.pipeline import parse_path
    from yusuan.writers.registry import render

    seed = parse_path(SEED)
    times = Decimal(factor)
    tables = {}
    for table_id, table in seed.tables.items():
        rows = [r.model_copy(update={
            "values": {k: None if v is None else (v * times).quantize(Decimal("0.01")) for k, v in r.values.items()},
            "name": str(int(r.name) - 2024 + year) if table_id == "three_public" and r.name.isdigit() else r.name})
            for r in table.rows]
        tables[table_id] = table.model_copy(update={"rows": rows})
    document = seed.model_copy(update={"department": department, "year": year, "tables": tables, "projects": [],
                                       "performance_overall": None, "performance_projects": [],
                                       "narrative": seed.narrative.model_copy(update={"claims": [], "sections": []})})
    return render(document, "xlsx")
