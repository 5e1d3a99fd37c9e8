"""The mutation harness on a small built document."""

from decimal import Decimal

from yusuan.checks.engine.mutation import amount_cells, mutated, mutation_detection

from .builder import doc
from .consistent import consistent


def test_every_amount_cell_of_the_consistent_document_is_detected():
    report = mutation_detection(consistent().build())
    assert len(report.cells) > 100
    assert report.missed == []
    assert report.uninvolved == []
    assert report.detection_rate == Decimal(100)


def test_a_change_within_the_tolerance_is_not_detected():
    report = mutation_detection(consistent().build(), delta=Decimal("0.01"))
    assert report.detected == []


def test_a_cell_in_no_identity_is_listed_as_such():
    lonely = doc().table("procurement", [("goods", "货物类", {"total": "5"})]).build()
    report = mutation_detection(lonely)
    assert [str(c) for c in report.uninvolved] == ["procurement「货物类」total = 5"]
    assert report.missed == []
    assert "cells in no identity: 1" in report.summary()


def test_mutating_copies_only_what_changes():
    original = consistent().build()
    cell = amount_cells(original)[0]
    changed = mutated(original, cell, Decimal(1))
    assert changed.tables[cell.table].rows[cell.row].values[cell.column] == cell.value + 1
    assert original.tables[cell.table].rows[cell.row].values[cell.column] == cell.value
    assert changed.tables["summary"] is original.tables["summary"]
