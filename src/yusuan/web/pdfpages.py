"""A page of an uploaded PDF as a PNG image, and where a box falls on it.

Drawing runs in a worker process (isolated.run_isolated): the PDF was uploaded by someone else, and
a broken one may crash the library that draws it.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import pypdfium2

# about 1,400 px across for an A4 page: table digits stay legible; capped for posters
TARGET_WIDTH_PX = 1400
MAX_SCALE = 3.0


@dataclass(frozen=True, slots=True)
class PageRequest:
    data: bytes
    page: int  # 1-based


def render_page(request: PageRequest, progress) -> bytes | None:
    """The page as a grayscale PNG (half the bytes of color; the tables are black on white); None: no such page."""
    with pypdfium2.PdfDocument(request.data) as pdf:
        if not 0 < request.page <= len(pdf):
            return None
        page = pdf[request.page - 1]
        width, _ = page.get_size()
        scale = min(MAX_SCALE, max(1.0, TARGET_WIDTH_PX / width))
        image = page.render(scale=scale, grayscale=True).to_pil()
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()
