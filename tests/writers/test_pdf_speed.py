"""What makes the PDF writer fast must not change what it prints: the XML-parsed tree is WeasyPrint's own,
the forked child returns the same PDF as a render in this process, and the caller's garbage collector is
left as it was."""

import gc
import io
import os
from xml.etree import ElementTree

import pdfplumber
import pytest

from yusuan.writers import pdf
from yusuan.writers.html import render_html


def _shape(root):
    return [(e.tag, sorted(e.attrib.items()), (e.text or "").strip(), (e.tail or "").strip()) for e in root.iter()]


def test_the_xml_parser_builds_weasyprints_tree(derived):
    from weasyprint import HTML

    html = render_html(derived, inline_css=False)
    ElementTree.fromstring(pdf._VOID.sub(r"<\1\2/>", html))  # well-formed: the fast path is taken, no fallback
    assert _shape(pdf.parsed_html(html).etree_element) == _shape(HTML(string=html).etree_element)


def test_markup_the_xml_parser_refuses_goes_through_weasyprint():
    html = "<!DOCTYPE html><html><body><p>换页\x0c符<br>未闭合</p></body></html>"  # a control character, an open <p>
    document = pdf.parsed_html(html)
    assert [e.tag for e in document.etree_element.iter()][:4] == ["html", "head", "body", "p"]
    assert document.write_pdf().startswith(b"%PDF")


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this platform")
def test_the_child_returns_its_bytes_or_none_when_it_fails():
    assert pdf._in_child(lambda n: b"x" * n, 100_000) == b"x" * 100_000  # more than a pipe holds at once

    def fails():
        raise RuntimeError("in the child")

    assert pdf._in_child(fails) is None


def test_the_collector_is_left_as_it_was():
    assert gc.isenabled()
    with pdf.collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with pdf.collector_paused():
            pass
        assert not gc.isenabled()  # a caller that had turned it off keeps it off
    finally:
        gc.enable()


def _pages(data: bytes) -> list[str]:
    with pdfplumber.open(io.BytesIO(data)) as document:
        return [page.extract_text() or "" for page in document.pages]


def test_in_process_and_forked_renders_print_the_same(derived, pdf_of_derived, monkeypatch):
    monkeypatch.setenv(pdf.FORK_ENV, "0")
    in_process = pdf.pdf_bytes(derived)
    assert gc.isenabled()
    assert _pages(in_process) == _pages(pdf_of_derived)
