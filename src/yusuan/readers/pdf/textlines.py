"""Glyphs into visual lines, lines into gap-separated fragments, and fragments into text."""

from __future__ import annotations

from dataclasses import dataclass
from statistics import median

from .geometry import Box, Glyph, box_of

# glyphs further apart than this share of their height are separate words (a space is printed)
_WORD_GAP = 0.3
# a gap wider than this many glyph heights separates two fragments (cells) of a text line
FRAGMENT_GAP = 2.0


@dataclass(slots=True)
class VisualLine:
    glyphs: list[Glyph]  # left to right

    @property
    def box(self) -> Box:
        return box_of(self.glyphs)

    @property
    def top(self) -> float:
        return min(g.top for g in self.glyphs)

    @property
    def bottom(self) -> float:
        return max(g.bottom for g in self.glyphs)

    @property
    def size(self) -> float:
        return median(g.height for g in self.glyphs)


def visual_lines(glyphs: list[Glyph]) -> list[VisualLine]:
    """Group glyphs whose vertical extents overlap by half into lines, top to bottom."""
    lines: list[list[Glyph]] = []
    extents: list[tuple[float, float]] = []
    for glyph in sorted(glyphs, key=lambda g: (g.cy, g.x0)):
        if lines:
            top, bottom = extents[-1]
            overlap = min(bottom, glyph.bottom) - max(top, glyph.top)
            if overlap >= 0.5 * min(bottom - top, glyph.height):
                lines[-1].append(glyph)
                extents[-1] = (min(top, glyph.top), max(bottom, glyph.bottom))
                continue
        lines.append([glyph])
        extents.append((glyph.top, glyph.bottom))
    return [VisualLine(sorted(line, key=lambda g: g.x0)) for line in lines]


def fragments(line: VisualLine, gap: float = FRAGMENT_GAP) -> list[list[Glyph]]:
    """Runs of glyphs parted by wide gaps: the cells of a line laid out without rulings."""
    limit = gap * line.size
    runs: list[list[Glyph]] = [[line.glyphs[0]]]
    for glyph in line.glyphs[1:]:
        if glyph.x0 - runs[-1][-1].x1 > limit:
            runs.append([glyph])
        else:
            runs[-1].append(glyph)
    return runs


def run_text(glyphs: list[Glyph]) -> str:
    """Text of glyphs on one line; a space where the gap is a word gap (normalization keeps it
    only between letters or digits)."""
    parts: list[str] = []
    previous: Glyph | None = None
    for glyph in glyphs:
        if previous is not None and glyph.x0 - previous.x1 > _WORD_GAP * max(glyph.height, 1.0):
            parts.append(" ")
        parts.append(glyph.text)
        previous = glyph
    return "".join(parts)


def block_text(glyphs: list[Glyph]) -> str:
    """Text of glyphs that may wrap over several lines (a table cell): lines joined without a break."""
    text = ""
    for line in visual_lines(glyphs):
        piece = run_text(line.glyphs)
        if text and _is_latin(text[-1]) and _is_latin(piece[:1]):
            text += " "
        text += piece
    return text


def _is_latin(char: str) -> bool:
    """A wrapped English word gets its space back; a wrapped number or Chinese word does not."""
    return char.isascii() and char.isalpha()
