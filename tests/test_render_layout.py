"""The swimlane layout: on every seed procedure and on small hand-built ones, no box or label
overlaps another, no edge runs through a box, and every transition is exactly one edge."""

from __future__ import annotations

from functools import cache
from itertools import combinations
from pathlib import Path

import pytest

from folio.manuals.load import load_manual
from folio.manuals.model import END, EXTERNAL, DocumentRef, Procedure, Step, Transition
from folio.render.geometry import Box, Diagram
from folio.render.layout import layout_procedure, paginate
from folio.render.layout.frame import shared_copies
from folio.render.layout.rules import database_label, is_external

from .conftest import SEED_000, SEED_003, SEED_004, needs_shared

Point = tuple[float, float]


# --- geometry checks -----------------------------------------------------------------


def segment_crosses(p: Point, q: Point, box: Box, inset: float = 0.5) -> bool:
    """Whether the axis-parallel segment p–q passes through the inside of ``box`` (its
    border shrunk by ``inset``, so touching the border does not count)."""
    left, right = box.x + inset, box.x + box.w - inset
    top, bottom = box.y + inset, box.y + box.h - inset
    if p[0] == q[0]:
        low, high = sorted((p[1], q[1]))
        return left < p[0] < right and low < bottom and high > top
    low, high = sorted((p[0], q[0]))
    return top < p[1] < bottom and low < right and high > left


def test_it_tells_a_segment_through_a_box_from_one_beside_it() -> None:
    box = Box(10, 10, 20, 20)
    assert segment_crosses((20, 0), (20, 40), box)
    assert segment_crosses((0, 15), (15, 15), box)
    assert not segment_crosses((20, 0), (20, 10), box)  # ends on the border
    assert not segment_crosses((30, 0), (30, 40), box)  # runs along the border
    assert not segment_crosses((0, 5), (40, 5), box)


def overlaps(diagram: Diagram) -> list[str]:
    """Every pair of boxes (nodes, labels, artifacts, shared copies) that intersect."""
    boxes: list[tuple[str, Box]] = [(n.id, n.box) for n in diagram.nodes]
    boxes += [(f"label {e.id}", e.label_box) for e in diagram.edges if e.label_box]
    boxes += [(a.id, a.box) for a in diagram.artifacts]
    for node in diagram.nodes:
        for lane, x in shared_copies(diagram, node):
            boxes.append((f"copy {node.id} {lane.id}", Box(x, node.box.y, node.box.w, node.box.h)))
    return [f"{a} × {b}" for (a, ba), (b, bb) in combinations(boxes, 2) if ba.intersects(bb)]


def crossings(diagram: Diagram) -> list[str]:
    """Every edge segment that passes through a node (other than its own ends), a shared
    copy or an artifact; and every segment that is not horizontal or vertical."""
    obstacles: list[tuple[str, Box]] = [(n.id, n.box) for n in diagram.nodes]
    obstacles += [(a.id, a.box) for a in diagram.artifacts]
    for node in diagram.nodes:
        for _, x in shared_copies(diagram, node):
            obstacles.append((f"copy-{node.id}", Box(x, node.box.y, node.box.w, node.box.h)))
    found = []
    for edge in diagram.edges:
        for p, q in zip(edge.points, edge.points[1:], strict=False):
            if p[0] != q[0] and p[1] != q[1]:
                found.append(f"{edge.id} has a slanted segment {p}–{q}")
            for name, box in obstacles:
                if name not in (edge.source, edge.target) and segment_crosses(p, q, box):
                    found.append(f"{edge.id} crosses {name}")
    return found


def loose_ends(diagram: Diagram) -> list[str]:
    """Edges that do not start on their source's border or end on their target's."""
    nodes = {n.id: n.box for n in diagram.nodes}

    def on_border(pt: Point, b: Box) -> bool:
        inside = b.x - 0.01 <= pt[0] <= b.x + b.w + 0.01 and b.y - 0.01 <= pt[1] <= b.y + b.h + 0.01
        edge = min(
            abs(pt[0] - b.x), abs(pt[0] - b.x - b.w), abs(pt[1] - b.y), abs(pt[1] - b.y - b.h)
        )
        return inside and edge < 0.01

    return [
        e.id
        for e in diagram.edges
        if not on_border(e.points[0], nodes[e.source])
        or not on_border(e.points[-1], nodes[e.target])
    ]


def misplaced(diagram: Diagram) -> list[str]:
    """Nodes not inside their lane."""
    lanes = {lane.id: lane.box for lane in diagram.lanes}
    return [
        n.id
        for n in diagram.nodes
        if not (
            lanes[n.lane].x <= n.box.x and n.box.x + n.box.w <= lanes[n.lane].x + lanes[n.lane].w
        )
    ]


def assert_clean(diagram: Diagram) -> None:
    assert overlaps(diagram) == []
    assert crossings(diagram) == []
    assert loose_ends(diagram) == []
    assert misplaced(diagram) == []
    assert len({n.id for n in diagram.nodes}) == len(diagram.nodes)
    assert len({e.id for e in diagram.edges}) == len(diagram.edges)


def transition_problems(procedure: Procedure, diagram: Diagram) -> list[str]:
    """Each transition of step k (1-based), index i, must be the one edge ``t<k>-<i>``,
    leaving one of the step's nodes for the node its target names."""
    nodes = {n.id: n for n in diagram.nodes}
    edges = {e.id: e for e in diagram.edges}
    first_row: dict[str, int] = {}
    for k, step in enumerate(procedure.steps, 1):
        first_row.setdefault(step.number, k)
    expected = set()
    problems = []
    for k, step in enumerate(procedure.steps, 1):
        for i, t in enumerate(step.next):
            expected.add(f"t{k}-{i}")
            edge = edges.get(f"t{k}-{i}")
            if edge is None:
                problems.append(f"no edge for step {step.number} → {t.to}")
                continue
            if nodes[edge.source].step != step.number or not edge.source.startswith(f"s{k}"):
                problems.append(f"t{k}-{i} leaves {edge.source}")
            target = nodes[edge.target]
            if t.to == END:
                ok = target.kind == "end"
            elif t.to is None:
                ok = target.kind == "connector" and target.label == "?"
            elif t.to.startswith(EXTERNAL):
                ok = target.kind == "connector" and edge.target.startswith("ext")
            elif t.to in first_row:
                ok = edge.target == f"s{first_row[t.to]}"
            else:
                ok = edge.target.startswith("miss")
            if not ok:
                problems.append(f"t{k}-{i} goes to {edge.target}, not {t.to}")
            if edge.label != t.when:
                problems.append(f"t{k}-{i} is labelled {edge.label!r}, not {t.when!r}")
    extra = {e for e in edges if e.startswith("t")} - expected
    return problems + [f"unexpected edge {e}" for e in sorted(extra)]


# --- seeds -----------------------------------------------------------------------------


@cache
def seed_procedures() -> list[tuple[str, Procedure]]:
    found = []
    for path in (SEED_000, SEED_003, SEED_004):
        manual = load_manual(Path(path))
        found += [(f"{path.name[:3]}-{p.code}", p) for p in manual.procedures]
    return found


SEED_IDS = [
    f"{seed}-P{n}"
    for seed, count in (("000", 4), ("003", 1), ("004", 31))
    for n in range(1, count + 1)
]


def seed(name: str) -> Procedure:
    return dict(seed_procedures())[name]


@needs_shared
def test_it_finds_all_36_seed_procedures() -> None:
    assert [name for name, _ in seed_procedures()] == SEED_IDS


@needs_shared
@pytest.mark.parametrize("name", SEED_IDS)
def test_it_lays_out_every_seed_procedure_cleanly(name: str) -> None:
    procedure = seed(name)
    diagram = layout_procedure(procedure)
    assert_clean(diagram)
    assert transition_problems(procedure, diagram) == []
    assert layout_procedure(procedure) == diagram


@needs_shared
def test_it_draws_the_cctv_three_way_decision_from_one_diamond() -> None:
    diagram = layout_procedure(seed("004-P15"))
    out = {e.label: e for e in diagram.edges if e.source == "s3q"}
    assert set(out) == {"Modificación", "Baja", "En caso contrario"}
    assert {e.target for e in out.values()} == {"s8", "s10", "s4"}
    assert {e.points[0] for e in out.values()} == {
        (n.box.cx, n.box.y + n.box.h) for n in diagram.nodes if n.id == "s3q"
    } | {(n.box.x, n.box.cy) for n in diagram.nodes if n.id == "s3q"} | {
        (n.box.x + n.box.w, n.box.cy) for n in diagram.nodes if n.id == "s3q"
    }


@needs_shared
def test_it_marks_the_requesting_party_as_external() -> None:
    diagram = layout_procedure(seed("004-P1"))
    external = {lane.name for lane in diagram.lanes if lane.external}
    assert external == {
        "Servidor/a Público/a de la Dependencia solicitante",
        "Servidor/a Público de la Dependencia solicitante",
    }


@needs_shared
@pytest.mark.parametrize("name", ["004-P29", "004-P1", "004-P22"])
def test_it_cuts_a_long_chart_into_pages_with_connectors(name: str) -> None:
    # given
    diagram = layout_procedure(seed(name))
    # when
    pages = paginate(diagram, 1200)
    # then
    assert len(pages) >= 2
    assert all(page.height <= 1200 and page.pages == len(pages) for page in pages)
    for page in pages:
        assert_clean(page)
    real = [[n.id for n in page.nodes if not n.id.startswith("off-")] for page in pages]
    assert sorted(sum(real, [])) == sorted(n.id for n in diagram.nodes)
    connectors: dict[str, list[str]] = {}
    for page in pages:
        for node in page.nodes:
            if node.id.startswith("off-"):
                assert node.kind == "connector"
                connectors.setdefault(node.id, []).append(node.label)
    page_of = {nid: i for i, ids in enumerate(real) for nid in ids}
    cut = {e.id for e in diagram.edges if page_of[e.source] != page_of[e.target]}
    assert {c.removeprefix("off-") for c in connectors} == cut
    assert all(len(labels) == 2 and labels[0] == labels[1] for labels in connectors.values())


@needs_shared
def test_it_keeps_a_short_chart_on_one_page() -> None:
    diagram = layout_procedure(seed("004-P11"))
    assert paginate(diagram, 5000) == [diagram]


# --- hand-built procedures -------------------------------------------------------------


def step(
    number: str,
    role: str | tuple[str, ...],
    *next_: Transition,
    activity: str = "",
    questions: tuple[str, ...] = (),
    documents: tuple[DocumentRef, ...] = (),
) -> Step:
    roles = (role,) if isinstance(role, str) else role
    text = activity or f"Actividad {number} del procedimiento de prueba."
    return Step(number, roles, text, documents, next=next_, questions=questions)


def go(to: str | None, when: str | None = None) -> Transition:
    return Transition(to, when)


def procedure(*steps: Step) -> Procedure:
    return Procedure("PX", "Procedimiento de prueba", steps=steps)


def check(proc: Procedure) -> Diagram:
    diagram = layout_procedure(proc)
    assert_clean(diagram)
    assert transition_problems(proc, diagram) == []
    return diagram


def test_it_routes_a_loop_back_around_the_boxes() -> None:
    diagram = check(
        procedure(
            step("1", "Analista", go("2")),
            step("2", "Jefe/a", go("3")),
            step("3", "Analista", go("4", "Si"), go("1", "No"), questions=("¿Procede?",)),
            step("4", "Jefe/a", go(END)),
        )
    )
    loop = next(e for e in diagram.edges if e.id == "t3-1")
    assert loop.target == "s1" and loop.label == "No"
    assert min(y for _, y in loop.points) < next(n.box.y for n in diagram.nodes if n.id == "s2")


def test_it_gives_each_branch_of_a_three_way_decision_its_own_exit() -> None:
    diagram = check(
        procedure(
            step(
                "1",
                "Mesa",
                go("2", "Alta"),
                go("3", "Baja"),
                go("4", "Cambio"),
                questions=("¿Tipo?",),
            ),
            step("2", "Analista", go(END)),
            step("3", "Analista", go(END)),
            step("4", "Jefe/a", go(END)),
        )
    )
    starts = {e.points[0] for e in diagram.edges if e.source == "s1q"}
    assert len(starts) == 3


def test_it_fans_out_more_than_three_branches_over_stacked_diamonds() -> None:
    branches = [go(str(n), f"Caso {n}") for n in range(2, 8)]
    steps = [step("1", "Mesa", *branches)] + [
        step(str(n), "Analista", go(END)) for n in range(2, 8)
    ]
    diagram = check(procedure(*steps))
    assert [n.id for n in diagram.nodes if n.kind == "decision"] == ["s1q", "s1q2", "s1q3"]


def test_it_draws_a_shared_step_in_every_lane_of_its_roles() -> None:
    diagram = check(
        procedure(
            step("1", "Jefe/a", go("2")),
            step("2", ("Analista A", "Analista B"), go("3")),
            step("3", "Analista B", go(END)),
        )
    )
    shared = next(n for n in diagram.nodes if n.id == "s2")
    assert shared.lane == "lane2" and shared.also_lanes == ("lane3",)


def test_it_points_a_jump_without_target_to_a_question_mark() -> None:
    diagram = check(
        procedure(
            step("1", "Analista", go(None, "Si"), go("2", "No")),
            step("2", "Analista", go("9")),
        )
    )
    targets = {e.id: next(n for n in diagram.nodes if n.id == e.target) for e in diagram.edges}
    assert (targets["t1-0"].kind, targets["t1-0"].label) == ("connector", "?")
    assert (targets["t2-0"].kind, targets["t2-0"].label) == ("connector", "9?")


def test_it_sends_a_jump_to_another_procedure_to_an_off_page_connector() -> None:
    diagram = check(
        procedure(
            step("1", "Analista", go("2", "Si"), go(f"{EXTERNAL}P31", "No")),
            step("2", "Proveedor", go(END)),
        )
    )
    connector = next(n for n in diagram.nodes if n.id == "ext1-1")
    assert (connector.kind, connector.label) == ("connector", "P31")
    assert [lane.external for lane in diagram.lanes] == [False, True]


def test_it_handles_self_loops_empty_roles_and_empty_procedures() -> None:
    check(procedure(step("1", "Analista", go("1", "No"), go("2", "Si")), step("2", (), go(END))))
    empty = layout_procedure(procedure())
    assert [n.kind for n in empty.nodes] == ["start"]


def test_it_attaches_documents_and_systems_to_their_step() -> None:
    diagram = check(
        procedure(
            step(
                "1",
                "Analista",
                go(END),
                documents=(
                    DocumentRef("Formato", "formato", "FORM.1/X/1"),
                    DocumentRef("Oficio", "oficio"),
                ),
                activity="Registra la solicitud en el Sistema de Mesa de Servicio.",
            )
        )
    )
    assert [(a.kind, a.label.replace("\n", " ")) for a in diagram.artifacts] == [
        ("document", "Formato FORM.1/X/1"),
        ("document", "Oficio"),
        ("database", "Mesa de Servicio"),
    ]


def test_it_applies_the_keyword_rules() -> None:
    assert is_external("Servidor/a Público/a de la Dependencia solicitante")
    assert is_external("Ciudadano/a") and is_external("Actores de la zona metropolitana")
    assert not is_external("Operador del Centro de Información y Atención Ciudadana 072")
    assert not is_external("Analista A/B")
    assert database_label("Captura en SAP el pedido") == "SAP"
    assert database_label("Documenta en el sistema la atención") == "Sistema"
    assert database_label("Realiza desarrollo de sistemas de software") is None
