"""The frame around the rows: title, lane headers, and where the first row starts."""

from __future__ import annotations

from collections.abc import Sequence

from folio.render.geometry import Diagram, Lane, Node
from folio.render.layout import sizes as S
from folio.render.layout.text import wrap

EXTERNAL_MARK = "(externo)"


def title_lines(title: str, width: float) -> tuple[str, ...]:
    return wrap(title, width - 2 * S.MARGIN, S.TITLE_FONT, S.TITLE_MAX_LINES, bold=True)


def lanes_top(title: str, width: float) -> float:
    """Top of the lanes: below the title."""
    return S.MARGIN + len(title_lines(title, width)) * S.TITLE_LINE + 8


def header_lines(lane: Lane) -> tuple[str, ...]:
    lines = wrap(lane.name, lane.box.w - 2 * S.HEADER_PAD, S.HEADER_FONT, S.HEADER_MAX_LINES, True)
    return (*lines, EXTERNAL_MARK) if lane.external else lines


def header_height(lanes: Sequence[Lane]) -> float:
    most = max((len(header_lines(lane)) for lane in lanes), default=1)
    return most * S.HEADER_LINE + 2 * S.HEADER_PAD


def content_top(title: str, width: float, lanes: Sequence[Lane]) -> float:
    """Where the first row may start."""
    return lanes_top(title, width) + header_height(lanes) + S.HEADER_GAP


def lane_centre(diagram: Diagram, lane: Lane) -> float:
    """The centre line of a lane's task boxes (the lane's middle when it has none)."""
    for node in diagram.nodes:
        if node.lane == lane.id and node.kind == "task":
            return node.box.cx
    return lane.box.cx


def shared_copies(diagram: Diagram, node: Node) -> list[tuple[Lane, float]]:
    """For a step shared by several roles: each other lane with the x where the dashed
    copy of the task box is drawn (same size and height as the box)."""
    lanes = {lane.id: lane for lane in diagram.lanes}
    return [
        (lanes[lane_id], lane_centre(diagram, lanes[lane_id]) - node.box.w / 2)
        for lane_id in node.also_lanes
        if lane_id in lanes
    ]
