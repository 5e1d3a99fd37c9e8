"""Write, read back, compare every amount: tables, projects, target funds, and the narrative's claims.

The HTML reader is ours (readers/html.py). XLSX and DOCX are read back twice: by small test-side readers
(readback.py, testing the writers' structure on their own) and by yusuan's readers through the dispatcher.
"""

import pytest

from yusuan.pipeline import parse_bytes
from yusuan.readers.html import read_html
from yusuan.recognize import recognize
from yusuan.writers.docx import docx_bytes
from yusuan.writers.html import html_bytes
from yusuan.writers.xlsx import xlsx_bytes

from .amounts import all_amounts, claim_facts, differences
from .readback import docx_document, xlsx_document


@pytest.fixture(scope="module", params=["seed", "derived"])
def disclosure(request, seed, derived):
    return seed if request.param == "seed" else derived


def _same(original, back):
    assert differences(all_amounts(original), all_amounts(back)) == []
    assert claim_facts(back) == claim_facts(original)


def test_html_round_trip(disclosure):
    _same(disclosure, recognize(read_html(html_bytes(disclosure), "out.html")))


def test_xlsx_round_trip_structure(disclosure):
    _same(disclosure, recognize(xlsx_document(xlsx_bytes(disclosure))))


def test_docx_round_trip_structure(disclosure):
    _same(disclosure, recognize(docx_document(docx_bytes(disclosure))))


def _through_yusuan(data: bytes, name: str):
    return parse_bytes(data, name)


@pytest.mark.parametrize("fmt", ["xlsx", "docx", "html"])
def test_round_trip_through_yusuans_readers(disclosure, fmt):
    writer = {"xlsx": xlsx_bytes, "docx": docx_bytes, "html": html_bytes}[fmt]
    back = _through_yusuan(writer(disclosure), f"out.{fmt}")
    assert back.reader == fmt
    assert differences(all_amounts(disclosure), all_amounts(back)) == []


def test_pdf_round_trip_through_yusuans_reader(derived, pdf_of_derived):
    back = _through_yusuan(pdf_of_derived, "out.pdf")
    assert differences(all_amounts(derived), all_amounts(back)) == []


def _findings(disclosure) -> set[tuple[str, str]]:
    from yusuan.checks import run_checks

    return {(f.rule, f.message) for f in run_checks(disclosure).findings}


@pytest.fixture(scope="module")
def final_derived():
    from yusuan.compose import derive
    from yusuan.inputs import load_input

    from example_files import ROOT

    return derive(load_input(ROOT / "examples" / "final-input.yaml")[0])


@pytest.fixture(scope="module", params=["budget", "final"])
def composed(request, derived, final_derived):
    return derived if request.param == "budget" else final_derived


@pytest.mark.parametrize("fmt", ["docx", "html", "xlsx"])
def test_read_back_has_no_finding_the_source_has_not(composed, fmt):
    """`yusuan check` on a file yusuan wrote finds nothing the composed disclosure (the bundled budget
    example, the 决算 example) did not have, and reads back every amount."""
    writer = {"xlsx": xlsx_bytes, "docx": docx_bytes, "html": html_bytes}[fmt]
    back = _through_yusuan(writer(composed), f"out.{fmt}")
    assert back.kind == composed.kind
    assert _findings(back) - _findings(composed) == set()
    assert differences(all_amounts(composed), all_amounts(back)) == []


def test_docx_contents_lists_the_headings_before_word_updates_it(derived):
    """An un-updated TOC field used to leave a bare 目录 line, and the 部门概况 under it was read as contents."""
    back = _through_yusuan(docx_bytes(derived), "out.docx")
    titles = [s.title for s in back.narrative.sections]
    assert titles[:2] == ["部门概况", "主要职能"]
