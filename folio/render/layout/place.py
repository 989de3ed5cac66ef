"""Turning laid-out clusters and routes into the nodes, edges and artifacts of a Diagram."""

from __future__ import annotations

from folio.manuals.model import Step
from folio.render.geometry import Artifact, Box, Edge, Node, NodeKind
from folio.render.layout.cluster import Cluster, Exit
from folio.render.layout.grid import Grid, route_points, simplify
from folio.render.layout.route import Route, diamond_id

_TERMINAL: dict[str, tuple[str, NodeKind]] = {
    "end": ("end", "end"),
    "external": ("ext", "connector"),
    "missing": ("miss", "connector"),
}


def _shift(box: Box, dx: float, dy: float) -> Box:
    return Box(round(box.x + dx, 2), round(box.y + dy, 2), box.w, box.h)


class Placer:
    """Collects the drawn items row by row."""

    def __init__(self, grid: Grid, lane_ids: list[str], routes: dict[str, Route]) -> None:
        self.grid = grid
        self.lane_ids = lane_ids
        self.routes = routes
        self.nodes: list[Node] = []
        self.edges: list[Edge] = []
        self.artifacts: list[Artifact] = []

    def place(self, cluster: Cluster, step: Step | None, also_lanes: tuple[int, ...]) -> None:
        dx, dy = self.grid.cx[cluster.lane], self.grid.tops[cluster.row]
        lane = self.lane_ids[cluster.lane]
        node_id = f"s{cluster.row}" if step else "start"
        number = step.number if step else None
        kind: NodeKind = "task" if step else "start"
        others = tuple(self.lane_ids[i] for i in also_lanes)
        task = _shift(cluster.task, dx, dy)
        self.nodes.append(Node(node_id, kind, cluster.task_label, task, lane, number, others))
        previous = (node_id, task)
        for k, local in enumerate(cluster.diamonds):
            box = _shift(local, dx, dy)
            label = cluster.question if k == 0 else ""
            self.nodes.append(Node(diamond_id(node_id, k), "decision", label, box, lane, number))
            edge_id = f"i{cluster.row}" if k == 0 else f"i{cluster.row}-{k + 1}"
            points = ((box.cx, previous[1].y + previous[1].h), (box.cx, box.y))
            self.edges.append(Edge(edge_id, previous[0], diamond_id(node_id, k), points))
            previous = (diamond_id(node_id, k), box)
        for j, (art_kind, label, local) in enumerate(cluster.artifacts):
            box = _shift(local, dx, dy)
            self.artifacts.append(Artifact(f"a{cluster.row}-{j}", art_kind, label, box, node_id))
        for exit_ in cluster.exits:
            self._exit(cluster, exit_, node_id, lane, (dx, dy))

    def _exit(
        self, cluster: Cluster, exit_: Exit, node_id: str, lane: str, at: tuple[float, float]
    ) -> None:
        dx, dy = at
        edge_id = f"t{cluster.row}-{exit_.index}" if cluster.row else "e-start"
        source = diamond_id(node_id, exit_.diamond) if exit_.diamond >= 0 else node_id
        label_box = _shift(exit_.label_box, dx, dy) if exit_.label_box else None
        port = (exit_.port[0] + dx, exit_.port[1] + dy)
        if exit_.terminal_box is None:
            route = self.routes[edge_id]
            points = simplify(route_points(route, self.grid))
            self.edges.append(Edge(edge_id, source, route.target, points, exit_.when, label_box))
            return
        prefix, kind = _TERMINAL[exit_.target.kind]
        target = f"{prefix}{cluster.row}-{exit_.index}"
        box = _shift(exit_.terminal_box, dx, dy)
        self.nodes.append(Node(target, kind, exit_.target.label, box, lane))
        if exit_.side == "B":
            end = (port[0], box.y)
        else:
            end = (box.x if exit_.side == "R" else box.x + box.w, port[1])
        points = simplify([port, end])
        self.edges.append(Edge(edge_id, source, target, points, exit_.when, label_box))
