"""Closing up the empty stretches of a chart: once a chart keeps only some of its lanes
(``lanecut.py``), the rows whose steps are in other lanes leave tall bands with nothing
in them but vertical lines. ``squeeze`` shortens every such band to ``KEEP`` pixels,
moving what is below it up; vertical lines just get shorter, so the chart stays
orthogonal and nothing moves sideways."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from folio.render.geometry import Box, Diagram, Edge
from folio.render.layout import sizes as S
from folio.render.layout.frame import header_height

#: Height an empty band is shortened to, in px.
KEEP = 36.0
#: Room kept around a horizontal line.
LINE_ROOM = 4.0


def _occupied(diagram: Diagram) -> list[tuple[float, float]]:
    """The heights holding a box or a horizontal line, the lane headers and the lanes'
    foot, merged, top to bottom."""
    lane = diagram.lanes[0].box
    head = lane.y + header_height(diagram.lanes) + S.HEADER_GAP
    spans = [(lane.y, head), (lane.y + lane.h - S.LANE_FOOT, lane.y + lane.h)]
    spans += [(n.box.y, n.box.y + n.box.h) for n in diagram.nodes]
    spans += [(a.box.y, a.box.y + a.box.h) for a in diagram.artifacts]
    spans += [(e.label_box.y, e.label_box.y + e.label_box.h) for e in diagram.edges if e.label_box]
    for edge in diagram.edges:
        for (_, y0), (_, y1) in zip(edge.points, edge.points[1:], strict=False):
            if abs(y0 - y1) < 0.01:
                spans.append((y0 - LINE_ROOM, y0 + LINE_ROOM))
    merged: list[tuple[float, float]] = []
    for top, bottom in sorted(spans):
        if merged and top <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], bottom))
        else:
            merged.append((top, bottom))
    return merged


def _mapping(free: list[tuple[float, float]]) -> Callable[[float], float]:
    """Heights after each band in ``free`` (top, bottom) is shortened to ``KEEP``."""

    def new_y(y: float) -> float:
        out = y
        for top, bottom in free:
            if y >= bottom:
                out -= bottom - top - KEEP
            elif y > top:
                out -= (y - top) * (1 - KEEP / (bottom - top))
        return round(out, 2)

    return new_y


def squeeze(diagram: Diagram) -> Diagram:
    """``diagram`` with its empty bands taller than ``KEEP`` shortened to it."""
    spans = _occupied(diagram)
    free = [(a[1], b[0]) for a, b in zip(spans, spans[1:], strict=False) if b[0] - a[1] > KEEP]
    if not free:
        return diagram
    f = _mapping(free)

    def box(b: Box) -> Box:
        return Box(b.x, f(b.y), b.w, b.h)

    def edge(e: Edge) -> Edge:
        points = tuple((x, f(y)) for x, y in e.points)
        return replace(e, points=points, label_box=box(e.label_box) if e.label_box else None)

    lanes = tuple(
        replace(
            lane,
            box=Box(lane.box.x, lane.box.y, lane.box.w, f(lane.box.y + lane.box.h) - lane.box.y),
        )
        for lane in diagram.lanes
    )
    return replace(
        diagram,
        height=f(diagram.height),
        lanes=lanes,
        nodes=tuple(replace(n, box=box(n.box)) for n in diagram.nodes),
        edges=tuple(edge(e) for e in diagram.edges),
        artifacts=tuple(replace(a, box=box(a.box)) for a in diagram.artifacts),
    )
