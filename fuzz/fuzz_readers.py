"""Coverage-guided fuzzing of one reader (or the recognizer) with atheris (libFuzzer for Python).

    pip install -e '.[fuzz]'
    python fuzz/fuzz_readers.py --reader=pdf -max_total_time=300
    python fuzz/fuzz_readers.py --reader=all -max_total_time=1200      # every reader in turn
    python fuzz/fuzz_readers.py --engine=random --reader=all -max_total_time=600   # without atheris
    python fuzz/fuzz_readers.py --engine=random --reader=text -runs=100000 -max_total_time=20000

--reader is text, html, pdf, docx, xlsx, recognizer or all (each in turn, the time shared by
WEIGHTS). Everything else goes to libFuzzer (-max_total_time, -timeout, -rss_limit_mb, -runs...).
--engine=random runs the same mutations in a plain loop without coverage feedback (no atheris
needed, nothing instrumented): mutants of the seeds and, stacked, of earlier mutants that were read.
The corpus starts from fuzz/seeds/ and, with --writer-seeds, from what the writers print now; it
grows in fuzz/work/<reader>/corpus. Inputs come from the structure-aware mutations of fuzzlib.py
(three in four) and from libFuzzer's own byte mutations.

An input that breaks the property (an exception other than a YusuanError escapes, or a reader breaks
the Line contract) is saved once per kind in fuzz/crashes/ with its traceback, and the run goes on
(--stop-on-crash to stop at the first); an input that takes longer than --slow seconds is saved as
slow-*. Figures (inputs, outcomes, crashes) are written every few seconds to
fuzz/work/<reader>/stats-<engine>.json. Every crash found becomes a regression test in
tests/fuzz/test_regressions.py.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import random
import subprocess
import sys
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
WORK = HERE / "work"
CRASHES = HERE / "crashes"
READERS = ("text", "html", "pdf", "docx", "xlsx", "recognizer")
# share of the time of --reader=all each reader gets: PDF and zips are where the bugs are
WEIGHTS = {"text": 1, "html": 1, "pdf": 3, "docx": 2, "xlsx": 2, "recognizer": 1}


def _option(argv: list[str], name: str, default: str | None = None) -> str | None:
    for arg in list(argv):
        if arg.startswith(f"--{name}="):
            argv.remove(arg)
            return arg.split("=", 1)[1]
        if arg == f"--{name}":
            argv.remove(arg)
            return "1"
    return default


def run_all(argv: list[str], total: int) -> None:
    """Each reader in its own process (libFuzzer ends the process when its time is up)."""
    weights = sum(WEIGHTS.values())
    for reader in READERS:
        seconds = max(10, total * WEIGHTS[reader] // weights)
        rest = [a for a in argv[1:] if not a.startswith("-max_total_time=")]
        done = subprocess.run([sys.executable, __file__, f"--reader={reader}", f"-max_total_time={seconds}", *rest],
                              check=False)
        last = WORK / reader / "last-input"
        if done.returncode != 0 and last.exists():  # the process died on an input (an abort in native code)
            CRASHES.mkdir(exist_ok=True)
            data = last.read_bytes()
            (CRASHES / f"crash-died-{reader}-{hashlib.sha1(data).hexdigest()[:12]}.bin").write_bytes(data)
            print(f"=== {reader}: the fuzzing process died (exit {done.returncode}); its last input is kept",
                  file=sys.stderr)
    engine = next((a.split("=", 1)[1] for a in argv if a.startswith("--engine=")), "atheris")
    stats = {r: WORK / r / f"stats-{engine}.json" for r in READERS}
    summary = {r: json.loads(path.read_text()) for r, path in stats.items() if path.exists()}
    print(json.dumps(summary, ensure_ascii=False, indent=2))


def main() -> None:
    argv = list(sys.argv)
    reader = _option(argv, "reader", "all")
    writer_seeds = _option(argv, "writer-seeds") is not None
    engine = _option(argv, "engine", "atheris")
    stop = _option(argv, "stop-on-crash") is not None
    slow = float(_option(argv, "slow", "10"))
    if reader == "all":
        total = next((int(a.split("=", 1)[1]) for a in argv if a.startswith("-max_total_time=")), 600)
        if writer_seeds:
            argv.append("--writer-seeds")
        argv.append(f"--engine={engine}")
        run_all(argv, total)
        return
    if reader not in READERS:
        sys.exit(f"--reader must be one of {', '.join(READERS)} or all")

    logging.disable(logging.CRITICAL)  # damaged files make pdfminer log a warning per object
    sys.path.insert(0, str(HERE))
    if engine == "atheris":
        import atheris

        with atheris.instrument_imports(include=["yusuan", "pdfminer", "pdfplumber", "docx", "fuzzlib"]):
            _import_targets()
    else:
        _import_targets()
    import fuzzlib
    from yusuan.readers import ocr

    ocr.available = lambda: False  # a page that lost its text layer would go to OCR: seconds per input

    corpus = WORK / reader / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    seeds = fuzzlib.seeds(reader) + (fuzzlib.writer_seeds(reader) if writer_seeds else [])
    for seed in seeds:
        (corpus / f"seed-{hashlib.sha1(seed).hexdigest()[:12]}").write_bytes(seed)
    CRASHES.mkdir(exist_ok=True)

    stats = {"reader": reader, "engine": engine, "inputs": 0, "read": 0, "refused": 0, "crashes": 0, "unique_crashes": [],
             "slow": 0, "slowest_seconds": 0.0, "started": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
             "seconds": 0.0}
    started = time.monotonic()
    last_write = [0.0]

    def write_stats() -> None:
        stats["seconds"] = round(time.monotonic() - started, 1)
        (WORK / reader / f"stats-{engine}.json").write_text(json.dumps(stats, ensure_ascii=False, indent=1))

    def save(prefix: str, data: bytes, text: str) -> None:
        digest = hashlib.sha1(data).hexdigest()[:12]
        (CRASHES / f"{prefix}-{reader}-{digest}.bin").write_bytes(data)
        (CRASHES / f"{prefix}-{reader}-{digest}.txt").write_text(text)

    last: list[str | None] = [None]  # the outcome of the latest input ("read", "refused", None: a crash)

    def test_one_input(data: bytes) -> None:
        last[0] = None
        stats["inputs"] += 1
        began = time.monotonic()
        try:
            if reader == "recognizer":
                fuzzlib.exercise_recognizer(data)
                last[0] = "read"
            else:
                last[0] = fuzzlib.exercise(data, f"fuzz.{reader}")
            stats[last[0]] += 1
        except fuzzlib.Escaped as escaped:
            stats["crashes"] += 1
            if escaped.signature not in stats["unique_crashes"]:
                stats["unique_crashes"].append(escaped.signature)
                error = escaped.error
                trace = "".join(traceback.format_exception(error)) if isinstance(error, BaseException) else error
                save("crash", data, f"{escaped.signature}\n\n{trace}")
                print(f"\n=== new crash {escaped.signature}", file=sys.stderr, flush=True)
                if stop:
                    raise
        finally:
            took = time.monotonic() - began
            stats["slowest_seconds"] = round(max(stats["slowest_seconds"], took), 2)
            if took > slow:
                stats["slow"] += 1
                save("slow", data, f"{took:.1f} s")
            if time.monotonic() - last_write[0] > 5:
                last_write[0] = time.monotonic()
                write_stats()

    if engine == "random":
        total = next((float(a.split("=", 1)[1]) for a in argv if a.startswith("-max_total_time=")), 600.0)
        runs = next((int(a.split("=", 1)[1]) for a in argv if a.startswith("-runs=")), None)
        _random_loop(test_one_input, last, fuzzlib, seeds, total, runs, write_stats, reader)
        return

    def custom_mutator(data: bytes, max_size: int, seed: int) -> bytes:
        rng = random.Random(seed)
        if rng.random() < 0.25 or not data:
            return atheris.Mutate(data, max_size)
        mutant = fuzzlib.mutate(data, rng, seeds)
        return mutant if len(mutant) <= max_size else mutant[:max_size]

    flags = [a for a in argv if a.startswith("-")]
    # inputs may grow (repeated blocks, appended members) up to: text stays small, so that it stays fast
    max_len = {"text": 300_000, "html": 300_000, "recognizer": 300_000}.get(reader, 1_500_000)
    # libFuzzer's own artifacts (slow-unit-*, crash-*) go beside ours, not into the folder the run started in
    CRASHES.mkdir(parents=True, exist_ok=True)
    defaults = {"-max_len": str(max_len), "-timeout": "120", "-rss_limit_mb": "3072", "-print_final_stats": "1",
                "-artifact_prefix": f"{CRASHES}/"}
    for flag, value in defaults.items():
        if not any(a.startswith(flag + "=") for a in flags):
            argv.append(f"{flag}={value}")
    argv.append(str(corpus))
    os.environ.setdefault("PYTHONHASHSEED", "0")
    atheris.Setup(argv, test_one_input, custom_mutator=custom_mutator)
    atheris.Fuzz()


def _import_targets() -> None:
    """Everything an input reaches, imported at once (under atheris: instrumented for coverage)."""
    import docx  # noqa: F401
    import pdfminer.pdfparser  # noqa: F401
    import pdfplumber  # noqa: F401

    import fuzzlib  # noqa: F401
    import yusuan.checks  # noqa: F401
    import yusuan.readers.docx  # noqa: F401
    import yusuan.readers.html  # noqa: F401
    import yusuan.readers.pdf  # noqa: F401
    import yusuan.readers.spreadsheet  # noqa: F401
    import yusuan.recognize  # noqa: F401


def _random_loop(test_one_input, last, fuzzlib, seeds: list[bytes], seconds: float, runs: int | None,
                 write_stats, reader: str) -> None:
    """Until `seconds` have passed or, with -runs=N, N inputs have been tried."""
    rng = random.Random(int(time.time()))
    pool: list[bytes] = []  # mutants that were read: mutated again, mutations stack
    end = time.monotonic() + seconds
    tried = 0
    while time.monotonic() < end and (runs is None or tried < runs):
        parent = rng.choice(pool) if pool and rng.random() < 0.3 else rng.choice(seeds)
        data = fuzzlib.mutate(parent, rng, seeds)
        if len(data) > 1_500_000:
            continue
        # kept until the next input: if a native library aborts the process, run_all saves it
        (WORK / reader / "last-input").write_bytes(data)
        test_one_input(data)
        tried += 1
        if last[0] == "read" and rng.random() < 0.05:
            pool = (pool + [data])[-200:]
    write_stats()
    (WORK / reader / "last-input").unlink(missing_ok=True)


if __name__ == "__main__":
    main()
