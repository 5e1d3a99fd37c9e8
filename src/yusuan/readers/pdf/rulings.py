"""Ruling lines of a page: the strokes and thin boxes that draw table borders, snapped and joined.

A border is drawn in many ways: one line per cell side, a thin filled rectangle, each cell's own
rectangle, a double line. Here they all become one list of horizontal and one of vertical segments,
each position clustered (so borders 1 pt apart are one) and touching pieces joined end to end.
"""

from __future__ import annotations

from collections.abc import Iterable

from .geometry import Segment

# borders this close (points) are the same border
SNAP = 3.0
# strokes shorter than this are tick marks, arrows or text decoration, not borders
_MIN_LENGTH = 4.0
# a side this far off the axis is still horizontal or vertical (points)
_AXIS_SLACK = 1.0


def page_rulings(shapes: list[dict]) -> tuple[list[Segment], list[Segment]]:
    """Horizontal and vertical segments from a pdfplumber page's lines, rectangles and curves."""
    return side_rulings(side for shape in shapes if _visible(shape) for side in _sides(shape))


def side_rulings(sides: Iterable[tuple[float, float, float, float]]) -> tuple[list[Segment], list[Segment]]:
    """Horizontal and vertical segments from the straight sides (x0, y0, x1, y1) of visible shapes."""
    horizontals: list[Segment] = []
    verticals: list[Segment] = []
    for x0, y0, x1, y1 in sides:
        if abs(y1 - y0) <= _AXIS_SLACK:
            horizontals.append(Segment((y0 + y1) / 2, min(x0, x1), max(x0, x1)))
        elif abs(x1 - x0) <= _AXIS_SLACK:
            verticals.append(Segment((x0 + x1) / 2, min(y0, y1), max(y0, y1)))
    return merge_segments(horizontals), merge_segments(verticals)


def _sides(shape: dict) -> list[tuple[float, float, float, float]]:
    """The straight sides of a shape, as (x0, y0, x1, y1) in top-down coordinates."""
    if shape["object_type"] == "rect":
        x0, top, x1, bottom = shape["x0"], shape["top"], shape["x1"], shape["bottom"]
        return [(x0, top, x1, top), (x0, bottom, x1, bottom), (x0, top, x0, bottom), (x1, top, x1, bottom)]
    if shape["object_type"] == "curve" and shape.get("path"):
        return _path_sides(shape["path"], closed=bool(shape.get("fill")))
    points = shape.get("pts") or [(shape["x0"], shape["top"]), (shape["x1"], shape["bottom"])]
    return [(a[0], a[1], b[0], b[1]) for a, b in zip(points, points[1:])]


def _path_sides(path: list[tuple], closed: bool) -> list[tuple[float, float, float, float]]:
    """Straight sides of each subpath ('m' starts one, 'h' or filling closes it); curves are skipped."""
    sides: list[tuple[float, float, float, float]] = []
    start = current = None
    for command, *points in [*path, ("m",)]:
        if command in ("m", "h") and start is not None and current is not None and (closed or command == "h"):
            if current != start:
                sides.append((current[0], current[1], start[0], start[1]))
        if command == "m":
            start = current = points[0] if points else None
        elif command == "l" and current is not None:
            sides.append((current[0], current[1], points[0][0], points[0][1]))
            current = points[0]
        elif command == "c" and points:
            current = points[-1]
        elif command == "h":
            current = start
    return sides


def _visible(shape: dict) -> bool:
    """Stroked in a colour other than white, or filled in one. Office exports draw every cell as a
    white filled box: those sides are not rulings; a thin black filled box is a line."""
    if shape.get("stroke", shape["object_type"] == "line") and not _is_white(shape.get("stroking_color")):
        return True
    return bool(shape.get("fill")) and not _is_white(shape.get("non_stroking_color"))


def _is_white(color) -> bool:
    if isinstance(color, (int, float)):
        color = (color,)
    if not isinstance(color, (tuple, list)) or not color or not all(isinstance(c, (int, float)) for c in color):
        return False  # no colour or a pattern: assume it shows
    if len(color) == 4:  # CMYK: no ink
        return all(c <= 0.05 for c in color)
    return all(c >= 0.95 for c in color)


def merge_segments(segments: Iterable[Segment], snap: float = SNAP) -> list[Segment]:
    """Snap positions within `snap` to their mean and join pieces that touch or overlap."""
    merged: list[Segment] = []
    for cluster in _clusters(sorted(s for s in segments if s.length >= 0), snap):
        pos = sum(s.pos for s in cluster) / len(cluster)
        pieces = sorted(cluster, key=lambda s: s.start)
        start, end = pieces[0].start, pieces[0].end
        for piece in pieces[1:]:
            if piece.start <= end + snap:
                end = max(end, piece.end)
                continue
            merged.append(Segment(pos, start, end))
            start, end = piece.start, piece.end
        merged.append(Segment(pos, start, end))
    return [s for s in merged if s.length >= _MIN_LENGTH]


def _clusters(segments: list[Segment], snap: float) -> list[list[Segment]]:
    clusters: list[list[Segment]] = []
    for segment in segments:
        if clusters and segment.pos - clusters[-1][-1].pos <= snap:
            clusters[-1].append(segment)
        else:
            clusters.append([segment])
    return clusters
