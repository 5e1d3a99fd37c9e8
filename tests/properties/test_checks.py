"""The checker on random synthetic disclosures: a derived (consistent) one gives no error, and
changing any one printed amount makes an error appear at that table (the mutation property of
checks/engine/mutation.py, here over random documents and random cells instead of the one example)."""

from hypothesis import given
from hypothesis import strategies as st

from yusuan.checks import run_checks
from yusuan.checks.engine.mutation import amount_cells, mutated, mutation_detection
from yusuan.checks.engine.registry import registered_rules, run_rules
from yusuan.checks.engine.tolerance import DEFAULT_TOLERANCE
from yusuan.pipeline import parse_bytes
from yusuan.synth.build import build
from yusuan.writers.text import text_bytes

from .strategies import deltas, examples, indexes, seeds


def errors(report) -> set[tuple]:
    return {(f.rule, f.place, f.message) for f in report.findings if f.severity == "error"}


@examples(40)
@given(seeds, indexes)
def test_a_derived_disclosure_and_its_reading_have_no_error(seed, index):
    written = build(seed, index).disclosure
    assert sorted(f"{f.rule}: {f.message}" for f in run_checks(written).findings if f.severity == "error") == []
    read = parse_bytes(text_bytes(written), "synth.txt")
    assert sorted(f"{f.rule}: {f.message}" for f in run_checks(read).findings if f.severity == "error") == []


@examples(40)
@given(seeds, indexes, st.lists(st.integers(0, 10**6), min_size=1, max_size=4), deltas)
def test_changing_any_one_amount_makes_an_error_appear_at_its_table(seed, index, picks, delta):
    written = build(seed, index).disclosure
    rules = list(registered_rules())
    baseline = errors(run_rules(written, rules, DEFAULT_TOLERANCE))
    cells = amount_cells(written)
    for pick in picks:
        cell = cells[pick % len(cells)]
        new = errors(run_rules(mutated(written, cell, delta), rules, DEFAULT_TOLERANCE)) - baseline
        assert any(place.table == cell.table for _, place, _ in new), f"{cell} changed by {delta}: no error"


@examples(1)
@given(seeds, indexes)
def test_every_amount_of_a_random_document_is_caught_when_changed(seed, index):
    """The whole mutation test (every cell, one at a time) on one random document."""
    result = mutation_detection(build(seed, index).disclosure)
    assert result.cells and result.missed == [] and result.uninvolved == []
    assert result.detection_rate == 100
