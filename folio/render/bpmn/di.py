"""Place the BPMN process graph on the laid-out ``Diagram``: the same boxes and edge
routes as the swimlane SVG, inside a pool whose name band is added on the lanes' side.

Tasks match the chart's task boxes by step, gateways its diamonds, a transition's flow the
chart's edge ``t<k>-<i>`` (transition i of the k-th step) and its end event the terminal
that edge reaches; other flows follow the chart's edges between the matched nodes. What the
chart lacks is placed beside its neighbour. Events are circles centred on the chart's
terminators, their flows stretched to touch them."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from folio.manuals.model import Procedure
from folio.render.bpmn.graph import Hints, ProcessGraph, SequenceFlow
from folio.render.bpmn.pool import fit_pool, is_horizontal, place_lanes, shifted
from folio.render.geometry import Box, Diagram, Edge, Node

Point = tuple[float, float]

_SIZES = {"start": (36.0, 36.0), "end": (36.0, 36.0), "gateway": (50.0, 50.0)}
_DOCUMENT = (36.0, 50.0)
_EVENT = 30.0
#: bpmn-js writes labels at 11 px; the chart at 8.5 px.
_LABEL_SCALE = 11 / 8.5


@dataclass
class Placement:
    #: Lanes are rows (True) or columns (False, ``isHorizontal="false"``).
    horizontal: bool = True
    roles: tuple[str, ...] = ()
    participant: Box = Box(0, 0, 0, 0)
    lanes: dict[str, Box] = field(default_factory=dict)
    #: Role of the lane each node is drawn in, when the diagram says.
    lane_of: dict[str, str] = field(default_factory=dict)
    shapes: dict[str, Box] = field(default_factory=dict)
    edges: dict[str, tuple[Point, ...]] = field(default_factory=dict)
    labels: dict[str, Box] = field(default_factory=dict)


def chart_hints(procedure: Procedure, diagram: Diagram) -> Hints:
    """Which diamond each transition leaves from (edge ``t<k>-<i>``), and the chart's Base
    de datos symbols by step position."""
    edges = {e.id: e for e in diagram.edges}
    decisions: dict[str | None, list[str]] = defaultdict(list)
    for node in diagram.nodes:
        if node.kind == "decision":
            decisions[node.step].append(node.id)
    exits: dict[int, tuple[int, ...]] = {}
    stores: dict[int, tuple[str, ...]] = {}
    for position, step in enumerate(procedure.steps, start=1):
        chain = decisions[step.number]
        leaving = [edges.get(f"t{position}-{i}") for i in range(len(step.next))]
        sources = [edge.source if edge is not None else "" for edge in leaving]
        exits[position] = tuple(chain.index(s) if s in chain else 0 for s in sources)
    tasks = _task_positions(procedure, diagram)
    by_id = {n.id: n for n in diagram.nodes}
    names = {at: _name_room(by_id[node].box) for node, at in tasks.items()}
    for artifact in diagram.artifacts:
        at = tasks.get(artifact.node)
        if artifact.kind == "database" and at is not None:
            stores[at] = (*stores.get(at, ()), " ".join(artifact.label.split()))
    return Hints(exits, stores, names)


def _name_room(box: Box) -> int:
    """How many characters of a task name bpmn-js (12 px Arial, 1.2 line height, 5 px
    padding) shows inside the box, with some slack for word wrapping."""
    per_line = (box.w - 12) / 6.6
    lines = max(2, round((box.h - 4) / 14.4 + 0.3))
    return int(per_line * lines * 0.85)


def _task_positions(procedure: Procedure, diagram: Diagram) -> dict[str, int]:
    """Diagram task node id → step position, pairing repeated numbers in order."""
    pending: dict[str, list[int]] = defaultdict(list)
    for position, step in enumerate(procedure.steps, start=1):
        pending[step.number].append(position)
    found = {}
    for node in diagram.nodes:
        if node.kind == "task" and node.step is not None and pending[node.step]:
            found[node.id] = pending[node.step].pop(0)
    return found


def place(procedure: Procedure, graph: ProcessGraph, diagram: Diagram) -> Placement:
    placement = Placement(horizontal=is_horizontal(diagram))
    placement.roles, placement.lanes, placement.participant = place_lanes(
        graph.roles, diagram, placement.horizontal
    )
    matched = _match_nodes(procedure, graph, diagram)
    lane_names = {lane.id: lane.name for lane in diagram.lanes}
    for node_id, d_node in matched.items():
        placement.shapes[node_id] = d_node.box
        placement.lane_of[node_id] = lane_names.get(d_node.lane, "")
    _place_unmatched(placement, graph)
    _place_flows(placement, graph, diagram, matched, lane_names)
    _place_data(placement, graph, diagram, matched)
    _events_as_circles(placement, graph)
    placement.participant, placement.lanes = fit_pool(
        placement.participant, placement.lanes, placement.shapes.values(), placement.horizontal
    )
    dx, dy = -placement.participant.x, -placement.participant.y
    placement.participant = shifted(placement.participant, dx, dy)
    placement.lanes = {k: shifted(v, dx, dy) for k, v in placement.lanes.items()}
    placement.shapes = {k: shifted(v, dx, dy) for k, v in placement.shapes.items()}
    placement.labels = {k: shifted(v, dx, dy) for k, v in placement.labels.items()}
    placement.edges = {k: tuple((x + dx, y + dy) for x, y in v) for k, v in placement.edges.items()}
    return placement


def _match_nodes(procedure: Procedure, graph: ProcessGraph, diagram: Diagram) -> dict[str, Node]:
    """Graph node id → diagram node, for the start, tasks and gateways."""
    by_id = {n.id: n for n in diagram.nodes}
    matched = {graph.tasks[k]: by_id[n] for n, k in _task_positions(procedure, diagram).items()}
    decisions: dict[str | None, list[Node]] = defaultdict(list)
    for d_node in diagram.nodes:
        if d_node.kind == "decision":
            decisions[d_node.step].append(d_node)
    starts = [n for n in diagram.nodes if n.kind == "start"]
    numbers = {k: s.number for k, s in enumerate(procedure.steps, start=1)}
    for node in graph.nodes:
        if node.kind == "start" and starts:
            matched[node.id] = starts[0]
        elif node.kind == "gateway" and decisions[numbers[node.position]]:
            matched[node.id] = decisions[numbers[node.position]].pop(0)
    return matched


def _place_unmatched(placement: Placement, graph: ProcessGraph) -> None:
    """Boxes for starts, tasks and gateways the chart lacks: tasks and the start after
    the chart, in their lane; gateways under their task, as the chart draws diamonds."""
    pool = placement.participant
    for column, node in enumerate(graph.nodes):
        if node.id in placement.shapes or node.kind == "end":
            continue
        lane = placement.lanes.get(node.lane) or pool
        if node.kind == "gateway":
            task = placement.shapes[graph.tasks[node.position]]
            inside = [b for b in placement.shapes.values() if task.x <= b.cx <= task.x + task.w]
            below = max(b.y + b.h for b in inside if b.y >= task.y)
            box = _sized("gateway", task.cx - 25, below + 45)
        elif placement.horizontal:
            box = _sized(node.kind, pool.x + pool.w + 40 + 150 * column, lane.cy)
        else:
            box = _sized(node.kind, lane.cx - 50, pool.y + pool.h + 40 + 120 * column)
        placement.shapes[node.id] = box


def _place_flows(
    placement: Placement,
    graph: ProcessGraph,
    diagram: Diagram,
    matched: dict[str, Node],
    lane_names: dict[str, str],
) -> None:
    outgoing: dict[str, list[Edge]] = defaultdict(list)
    for edge in diagram.edges:
        outgoing[edge.source].append(edge)
    edges = {e.id: e for e in diagram.edges}
    by_id = {n.id: n for n in diagram.nodes}
    for flow in graph.flows:
        path = _chart_path(flow, matched, edges, outgoing, by_id)
        if path and flow.target not in matched:
            matched[flow.target] = end = by_id[path[-1].target]
            placement.shapes[flow.target] = end.box
            placement.lane_of[flow.target] = lane_names.get(end.lane, "")
        if flow.target not in placement.shapes:
            placement.shapes[flow.target] = _beside(graph, flow, placement)
        if path:
            placement.edges[flow.id] = _joined(edge.points for edge in path)
            label = next((e.label_box for e in path if e.label_box is not None), None)
            if label is not None and flow.name:
                placement.labels[flow.id] = _readable(label, placement.edges[flow.id][0])
        else:
            a, b = placement.shapes[flow.source], placement.shapes[flow.target]
            placement.edges[flow.id] = connect(a, b)


def _chart_path(
    flow: SequenceFlow,
    matched: dict[str, Node],
    edges: dict[str, Edge],
    outgoing: dict[str, list[Edge]],
    by_id: dict[str, Node],
) -> list[Edge]:
    """The chart's edge for a transition; otherwise the edges from the flow's source to
    its target (or to a terminal, when the target is an unmatched end event), crossing
    connectors only."""
    if flow.transition is not None:
        edge = edges.get("t{}-{}".format(*flow.transition))
        if edge is not None and edge.target in by_id:
            return [edge]
    source, target = matched.get(flow.source), matched.get(flow.target)
    if source is None:
        return []
    stack: list[list[Edge]] = [[e] for e in reversed(outgoing[source.id])]
    while stack:
        path = stack.pop()
        end = by_id.get(path[-1].target)
        if end is None:
            continue
        if target is not None and end.id == target.id:
            return path
        if target is None and end.kind in ("end", "connector") and not outgoing[end.id]:
            return path
        if end.kind == "connector" and len(path) < 8:
            stack.extend(path + [e] for e in reversed(outgoing[end.id]) if e not in path)
    return []


def _readable(label: Box, port: Point) -> Box:
    """The chart's label box grown for bpmn-js's larger label font, kept on its side of
    the port the flow leaves from."""
    w, h = label.w * _LABEL_SCALE + 4, label.h * _LABEL_SCALE
    x = label.x + label.w - w if label.cx < port[0] else label.x
    return Box(x, label.y + label.h - h, w, h) if label.cy < port[1] else Box(x, label.y, w, h)


def _joined(parts: Iterable[tuple[Point, ...]]) -> tuple[Point, ...]:
    points: list[Point] = []
    for part in parts:
        for point in part:
            if not points or points[-1] != point:
                points.append(point)
    return tuple(points)


def _beside(graph: ProcessGraph, flow: SequenceFlow, placement: Placement) -> Box:
    """A box for an end event the chart lacks: right of the flow's source, stacked."""
    kind = graph.node(flow.target).kind
    anchor = placement.shapes.get(flow.source) or Box(placement.participant.x, 0, 0, 0)
    taken = sum(1 for f in graph.flows if f.source == flow.source and f.target in placement.shapes)
    box = _sized(kind, anchor.x + anchor.w + 40.0, anchor.cy)
    return Box(box.x, box.y + taken * 60.0, box.w, box.h)


def _sized(kind: str, x: float, cy: float) -> Box:
    w, h = _SIZES.get(kind, (100.0, 80.0))
    return Box(x, cy - h / 2, w, h)


def _place_data(
    placement: Placement, graph: ProcessGraph, diagram: Diagram, matched: dict[str, Node]
) -> None:
    """Documents and data stores on the chart's artifacts of their task, in order."""
    artifacts: dict[tuple[str, str], list[Box]] = defaultdict(list)
    for artifact in diagram.artifacts:
        artifacts[(artifact.node, artifact.kind)].append(artifact.box)
    taken: dict[tuple[str, str], int] = defaultdict(int)
    for ref in graph.refs:
        task = placement.shapes[ref.node]
        d_node = matched.get(ref.node)
        slot = (d_node.id if d_node else "", "document" if ref.type is not None else "database")
        boxes, index = artifacts[slot], taken[slot]
        taken[slot] += 1
        if index < len(boxes):
            box = boxes[index]
        else:
            w, h = _DOCUMENT
            box = Box(task.x - w - 12, task.y + index * (h + 6), w, h)
        placement.shapes[ref.id] = box
        placement.edges[f"Association_{ref.id}"] = connect(task, box)


def _events_as_circles(placement: Placement, graph: ProcessGraph) -> None:
    """Events drawn in the chart's (wide) terminators become circles at their centre;
    the flows that reach or leave them are stretched to the circle."""
    for node in graph.nodes:
        box = placement.shapes[node.id]
        if node.kind not in ("start", "end") or box.w == box.h:
            continue
        size = max(_EVENT, min(box.w, box.h))
        placement.shapes[node.id] = circle = Box(box.cx - size / 2, box.cy - size / 2, size, size)
        for flow in graph.flows:
            points = placement.edges[flow.id]
            if flow.target == node.id and len(points) >= 2:
                placement.edges[flow.id] = (*points[:-1], _touch(points[-2], points[-1], circle))
            if flow.source == node.id and len(points) >= 2:
                placement.edges[flow.id] = (_touch(points[1], points[0], circle), *points[1:])


def _touch(before: Point, end: Point, circle: Box) -> Point:
    """``end`` moved along the segment from ``before`` onto the circle's edge."""
    if before[0] == end[0]:  # vertical segment
        y = circle.y if before[1] < circle.cy else circle.y + circle.h
        return (end[0], y)
    x = circle.x if before[0] < circle.cx else circle.x + circle.w
    return (x, end[1])


def connect(a: Box, b: Box) -> tuple[Point, ...]:
    """A straight line between the facing sides of two boxes (orthogonal when they
    overlap on one axis), or an elbow between their centres' sides otherwise."""
    low, high = max(a.x, b.x), min(a.x + a.w, b.x + b.w)
    if low <= high:
        x = (low + high) / 2
        return ((x, a.y + a.h), (x, b.y)) if a.cy < b.cy else ((x, a.y), (x, b.y + b.h))
    low, high = max(a.y, b.y), min(a.y + a.h, b.y + b.h)
    if low <= high:
        y = (low + high) / 2
        return ((a.x + a.w, y), (b.x, y)) if a.cx < b.cx else ((a.x, y), (b.x + b.w, y))
    start = (a.x + a.w, a.cy) if a.cx < b.cx else (a.x, a.cy)
    end = (b.cx, b.y) if a.cy < b.cy else (b.cx, b.y + b.h)
    return (start, (end[0], start[1]), end)
