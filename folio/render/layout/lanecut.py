"""Cutting a wide chart between lanes, with off-page connectors at the cuts.

The lanes are shared out in runs of neighbours (``lane_groups``); each run becomes a chart
of its own (``lane_column``) holding the nodes of its lanes, their artifacts and the
edges between them whole. An edge from a node of the run to a node of another run is
drawn up to the run's left or right border, where it turns into a side strip and ends in
(or comes out of) a *Conector fuera de página*: a node of kind ``connector`` with id
``off-s-<edge id>`` whose letter its twin on the other run's chart repeats. Connectors in
a strip are stacked apart, each reached by its own vertical level, the topmost edge on the
outermost one so that no two of them cross.

A run's chart keeps the rows of the whole chart, so ``paginate`` can then cut it between
rows; it is told the row of each side connector.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from folio.render.geometry import Box, Diagram, Edge, Node
from folio.render.layout import sizes as S
from folio.render.layout.frame import header_height, lanes_top
from folio.render.layout.grid import simplify
from folio.render.layout.paginate import CONN_W, LEVEL, STRIP_PAD, bands
from folio.render.layout.squeeze import squeeze

Point = tuple[float, float]

#: Vertical distance between the centres of two connectors in a side strip.
STACK = S.CONN_H + 6.0


@dataclass
class SideCut:
    """One edge crossing a run's border: the part kept and where it crosses."""

    edge: Edge
    points: list[Point]
    y: float  # height of the crossing
    outgoing: bool  # the edge's source is in the run
    right: bool  # crosses the right border


def _crossing(a: Point, b: Point, border: float) -> Point:
    (x0, y0), (x1, y1) = a, b
    t = (border - x0) / (x1 - x0) if x1 != x0 else 0.0
    return border, y0 + (y1 - y0) * t


def _clip(points: Sequence[Point], left: float, right: float) -> tuple[list[Point], bool]:
    """The polyline from its start until it first leaves [left, right], ending on the
    border; and whether that border is the right one."""
    out = [points[0]]
    for a, b in zip(points, points[1:], strict=False):
        if b[0] < left or b[0] > right:
            is_right = b[0] > right
            out.append(_crossing(a, b, right if is_right else left))
            return out, is_right
        out.append(b)
    return out, out[-1][0] >= (left + right) / 2


def _shortcut(
    points: Sequence[Point], left: float, right: float, free: Callable[[float, float, float], bool]
) -> tuple[list[Point], bool] | None:
    """The polyline from its start (in the run) to its first horizontal run, and that
    run on to the border, when it heads out of the run or can be drawn on to the border
    through free room (``free(y, x1, x2)``): the connector then sits by the node rather
    than where the whole route would cross, which may be rows away. ``None`` otherwise."""
    side = _clip(points, left, right)[1]
    for i, ((x0, y0), (x1, y1)) in enumerate(zip(points, points[1:], strict=False)):
        if not left <= x0 <= right:
            return None
        if abs(y0 - y1) < 0.01 and abs(x0 - x1) > 0.01:
            border = right if side else left
            heads_out = x1 > right if side else x1 < left
            if heads_out or ((x1 > x0) == side and free(y0, x1, border)):
                return [*points[: i + 1], (border, y0)], side
            return None
    return None


def _free_room(diagram: Diagram, edge: Edge) -> Callable[[float, float, float], bool]:
    """Whether a horizontal line at y from x1 to x2 meets no box and runs along no other
    edge's horizontal run."""
    boxes = [n.box for n in diagram.nodes] + [a.box for a in diagram.artifacts]
    runs = [
        (a[1], min(a[0], b[0]), max(a[0], b[0]))
        for e in diagram.edges
        if e.id != edge.id
        for a, b in zip(e.points, e.points[1:], strict=False)
        if abs(a[1] - b[1]) < 0.01
    ]

    def free(y: float, x1: float, x2: float) -> bool:
        lo, hi = min(x1, x2), max(x1, x2)
        if any(b.y - 3 <= y <= b.y + b.h + 3 and b.x < hi and lo < b.x + b.w for b in boxes):
            return False
        return not any(abs(ry - y) < 3 and rlo < hi and lo < rhi for ry, rlo, rhi in runs)

    return free


def side_cuts(diagram: Diagram, group: Sequence[str]) -> list[SideCut]:
    """The edges between a node of the lanes ``group`` and a node of any other lane."""
    inside = {n.id for n in diagram.nodes if n.lane in group}
    boxes = [lane.box for lane in diagram.lanes if lane.id in group]
    left, right = boxes[0].x, boxes[-1].x + boxes[-1].w
    cuts: list[SideCut] = []
    for edge in diagram.edges:
        outgoing = edge.source in inside
        if outgoing == (edge.target in inside):
            continue
        pts = edge.points if outgoing else tuple(reversed(edge.points))
        free = _free_room(diagram, edge)
        part, is_right = _shortcut(pts, left, right, free) or _clip(pts, left, right)
        if not outgoing:
            part.reverse()
        y = part[-1][1] if outgoing else part[0][1]
        cuts.append(SideCut(edge, part, y, outgoing, is_right))
    return cuts


def _strip(count: int) -> float:
    return 0.0 if not count else 2 * STRIP_PAD + count * LEVEL + CONN_W


def _extent(diagram: Diagram, group: Sequence[str]) -> tuple[float, float]:
    """Left and right of the run's lanes and of everything drawn whole with them."""
    boxes = [lane.box for lane in diagram.lanes if lane.id in group]
    lo, hi = boxes[0].x, boxes[-1].x + boxes[-1].w
    inside = {n.id for n in diagram.nodes if n.lane in group}
    xs = [x for e in diagram.edges if {e.source, e.target} <= inside for x, _ in e.points]
    return min([lo, *xs]), max([hi, *xs])


def group_width(diagram: Diagram, group: Sequence[str]) -> float:
    """Width of the chart of the lanes ``group`` with its side strips."""
    cuts = side_cuts(diagram, group)
    lo, hi = _extent(diagram, group)
    right = sum(1 for c in cuts if c.right)
    return 2 * S.MARGIN + hi - lo + _strip(right) + _strip(len(cuts) - right)


def lane_groups(diagram: Diagram, max_width: float) -> list[list[str]]:
    """The lanes in the fewest runs of neighbours whose charts are at most ``max_width``
    wide (a lane wider than that alone), the widest run as narrow as can be."""
    ids = [lane.id for lane in diagram.lanes]
    n = len(ids)
    width = {(a, b): group_width(diagram, ids[a:b]) for a in range(n) for b in range(a + 1, n + 1)}
    fits = {k: w <= max_width or k[1] - k[0] == 1 for k, w in width.items()}
    # best[b][k]: the least widest run splitting ids[:b] into k runs that fit
    inf = float("inf")
    best = [[inf] * (n + 1) for _ in range(n + 1)]
    back = [[0] * (n + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    for k in range(1, n + 1):
        for b in range(1, n + 1):
            for a in range(b):
                if fits[(a, b)] and max(best[a][k - 1], width[(a, b)]) < best[b][k]:
                    best[b][k] = max(best[a][k - 1], width[(a, b)])
                    back[b][k] = a
        if best[n][k] < inf:
            groups, b = [], n
            for j in range(k, 0, -1):
                groups.append(ids[back[b][j] : b])
                b = back[b][j]
            return groups[::-1]
    return [[lane_id] for lane_id in ids]


def _spread(wanted: list[float], low: float, high: float) -> list[float]:
    """Centres near ``wanted`` (sorted), at least ``STACK`` apart, kept in [low, high]."""
    ys: list[float] = []
    for y in wanted:
        ys.append(max(y, ys[-1] + STACK if ys else low))
    for k in range(len(ys) - 1, -1, -1):
        ys[k] = min(ys[k], ys[k + 1] - STACK if k + 1 < len(ys) else high)
    return ys


def _move(box: Box, dx: float, dy: float) -> Box:
    return Box(round(box.x + dx, 2), round(box.y + dy, 2), box.w, box.h)


def _move_points(points: Sequence[Point], dx: float, dy: float) -> tuple[Point, ...]:
    return tuple((round(x + dx, 2), round(y + dy, 2)) for x, y in points)


def translate(diagram: Diagram, dx: float, dy: float) -> Diagram:
    """``diagram`` with everything drawn ``dx`` right and ``dy`` down (lanes too), and
    ``dy`` taller."""

    def edge(e: Edge) -> Edge:
        box = _move(e.label_box, dx, dy) if e.label_box else None
        return replace(e, points=_move_points(e.points, dx, dy), label_box=box)

    return replace(
        diagram,
        height=round(diagram.height + dy, 2),
        lanes=tuple(replace(lane, box=_move(lane.box, dx, dy)) for lane in diagram.lanes),
        nodes=tuple(replace(n, box=_move(n.box, dx, dy)) for n in diagram.nodes),
        edges=tuple(edge(e) for e in diagram.edges),
        artifacts=tuple(replace(a, box=_move(a.box, dx, dy)) for a in diagram.artifacts),
    )


@dataclass
class _Strip:
    """The connectors of the cuts on one side of a run."""

    nodes: list[Node]
    edges: list[Edge]
    ys: dict[str, float]  # connector centre height by node id


def _label_box(cut: SideCut) -> Box | None:
    """The outgoing edge's label where it was, or past its start when that is cut off."""
    box = cut.edge.label_box
    xs = [x for x, _ in cut.points]
    if box is None or min(xs) <= box.x and box.x + box.w <= max(xs):
        return box
    (x0, y0), (x1, _) = cut.points[0], cut.points[1]
    x = x0 + 4 if x1 >= x0 else x0 - box.w - 4
    return Box(round(x, 2), round(y0 + 2, 2), box.w, box.h)


def _side(
    cuts: list[SideCut], edge_x: float, lane: str, labels: dict[str, str], span: Point
) -> _Strip:
    """Connectors beyond ``edge_x`` (right of it for right cuts, else left of it)."""
    cuts = sorted(cuts, key=lambda c: (c.y, c.edge.id))
    ys = _spread([c.y for c in cuts], *span)
    sign = 1 if cuts and cuts[0].right else -1
    n = len(cuts)
    strip = _Strip([], [], {})
    conn_edge = edge_x + sign * (STRIP_PAD + n * LEVEL)
    for k, (c, y) in enumerate(zip(cuts, ys, strict=True)):
        level = edge_x + sign * (STRIP_PAD + (n - 1 - k) * LEVEL)
        node_id = f"off-s-{c.edge.id}"
        x = conn_edge if sign > 0 else conn_edge - CONN_W
        box = Box(round(x, 2), round(y - S.CONN_H / 2, 2), CONN_W, S.CONN_H)
        strip.nodes.append(Node(node_id, "connector", labels[c.edge.id], box, lane))
        strip.ys[node_id] = y
        border = c.points[-1] if c.outgoing else c.points[0]
        jog = [(level, border[1]), (level, y), (conn_edge, y)]
        if c.outgoing:
            points = simplify([*c.points, *jog])
            edge = replace(c.edge, target=node_id, points=points, label_box=_label_box(c))
        else:
            points = simplify([*reversed(jog), *c.points])
            edge = replace(c.edge, source=node_id, points=points, label=None, label_box=None)
        strip.edges.append(edge)
    return strip


def _row_of(tops: list[float], y: float) -> int:
    return max((r for r, top in enumerate(tops) if top <= y), default=0)


def lane_column(
    diagram: Diagram, group: Sequence[str], labels: dict[str, str]
) -> tuple[Diagram, dict[str, int]]:
    """The chart of the lanes ``group`` with side connectors labelled by ``labels`` (by
    edge id), and the row of each side connector."""
    lanes = [lane for lane in diagram.lanes if lane.id in group]
    inside = {n.id for n in diagram.nodes if n.lane in group}
    cuts = side_cuts(diagram, group)
    lo, hi = _extent(diagram, group)
    tops = [top for top, _ in bands(diagram)]
    span = (tops[0] + S.CONN_H / 2, lanes[0].box.y + lanes[0].box.h - S.LANE_FOOT - S.CONN_H / 2)
    right = _side([c for c in cuts if c.right], hi, lanes[-1].id, labels, span)
    left = _side([c for c in cuts if not c.right], lo, lanes[0].id, labels, span)
    rows = {nid: _row_of(tops, y) for nid, y in {**right.ys, **left.ys}.items()}
    column = replace(
        diagram,
        width=round(hi - lo + _strip(len(right.nodes)) + _strip(len(left.nodes)), 2),
        lanes=tuple(lanes),
        nodes=tuple(n for n in diagram.nodes if n.id in inside) + (*left.nodes, *right.nodes),
        edges=tuple(e for e in diagram.edges if {e.source, e.target} <= inside)
        + (*left.edges, *right.edges),
        artifacts=tuple(a for a in diagram.artifacts if a.node in inside),
    )
    return squeeze(_framed(column, diagram, lo - _strip(len(left.nodes)))), rows


def _framed(column: Diagram, whole: Diagram, left: float) -> Diagram:
    """``column`` (``left`` its leftmost drawing, its width without margins) moved to its
    margins and below its own title and lane headers."""
    width = column.width + 2 * S.MARGIN
    old_top = lanes_top(whole.title, whole.width) + header_height(whole.lanes)
    new_top = lanes_top(column.title, width) + header_height(column.lanes)
    moved = translate(replace(column, width=width), S.MARGIN - left, new_top - old_top)
    top = lanes_top(column.title, width)
    lanes = tuple(
        replace(lane, box=Box(lane.box.x, top, lane.box.w, round(lane.box.y + lane.box.h - top, 2)))
        for lane in moved.lanes
    )
    return replace(moved, width=round(width, 2), lanes=lanes)


__all__ = ["lane_column", "lane_groups", "side_cuts", "translate"]
