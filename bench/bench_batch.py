"""Batch throughput, memory and resumption, and how the cost of one document grows with its size.

    python bench/bench_batch.py run DIR --db /tmp/b.duckdb --workers 2 [--engine ray] [--kill-after 300]
    python bench/bench_batch.py sizes DIR --sample 300 --svg docs/scale-cost.svg

`run` processes DIR with `run_batch` in this process and reports documents/s, the peak resident
memory of this process and its workers together (sampled from /proc every 0.2 s), and the
progress over time (documents done every 10 s). With --kill-after S it first starts the batch in a
child process, SIGKILLs it after S seconds, counts what it archived, then resumes here, and checks
that every document is archived exactly once.

`sizes` times parse + check + rows of a sample of documents one by one (one process) against their
size in bytes, and writes the figure as a self-contained SVG.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from yusuan.archive import Archive
from yusuan.batch import BatchOptions, run_batch
from yusuan.batch import progress as progress_module

CHILD = """
import sys
from pathlib import Path
from yusuan.batch import BatchOptions, run_batch
if __name__ == "__main__":
    run_batch([Path(sys.argv[1])], BatchOptions(db=Path(sys.argv[2]), workers=int(sys.argv[3]), engine=sys.argv[4],
              progress=False))
"""


def tree_rss_mib(root: int) -> float:
    """Resident memory of `root` and all its descendants, MiB."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as stream:
                fields = stream.read().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(entry))
            rss[int(entry)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, IndexError):
            continue
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack += children.get(pid, [])
    return total / 2**20


class PeakMemory(threading.Thread):
    def __init__(self, root: int):
        super().__init__(daemon=True)
        self.root, self.peak, self.running = root, 0.0, True

    def run(self) -> None:
        while self.running:
            self.peak = max(self.peak, tree_rss_mib(self.root))
            time.sleep(0.2)


def _count(db: Path) -> int:
    with Archive.open(db, read_only=True) as archive:
        return archive.query("SELECT count(*), count(DISTINCT content_hash) FROM documents").rows[0]


def kill_midway(folder: Path, db: Path, workers: int, engine: str, after: float) -> dict:
    script = db.with_name("bench_child.py")
    script.write_text(CHILD)
    started = time.monotonic()
    child = subprocess.Popen([sys.executable, str(script), str(folder), str(db), str(workers), engine],
                             start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(after)
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    seconds = time.monotonic() - started
    time.sleep(2)
    try:  # workers exit by themselves when the batch dies; a Ray instance is stopped here
        os.killpg(child.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    documents, distinct = _count(db)
    return {"killed_after_s": round(seconds, 1), "archived_when_killed": documents, "distinct": distinct}


def timed_run(folder: Path, db: Path, workers: int, engine: str) -> dict:
    marks: list[tuple[float, int]] = []
    original = progress_module.BatchProgress.advance
    done = [0]
    started = time.monotonic()

    def advance(self):
        done[0] += 1
        if not marks or time.monotonic() - started - marks[-1][0] >= 10:
            marks.append((round(time.monotonic() - started, 1), done[0]))
        original(self)

    progress_module.BatchProgress.advance = advance
    memory = PeakMemory(os.getpid())
    memory.start()
    summary = run_batch([folder], BatchOptions(db=db, workers=workers, engine=engine, progress=False,
                                               out=db.with_name(db.name + ".out")))
    memory.running = False
    return {**summary.as_dict(), "peak_rss_mib": round(memory.peak, 1), "progress": marks}


def command_run(args) -> None:
    result: dict = {"folder": str(args.folder), "workers": args.workers, "engine": args.engine,
                    "date": time.strftime("%Y-%m-%d"), "cpus": os.cpu_count()}
    if args.kill_after:
        result["kill"] = kill_midway(args.folder, args.db, args.workers, args.engine, args.kill_after)
    result["run"] = timed_run(args.folder, args.db, args.workers, args.engine)
    files = sorted(p for p in args.folder.rglob("*") if p.suffix in (".txt", ".pdf", ".xlsx", ".docx", ".html"))
    documents, distinct = _count(args.db)
    expected = {hashlib.sha256(p.read_bytes()).hexdigest() for p in files}
    result["archive"] = {"documents": documents, "distinct": distinct, "files": len(files),
                         "distinct_files": len(expected)}
    print(json.dumps(result, ensure_ascii=False))


def document_cost(path: Path) -> tuple[int, float]:
    from yusuan.batch.work import Task, process

    started = time.perf_counter()
    process(Task(str(path), ""))
    return path.stat().st_size, time.perf_counter() - started


def svg_scatter(points: list[tuple[int, float]], title: str) -> str:
    width, height, pad = 640, 400, 60
    xs, ys = [p[0] / 1024 for p in points], [p[1] * 1000 for p in points]
    x_max, y_max = max(xs) * 1.05, max(ys) * 1.1

    def sx(x): return pad + (width - 2 * pad) * x / x_max
    def sy(y): return height - pad - (height - 2 * pad) * y / y_max

    dots = "".join(f'<circle cx="{sx(x):.1f}" cy="{sy(y):.1f}" r="2.5" fill="#2b6cb0" fill-opacity="0.6"/>'
                   for x, y in zip(xs, ys))
    ticks = "".join(f'<text x="{sx(x_max * i / 4):.0f}" y="{height - pad + 18}" font-size="11" text-anchor="middle">'
                    f'{x_max * i / 4:.0f}</text>' for i in range(5))
    ticks += "".join(f'<text x="{pad - 8}" y="{sy(y_max * i / 4) + 4:.0f}" font-size="11" text-anchor="end">'
                     f'{y_max * i / 4:.0f}</text>' for i in range(5))
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="sans-serif">'
            f'<rect width="100%" height="100%" fill="white"/>'
            f'<text x="{width / 2}" y="24" font-size="14" text-anchor="middle">{title}</text>'
            f'<line x1="{pad}" y1="{height - pad}" x2="{width - pad}" y2="{height - pad}" stroke="black"/>'
            f'<line x1="{pad}" y1="{pad}" x2="{pad}" y2="{height - pad}" stroke="black"/>{ticks}{dots}'
            f'<text x="{width / 2}" y="{height - 15}" font-size="12" text-anchor="middle">file size (KiB)</text>'
            f'<text x="16" y="{height / 2}" font-size="12" text-anchor="middle" transform="rotate(-90 16 {height / 2})">'
            f'parse + check + rows (ms)</text></svg>\n')


def command_sizes(args) -> None:
    files = sorted(p for p in args.folder.rglob("*") if p.suffix in (".txt", ".pdf"))[: args.sample]
    document_cost(files[0])  # warm up: imports and caches are not the document's cost
    points = [document_cost(p) for p in files]
    for size, seconds in points:
        print(f"{size}\t{seconds:.4f}")
    if args.svg:
        args.svg.write_text(svg_scatter(points, args.title), encoding="utf-8")


def svg_lines(series: dict[str, list[tuple[float, float]]], title: str) -> str:
    """Documents archived against time, one line per run."""
    width, height, pad = 640, 400, 60
    x_max = max(x for points in series.values() for x, _ in points) * 1.05
    y_max = max(y for points in series.values() for _, y in points) * 1.1
    colours = ("#2b6cb0", "#c05621", "#2f855a", "#6b46c1", "#b7791f")

    def sx(x): return pad + (width - 2 * pad) * x / x_max
    def sy(y): return height - pad - (height - 2 * pad) * y / y_max

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="sans-serif">',
             '<rect width="100%" height="100%" fill="white"/>',
             f'<text x="{width / 2}" y="24" font-size="14" text-anchor="middle">{title}</text>',
             f'<line x1="{pad}" y1="{height - pad}" x2="{width - pad}" y2="{height - pad}" stroke="black"/>',
             f'<line x1="{pad}" y1="{pad}" x2="{pad}" y2="{height - pad}" stroke="black"/>']
    for i in range(5):
        parts.append(f'<text x="{sx(x_max * i / 4):.0f}" y="{height - pad + 18}" font-size="11" text-anchor="middle">'
                     f'{x_max * i / 4:.0f}</text>')
        parts.append(f'<text x="{pad - 8}" y="{sy(y_max * i / 4) + 4:.0f}" font-size="11" text-anchor="end">'
                     f'{y_max * i / 4:,.0f}</text>')
    for n, (label, points) in enumerate(series.items()):
        colour = colours[n % len(colours)]
        path = " ".join(f"{sx(x):.1f},{sy(y):.1f}" for x, y in points)
        parts.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"/>')
        parts.append(f'<text x="{pad + 10}" y="{pad + 16 * n}" font-size="12" fill="{colour}">{label}</text>')
    parts.append(f'<text x="{width / 2}" y="{height - 15}" font-size="12" text-anchor="middle">seconds</text>')
    parts.append(f'<text x="16" y="{height / 2}" font-size="12" text-anchor="middle" '
                 f'transform="rotate(-90 16 {height / 2})">documents done</text></svg>')
    return "".join(parts) + "\n"


def command_plot(args) -> None:
    """`plot RESULT.json... --svg FILE`: documents done against time for the runs given."""
    series = {}
    for path in args.results:
        result = json.loads(path.read_text())
        label = f"{result['engine']}, {result['workers']} worker(s), {Path(result['folder']).name}"
        series[label] = [(0.0, 0.0)] + [(x, y) for x, y in result["run"]["progress"]]
    args.svg.write_text(svg_lines(series, args.title), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run")
    run.add_argument("folder", type=Path)
    run.add_argument("--db", type=Path, required=True)
    run.add_argument("--workers", type=int, default=2)
    run.add_argument("--engine", default="local")
    run.add_argument("--kill-after", type=float, default=0)
    sizes = commands.add_parser("sizes")
    sizes.add_argument("folder", type=Path)
    sizes.add_argument("--sample", type=int, default=300)
    sizes.add_argument("--svg", type=Path)
    sizes.add_argument("--title", default="one document: cost against size")
    plot = commands.add_parser("plot")
    plot.add_argument("results", type=Path, nargs="+")
    plot.add_argument("--svg", type=Path, required=True)
    plot.add_argument("--title", default="documents archived against time")
    args = parser.parse_args()
    {"run": command_run, "sizes": command_sizes, "plot": command_plot}[args.command](args)


if __name__ == "__main__":
    main()
