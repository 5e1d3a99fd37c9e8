"""Write a random synthetic disclosure in every format, read it back: the same amounts in the same
places (tables, projects, performance funds) and the same narrative claims. PDF is slow (the writer
and the reader take about 2.5 s each for a disclosure), so it gets a few examples only."""

from decimal import Decimal

import pytest
from hypothesis import given

from yusuan.model import Disclosure
from yusuan.pipeline import parse_bytes
from yusuan.synth.render import render_bytes
from yusuan.synth.roundtrip import differences

from .strategies import disclosures, examples


def claims(disclosure: Disclosure) -> dict[tuple, tuple]:
    signs = {"增加": 1, "减少": -1, "持平": 0}
    return {
        (c.subject, c.section): (c.value, None if c.direction is None else signs[c.direction] * (c.change or Decimal(0)),
                                 c.change_percent)
        for c in disclosure.narrative.claims
    }


def read_back(written: Disclosure, fmt: str) -> Disclosure:
    back = parse_bytes(render_bytes(written, fmt), f"synth.{fmt}")
    assert back.reader == {"txt": "text"}.get(fmt, fmt)
    return back


def same(written: Disclosure, back: Disclosure) -> None:
    assert differences(written, back) == []
    assert claims(back) == claims(written)
    assert (back.department, back.year, back.kind) == (written.department, written.year, written.kind)


@pytest.mark.parametrize("fmt", ["txt", "html", "xlsx", "docx"])
def test_render_then_read_is_the_identity(fmt):
    @examples(25)
    @given(disclosures)
    def run(written):
        same(written, read_back(written, fmt))

    run()


@examples(3)
@given(disclosures)
def test_render_to_pdf_then_read_is_the_identity(written):
    same(written, read_back(written, "pdf"))
