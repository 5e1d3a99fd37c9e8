"""The rendering attack of issue 15 (cause 4), rerun: a document with thousands of project rows asked for as a
PDF, and meanwhile another document's download.

    .venv/bin/python bench/attack_render.py [--rows 5000] [--timeout 300] [--memory 3072]

Archives a copy of the bundled example whose 项目支出表 holds --rows projects (straight into a fresh archive
and its file store, as an upload would leave them), starts `yusuan serve` on it, uploads the example itself,
then asks for the big one's render.pdf and, a second later, the example's render.html. Prints how long each took, their status, and the peak
resident memory of the server and of its largest worker (sampled every 0.2 s).
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "tongnan-jxw-2024-budget.txt"


def big_document(rows: int):
    from yusuan.pipeline import parse_path

    disclosure = parse_path(EXAMPLE)
    disclosure.department = disclosure.department.replace("经济和信息化委员会", "大项目局")
    table = disclosure.tables["project_expenditure"]
    total, first = table.rows[0], table.rows[1]
    copies = [first.model_copy(update={"code": f"50015224T{i:012d}", "name": f"项目{i}"}) for i in range(rows)]
    total.values = {k: (v * rows if v is not None else None) for k, v in first.values.items()}
    table.rows = [total, *copies]
    return disclosure


def archive_big(db: Path, rows: int) -> None:
    from yusuan.archive import Archive, content_hash_of_model
    from yusuan.archiving import add
    from yusuan.web import Settings
    from yusuan.web.store import FileStore

    disclosure = big_document(rows)
    digest = content_hash_of_model(disclosure)
    FileStore(Settings(db=db).files_path).write(digest, "model.json", disclosure.model_dump_json().encode())
    with Archive.open(db) as archive:
        add(archive, disclosure, digest)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def upload(client: httpx.Client, name: str, data: bytes) -> int:
    job = client.post("/api/uploads", files=[("files", (name, data))]).json()["jobs"][0]
    while (job := client.get(f"/api/jobs/{job['id']}").json())["state"] not in ("done", "failed"):
        time.sleep(0.2)
    if job["state"] != "done":
        raise SystemExit(f"{name}: {job['message']}")
    return job["document_id"]


def _rss_and_parent(pid: int) -> tuple[int, int]:
    status = Path(f"/proc/{pid}/status").read_text()
    fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
    return int(fields.get("VmRSS", "0 kB").split()[0]) * 1024, int(fields["PPid"])


class Peaks:
    """Peak RSS of the server process and of its largest descendant, sampled from /proc in a thread."""

    def __init__(self, pid: int):
        self.pid = pid
        self.own = self.child = 0
        self._stop = threading.Event()
        threading.Thread(target=self._sample, daemon=True).start()

    def _sample(self) -> None:
        while not self._stop.wait(0.2):
            processes = {}
            for entry in Path("/proc").iterdir():
                if entry.name.isdigit():
                    try:
                        processes[int(entry.name)] = _rss_and_parent(int(entry.name))
                    except (OSError, KeyError, ValueError):
                        pass
            for pid, (rss, _) in processes.items():
                ancestor = pid
                while ancestor in processes and ancestor != self.pid:
                    ancestor = processes[ancestor][1]
                if pid == self.pid:
                    self.own = max(self.own, rss)
                elif ancestor == self.pid:
                    self.child = max(self.child, rss)

    def stop(self) -> None:
        self._stop.set()


def timed_get(client: httpx.Client, url: str, out: dict) -> None:
    started = time.monotonic()
    response = client.get(url)
    out.update(seconds=time.monotonic() - started, status=response.status_code,
               detail=response.text[:120] if response.status_code != 200 else f"{len(response.content):,} bytes")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=5000)
    parser.add_argument("--timeout", type=float, default=300)
    parser.add_argument("--memory", type=int, default=3072)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        archive_big(Path(folder) / "a.duckdb", options.rows)
        port = free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "yusuan", "serve", "--db", str(Path(folder) / "a.duckdb"), "--port", str(port),
             "--parse-timeout", str(options.timeout), "--parse-memory", str(options.memory)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=os.environ | {"PYTHONUNBUFFERED": "1"})
        try:
            with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=900) as client:
                for _ in range(300):
                    try:
                        client.get("/api/documents")
                        break
                    except httpx.TransportError:
                        time.sleep(0.1)
                big_id = 1
                small_id = upload(client, "example.txt", EXAMPLE.read_bytes())
                peaks = Peaks(server.pid)
                pdf, html = {}, {}
                asking = threading.Thread(target=timed_get, args=(client, f"/api/documents/{big_id}/render.pdf", pdf))
                asking.start()
                time.sleep(1)
                timed_get(client, f"/api/documents/{small_id}/render.html", html)
                asking.join()
                peaks.stop()
        finally:
            server.terminate()
            server.wait(30)
    print(f"project rows: {options.rows:,}; --parse-timeout {options.timeout:g}, --parse-memory {options.memory}")
    print(f"big render.pdf: {pdf['seconds']:.1f} s, {pdf['status']}, {pdf['detail']}")
    print(f"example render.html, asked 1 s later: {html['seconds']:.1f} s, {html['status']}")
    print(f"peak RSS: server {peaks.own / 2**20:,.0f} MB, largest worker {peaks.child / 2**20:,.0f} MB")


if __name__ == "__main__":
    main()
