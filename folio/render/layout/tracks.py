"""Giving parallel edges their own track in channels (vertical) and gaps (horizontal).

In a channel, two vertical runs whose level ranges meet get different tracks. In a gap,
two horizontal runs whose x ranges come near each other get different tracks, and a run
that comes down into the gap at some x is put above a run that leaves the gap downwards at
the same x, so that the two never share a stretch of line.
"""

from __future__ import annotations

from dataclasses import dataclass

from folio.render.layout import sizes as S
from folio.render.layout.route import Route

#: Horizontal runs on one track keep at least this far apart.
_SEPARATION = 6.0


def assign_channels(routes: list[Route]) -> dict[int, int]:
    """Set ``route.track`` for channel routes; returns the number of tracks per channel."""
    by_channel: dict[int, list[Route]] = {}
    for route in routes:
        if route.kind == "channel":
            by_channel.setdefault(route.channel, []).append(route)
    counts: dict[int, int] = {}
    for channel, items in sorted(by_channel.items()):
        ends: list[int] = []
        for route in sorted(items, key=lambda r: (*r.channel_levels(), r.source_row, r.edge_id)):
            lo, hi = route.channel_levels()
            free = next((t for t, end in enumerate(ends) if end < lo), None)
            if free is None:
                ends.append(hi)
                route.track = len(ends) - 1
            else:
                ends[free] = hi
                route.track = free
        counts[channel] = len(ends)
    return counts


def track_offsets(count: int) -> list[float]:
    """Offsets of ``count`` tracks from the middle of their channel or gap; at least
    ``BORDER_CLEARANCE`` away from it, so that no edge runs along a lane border."""
    slots = count + count % 2
    offsets = [(t - (slots - 1) / 2) * S.TRACK_SPACING for t in range(count)]
    extra = S.BORDER_CLEARANCE - S.TRACK_SPACING / 2
    return [o + (extra if o > 0 else -extra) for o in offsets]


def band_width(count: int) -> float:
    """Width of a channel (or height of a gap) holding ``count`` tracks."""
    if not count:
        return S.MIN_CHANNEL
    slots = count + count % 2
    spread = (slots - 1) * S.TRACK_SPACING + 2 * S.BORDER_CLEARANCE - S.TRACK_SPACING
    return max(S.MIN_CHANNEL, 2 * S.TRACK_MARGIN + spread)


@dataclass
class GapRun:
    """A horizontal run of ``route`` in ``gap`` from ``x1`` to ``x2``; ``up1``/``up2`` say
    whether the edge continues upwards (True) or downwards (False) at each end."""

    route: Route
    gap: int
    x1: float
    up1: bool
    x2: float
    up2: bool

    @property
    def lo(self) -> float:
        return min(self.x1, self.x2)

    @property
    def hi(self) -> float:
        return max(self.x1, self.x2)

    def ends(self, up: bool) -> list[float]:
        return [x for x, u in ((self.x1, self.up1), (self.x2, self.up2)) if u == up]


def _above(a: GapRun, b: GapRun) -> bool:
    """Whether ``a`` must run above ``b``: ``a`` comes down where ``b`` goes down."""
    if a.route.source == b.route.source or a.route.target == b.route.target:
        return False
    return any(abs(x - y) < 0.5 for x in a.ends(True) for y in b.ends(False))


def _ordered(runs: list[GapRun]) -> list[GapRun]:
    """Runs in an order where every run comes after those that must lie above it (a
    topological order; a cycle is broken at its leftmost run)."""
    remaining = sorted(runs, key=lambda r: (r.lo, r.hi, r.route.edge_id))
    result: list[GapRun] = []
    while remaining:
        pick = next(
            (r for r in remaining if not any(_above(o, r) for o in remaining if o is not r)),
            remaining[0],
        )
        remaining.remove(pick)
        result.append(pick)
    return result


def assign_gaps(runs: list[GapRun]) -> dict[int, int]:
    """Set ``route.gap_tracks`` for every run; returns the number of tracks per gap."""
    by_gap: dict[int, list[GapRun]] = {}
    for run in runs:
        by_gap.setdefault(run.gap, []).append(run)
    counts: dict[int, int] = {}
    for gap, items in sorted(by_gap.items()):
        placed: list[tuple[GapRun, int]] = []
        for run in _ordered(items):
            track = max((t + 1 for other, t in placed if _above(other, run)), default=0)
            while any(
                t == track and run.lo <= other.hi + _SEPARATION and other.lo <= run.hi + _SEPARATION
                for other, t in placed
            ):
                track += 1
            placed.append((run, track))
            run.route.gap_tracks[gap] = track
        counts[gap] = 1 + max(t for _, t in placed)
    return counts
