"""Fixing coordinates once routes are chosen: lane centres and borders, channel and gap
tracks, row tops; and the polyline of each routed edge."""

from __future__ import annotations

from dataclasses import dataclass, field

from folio.render.layout import sizes as S
from folio.render.layout.cluster import Cluster
from folio.render.layout.route import Route
from folio.render.layout.tracks import GapRun, band_width, track_offsets

Point = tuple[float, float]


@dataclass
class Grid:
    """Fixed coordinates: lane centres and borders, channel and gap tracks, row tops."""

    cx: list[float]
    borders: list[float]  # lane i spans borders[i]..borders[i + 1]
    channel_x: dict[int, list[float]]
    width: float
    tops: list[float] = field(default_factory=list)
    gap_tracks: list[list[float]] = field(default_factory=list)
    gap_mid: list[float] = field(default_factory=list)
    bottom: float = 0.0

    def port(self, lane: int, row: int, local: Point) -> Point:
        return self.cx[lane] + local[0], self.tops[row] + local[1]

    def gap_y(self, route: Route, gap: int) -> float:
        track = route.gap_tracks.get(gap)
        return self.gap_mid[gap] if track is None else self.gap_tracks[gap][track]


def columns(clusters: list[Cluster], lanes: int, counts: dict[int, int]) -> Grid:
    """Lane centres and borders and channel tracks, left to right."""
    widths = [band_width(counts.get(k, 0)) for k in range(lanes + 1)]
    half = S.BOX_W / 2 + S.CORE_MARGIN
    left, right = [half] * lanes, [half] * lanes
    own = set()
    for c in clusters:
        own.add(c.lane)
        left[c.lane] = max(left[c.lane], c.left)
        right[c.lane] = max(right[c.lane], c.right)
    for lane in set(range(lanes)) - own:  # keep a shared copy centred in its lane box
        left[lane] = right[lane] = half + abs(widths[lane] - widths[lane + 1]) / 4
    cx: list[float] = []
    borders = [float(S.MARGIN)]
    channel_x: dict[int, list[float]] = {}
    x = float(S.MARGIN)
    for k in range(lanes + 1):
        mid = x + widths[k] / 2
        channel_x[k] = [mid + off for off in track_offsets(counts.get(k, 0))]
        if 0 < k < lanes:
            borders.append(mid)
        x += widths[k]
        if k < lanes:
            cx.append(x + left[k])
            x += left[k] + right[k]
    borders.append(x)
    return Grid(cx, borders, channel_x, x + S.MARGIN)


def gap_runs(routes: list[Route], grid: Grid) -> list[GapRun]:
    """The horizontal runs routed edges make in the gaps."""
    runs: list[GapRun] = []
    for r in routes:
        px = grid.cx[r.source_lane] + r.port[0]
        qx = grid.cx[r.target_lane]
        if r.kind == "gap":
            runs.append(GapRun(r, r.gap, px, True, qx, False))
        elif r.kind == "channel":
            xc = grid.channel_x[r.channel][r.track]
            if r.side == "B":
                runs.append(GapRun(r, r.source_row, px, True, xc, not r.forward))
            runs.append(GapRun(r, r.target_row - 1, xc, r.forward, qx, False))
    return [run for run in runs if abs(run.x1 - run.x2) > 0.5]


def place_rows(clusters: list[Cluster], grid: Grid, top: float, counts: dict[int, int]) -> None:
    """Row tops and gap tracks, top to bottom, from ``top``."""
    y = top
    for cluster in clusters:
        grid.tops.append(y)
        y += cluster.height
        count = counts.get(cluster.row, 0)
        height = max(S.MIN_GAP, band_width(count))
        grid.gap_tracks.append([y + height / 2 + off for off in track_offsets(count)])
        grid.gap_mid.append(y + height / 2)
        y += height
    grid.bottom = y


def route_points(r: Route, grid: Grid) -> list[Point]:
    """The orthogonal polyline of a routed edge, port to target top."""
    p = grid.port(r.source_lane, r.source_row, r.port)
    q = (grid.cx[r.target_lane], grid.tops[r.target_row])
    if r.kind == "straight":
        return [p, q]
    if r.kind == "side":
        return [p, (q[0], p[1]), q]
    if r.kind == "gap":
        y = grid.gap_y(r, r.gap)
        return [p, (p[0], y), (q[0], y), q]
    xc = grid.channel_x[r.channel][r.track]
    y2 = grid.gap_y(r, r.target_row - 1)
    head = [p, (p[0], grid.gap_y(r, r.source_row)), (xc, grid.gap_y(r, r.source_row))]
    if r.side != "B":
        head = [p, (xc, p[1])]
    return [*head, (xc, y2), (q[0], y2), q]


def simplify(points: list[Point]) -> tuple[Point, ...]:
    """Without repeated points and without middle points of straight runs."""
    out: list[Point] = []
    for pt in points:
        pt = (round(pt[0], 2), round(pt[1], 2))
        if out and out[-1] == pt:
            continue
        if len(out) >= 2:
            (ax, ay), (bx, by) = out[-2], out[-1]
            if (ax == bx == pt[0]) or (ay == by == pt[1]):
                out[-1] = pt
                continue
        out.append(pt)
    return tuple(out)
