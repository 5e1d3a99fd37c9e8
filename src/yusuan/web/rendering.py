"""Inside a worker process: an archived document rendered in one format (HTML, PDF, DOCX, XLSX).

Runs in `isolated.run_isolated`, like the reading of an upload: a rendering of a large document can
take minutes and gigabytes (WeasyPrint lays out every project row), so it is bounded by the worker's
time and memory and never holds up the server or another download.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Disclosure
from ..writers.registry import render


@dataclass(frozen=True, slots=True)
class RenderRequest:
    model: str  # the Disclosure as JSON (as the file store keeps it)
    fmt: str


def render_document(request: RenderRequest, progress) -> bytes:
    return render(Disclosure.model_validate_json(request.model), request.fmt)
