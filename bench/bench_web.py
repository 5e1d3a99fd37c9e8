"""The web app at scale: the archive list and the comparison pages with N documents in the archive.

    .venv/bin/python bench/bench_web.py --db PATH [--n 10000] [--runs 30]

The archive at PATH is filled to N documents first when it holds fewer (bench/bench_archive.py's
generator: 20 districts of 重庆市 x 50 departments x years back from 2024, each document's amounts
scaled by its own factor); a filled one is reused, so copy one made by bench_archive.py to save
the ten minutes filling takes.

The app runs in uvicorn on 127.0.0.1 in this process, as `yusuan serve` runs it, and is asked over
HTTP. "Server" is the time the app reports in its Server-Timing header: from the request entering
the app to the response's headers (routing, queries, page rendering); "round trip" adds HTTP and
the client. Each URL is asked once to warm up, then --runs times: best, median and 95th percentile.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import threading
import time
from pathlib import Path

import duckdb
import httpx
import uvicorn

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_archive import DEPARTMENTS, REGIONS, fill  # noqa: E402

from yusuan.archive import Archive  # noqa: E402
from yusuan.web import Settings, create_app  # noqa: E402

TARGET_MS = 200.0


def ensure_filled(path: Path, n: int) -> int:
    with Archive.open(path) as archive:
        total = archive.list(limit=1).total
        if total < n:
            added, seconds = fill(archive, n)
            print(f"filled: {added} documents in {seconds:.0f} s")
        return archive.list(limit=1).total


def serve(path: Path) -> tuple[uvicorn.Server, int]:
    port = 8700 + os.getpid() % 200
    server = uvicorn.Server(uvicorn.Config(create_app(Settings(db=path)), host="127.0.0.1", port=port,
                                           log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return server, port


def cases(total: int) -> dict[str, str]:
    region, department = REGIONS[0], REGIONS[0] + DEPARTMENTS[0]
    last = (total - 1) // 50 * 50
    return {
        "archive list, first page (HTML)": "/archive",
        "archive list, last page (HTML)": f"/archive?offset={last}",
        "archive list filtered: region, year, has errors (HTML)": f"/archive?region={region}&year=2024&has_errors=true",
        "archive list filtered: department text (HTML)": "/archive?department=财政局&kind=budget",
        "archive list (JSON API)": "/api/documents?limit=50",
        "compare one department over 10 years (HTML, 4 charts)": f"/compare?department={department}",
        "compare a district's 50 departments in 2024 (HTML, 4 charts)": f"/compare?region={region}&year=2024",
        "compare a district's 50 departments in 2024 (JSON API)": f"/api/compare?region={region}&year=2024",
        "compare a city's 1,000 departments in 2024 (HTML, 4 charts)": "/compare?region=重庆市&year=2024",
        "one document (HTML, rebuilt from the archive)": f"/documents/{total // 2}",
    }


def server_ms(response: httpx.Response) -> float:
    return float(response.headers["server-timing"].split("dur=")[1])


def measure(client: httpx.Client, url: str, runs: int) -> tuple[list[float], list[float], int]:
    first = client.get(url)  # warm: first query plans, loads columns
    first.raise_for_status()
    server, trip = [], []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(url)
        trip.append((time.perf_counter() - start) * 1000)
        response.raise_for_status()
        server.append(server_ms(response))
    return server, trip, len(first.content)


def summary(times: list[float]) -> str:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return f"{ordered[0]:.1f} / {statistics.median(ordered):.1f} / {p95:.1f}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    total = ensure_filled(args.db, args.n)
    with duckdb.connect(str(args.db), read_only=True) as con:
        lines = con.execute("SELECT count(*) FROM lines").fetchone()[0]
    print(f"archive: {args.db} ({args.db.stat().st_size / 2**20:.0f} MiB, {total} documents, {lines} lines)")
    print(f"machine: {platform.machine()}, {os.cpu_count()} CPUs, {platform.python_implementation()} "
          f"{platform.python_version()}, duckdb {duckdb.__version__}, uvicorn {uvicorn.__version__}")
    server, port = serve(args.db)
    worst = 0.0
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=120) as client:
            print(f"| what ({args.runs} runs) | server best / median / p95 (ms) | round trip best / median / p95 (ms) "
                  "| page size |")
            print("|---|---|---|---|")
            for name, url in cases(total).items():
                at_server, trip, size = measure(client, url, args.runs)
                if "1,000" not in name and "document" not in name:
                    worst = max(worst, statistics.median(at_server))
                print(f"| {name} | {summary(at_server)} | {summary(trip)} | {size / 1024:.0f} KiB |", flush=True)
    finally:
        server.should_exit = True
    verdict = "under" if worst < TARGET_MS else "OVER"
    print(f"list and comparison pages (median at the server): worst {worst:.1f} ms, {verdict} {TARGET_MS:.0f} ms")


if __name__ == "__main__":
    main()
