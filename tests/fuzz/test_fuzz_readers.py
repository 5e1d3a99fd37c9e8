"""Fuzzing every reader and the recognizer (CI-sized; the long run is fuzz/fuzz_readers.py).

Inputs are mutants of real files (fuzz/seeds/: writer output and corpus pages), made by the
structure-aware mutations of fuzz/fuzzlib.py, plus inputs hypothesis builds from nothing. The one
property: a reader returns a Document that keeps the Line contract or refuses with a Chinese
message (a YusuanError); the recognizer and the checks then run on it without any other exception.
"""

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

import fuzzlib
from yusuan.document import Cell, Document, Line

from .examples import fuzz_settings

# examples per reader, sized so that the whole module runs in about a minute on two cores
EXAMPLES = {"text": 150, "html": 120, "pdf": 90, "docx": 80, "xlsx": 120}


def _mutants(reader: str):
    seeds = fuzzlib.seeds(reader)
    return st.builds(
        lambda seed, rng, rounds: fuzzlib.mutate(seed, rng, seeds, rounds),
        st.sampled_from(seeds), st.randoms(use_true_random=False), st.integers(1, 3),
    )


@pytest.mark.parametrize("reader", ["text", "html", "pdf", "docx", "xlsx"])
def test_every_seed_is_read_not_refused(reader):
    """Mutations start from files the reader reads: a refused seed would fuzz only the refusal."""
    for seed in fuzzlib.seeds(reader):
        assert fuzzlib.exercise(seed, f"seed.{reader}") == "read"


def _fuzz(reader: str):
    @fuzz_settings(EXAMPLES[reader])
    @given(data=_mutants(reader))
    def run(data):
        fuzzlib.exercise(data, f"fuzz.{reader}")

    return run


test_mutated_text_is_read_or_refused = _fuzz("text")
test_mutated_html_is_read_or_refused = _fuzz("html")
test_mutated_pdf_is_read_or_refused = _fuzz("pdf")
test_mutated_docx_is_read_or_refused = _fuzz("docx")
test_mutated_xlsx_is_read_or_refused = _fuzz("xlsx")

_MAGIC = [b"", b"%PDF-1.4\n", b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff",
          b"<html>", b"\xef\xbb\xbf", b"\xff\xfe"]


@fuzz_settings(200)
@given(st.sampled_from(_MAGIC), st.binary(max_size=2048))
def test_arbitrary_bytes_behind_any_magic_number_are_read_or_refused(magic, body):
    fuzzlib.exercise(magic + body, "fuzz.bin")


_TEXT = st.text(alphabet=st.one_of(
    st.sampled_from("\t\n\r 　,.-%()（）：:0123456789一二三四五六七八九十合计收入支出预算万元年类款项"),
    st.characters(codec="utf-8"),
), max_size=400)


@fuzz_settings(150)
@given(_TEXT, st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16"]))
def test_arbitrary_text_in_any_supported_encoding_is_read_or_refused(text, encoding):
    fuzzlib.exercise(text.encode(encoding, "replace"), "fuzz.txt")


_WORDS = fuzzlib.TABLE_WORDS + fuzzlib.INTERESTING_CELLS[:-1]  # (the 5,000-character cell is one for the mutants)
_CELL = st.one_of(st.sampled_from(_WORDS), st.decimals(allow_nan=False, allow_infinity=False, places=2).map(str),
                  st.from_regex(r"[0-9]{3,7}", fullmatch=True), st.text(max_size=12))


@fuzz_settings(150)
@given(st.lists(st.lists(_CELL, min_size=1, max_size=8), max_size=60), st.integers(0, 2**32))
def test_recognizer_and_checks_on_generated_lines(rows, seed):
    """Lines of budget words, codes and amounts in any order, some interleaved with a real table's lines."""
    base = fuzzlib.document_from_text(fuzzlib.seeds("recognizer")[0]).lines
    rng = random.Random(seed)
    lines = list(base[: rng.randrange(len(base))]) if rng.random() < 0.5 else []
    for cells in rows:
        lines.insert(rng.randrange(len(lines) + 1), Line(cells=[Cell(c) for c in cells]))
    for number, line in enumerate(lines, start=1):
        line.number = number
    fuzzlib.recognize_and_check(Document(name="fuzz.txt", reader="text", lines=lines))


@fuzz_settings(120)
@given(_mutants("recognizer"))
def test_recognizer_on_mutated_text_without_the_readers_refusals(data):
    fuzzlib.exercise_recognizer(data)
