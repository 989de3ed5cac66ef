"""Choosing how each edge between rows runs, before any coordinate is known.

The chart is a grid: one row per step, one column (lane) per role. Between rows lie
horizontal *gaps*, between lanes vertical *channels*; neither ever holds a box. An edge
leaves its step from an exit port and enters its target at the top centre. It runs

- ``straight`` down its lane when the lane is free in the rows between;
- through one ``gap``: down to the gap, across, and down into the target, going down the
  source or the target lane past the rows between when that lane is free there;
- ``side``: from a diamond's side straight across and down the target lane;
- through a ``channel`` otherwise (loops, blocked lanes): to the channel beside the source
  lane, along it to the gap above the target, across, and down.

Vertical extents are counted in *levels*: row r is level 2r, the gap below it 2r + 1. Lane
stretches used by long vertical runs are reserved so that no two edges share one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from folio.render.layout.cluster import Cluster, Exit, Point, Side

RouteKind = Literal["straight", "gap", "side", "channel"]


@dataclass
class Route:
    edge_id: str
    source: str  # node id
    target: str  # node id
    source_row: int
    source_lane: int
    side: Side
    port: Point  # local to the source cluster
    target_row: int
    target_lane: int
    kind: RouteKind = "channel"
    gap: int = -1  # the gap a ``gap`` route turns in
    channel: int = -1  # channel k lies left of lane k
    track: int = 0  # track within the channel
    gap_tracks: dict[int, int] = field(default_factory=dict)  # gap → track

    @property
    def forward(self) -> bool:
        return self.target_row > self.source_row

    def channel_levels(self) -> tuple[int, int]:
        start = 2 * self.source_row + (1 if self.side == "B" else 0)
        end = 2 * self.target_row - 1
        return min(start, end), max(start, end)


@dataclass
class _Reservation:
    lo: int
    hi: int
    source_row: int
    target_row: int


class _Lanes:
    """Which lanes hold a box in which row, and which lane stretches are taken."""

    def __init__(self, occupied: list[set[int]]) -> None:
        self.occupied = occupied
        self.taken: dict[int, list[_Reservation]] = {}

    def clear(self, lane: int, first_row: int, last_row: int) -> bool:
        return all(lane not in self.occupied[r] for r in range(first_row, last_row + 1))

    def free(self, lane: int, lo: int, hi: int, route: Route) -> bool:
        for r in self.taken.get(lane, []):
            a, b = max(lo, r.lo), min(hi, r.hi)
            if a > b or r.source_row == route.source_row or r.target_row == route.target_row:
                continue
            if a == b and (a % 2 or _meet_at(a // 2, r, route)):
                continue  # one gap (ordered by the gap tracks) or one box both end at
            return False
        return True

    def take(self, lane: int, lo: int, hi: int, route: Route) -> None:
        reservation = _Reservation(lo, hi, route.source_row, route.target_row)
        self.taken.setdefault(lane, []).append(reservation)

    def try_take(self, lane: int, lo: int, hi: int, route: Route) -> bool:
        if self.free(lane, lo, hi, route):
            self.take(lane, lo, hi, route)
            return True
        return False


def _meet_at(row: int, a: _Reservation, b: Route) -> bool:
    """Whether the box in ``row`` is an end of both runs: one arrives on top of the box
    and the other leaves from under it, so they do not share any line."""
    return row in (a.source_row, a.target_row) and row in (b.source_row, b.target_row)


def _choose_bottom(route: Route, lanes: _Lanes) -> None:
    rs, rt, ls, lt = route.source_row, route.target_row, route.source_lane, route.target_lane
    if ls == lt and lanes.clear(ls, rs + 1, rt - 1) and lanes.try_take(ls, 2 * rs, 2 * rt, route):
        route.kind = "straight"
    elif rt == rs + 1:
        route.kind, route.gap = "gap", rs
    elif lanes.clear(ls, rs + 1, rt - 1) and lanes.try_take(ls, 2 * rs, 2 * rt - 1, route):
        route.kind, route.gap = "gap", rt - 1
    elif lanes.clear(lt, rs + 1, rt - 1) and lanes.try_take(lt, 2 * rs + 1, 2 * rt, route):
        route.kind, route.gap = "gap", rs


def _choose_side(route: Route, lanes: _Lanes) -> None:
    rs, rt, ls, lt = route.source_row, route.target_row, route.source_lane, route.target_lane
    towards = lt > ls if route.side == "R" else lt < ls
    if (
        towards
        and lanes.occupied[rs] == {ls}
        and lanes.clear(lt, rs + 1, rt - 1)
        and lanes.try_take(lt, 2 * rs, 2 * rt, route)
    ):
        route.kind = "side"


def _channel_for(route: Route) -> int:
    if route.side == "R":
        return route.source_lane + 1
    if route.side == "L":
        return route.source_lane
    return route.source_lane if route.target_lane < route.source_lane else route.source_lane + 1


def step_routes(
    clusters: list[Cluster], ids: list[str], occupied: list[set[int]]
) -> list[tuple[Exit, Route]]:
    """Routes of all exits that lead to another row, shortest forward edges first.

    ``clusters[r]`` is row r (row 0 is the start terminator), ``ids[r]`` its entry node."""
    pending: list[tuple[Exit, Route]] = []
    for cluster, node_id in zip(clusters, ids, strict=True):
        for exit_ in cluster.exits:
            if exit_.target.kind != "step":
                continue
            source = node_id if exit_.diamond < 0 else diamond_id(node_id, exit_.diamond)
            route = Route(
                edge_id=f"t{cluster.row}-{exit_.index}" if cluster.row else "e-start",
                source=source,
                target=ids[exit_.target.row],
                source_row=cluster.row,
                source_lane=cluster.lane,
                side=exit_.side,
                port=exit_.port,
                target_row=exit_.target.row,
                target_lane=exit_.target.lane,
            )
            pending.append((exit_, route))
    lanes = _Lanes(occupied)

    def order(item: tuple[Exit, Route]) -> tuple[int, int, int, int]:
        r = item[1]
        return (0 if r.forward else 1, r.target_row - r.source_row, r.source_row, item[0].index)

    for _, route in sorted(pending, key=order):
        if route.forward:
            (_choose_bottom if route.side == "B" else _choose_side)(route, lanes)
        if route.kind == "channel":
            route.channel = _channel_for(route)
    return pending


def _suffix(diamond: int) -> str:
    return "" if diamond == 0 else str(diamond + 1)


def diamond_id(node_id: str, diamond: int) -> str:
    """Node id of a step's diamond: ``s4q`` for the first, ``s4q2`` for the second…"""
    return f"{node_id}q{_suffix(diamond)}"
