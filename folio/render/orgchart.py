"""The organization chart (organigrama) of an organization manual, as a standalone SVG.

Each unit is a box; a unit hangs under the unit its head reports to
(``Position.reports_to_number``, when the importer resolved it) and otherwise under the
unit tree's ``parent``. The layout is a tidy tree with two compactions that keep forty
units readable on one landscape page:

* a unit whose subordinates are all leaves lists them vertically, indented under it;
* a unit whose subordinates would make too wide a row wraps them into several rows,
  joined by a trunk on the left.

The widest row allowed at each depth is chosen among a few candidates so that the whole
chart, scaled to a Letter page (either orientation), is as large as possible. Everything
is deterministic.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape

from folio.manuals.model import Manual, Organization, Unit
from folio.render.geometry import Box

BOX_W = 160.0
PAD = 6.0
FONT = 12.0
LINE = 14.5
HGAP = 14.0
VGAP = 28.0
LIST_GAP = 8.0
INDENT = 20.0
MARGIN = 16.0
MAX_LINES = 4
BUDGETS = (700.0, 900.0, 1100.0, 1300.0, 1500.0, 1800.0, 2200.0, 2800.0, 3600.0)
#: Printable areas (width, height) of a Letter page, landscape and portrait, in inches.
PAGES = ((9.9, 6.4), (7.4, 8.9))
FILLS = (("#1f3a5f", "#ffffff"), ("#3d6a99", "#ffffff"), ("#d7e4f2", "#13263d"))
LAST_FILL = ("#ffffff", "#13263d")

Point = tuple[float, float]


@dataclass(frozen=True)
class OrgBox:
    number: str
    name: str
    lines: tuple[str, ...]
    depth: int
    box: Box


@dataclass(frozen=True)
class OrgChart:
    width: float
    height: float
    boxes: tuple[OrgBox, ...]
    links: tuple[tuple[Point, ...], ...]


@dataclass
class _Block:
    """A laid-out subtree; coordinates relative to its top-left corner."""

    width: float
    height: float
    anchor: float  # x of the root box's centre (0 for a forest without a root box)
    boxes: list[tuple[str, float, float]] = field(default_factory=list)
    links: list[tuple[Point, ...]] = field(default_factory=list)

    def place(self, other: _Block, dx: float, dy: float) -> None:
        self.boxes += [(n, x + dx, y + dy) for n, x, y in other.boxes]
        self.links += [tuple((x + dx, y + dy) for x, y in ln) for ln in other.links]


def text_width(text: str, size: float = FONT) -> float:
    """Approximate advance width of ``text`` in a Helvetica-like font."""
    total = 0.0
    for ch in text:
        if ch in "il.,;:'|!fjtrI ()-":
            total += 0.32
        elif ch in "mwMW":
            total += 0.85
        elif ch.isupper():
            total += 0.68
        else:
            total += 0.55
    return total * size


def wrap(text: str, width: float, size: float = FONT, max_lines: int = MAX_LINES) -> list[str]:
    """Greedy word wrap to ``width`` pixels; the last line is cut with "…" if needed."""
    lines: list[str] = []
    for word in text.split():
        if lines and text_width(lines[-1] + " " + word, size) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    if len(lines) > max_lines:
        lines = lines[: max_lines - 1] + [" ".join(lines[max_lines - 1 :])]
        while text_width(lines[-1] + "…", size) > width and " " in lines[-1]:
            lines[-1] = lines[-1].rsplit(" ", 1)[0]
        lines[-1] += "…"
    return lines or [""]


def chart_units(org: Organization) -> tuple[Unit, ...]:
    """The units to draw, each with the parent the chart uses (see the module doc)."""
    units = org.units or tuple(Unit(p.number, p.title, p.reports_to_number) for p in org.positions)
    known = {u.number for u in units}
    unit_of = {p.number: p.unit for p in org.positions if p.unit in known}
    wanted: dict[str, str | None] = {}
    for u in units:
        wanted[u.number] = u.parent if u.parent in known else None
        for p in org.positions:
            boss_unit = unit_of.get(p.reports_to_number or "")
            if p.unit == u.number and boss_unit and boss_unit != u.number:
                wanted[u.number] = boss_unit
                break
    # start from the unit tree, then move each unit under its head's boss unless that
    # would close a cycle
    parents: dict[str, str | None] = {}
    for u in units:
        parents[u.number] = u.parent if u.parent in known else None
        if _has_cycle(parents, u.number):
            parents[u.number] = None
    for u in units:
        current = parents[u.number]
        parents[u.number] = wanted[u.number]
        if _has_cycle(parents, u.number):
            parents[u.number] = current
    return tuple(Unit(u.number, u.name, parents[u.number], u.aliases) for u in units)


def _has_cycle(parents: dict[str, str | None], start: str) -> bool:
    seen = {start}
    node = parents.get(start)
    while node is not None:
        if node in seen:
            return True
        seen.add(node)
        node = parents.get(node)
    return False


def layout_org(org: Organization) -> OrgChart:
    """Lay out ``org``; among the candidate row budgets keep the one that prints largest."""
    units = chart_units(org)
    if not units:
        return OrgChart(2 * MARGIN, 2 * MARGIN, (), ())
    lines = {u.number: tuple(wrap(u.name, BOX_W - 2 * PAD)) for u in units}
    box_h = max(len(v) for v in lines.values()) * LINE + 2 * PAD
    kids: dict[str | None, list[str]] = {}
    for u in units:
        kids.setdefault(u.parent, []).append(u.number)
    depth = _depths(units)
    best = _best_block(kids, depth, box_h)
    names = {u.number: u.name for u in units}
    boxes = tuple(
        OrgBox(n, names[n], lines[n], depth[n], Box(x + MARGIN, y + MARGIN, BOX_W, box_h))
        for n, x, y in best.boxes
    )
    links = tuple(tuple((x + MARGIN, y + MARGIN) for x, y in ln) for ln in best.links)
    return OrgChart(best.width + 2 * MARGIN, best.height + 2 * MARGIN, boxes, links)


def _best_block(kids: dict[str | None, list[str]], depth: dict[str, int], box_h: float) -> _Block:
    """Coordinate descent over one row budget per depth, maximising the printed size."""
    levels = max(depth.values()) + 1
    budgets = [BUDGETS[len(BUDGETS) // 2]] * levels

    def build(choice: list[float]) -> _Block:
        return _Layout(kids, box_h, {n: choice[d] for n, d in depth.items()}).forest(
            kids.get(None, [])
        )

    best = build(budgets)
    for _ in range(2):
        for level in range(levels):
            for budget in BUDGETS:
                trial = budgets[:level] + [budget] + budgets[level + 1 :]
                block = build(trial)
                if _print_scale(block) > _print_scale(best) + 1e-9:
                    best, budgets = block, trial
    return best


def _print_scale(block: _Block) -> float:
    """How large the chart prints on the better-fitting Letter page orientation."""
    w, h = block.width + 2 * MARGIN, block.height + 2 * MARGIN
    return max(min(pw / w, ph / h) for pw, ph in PAGES)


def _depths(units: Sequence[Unit]) -> dict[str, int]:
    parent = {u.number: u.parent for u in units}
    depth: dict[str, int] = {}
    for u in units:
        d, node = 0, u.parent
        while node is not None:
            d, node = d + 1, parent.get(node)
        depth[u.number] = d
    return depth


class _Layout:
    def __init__(
        self, kids: dict[str | None, list[str]], box_h: float, budgets: dict[str, float]
    ) -> None:
        self.kids = kids
        self.h = box_h
        self.budgets = budgets

    def forest(self, roots: list[str]) -> _Block:
        blocks = [self.subtree(r) for r in roots]
        if len(blocks) == 1:
            return blocks[0]
        out = _Block(0.0, 0.0, 0.0)
        y = 0.0
        budget = self.budgets[roots[0]] if roots else BUDGETS[0]
        for row in _rows(blocks, budget):
            x = 0.0
            for b in row:
                out.place(b, x, y)
                x += b.width + HGAP
            out.width = max(out.width, x - HGAP)
            y += max(b.height for b in row) + VGAP
        out.height = y - VGAP
        return out

    def subtree(self, number: str) -> _Block:
        children = self.kids.get(number, [])
        if not children:
            return _Block(BOX_W, self.h, BOX_W / 2, [(number, 0.0, 0.0)])
        if len(children) >= 2 and not any(self.kids.get(c) for c in children):
            return self.listed(number, children)
        blocks = [self.subtree(c) for c in children]
        rows = _rows(blocks, self.budgets[number])
        if len(rows) == 1:
            return self.one_row(number, blocks)
        return self.wrapped(number, rows)

    def listed(self, number: str, children: list[str]) -> _Block:
        out = _Block(INDENT + BOX_W, self.h, BOX_W / 2, [(number, 0.0, 0.0)])
        trunk_x, y = INDENT / 2, self.h
        for c in children:
            y += LIST_GAP
            out.boxes.append((c, INDENT, y))
            out.links.append(((trunk_x, y + self.h / 2), (INDENT, y + self.h / 2)))
            y += self.h
        out.links.append(((trunk_x, self.h), (trunk_x, y - self.h / 2)))
        out.height = y
        return out

    def one_row(self, number: str, blocks: list[_Block]) -> _Block:
        row_w = sum(b.width for b in blocks) + HGAP * (len(blocks) - 1)
        first = blocks[0].anchor
        last = row_w - blocks[-1].width + blocks[-1].anchor
        centre = (first + last) / 2
        shift = max(0.0, BOX_W / 2 - centre)  # the root box must not stick out left
        root_x = centre + shift - BOX_W / 2
        out = _Block(max(row_w + shift, root_x + BOX_W), 0.0, centre + shift)
        out.boxes.append((number, root_x, 0.0))
        top, bus = self.h + VGAP, self.h + VGAP / 2
        x = shift
        for b in blocks:
            out.place(b, x, top)
            out.links.append(((x + b.anchor, bus), (x + b.anchor, top)))
            x += b.width + HGAP
        out.links.append(((centre + shift, self.h), (centre + shift, bus)))
        if len(blocks) > 1:
            out.links.append(((first + shift, bus), (last + shift, bus)))
        out.height = top + max(b.height for b in blocks)
        return out

    def wrapped(self, number: str, rows: list[list[_Block]]) -> _Block:
        out = _Block(BOX_W, 0.0, BOX_W / 2, [(number, 0.0, 0.0)])
        trunk_x, top = INDENT / 2, self.h + VGAP
        bus = top
        for row in rows:
            bus = top - VGAP / 2
            x = INDENT
            for b in row:
                out.place(b, x, top)
                out.links.append(((x + b.anchor, bus), (x + b.anchor, top)))
                last_anchor = x + b.anchor
                x += b.width + HGAP
            out.links.append(((trunk_x, bus), (last_anchor, bus)))
            out.width = max(out.width, x - HGAP)
            top += max(b.height for b in row) + VGAP
        out.links.append(((trunk_x, self.h), (trunk_x, bus)))
        out.height = top - VGAP
        return out


def _rows(blocks: list[_Block], budget: float) -> list[list[_Block]]:
    """Split ``blocks`` (in order) into as few rows as the budget allows, then balance
    the rows so that the widest is as narrow as possible."""
    count, width = 1, 0.0
    for b in blocks:
        if width and width + HGAP + b.width > budget:
            count, width = count + 1, b.width
        else:
            width = width + HGAP + b.width if width else b.width
    return _balanced(blocks, count)


def _balanced(blocks: list[_Block], count: int) -> list[list[_Block]]:
    n = len(blocks)

    def span(i: int, j: int) -> float:
        return sum(b.width for b in blocks[i:j]) + HGAP * (j - i - 1)

    # best[k][j]: (widest row, cuts) for the first j blocks in k rows
    inf = (float("inf"), ())
    best: list[list[tuple[float, tuple[int, ...]]]] = [[inf] * (n + 1) for _ in range(count + 1)]
    best[0][0] = (0.0, ())
    for k in range(1, count + 1):
        for j in range(1, n + 1):
            for i in range(k - 1, j):
                prev, cuts = best[k - 1][i]
                cand = (max(prev, span(i, j)), (*cuts, i))
                if cand[0] < best[k][j][0] - 1e-9:
                    best[k][j] = cand
    cuts = (*best[count][n][1], n)
    return [blocks[cuts[k] : cuts[k + 1]] for k in range(count)]


def render_org_svg(manual_or_org: Manual | Organization) -> str:
    """The organigrama as a standalone SVG document (``ValueError`` without units)."""
    org = manual_or_org.organization if isinstance(manual_or_org, Manual) else manual_or_org
    if org is None or not (org.units or org.positions):
        raise ValueError("El manual no tiene estructura orgánica que dibujar.")
    chart = layout_org(org)
    w, h = f"{chart.width:.0f}", f"{chart.height:.0f}"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="orgchart" width="{w}" height="{h}" '
        f'viewBox="0 0 {w} {h}" role="img" aria-label="Organigrama" '
        'font-family="Liberation Sans, Arial, Helvetica, sans-serif">',
        "<title>Organigrama</title>",
        f'<rect width="{w}" height="{h}" fill="#ffffff"/>',
        '<g class="links" fill="none" stroke="#5b6675" stroke-width="1.3">',
    ]
    parts += [f'<path d="{_path(ln)}"/>' for ln in chart.links]
    parts.append('</g><g class="units">')
    parts += [_unit_svg(b) for b in chart.boxes]
    parts.append("</g></svg>")
    return "\n".join(parts) + "\n"


def _path(points: tuple[Point, ...]) -> str:
    return " ".join(f"{'M' if i == 0 else 'L'}{x:.1f} {y:.1f}" for i, (x, y) in enumerate(points))


def _unit_svg(unit: OrgBox) -> str:
    fill, ink = FILLS[unit.depth] if unit.depth < len(FILLS) else LAST_FILL
    b = unit.box
    first = b.cy - (len(unit.lines) - 1) * LINE / 2 + FONT * 0.35
    spans = "".join(
        f'<tspan x="{b.cx:.1f}" y="{first + i * LINE:.1f}">{escape(line)}</tspan>'
        for i, line in enumerate(unit.lines)
    )
    weight = ' font-weight="bold"' if unit.depth < 2 else ""
    return (
        f'<g class="unit level-{unit.depth}" data-number="{escape(unit.number)}">'
        f"<title>{escape(unit.number)} {escape(unit.name)}</title>"
        f'<rect class="unit" x="{b.x:.1f}" y="{b.y:.1f}" width="{b.w:.1f}" height="{b.h:.1f}" '
        f'rx="4" fill="{fill}" stroke="#1f3a5f" stroke-width="1"/>'
        f'<text font-size="{FONT:g}" text-anchor="middle" fill="{ink}"{weight}>{spans}</text></g>'
    )
