"""Inside a worker process: one uploaded file -> its model as JSON, its check report, and where its cells
lie on the page.

Runs in `isolated.run_isolated`, so its time and memory are the worker's, checks included (a crafted
text can make the checks the slow part), and what it returns is pickled: plain data and the Report.
Positions are kept for PDF inputs only (a text has no page to mark): for every input line the model
points at, its page, its box and its cells with their boxes, so the document page can mark the
very cell a finding is about on the page image.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..checks import run_checks
from ..document import Document
from ..model import Disclosure, Source
from ..pipeline import require_disclosure  # the one rule for "is this a disclosure"
from ..readers import Limits, read_bytes, sniff
# imported here so the forkserver loads the readers once and every worker forked from it starts warm
from ..readers import docx as _docx, html as _html, pdf as _pdf, spreadsheet as _spreadsheet  # noqa: F401
from ..recognize import recognize


@dataclass(frozen=True, slots=True)
class Upload:
    data: bytes
    name: str
    limits: Limits


def parse_upload(upload: Upload, progress) -> dict:
    """{'model': Disclosure JSON, 'report': Report, 'positions': {line: {...}}, 'pages': {page: [w, h]}}."""
    is_pdf = sniff(upload.data) == "pdf"
    progress("reading", pages=_page_count(upload.data) if is_pdf else None)
    document = read_bytes(upload.data, upload.name, upload.limits)
    progress("recognizing", pages=document.page_count)
    disclosure = require_disclosure(recognize(document), upload.name)
    progress("checking")
    report = run_checks(disclosure)
    positions = _positions(document, disclosure) if is_pdf else {}
    pages = _page_sizes(upload.data, {p["page"] for p in positions.values()}) if positions else {}
    return {"model": disclosure.model_dump_json(), "report": report, "positions": positions, "pages": pages}


def _sources(disclosure: Disclosure) -> Iterator[Source]:
    for table in disclosure.tables.values():
        yield table.source
        yield from (row.source for row in table.rows)
    performance = [disclosure.performance_overall] if disclosure.performance_overall else []
    for table in performance + disclosure.performance_projects:
        yield table.source
        yield from (indicator.source for indicator in table.indicators)
    yield from (claim.source for claim in disclosure.narrative.claims)


def _positions(document: Document, disclosure: Disclosure) -> dict[str, dict]:
    wanted = {s.line for s in _sources(disclosure) if s.line is not None}
    return {
        str(line.number): {"page": line.page, "box": line.box, "cells": [[c.text, c.box] for c in line.cells]}
        for line in document.lines if line.number in wanted and line.page is not None
    }


def _page_count(data: bytes) -> int | None:
    import pypdfium2

    try:
        with pypdfium2.PdfDocument(data) as pdf:
            return len(pdf)
    except pypdfium2.PdfiumError:  # the reader says what is wrong with the file
        return None


def _page_sizes(data: bytes, pages: set[int]) -> dict[str, list[float]]:
    """Width and height in PDF points of the pages that hold a marked line (1-based page numbers)."""
    import pypdfium2

    with pypdfium2.PdfDocument(data) as pdf:
        return {str(p): list(pdf.get_page_size(p - 1)) for p in sorted(pages) if 0 < p <= len(pdf)}
