"""Recall and false alarms of the checker on a synthetic collection, per rule family (for BENCHMARKS.md).

    python bench/bench_synth_eval.py DIR [--workers 2] [--limit N]

DIR is the output of `yusuan synth N --out DIR --errors RATE`. Each file is rebuilt from the
manifest's seed, read back with yusuan's readers, checked, and compared (see yusuan/synth/evaluate.py).
Prints two tables: all documents, and only those read back exactly (the checker's own figures),
then the defects missed and the rules that fired without cause, with an example file each.
"""

from __future__ import annotations

import argparse
import itertools
import time
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from pathlib import Path

from yusuan.synth.evaluate import Scores, evaluate_entry
from yusuan.synth.manifest import read_manifest
from yusuan.synth.report import details, family_table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    settings, entries = read_manifest(args.folder)
    entries = list(itertools.islice(entries, args.limit))
    started = time.monotonic()
    everything, exact = Scores(), Scores()
    with ProcessPoolExecutor(args.workers) as pool:
        for result in pool.map(partial(evaluate_entry, args.folder, settings["seed"]), entries, chunksize=20):
            everything.add(result)
            if result.exact:
                exact.add(result)
    print(f"{len(entries)} documents of {args.folder} (seed {settings['seed']}, error rate {settings['error_rate']}), "
          f"{time.monotonic() - started:.0f} s, {time.strftime('%Y-%m-%d')}\n")
    print("All documents:\n")
    print(family_table(everything), "\n")
    print("Documents read back exactly:\n")
    print(family_table(exact), "\n")
    print(details(everything))


if __name__ == "__main__":
    main()
