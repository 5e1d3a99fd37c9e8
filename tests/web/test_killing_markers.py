"""The kill trials' markers: a word said by several threads at once still arrives as a line of its own,
and each count is taken once, so the test's chosen point is always reached and seen."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter

from .killing import MARKERS

THREADS, WORDS = 4, 3000

SCRIPT = MARKERS + f"""
import threading

def talk():
    for _ in range({WORDS}):
        say("file")

threads = [threading.Thread(target=talk) for _ in range({THREADS})]
aim("file {THREADS * WORDS}")
for thread in threads:
    thread.start()
"""


def test_words_said_by_threads_at_once_arrive_whole_and_the_last_one_pauses(tmp_path):
    script = tmp_path / "talk.py"
    script.write_text(SCRIPT)
    process = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True)
    lines: Counter = Counter()
    for line in process.stdout:
        lines[line.rstrip("\n")] += 1
        if line == "paused\n":
            break
    process.kill()
    process.wait(10)
    # print(word, flush=True) from 4 threads merged about one line in a thousand ("filefile", "")
    assert lines == Counter({"file": THREADS * WORDS, "paused": 1})
