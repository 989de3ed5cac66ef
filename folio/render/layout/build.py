"""``layout_procedure``: a procedure as a cross-functional (swimlane) chart.

One vertical lane per role, in order of first appearance; the flow goes down, one row per
step in the manual's order (row 0 holds the Inicio terminator). Each row is laid out on its
own (``cluster``), the edges between rows are routed on the grid of gaps and channels
(``route``, ``tracks``), and only then are x and y fixed: lane widths from what the lanes
hold plus the channel tracks, row heights from the clusters plus the gap tracks.

Node ids: ``start``; ``s<k>`` the task box of the k-th step (1-based position);
``s<k>q``, ``s<k>q2``… its diamonds; ``end<k>-<i>``, ``ext<k>-<i>``, ``miss<k>-<i>`` the
terminal that transition i of step k ends in (Fin, another procedure, no target named).
Edge ids: ``t<k>-<i>`` is transition i of step k (exactly one edge each), ``e-start`` the
arrow from Inicio, ``i<k>`` and ``i<k>-<n>`` the arrows from a task box into its diamonds.
"""

from __future__ import annotations

from folio.manuals.model import END, EXTERNAL, Procedure, Transition
from folio.render.geometry import Box, Diagram, Lane
from folio.render.layout import sizes as S
from folio.render.layout.cluster import Cluster, Exit, Target, build_cluster
from folio.render.layout.frame import content_top, lanes_top
from folio.render.layout.grid import columns, gap_runs, place_rows
from folio.render.layout.place import Placer
from folio.render.layout.route import step_routes
from folio.render.layout.rules import is_external, lane_roles, step_roles
from folio.render.layout.text import ELLIPSIS
from folio.render.layout.tracks import assign_channels, assign_gaps


def _shorten(text: str) -> str:
    return text if len(text) <= S.CONN_MAX_CHARS else text[: S.CONN_MAX_CHARS - 1] + ELLIPSIS


def _target(t: Transition, rows: dict[str, int], lanes: list[int]) -> Target:
    if t.to == END:
        return Target("end", label="Fin")
    if t.to is None:
        return Target("missing", label="?")
    if t.to.startswith(EXTERNAL):
        return Target("external", label=_shorten(t.to[len(EXTERNAL) :]))
    row = rows.get(t.to)
    if row is None:
        return Target("missing", label=_shorten(f"{t.to}?"))
    return Target("step", row=row, lane=lanes[row - 1])


def _start_cluster(lane: int, has_steps: bool) -> Cluster:
    box = Box(-S.TERM_W / 2, 0.0, S.TERM_W, S.TERM_H)
    cluster = Cluster(0, lane, box, "Inicio", height=S.TERM_H)
    cluster.left = cluster.right = S.BOX_W / 2 + S.CORE_MARGIN
    if has_steps:
        cluster.exits = [Exit(0, None, Target("step", 1, lane), port=(0.0, S.TERM_H))]
    return cluster


def _lanes(roles: tuple[str, ...], borders: list[float], top: float, bottom: float) -> list[Lane]:
    return [
        Lane(
            f"lane{i + 1}",
            role,
            Box(
                borders[i],
                round(top, 2),
                round(borders[i + 1] - borders[i], 2),
                round(bottom - top, 2),
            ),
            is_external(role),
        )
        for i, role in enumerate(roles)
    ]


def _clusters(procedure: Procedure, lane_of: dict[str, int]) -> list[Cluster]:
    """Row 0 (Inicio) and one cluster per step."""
    steps = procedure.steps
    step_lane = [lane_of[step_roles(s)[0]] for s in steps]
    rows: dict[str, int] = {}
    for k, s in enumerate(steps, 1):
        rows.setdefault(s.number, k)
    clusters = [_start_cluster(step_lane[0] if steps else 0, bool(steps))]
    for k, s in enumerate(steps, 1):
        targets = [_target(t, rows, step_lane) for t in s.next]
        clusters.append(build_cluster(k, step_lane[k - 1], s, targets))
    return clusters


def layout_procedure(procedure: Procedure) -> Diagram:
    """The swimlane chart of ``procedure`` (deterministic)."""
    roles = lane_roles(procedure)
    lane_of = {role: i for i, role in enumerate(roles)}
    clusters = _clusters(procedure, lane_of)
    shared = [()] + [tuple(lane_of[r] for r in step_roles(s)[1:]) for s in procedure.steps]
    occupied = [{c.lane, *others} for c, others in zip(clusters, shared, strict=True)]
    ids = ["start"] + [f"s{k}" for k in range(1, len(clusters))]
    routes = [route for _, route in step_routes(clusters, ids, occupied)]
    grid = columns(clusters, len(roles), assign_channels(routes))
    title = f"{procedure.code} {procedure.name}".strip()
    lanes = _lanes(roles, grid.borders, 0.0, 0.0)
    place_rows(
        clusters, grid, content_top(title, grid.width, lanes), assign_gaps(gap_runs(routes, grid))
    )
    lanes = _lanes(roles, grid.borders, lanes_top(title, grid.width), grid.bottom + S.LANE_FOOT)
    placer = Placer(grid, [lane.id for lane in lanes], {r.edge_id: r for r in routes})
    for cluster, others in zip(clusters, shared, strict=True):
        step = procedure.steps[cluster.row - 1] if cluster.row else None
        placer.place(cluster, step, others)
    return Diagram(
        procedure=procedure.code,
        title=title,
        width=round(grid.width, 2),
        height=round(grid.bottom + S.LANE_FOOT + S.MARGIN, 2),
        lanes=tuple(lanes),
        nodes=tuple(placer.nodes),
        edges=tuple(placer.edges),
        artifacts=tuple(placer.artifacts),
    )
