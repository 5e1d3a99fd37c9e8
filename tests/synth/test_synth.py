"""Synthetic disclosures: reproducible, read back exactly, clean ones pass, and each defect is found."""

from pathlib import Path

import pytest

from yusuan.checks import run_checks
from yusuan.pipeline import parse_bytes
from yusuan.synth.build import build
from yusuan.synth.defects import KINDS, TOLD
from yusuan.synth.evaluate import Scores, evaluate_entry
from yusuan.synth.generate import SynthOptions, generate
from yusuan.synth.manifest import read_manifest
from yusuan.synth.render import render_bytes
from yusuan.synth.roundtrip import differences
from yusuan.writers.text import text_bytes


def test_the_same_seed_gives_the_same_documents(tmp_path):
    generate(SynthOptions(count=3, seed=4, error_rate=0.5), tmp_path / "a")
    generate(SynthOptions(count=3, seed=4, error_rate=0.5), tmp_path / "b")
    assert (tmp_path / "a" / "manifest.jsonl").read_text() == (tmp_path / "b" / "manifest.jsonl").read_text()


@pytest.mark.parametrize("index", range(6))
def test_a_synthetic_text_document_reads_back_exactly_and_passes_the_checker(index):
    written = build(31, index).disclosure
    read = parse_bytes(text_bytes(written), "synth.txt")
    assert differences(written, read) == []
    errors = [f"{f.rule}: {f.message}" for f in run_checks(read).findings if f.severity == "error"]
    assert errors == []


def test_the_text_writer_prints_tables_as_tab_separated_rows_under_title_and_unit():
    written = build(31, 0).disclosure
    lines = text_bytes(written).decode().splitlines()
    title = next(i for i, line in enumerate(lines) if line.endswith("部门收支总表") and "年" in line)
    assert lines[title + 1].startswith("单位：") and "\t" in lines[title + 2]


def test_xlsx_reads_back_exactly():
    written = build(31, 1).disclosure
    assert differences(written, parse_bytes(render_bytes(written, "xlsx"), "synth.xlsx")) == []


@pytest.mark.parametrize("kind", [k.name for k in KINDS])
def test_each_defect_kind_is_found_by_its_rule(kind, tmp_path):
    for index in range(40):  # the first document the kind applies to
        try:
            built = build(77, index, kind)
        except ValueError:
            continue
        read = parse_bytes(text_bytes(built.disclosure), "synth.txt")
        failed = {rule for f in run_checks(read).findings if f.severity in ("error", "warning") or f.rule in TOLD
                  for rule in (f.rule, *f.also)}
        assert set(built.defects[0].must) <= failed, f"document {index}: {built.defects[0].where}"
        return
    pytest.fail(f"{kind} applied to none of 40 documents")


def test_the_evaluation_counts_found_defects_per_family(tmp_path):
    generate(SynthOptions(count=8, seed=9, error_rate=1.0), tmp_path)
    settings, entries = read_manifest(tmp_path)
    scores = Scores()
    for entry in entries:
        scores.add(evaluate_entry(tmp_path, settings["seed"], entry))
    assert scores.defective == 8
    assert sum(t.expected for t in scores.families.values()) == 8
