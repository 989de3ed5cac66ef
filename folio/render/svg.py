"""A procedure's swimlane chart as a standalone SVG.

The symbols are those of the manuals' Simbología (ANSI flowchart): Terminador (Inicio,
Fin), Proceso (task), Decisión (diamond), Flecha, Documento, Base de datos, Conector fuera
de página (another procedure, or a continuation on another page) and a round connector
for a jump whose target the manual does not name ("?"). External parties' lanes have a
hatched header marked "(externo)". Every box carries the full text in its ``<title>``.
Output is deterministic: the same procedure gives the same bytes.
"""

from __future__ import annotations

from collections.abc import Iterable
from xml.sax.saxutils import escape, quoteattr

from folio.manuals.model import Procedure, Step
from folio.render.geometry import Artifact, Box, Diagram, Edge, Lane, Node
from folio.render.layout import layout_procedure, paginate
from folio.render.layout import sizes as S
from folio.render.layout.cluster import edge_label_lines
from folio.render.layout.frame import (
    header_height,
    header_lines,
    lanes_top,
    shared_copies,
    title_lines,
)

#: Page height used by ``render_svg(..., page=n)``: about a landscape letter page at 96 dpi
#: scaled to the chart's usual width.
PAGE_HEIGHT = 1400.0

FONT_STACK = "Helvetica, Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif"

_STYLE = """
text{fill:#1f2328}
.title{font-size:14px;font-weight:bold}
.lane{fill:#ffffff;stroke:#9aa3ad;stroke-width:1}
.lane.alt{fill:#f6f8fa}
.head{fill:#e3e9f0;stroke:#9aa3ad;stroke-width:1}
.head.ext{fill:url(#hatch);stroke-dasharray:5 3}
.headtext{font-size:10.5px;font-weight:bold}
.ext .headtext{font-style:italic}
.mark{font-size:9px;font-style:italic;font-weight:normal;fill:#6e5a2b}
.box{fill:#ffffff;stroke:#2f3a46;stroke-width:1.2}
.copy{fill:#ffffff;fill-opacity:.6;stroke:#6b7785;stroke-width:1;stroke-dasharray:4 3}
.copy+text,.copytext{fill:#6b7785}
.term{fill:#dff3e4;stroke:#2f6b3b;stroke-width:1.2}
.term.fin{fill:#f8dede;stroke:#8a2f2f}
.dec{fill:#fff6d6;stroke:#8a6d1f;stroke-width:1.2}
.conn{fill:#e8eefc;stroke:#3a5aa8;stroke-width:1.2}
.art{fill:#fbfbf3;stroke:#7a7a5a;stroke-width:1}
.assoc{stroke:#7a7a5a;stroke-width:1;stroke-dasharray:2 2;fill:none}
.edge{fill:none;stroke:#2f3a46;stroke-width:1.2}
.inner{stroke-dasharray:none}
.lbl{fill:#ffffff;fill-opacity:.92;stroke:none}
.lbltext{font-size:8.5px;font-style:italic;fill:#3d4a5a}
.t{font-size:9.5px}
.q{font-size:8.5px}
.a{font-size:7.5px}
.c{font-size:8.5px;font-weight:bold}
"""

_DEFS = (
    '<marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" '
    'markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" '
    'fill="#2f3a46"/></marker>'
    '<pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
    'patternTransform="rotate(45)"><rect width="6" height="6" fill="#f4eedd"/>'
    '<line x1="0" y1="0" x2="0" y2="6" stroke="#dccca0" stroke-width="2.5"/></pattern>'
)


def num(value: float) -> str:
    """A coordinate with at most two decimals and no trailing zeros."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _text_block(
    lines: Iterable[str], x: float, cy: float, line: float, css: str, anchor: str = "middle"
) -> str:
    rows = list(lines)
    first = cy - len(rows) * line / 2 + line * 0.78
    spans = "".join(
        f'<tspan x="{num(x)}" y="{num(first + i * line)}">{escape(row)}</tspan>'
        for i, row in enumerate(rows)
    )
    return f'<text class="{css}" text-anchor="{anchor}">{spans}</text>'


def _rect(box: Box, css: str, rx: float = 0.0) -> str:
    radius = f' rx="{num(rx)}"' if rx else ""
    return (
        f'<rect class="{css}" x="{num(box.x)}" y="{num(box.y)}" width="{num(box.w)}" '
        f'height="{num(box.h)}"{radius}/>'
    )


def _title(text: str) -> str:
    return f"<title>{escape(text)}</title>"


def _lane(lane: Lane, index: int, header: float) -> str:
    box = lane.box
    head = Box(box.x, box.y, box.w, header)
    ext = " ext" if lane.external else ""
    alt = " alt" if index % 2 else ""
    parts = [f'<g class="lanegroup{ext}">', _title(lane.name + (" (externo)" if ext else ""))]
    parts.append(_rect(box, f"lane{alt}"))
    parts.append(_rect(head, f"head{ext}"))
    lines = header_lines(lane)
    parts.append(_text_block(lines, box.cx, box.y + header / 2, S.HEADER_LINE, "headtext"))
    if lane.external:  # the last header line is the mark: draw it lighter
        parts[-1] = parts[-1].replace(
            f">{escape(lines[-1])}</tspan>", f' class="mark">{escape(lines[-1])}</tspan>'
        )
    parts.append("</g>")
    return "".join(parts)


def _diamond(box: Box) -> str:
    pts = [(box.cx, box.y), (box.x + box.w, box.cy), (box.cx, box.y + box.h), (box.x, box.cy)]
    return '<polygon class="dec" points="' + " ".join(f"{num(x)},{num(y)}" for x, y in pts) + '"/>'


def _offpage(box: Box) -> str:
    y_mid = box.y + box.h * 0.62
    pts = [
        (box.x, box.y),
        (box.x + box.w, box.y),
        (box.x + box.w, y_mid),
        (box.cx, box.y + box.h),
        (box.x, y_mid),
    ]
    return '<polygon class="conn" points="' + " ".join(f"{num(x)},{num(y)}" for x, y in pts) + '"/>'


def _node_title(node: Node, steps: dict[str, Step]) -> str:
    step = steps.get(node.step or "")
    if node.kind == "task" and step:
        return f"{step.number}. {step.activity}\nResponsable: {', '.join(step.responsible)}"
    if node.kind == "decision" and step:
        return " ".join(step.questions) or "Decisión"
    if node.id.startswith("ext"):
        return f"Continúa en otro procedimiento: {node.label}"
    if node.id.startswith("miss"):
        return "El manual no indica a qué actividad continúa"
    if node.id.startswith("off"):
        return f"Conector fuera de página {node.label}"
    return node.label


def _node(node: Node, steps: dict[str, Step]) -> str:
    box = node.box
    lines = node.label.split("\n") if node.label else []
    if node.kind in ("start", "end"):
        css = "term fin" if node.kind == "end" else "term"
        shape, text = _rect(box, css, box.h / 2), _text_block(lines, box.cx, box.cy, 11, "t")
    elif node.kind == "decision":
        shape = _diamond(box)
        text = _text_block(lines or ["¿?"], box.cx, box.cy, S.DIAMOND_LINE, "q")
    elif node.kind == "connector":
        if node.id.startswith("miss"):
            shape = (
                f'<ellipse class="conn" cx="{num(box.cx)}" cy="{num(box.cy)}" '
                f'rx="{num(box.w / 2)}" ry="{num(box.h / 2)}"/>'
            )
            text = _text_block(lines, box.cx, box.cy, 10, "c")
        else:
            shape = _offpage(box)
            text = _text_block(lines, box.cx, box.y + box.h * 0.4, 10, "c")
    else:
        shape = _rect(box, "box", 3)
        text = _text_block(lines, box.cx, box.cy, S.BOX_LINE, "t")
    return f"<g id={quoteattr(node.id)}>{_title(_node_title(node, steps))}{shape}{text}</g>"


def _copies(diagram: Diagram, node: Node) -> str:
    parts: list[str] = []
    lines = node.label.split("\n")
    for lane, x in shared_copies(diagram, node):
        box = Box(x, node.box.y, node.box.w, node.box.h)
        parts.append(f"<g>{_title(f'Actividad compartida con {lane.name}')}")
        parts.append(_rect(box, "copy", 3))
        parts.append(_text_block(lines, box.cx, box.cy, S.BOX_LINE, "t copytext"))
        parts.append("</g>")
    return "".join(parts)


def _edge(edge: Edge) -> str:
    points = " ".join(f"{num(x)},{num(y)}" for x, y in edge.points)
    inner = " inner" if edge.id.startswith("i") else ""
    title = _title(edge.label) if edge.label else ""
    return (
        f'<g id={quoteattr(edge.id)}>{title}<polyline class="edge{inner}" points="{points}" '
        'marker-end="url(#arrow)"/></g>'
    )


def _label(edge: Edge) -> str:
    if not edge.label or edge.label_box is None:
        return ""
    box = edge.label_box
    lines = edge_label_lines(edge.label)
    text = _text_block(lines, box.x + S.LABEL_PAD, box.cy, S.LABEL_LINE, "lbltext", "start")
    return f"<g>{_title(edge.label)}{_rect(box, 'lbl', 2)}{text}</g>"


def _artifact(artifact: Artifact, nodes: dict[str, Node]) -> str:
    box = artifact.box
    x, y, w, h = box.x, box.y, box.w, box.h
    if artifact.kind == "document":
        yb = y + h - 5
        path = (
            f"M{num(x)},{num(y)} H{num(x + w)} V{num(yb)} C{num(x + w * 0.7)},{num(yb + 7)} "
            f"{num(x + w * 0.3)},{num(yb - 7)} {num(x)},{num(yb)} Z"
        )
        shape = f'<path class="art" d="{path}"/>'
        text = _text_block(artifact.label.split("\n"), box.cx, y + (h - 5) / 2, S.ART_LINE, "a")
        title = f"Documento: {artifact.label.replace(chr(10), ' ')}"
    else:
        r = 4.0
        path = (
            f"M{num(x)},{num(y + r)} A{num(w / 2)},{num(r)} 0 0 1 {num(x + w)},{num(y + r)} "
            f"V{num(y + h - r)} A{num(w / 2)},{num(r)} 0 0 1 {num(x)},{num(y + h - r)} Z "
            f"M{num(x)},{num(y + r)} A{num(w / 2)},{num(r)} 0 0 0 {num(x + w)},{num(y + r)}"
        )
        shape = f'<path class="art" d="{path}"/>'
        text = _text_block(artifact.label.split("\n"), box.cx, y + h / 2 + 2, S.ART_LINE, "a")
        title = f"Base de datos: {artifact.label.replace(chr(10), ' ')}"
    assoc = ""
    node = nodes.get(artifact.node)
    if node is not None:
        ty = min(max(box.cy, node.box.y + 4), node.box.y + node.box.h - 4)
        assoc = (
            f'<line class="assoc" x1="{num(x + w)}" y1="{num(box.cy)}" x2="{num(node.box.x)}" '
            f'y2="{num(ty)}"/>'
        )
    return f"<g>{_title(title)}{assoc}{shape}{text}</g>"


def diagram_svg(diagram: Diagram, procedure: Procedure | None = None) -> str:
    """Draw a laid-out diagram; ``procedure`` supplies full texts for the tooltips."""
    steps = {s.number: s for s in procedure.steps} if procedure else {}
    nodes = {n.id: n for n in diagram.nodes}
    w, h = num(diagram.width), num(diagram.height)
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>\n',
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" '
        f'viewBox="0 0 {w} {h}" font-family="{FONT_STACK}" lang="es">',
        _title(diagram.title),
        f"<defs>{_DEFS}<style>{_STYLE}</style></defs>",
        f'<rect x="0" y="0" width="{w}" height="{h}" fill="#ffffff"/>',
    ]
    lines = title_lines(diagram.title, diagram.width)
    out.append(
        _text_block(
            lines,
            S.MARGIN,
            S.MARGIN + len(lines) * S.TITLE_LINE / 2,
            S.TITLE_LINE,
            "title",
            "start",
        )
    )
    header = header_height(diagram.lanes)
    out += [_lane(lane, i, header) for i, lane in enumerate(diagram.lanes)]
    out += [_copies(diagram, n) for n in diagram.nodes if n.also_lanes]
    out += [_edge(e) for e in diagram.edges]
    out += [_node(n, steps) for n in diagram.nodes]
    out += [_artifact(a, nodes) for a in diagram.artifacts]
    out += [_label(e) for e in diagram.edges]
    out.append("</svg>\n")
    return "".join(out)


def render_svg(procedure: Procedure, *, page: int | None = None) -> str:
    """The swimlane chart of ``procedure`` as SVG text; with ``page``, only that page of the
    chart cut into pages of at most ``PAGE_HEIGHT`` pixels (1-based)."""
    diagram = layout_procedure(procedure)
    if page is not None:
        pages = paginate(diagram, PAGE_HEIGHT)
        if not 1 <= page <= len(pages):
            raise ValueError(f"La página {page} no existe: el diagrama tiene {len(pages)}.")
        diagram = pages[page - 1]
    return diagram_svg(diagram, procedure)


__all__ = ["PAGE_HEIGHT", "diagram_svg", "lanes_top", "render_svg"]
