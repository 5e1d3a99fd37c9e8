"""The file attacks of issue 15, rerun against the command line as a user runs it: each input built small on
disk, then `yusuan parse` (or `check`, or `db add`) on it with the defaults, timed with /usr/bin/time.

    .venv/bin/python bench/attacks.py [--only NAME] [--markdown]

Prints, per attack: the command, its exit code, seconds, peak resident memory (the program and the child
doing the work, whichever is larger: /usr/bin/time reports the largest), and the first words of its message.
The inputs are made by the same builders the tests use (tests/readers, tests/checks), so a change in what
an attack is changes both.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from checks.test_scaling import _many_lines, _repeated_changes  # noqa: E402
from readers.test_bad_inputs import page_tree  # noqa: E402
from readers.test_memory_bounds import pdf_with_pages  # noqa: E402
from readers.test_spreadsheet import _add_cell, _edited, _shared_strings, _sheet_moved_out_of_worksheets, _small_workbook  # noqa: E402,E501

MB = 1024 * 1024


def _xlsx(edit) -> Callable[[], bytes]:
    return lambda: _edited(_small_workbook(), edit)


def _html_bomb() -> bytes:
    first = "".join('<td colspan="1000" rowspan="1000">甲</td>' for _ in range(300))
    return f"<html><body><table><tr>{first}</tr>{'<tr><td>乙</td></tr>' * 400}</table></body></html>".encode()


def _many_glyphs() -> bytes:
    return pdf_with_pages([b"BT /F1 1 Tf 10 400 Td (" + b"A" * 5_000_000 + b") Tj ET"])


def _many_glyphs_in_strings() -> bytes:
    """5.1 million glyphs in 170 strings: PDFium keeps at most 32,767 characters of one string."""
    return pdf_with_pages([b"BT /F1 1 Tf 10 400 Td " + (b"(" + b"A" * 30_000 + b") Tj ") * 170 + b"ET"])


# name -> (cause in the issue, command, file name, builder; None for a path given as it is)
ATTACKS: dict[str, tuple[str, str, str, Callable[[], bytes] | None]] = {
    "xlsx-single-quoted-reference": ("2", "parse", "a.xlsx", _xlsx(_add_cell(b" r='XFD1048576'"))),
    "xlsx-sheet-outside-worksheets": ("2", "parse", "a.xlsx", _xlsx(_sheet_moved_out_of_worksheets)),
    "xlsx-four-letter-column": ("2", "parse", "a.xlsx", _xlsx(_add_cell(b' r="AAAA1048576"'))),
    "xlsx-unique-count-past-4kb": ("2", "parse", "a.xlsx",
                                   _xlsx(_shared_strings(b'count="2"' + b" " * 5000 + b'uniqueCount="2147483647"'))),
    "xlsx-unique-count-single-quoted": ("2", "parse", "a.xlsx",
                                        _xlsx(_shared_strings(b"count='2' uniqueCount='2147483647'"))),
    "html-rowspan-bomb": ("3", "parse", "bomb.html", _html_bomb),
    "ten-million-lines": ("3", "parse", "lines.txt", lambda: b"1\n" * 10_000_000),
    "text-199-mb": ("3", "parse", "big.txt", lambda: ("收入预算" * 2_500 + "\n").encode() * 6_633),
    "pdf-5m-glyphs": ("3", "parse", "dense.pdf", _many_glyphs),
    "pdf-5m-glyphs-170-strings": ("3", "parse", "dense.pdf", _many_glyphs_in_strings),
    "dev-zero-parse": ("3", "parse", "/dev/zero", None),
    "dev-zero-db-add": ("3", "db add", "/dev/zero", None),
    "pdf-count-lies": ("6", "parse", "lying.pdf", lambda: page_tree(3000, declared=1)),
    "checks-400-change-clauses": ("1", "check", "clauses.txt", lambda: _repeated_changes(400).encode()),
    "checks-4000-unknown-codes": ("1", "check", "codes.txt", lambda: _many_lines(4000).encode()),
}


def run(name: str, folder: Path) -> dict:
    cause, command, file_name, build = ATTACKS[name]
    path = Path(file_name) if build is None else folder / file_name
    if build is not None:
        path.write_bytes(build())
    size = path.stat().st_size if build is not None else 0
    env = os.environ | {"YUSUAN_DB": str(folder / f"{name}.duckdb"), "COLUMNS": "400"}
    timed = subprocess.run(
        ["/usr/bin/time", "-f", "TIME %e %M", "timeout", "600", sys.executable, "-m", "yusuan", *command.split(),
         str(path)], capture_output=True, text=True, env=env)
    seconds, kilobytes = re.search(r"TIME ([\d.]+) (\d+)", timed.stderr).groups()
    words = re.sub(r"\s+", "", timed.stderr.replace(timed.stderr[timed.stderr.rfind("TIME"):], ""))
    if command == "db add":
        words = re.sub(r"\s+", "", timed.stdout)
    found = re.search(r"(无法[^。]*。)", words)
    if found is not None:
        message = found.group(1)[:90]
    elif command == "check" and timed.returncode in (0, 1):
        message = "(checked: the report printed)"
    else:
        message = words[:90]
    if build is not None:  # the inputs made here; never a device given as it is
        path.unlink()
    return {"name": name, "cause": cause, "command": f"yusuan {command}", "bytes": size,
            "exit": timed.returncode, "seconds": float(seconds), "peak_mb": int(kilobytes) / 1024,
            "message": message}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--only", action="append", choices=sorted(ATTACKS))
    parser.add_argument("--markdown", action="store_true")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        rows = [run(name, Path(folder)) for name in options.only or ATTACKS]
    if options.markdown:
        print("| attack | cause | command | input | exit | seconds | peak RSS | message |")
        print("|---|---:|---|---:|---:|---:|---:|---|")
    for r in rows:
        size = f"{r['bytes'] / 1024:,.1f} KB" if r["bytes"] < MB else f"{r['bytes'] / MB:,.0f} MB"
        size = size if r["bytes"] else "device"
        if options.markdown:
            print(f"| {r['name']} | {r['cause']} | `{r['command']}` | {size} | {r['exit']} | {r['seconds']:.1f} | "
                  f"{r['peak_mb']:,.0f} MB | {r['message']} |")
        else:
            print(f"{r['name']:34} exit {r['exit']}  {r['seconds']:6.1f} s  {r['peak_mb']:7,.0f} MB  {r['message']}")


if __name__ == "__main__":
    main()
