"""PDF parse speed, side by side in one run on the same files: pages per second of

  - pdfplumber   page.extract_text() and page.extract_tables() on every page (text or tables only, no model)
  - yusuan read  the PDF reader alone (every page: tables, text, furniture, prose), with PDFium's page
                 objects (the default) and with pdfminer/pdfplumber's (`--plumber-too`)
  - yusuan parse the full parse, read + recognize, into the Disclosure model
  - camelot      camelot.read_pdf(flavor="lattice") (tables only), when camelot-py is importable
                 here or in the interpreter given with --camelot-python (camelot is no dependency
                 of yusuan; a separate virtualenv keeps it so)

    .venv/bin/python bench/bench_pdf.py [--runs N] [--camelot-python /path/to/python] [PDF ...]

Without PDFs it uses the corpus in ../shared/corpus (jiangsu and shanghai). Each engine runs in a
process of its own over all files once to warm up, then N timed runs; the best run counts (least
disturbed by the machine), and the process's peak memory is reported beside it.
The requirement checked: yusuan parse within 0.25x the time of bare pdfplumber extract_text.
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
LIMIT = 0.25

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


def pdfplumber_text(files: list[Path]) -> None:
    for path in files:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                page.extract_text()
                page.close()


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


def yusuan_read_plumber(files: list[Path]) -> None:
    from yusuan.readers import pdf

    pdf.ENGINE = "plumber"
    yusuan_read(files)


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


ENGINES = {
    "pdfplumber extract_text": pdfplumber_text,
    "pdfplumber extract_tables": pdfplumber_tables,
    "yusuan read, pdfminer/pdfplumber pages": yusuan_read_plumber,
    "yusuan read (PDF reader)": yusuan_read,
    "yusuan parse (read + recognize)": yusuan_parse,
}


def in_own_process(engine: str, files: list[Path], runs: int) -> tuple[float, float]:
    """Best seconds and peak memory (MiB) of one engine, run in a fresh interpreter."""
    out = subprocess.run([sys.executable, __file__, "--one", engine, "--runs", str(runs), *map(str, files)],
                         capture_output=True, text=True, check=True, timeout=7200)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    return result["seconds"], result["peak_mib"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pdfs", nargs="*", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--camelot-python", default=None)
    parser.add_argument("--plumber-too", action="store_true", help="also the reader with pdfplumber's pages")
    parser.add_argument("--one", help=argparse.SUPPRESS)
    args = parser.parse_args()
    files = args.pdfs or corpus_files()
    if not files:
        print("no PDFs given and no corpus found", file=sys.stderr)
        return 2
    if args.one:
        import resource

        seconds = best_seconds(ENGINES[args.one], files, args.runs)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps({"seconds": seconds, "peak_mib": peak}))
        return 0
    pages = 0
    for path in files:
        with pdfplumber.open(path) as pdf:
            pages += len(pdf.pages)
    names = [n for n in ENGINES if args.plumber_too or "pdfminer/pdfplumber pages" not in n]
    rows = [(name, *in_own_process(name, files, args.runs),
             pdfplumber.__version__ if name.startswith("pdfplumber") else "") for name in names]
    camelot = camelot_seconds(files, max(1, args.runs // 3), args.camelot_python)
    if camelot is not None:
        rows.append(("camelot lattice", camelot[0], float("nan"), camelot[1]))
    print(f"{len(files)} PDFs, {pages} pages; best of {args.runs} runs; "
          f"{platform.machine()} ({os.cpu_count()} cores), Python {platform.python_version()}, "
          f"{time.strftime('%Y-%m-%d')}")
    print()
    print("| engine | seconds | pages/s | vs pdfplumber extract_text | peak memory (MiB) |")
    print("|---|---:|---:|---:|---:|")
    base = rows[0][1]
    for name, seconds, peak, version in rows:
        label = f"{name} {version}".strip()
        print(f"| {label} | {seconds:.2f} | {pages / seconds:.1f} | {seconds / base:.2f}x | {peak:.0f} |")
    ratio = next(r[1] for r in rows if r[0].startswith("yusuan parse")) / base
    print()
    print(f"yusuan parse / pdfplumber extract_text = {ratio:.2f}x (limit {LIMIT}x): {'ok' if ratio <= LIMIT else 'TOO SLOW'}")
    return 0 if ratio <= LIMIT else 1


if __name__ == "__main__":
    sys.exit(main())
