"""The pool and its lanes in BPMN DI: the chart's lanes made equally long, plus the band
where bpmn-js writes the pool's name (left of row lanes, above column lanes).

Computed as if lanes were rows; column lanes are mirrored on the diagonal first and back
after, so one piece of code serves both."""

from __future__ import annotations

from collections.abc import Iterable

from folio.render.geometry import Box, Diagram

#: Depth of the band where bpmn-js writes the pool's name.
POOL_BAND = 30.0
_EXTRA_LANE = 160.0
_ROOM = 20.0


def is_horizontal(diagram: Diagram) -> bool:
    """Whether lanes are rows (BPMN's usual pool) rather than columns side by side."""
    boxes = [lane.box for lane in diagram.lanes]
    if len(boxes) < 2:
        return not boxes or boxes[0].w >= boxes[0].h
    spread_x = max(b.cx for b in boxes) - min(b.cx for b in boxes)
    spread_y = max(b.cy for b in boxes) - min(b.cy for b in boxes)
    return spread_y >= spread_x


def turned(box: Box, flip: bool) -> Box:
    """The box mirrored on the diagonal when ``flip``, so columns read as rows."""
    return Box(box.y, box.x, box.h, box.w) if flip else box


def shifted(box: Box, dx: float, dy: float) -> Box:
    return Box(box.x + dx, box.y + dy, box.w, box.h)


def place_lanes(
    roles: tuple[str, ...], diagram: Diagram, horizontal: bool
) -> tuple[tuple[str, ...], dict[str, Box], Box]:
    """Lane order, lane boxes by role and the pool's box. Roles the chart lacks get a lane
    after its last one."""
    flip = not horizontal
    known = {lane.name: turned(lane.box, flip) for lane in diagram.lanes}
    order = [lane.name for lane in diagram.lanes] + [r for r in roles if r not in known]
    left = min((b.x for b in known.values()), default=0.0)
    right = max((b.x + b.w for b in known.values()), default=max(diagram.width, 400.0))
    top = min((b.y for b in known.values()), default=0.0)
    bottom = max((b.y + b.h for b in known.values()), default=0.0)
    lanes = {}
    for role in order:
        box = known.get(role)
        if box is None:
            box = Box(left, bottom, right - left, _EXTRA_LANE)
            bottom += _EXTRA_LANE
        lanes[role] = turned(Box(left, box.y, right - left, box.h), flip)
    pool = Box(left - POOL_BAND, top, right - left + POOL_BAND, bottom - top)
    return tuple(order), lanes, turned(pool, flip)


def fit_pool(
    pool: Box, lanes: dict[str, Box], shapes: Iterable[Box], horizontal: bool
) -> tuple[Box, dict[str, Box]]:
    """Pool and lanes lengthened (and the last lane deepened) to hold every shape, for
    the shapes placed beside the chart."""
    flip = not horizontal
    row_pool = turned(pool, flip)
    boxes = [turned(b, flip) for b in shapes]
    right = max([row_pool.x + row_pool.w] + [b.x + b.w + _ROOM for b in boxes])
    bottom = max([row_pool.y + row_pool.h] + [b.y + b.h + _ROOM for b in boxes])
    row_lanes = {role: turned(box, flip) for role, box in lanes.items()}
    last = max(row_lanes, key=lambda role: row_lanes[role].y, default=None)
    fitted = {}
    for role, lane in row_lanes.items():
        depth = bottom - lane.y if role == last else lane.h
        fitted[role] = turned(Box(lane.x, lane.y, right - lane.x, depth), flip)
    grown = Box(row_pool.x, row_pool.y, right - row_pool.x, bottom - row_pool.y)
    return turned(grown, flip), fitted
