"""PDF parse speed, side by side in one run on the same files: pages per second of

  - pdfplumber   page.extract_tables() on every page (tables only, no model)
  - yusuan read  the PDF reader alone (every page: tables, text, furniture, prose)
  - yusuan parse the full parse, read + recognize, into the Disclosure model
  - camelot      camelot.read_pdf(flavor="lattice") (tables only), when camelot-py is importable
                 here or in the interpreter given with --camelot-python (camelot is no dependency
                 of yusuan; a separate virtualenv keeps it so)

    .venv/bin/python bench/bench_pdf.py [--runs N] [--camelot-python /path/to/python] [PDF ...]

Without PDFs it uses the corpus in ../shared/corpus (jiangsu and shanghai). Each engine runs over
all files once to warm up, then N timed runs; the best run counts (least disturbed by the machine).
The requirement checked: yusuan parse within 1.5x the time of bare pdfplumber extract_tables.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

import pdfplumber

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
LIMIT = 1.5

_CAMELOT_SNIPPET = """
import json, sys, time, warnings
warnings.filterwarnings("ignore")
import camelot
files = json.loads(sys.argv[1]); runs = int(sys.argv[2])
def once():
    for f in files:
        camelot.read_pdf(f, pages="all", flavor="lattice")
once()
best = min((lambda s: (once(), time.perf_counter() - s)[1])(time.perf_counter()) for _ in range(runs))
print(json.dumps({"seconds": best, "version": camelot.__version__}))
"""


def pdfplumber_tables(files: list[Path]) -> None:
    for path in files:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                page.extract_tables()
                page.close()


def yusuan_read(files: list[Path]) -> None:
    from yusuan.readers import read_path

    for path in files:
        read_path(path)


def yusuan_parse(files: list[Path]) -> None:
    from yusuan.pipeline import parse_path

    for path in files:
        parse_path(path)


def best_seconds(run, files: list[Path], runs: int) -> float:
    run(files)  # warm-up: imports, catalogs, OS file cache
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        run(files)
        times.append(time.perf_counter() - start)
    return min(times)


def camelot_seconds(files: list[Path], runs: int, python: str | None) -> tuple[float, str] | None:
    interpreter = python or sys.executable
    try:
        out = subprocess.run(
            [interpreter, "-c", _CAMELOT_SNIPPET, json.dumps([str(f) for f in files]), str(runs)],
            capture_output=True, text=True, check=True, timeout=3600,
        )
    except (subprocess.CalledProcessError, FileNotFoundError, subprocess.TimeoutExpired) as exc:
        print(f"camelot not run: {getattr(exc, 'stderr', '') or exc}".strip().splitlines()[-1], file=sys.stderr)
        return None
    result = json.loads(out.stdout.strip().splitlines()[-1])
    return result["seconds"], result["version"]


def corpus_files() -> list[Path]:
    return sorted(CORPUS.glob("jiangsu/*/*.pdf")) + sorted(CORPUS.glob("shanghai/*.pdf"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pdfs", nargs="*", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--camelot-python", default=None)
    args = parser.parse_args()
    files = args.pdfs or corpus_files()
    if not files:
        print("no PDFs given and no corpus found", file=sys.stderr)
        return 2
    pages = 0
    for path in files:
        with pdfplumber.open(path) as pdf:
            pages += len(pdf.pages)
    rows = [
        ("pdfplumber extract_tables", best_seconds(pdfplumber_tables, files, args.runs), pdfplumber.__version__),
        ("yusuan read (PDF reader)", best_seconds(yusuan_read, files, args.runs), ""),
        ("yusuan parse (read + recognize)", best_seconds(yusuan_parse, files, args.runs), ""),
    ]
    camelot = camelot_seconds(files, max(1, args.runs // 3), args.camelot_python)
    if camelot is not None:
        rows.append(("camelot lattice", camelot[0], camelot[1]))
    print(f"{len(files)} PDFs, {pages} pages; best of {args.runs} runs; "
          f"{platform.machine()} ({os.cpu_count()} cores), Python {platform.python_version()}, "
          f"{time.strftime('%Y-%m-%d')}")
    print()
    print("| engine | seconds | pages/s | vs pdfplumber |")
    print("|---|---:|---:|---:|")
    base = rows[0][1]
    for name, seconds, version in rows:
        label = f"{name} {version}".strip()
        print(f"| {label} | {seconds:.2f} | {pages / seconds:.1f} | {seconds / base:.2f}x |")
    ratio = rows[2][1] / base
    print()
    print(f"yusuan parse / pdfplumber = {ratio:.2f}x (limit {LIMIT}x): {'ok' if ratio <= LIMIT else 'TOO SLOW'}")
    return 0 if ratio <= LIMIT else 1


if __name__ == "__main__":
    sys.exit(main())
