"""Cutting a long chart into pages between rows, with off-page connectors at the cuts.

A page shows whole rows plus the gaps above and below them (a gap at a cut appears on
both pages). An edge whose ends fall on different pages is drawn on each of the two pages
up to the cut, where it runs into (or comes out of) a *Conector fuera de página*: a node of
kind ``connector`` with id ``off-<edge id>`` and a letter shared by the pair. Connectors sit
in a strip below (or above) the rows, one per cut edge, each reached by its own level.

``paginate`` works on diagrams made by ``layout_procedure``: it reads each item's row from
the ids that function gives, or from ``rows`` for items added since (the connectors of a
chart already cut between lanes, ``lanecut.py``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace

from folio.render.geometry import Box, Diagram, Edge, Lane, Node
from folio.render.layout import sizes as S
from folio.render.layout.frame import header_height, lanes_top
from folio.render.layout.grid import simplify

Point = tuple[float, float]

STRIP_PAD = 8.0
LEVEL = 5.0
CONN_W = 28.0
_EPS = 0.01
_ROW = re.compile(r"^(?:s|end|ext|miss|a|t|i)(\d+)")


def _row(item_id: str) -> int:
    match = _ROW.match(item_id)
    return int(match.group(1)) if match else 0


def letters(index: int) -> str:
    """The connector label for the ``index``-th cut edge: A, B, … Z, AA, AB…"""
    text = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        text = chr(ord("A") + rest) + text
    return text


def bands(diagram: Diagram, rows: Mapping[str, int] | None = None) -> list[tuple[float, float]]:
    """Top and bottom of every row that holds something, in row order."""
    spans = _spans(diagram, rows or {})
    return [spans[r] for r in sorted(spans)]


def _spans(diagram: Diagram, extra: Mapping[str, int]) -> dict[int, tuple[float, float]]:
    """Top and bottom of every row that holds something, by row number."""
    spans: dict[int, tuple[float, float]] = {}
    boxes: list[tuple[str, Box]] = [(n.id, n.box) for n in diagram.nodes]
    boxes += [(a.id, a.box) for a in diagram.artifacts]
    boxes += [(e.id, e.label_box) for e in diagram.edges if e.label_box is not None]
    for item_id, box in boxes:
        row = extra.get(item_id, _row(item_id))
        top, bottom = spans.get(row, (box.y, box.y + box.h))
        spans[row] = (min(top, box.y), max(bottom, box.y + box.h))
    return spans


def _strip(count: int) -> float:
    return 0.0 if not count else 2 * STRIP_PAD + count * LEVEL + S.CONN_H


@dataclass
class _Cut:
    """One edge crossing a page border: the part kept on this page and where it crosses."""

    edge: Edge
    points: list[Point]
    x: float
    outgoing: bool  # the edge's source is on this page


class _Paginator:
    def __init__(self, diagram: Diagram, max_height: float, rows: Mapping[str, int]) -> None:
        self.d = diagram
        spans = _spans(diagram, rows)
        index = {row: i for i, row in enumerate(sorted(spans))}
        self.bands = [spans[r] for r in sorted(spans)]
        #: each node's row, counting only the rows that hold something
        self.rows = {n.id: index[rows.get(n.id, _row(n.id))] for n in diagram.nodes}
        self.header = header_height(diagram.lanes)
        lane = diagram.lanes[0].box
        self.bottom = lane.y + lane.h - S.LANE_FOOT
        self.max_height = max_height

    def limits(self, a: int, b: int) -> tuple[float, float]:
        top = self.bands[a][0] if a == 0 else self.bands[a - 1][1]
        bottom = self.bottom if b == len(self.bands) - 1 else self.bands[b + 1][0]
        return top, bottom

    def crossing(self, a: int, b: int) -> tuple[list[Edge], list[Edge]]:
        """Edges leaving the rows a..b upwards and downwards."""
        up: list[Edge] = []
        down: list[Edge] = []
        for edge in self.d.edges:
            rs, rt = self.rows[edge.source], self.rows[edge.target]
            if (a <= rs <= b) == (a <= rt <= b):
                continue
            other = rt if a <= rs <= b else rs
            (up if other < a else down).append(edge)
        return up, down

    def height(self, a: int, b: int, title: str) -> float:
        up, down = self.crossing(a, b)
        top, bottom = self.limits(a, b)
        frame = lanes_top(title, self.d.width) + self.header + S.HEADER_GAP
        return frame + _strip(len(up)) + bottom - top + _strip(len(down)) + S.LANE_FOOT + S.MARGIN

    def ranges(self) -> list[tuple[int, int]]:
        worst = f"{self.d.title} (hoja 99 de 99)"
        pages: list[tuple[int, int]] = []
        a, last = 0, len(self.bands) - 1
        while a <= last:
            b = a
            while b < last and self.height(a, b + 1, worst) <= self.max_height:
                b += 1
            pages.append((a, b))
            a = b + 1
        return pages


def _prefix(points: tuple[Point, ...], top: float, bottom: float) -> list[Point]:
    """The edge from its start until it first leaves [top, bottom], ending on the border."""
    out = [points[0]]
    for x, y in points[1:]:
        if y < top - _EPS or y > bottom + _EPS:
            out.append((x, top if y < top else bottom))
            return out
        out.append((x, y))
    return out


def _suffix(points: tuple[Point, ...], top: float, bottom: float) -> list[Point]:
    reverse = _prefix(tuple(reversed(points)), top, bottom)
    return list(reversed(reverse))


def _shift_box(box: Box, dy: float) -> Box:
    return Box(box.x, round(box.y + dy, 2), box.w, box.h)


def _shift_points(points: list[Point] | tuple[Point, ...], dy: float) -> list[Point]:
    return [(x, round(y + dy, 2)) for x, y in points]


class _Page:
    """One page being assembled."""

    def __init__(self, pg: _Paginator, a: int, b: int, number: int, count: int) -> None:
        self.pg, self.a, self.b, self.number = pg, a, b, number
        d = pg.d
        self.title = f"{d.title} (hoja {number} de {count})"
        self.top, self.bottom = pg.limits(a, b)
        up, down = pg.crossing(a, b)
        first = lanes_top(self.title, d.width) + pg.header + S.HEADER_GAP
        self.lanes_top = lanes_top(self.title, d.width)
        self.dy = first + _strip(len(up)) - self.top
        self.slice_top = self.top + self.dy
        self.slice_bottom = self.bottom + self.dy
        self.nodes: list[Node] = []
        self.edges: list[Edge] = []
        self.up = [self.cut(e) for e in up]
        self.down = [self.cut(e) for e in down]

    def inside(self, node_id: str) -> bool:
        return self.a <= self.pg.rows[node_id] <= self.b

    def cut(self, edge: Edge) -> _Cut:
        outgoing = self.inside(edge.source)
        part = (_prefix if outgoing else _suffix)(edge.points, self.top, self.bottom)
        border = part[-1] if outgoing else part[0]
        return _Cut(edge, _shift_points(part, self.dy), border[0], outgoing)

    def spread(self, wanted: list[float]) -> list[float]:
        """Connector centres near ``wanted``, apart from each other and each inside a lane:
        pushed rightwards from where the edges cross, then pulled back leftwards from the
        page's right margin where they would run off it."""
        half, step = CONN_W / 2 + 3, CONN_W + 6
        borders = sorted({lane.box.x for lane in self.pg.d.lanes[1:]})
        low, high = S.MARGIN + half, self.pg.d.width - S.MARGIN - half
        xs: list[float] = []
        for x in wanted:
            x = max(x, xs[-1] + step if xs else low)
            for border in borders:
                if border - half < x < border + half:
                    x = border + half
            xs.append(x)
        for k in range(len(xs) - 1, -1, -1):
            x = min(xs[k], xs[k + 1] - step if k + 1 < len(xs) else high)
            for border in reversed(borders):
                if border - half < x < border + half:
                    x = border - half
            xs[k] = x
        return xs

    def lane_at(self, x: float) -> str:
        for lane in self.pg.d.lanes:
            if lane.box.x <= x <= lane.box.x + lane.box.w:
                return lane.id
        return self.pg.d.lanes[-1].id

    def connectors(self, cuts: list[_Cut], below: bool, labels: dict[str, str]) -> None:
        """Connectors for the edges cut at the bottom (or top) border, in a strip."""
        cuts = sorted(cuts, key=lambda c: (c.x, c.edge.id))
        xs = self.spread([c.x for c in cuts])
        sign = 1 if below else -1
        border = self.slice_bottom if below else self.slice_top
        conn_edge = border + sign * (STRIP_PAD + len(cuts) * LEVEL)
        for k, c in enumerate(cuts):
            x = xs[k]
            level = border + sign * (STRIP_PAD + k * LEVEL)
            y = conn_edge if below else conn_edge - S.CONN_H
            node_id = f"off-{c.edge.id}"
            box = Box(round(x - CONN_W / 2, 2), round(y, 2), CONN_W, S.CONN_H)
            label = labels[c.edge.id]
            self.nodes.append(
                Node(node_id, "connector", label, box, self.lane_at(x), page=self.number)
            )
            jog = [(c.x, level), (x, level), (x, conn_edge)]
            if c.outgoing:
                label_box = c.edge.label_box
                self.edges.append(
                    replace(
                        c.edge,
                        target=node_id,
                        points=simplify([*c.points, *jog]),
                        label_box=_shift_box(label_box, self.dy) if label_box else None,
                    )
                )
            else:
                points = simplify([*reversed(jog), *c.points])
                self.edges.append(
                    replace(c.edge, source=node_id, points=points, label=None, label_box=None)
                )

    def build(self, count: int, labels: dict[str, str]) -> Diagram:
        d, dy = self.pg.d, self.dy
        for node in d.nodes:
            if self.inside(node.id):
                self.nodes.append(replace(node, box=_shift_box(node.box, dy), page=self.number))
        for edge in d.edges:
            if self.inside(edge.source) and self.inside(edge.target):
                label_box = _shift_box(edge.label_box, dy) if edge.label_box else None
                points = tuple(_shift_points(edge.points, dy))
                self.edges.append(replace(edge, points=points, label_box=label_box))
        self.connectors(self.up, False, labels)
        self.connectors(self.down, True, labels)
        artifacts = [
            replace(a, box=_shift_box(a.box, dy)) for a in d.artifacts if self.inside(a.node)
        ]
        foot = self.slice_bottom + _strip(len(self.down)) + S.LANE_FOOT
        lanes = [
            Lane(
                lane.id,
                lane.name,
                Box(lane.box.x, self.lanes_top, lane.box.w, round(foot - self.lanes_top, 2)),
                lane.external,
            )
            for lane in d.lanes
        ]
        return Diagram(
            procedure=d.procedure,
            title=self.title,
            width=d.width,
            height=round(foot + S.MARGIN, 2),
            lanes=tuple(lanes),
            nodes=tuple(sorted(self.nodes, key=lambda n: (n.box.y, n.box.x, n.id))),
            edges=tuple(self.edges),
            artifacts=tuple(artifacts),
            pages=count,
        )


def paginate(
    diagram: Diagram,
    max_height: float,
    *,
    rows: Mapping[str, int] | None = None,
    first_letter: int = 0,
) -> list[Diagram]:
    """``diagram`` cut between rows into pages no taller than ``max_height`` (a row taller
    than that gets a page of its own). A diagram that fits is returned as the only page.
    ``rows`` gives the row of items whose id does not say it; connector letters start at
    the ``first_letter``-th (A is 0)."""
    if diagram.height <= max_height or not diagram.nodes:
        return [diagram]
    pg = _Paginator(diagram, max_height, rows or {})
    ranges = pg.ranges()
    page_of = {
        n.id: next(i for i, (a, b) in enumerate(ranges) if a <= pg.rows[n.id] <= b)
        for n in diagram.nodes
    }
    cut = [e for e in diagram.edges if page_of[e.source] != page_of[e.target]]
    labels = {e.id: letters(first_letter + i) for i, e in enumerate(cut)}
    return [
        _Page(pg, a, b, i + 1, len(ranges)).build(len(ranges), labels)
        for i, (a, b) in enumerate(ranges)
    ]
