"""A chart cut into printable sheets in both directions: first between lanes (a run of
neighbouring lanes per column of sheets, ``lanecut.py``), then each run between rows
(``paginate.py``), off-page connectors at every cut, lettered A, B… across all the
sheets. The sheets are titled "(hoja k de n)" in reading order: down the first run of
lanes, then down the next."""

from __future__ import annotations

from dataclasses import replace

from folio.render.geometry import Diagram
from folio.render.layout.frame import lanes_top
from folio.render.layout.lanecut import lane_column, lane_groups, translate
from folio.render.layout.paginate import letters, paginate


def _retitled(page: Diagram, title: str, number: int) -> Diagram:
    """``page`` titled ``title`` (its content moved down if the title takes more lines)."""
    dy = lanes_top(title, page.width) - lanes_top(page.title, page.width)
    moved = translate(page, 0.0, dy) if dy else page
    lanes = tuple(
        replace(lane, box=replace(lane.box, y=lane.box.y - dy, h=lane.box.h + dy))
        for lane in moved.lanes
    )
    nodes = tuple(replace(n, page=number) for n in moved.nodes)
    return replace(moved, title=title, lanes=lanes, nodes=nodes)


def print_sheets(diagram: Diagram, max_width: float, max_height: float) -> list[Diagram]:
    """``diagram`` cut into sheets at most ``max_width`` × ``max_height`` (but for a lane
    or a row larger than that, which gets a sheet of its own); a chart that fits is the
    only sheet, unchanged."""
    if diagram.width <= max_width and diagram.height <= max_height or not diagram.nodes:
        return [diagram]
    groups = lane_groups(diagram, max_width)
    if len(groups) == 1:
        pages = paginate(diagram, max_height)
    else:
        pages = _by_lanes(diagram, groups, max_height)
    if len(pages) == 1:
        return pages
    count = len(pages)
    return [
        replace(_retitled(p, _sheet_title(diagram, k, count), k), pages=count)
        for k, p in enumerate(pages, 1)
    ]


def _by_lanes(diagram: Diagram, groups: list[list[str]], max_height: float) -> list[Diagram]:
    """The charts of each run of lanes in ``groups``, each cut between rows: the edges
    between runs lettered first, then those cut between rows, run after run."""
    lane_of = {n.id: n.lane for n in diagram.nodes}
    group_of = {lane: k for k, group in enumerate(groups) for lane in group}
    cut = [e for e in diagram.edges if group_of[lane_of[e.source]] != group_of[lane_of[e.target]]]
    labels = {e.id: letters(i) for i, e in enumerate(cut)}
    used = len(cut)
    pages: list[Diagram] = []
    for group in groups:
        column, rows = lane_column(diagram, group, labels)
        part = paginate(column, max_height, rows=rows, first_letter=used)
        row_connectors = [
            n for p in part for n in p.nodes if n.id.startswith("off-") and n.id[4:6] != "s-"
        ]
        used += len(row_connectors) // 2  # each on the two sheets of its cut
        pages += part
    return pages


def _sheet_title(diagram: Diagram, number: int, count: int) -> str:
    """The title with "(hoja k de n)" after the procedure's code, where a title cut short
    for its length keeps it."""
    code, mark = diagram.procedure, f"(hoja {number} de {count})"
    if code and diagram.title.startswith(code):
        return f"{code} {mark}{diagram.title[len(code) :]}"
    return f"{mark} {diagram.title}".strip()


__all__ = ["print_sheets"]
