"""What a page is made of once the file format is gone: glyphs with boxes and ruling segments.

Both the text layer of a PDF and OCR of a page image are turned into these, so the table
reconstruction after them is one and the same. Coordinates are PDF points, y growing downwards
(top < bottom), as pdfplumber gives them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

Box = tuple[float, float, float, float]  # x0, top, x1, bottom


@dataclass(frozen=True, slots=True)
class Glyph:
    """One character (or, from OCR, one character's share of a text box)."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def height(self) -> float:
        return self.bottom - self.top


@dataclass(frozen=True, slots=True, order=True)
class Segment:
    """A ruling line: horizontal at `pos` (a y) from `start` to `end` (x), or vertical at x from top to bottom."""

    pos: float
    start: float
    end: float

    @property
    def length(self) -> float:
        return self.end - self.start


@dataclass(slots=True)
class PageContent:
    number: int  # 1-based
    width: float
    height: float
    glyphs: list[Glyph] = field(default_factory=list)
    horizontals: list[Segment] = field(default_factory=list)
    verticals: list[Segment] = field(default_factory=list)
    ocr: bool = False  # the glyphs came from OCR of the rendered page


def box_of(glyphs: list[Glyph]) -> Box:
    return (
        min(g.x0 for g in glyphs),
        min(g.top for g in glyphs),
        max(g.x1 for g in glyphs),
        max(g.bottom for g in glyphs),
    )


def rounded(box: Box) -> Box:
    return tuple(round(v, 1) for v in box)  # type: ignore[return-value]


def dedupe(glyphs: list[Glyph], tolerance: float = 1.0) -> list[Glyph]:
    """Drop glyphs drawn again on top of themselves: "fake bold" prints each character 2-4 times,
    shifted by a fraction of a point, and would otherwise read as 合合计计."""
    kept: list[Glyph] = []
    seen: dict[tuple[str, int, int], list[Glyph]] = {}
    for glyph in glyphs:
        text, x0, top = glyph.text, glyph.x0, glyph.top
        gx, gy = int(x0 // tolerance), int(top // tolerance)
        if not _drawn_before(seen, text, gx, gy, x0, top, tolerance):
            seen.setdefault((text, gx, gy), []).append(glyph)
            kept.append(glyph)
    return kept


def _drawn_before(seen: dict, text: str, gx: int, gy: int, x0: float, top: float, tolerance: float) -> bool:
    for dx in (-1, 0, 1):
        for dy in (-1, 0, 1):
            for other in seen.get((text, gx + dx, gy + dy), ()):
                if abs(other.x0 - x0) <= tolerance and abs(other.top - top) <= tolerance:
                    return True
    return False
