"""What the page of an organization manual shows: its unit tree, its positions, its org
chart and its findings grouped by code."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from folio.manuals.model import Organization, Position, Unit
from folio.render.orgchart import render_org_svg
from web.catalog.models import ManualVersion
from web.catalog.publish.diagrams import diagram_of
from web.catalog.publish.findings import group_findings


@dataclass
class UnitNode:
    unit: Unit
    children: list[UnitNode] = field(default_factory=list)
    positions: list[Position] = field(default_factory=list)


@dataclass(frozen=True)
class PositionView:
    position: Position
    unit_name: str
    #: Anchor of the position it reports to, when the importer resolved it.
    reports_to_anchor: str


def organization_context(version: ManualVersion) -> dict[str, Any]:
    manual = version.model()
    org = manual.organization or Organization()
    return {
        "units": unit_tree(org),
        "positions": position_views(org),
        "chart": diagram_of(lambda: render_org_svg(manual), "oc-"),
        "finding_groups": group_findings(version.data["diagnostics"]),
        "diagnostics_count": len(version.data["diagnostics"]),
    }


def unit_tree(org: Organization) -> list[UnitNode]:
    """The units nested under their parents (a unit whose parent is unknown is a root),
    each with the positions whose record names it."""
    nodes = {u.number: UnitNode(u) for u in org.units}
    for p in org.positions:
        if p.unit in nodes:
            nodes[p.unit].positions.append(p)
    parents = {u.number: u.parent for u in org.units}
    roots: list[UnitNode] = []
    for unit in org.units:
        node = nodes[unit.number]
        if unit.parent in nodes and not _in_cycle(unit.number, parents):
            nodes[unit.parent].children.append(node)
        else:
            roots.append(node)
    return roots


def _in_cycle(number: str, parents: dict[str, str | None]) -> bool:
    """Whether walking up from ``number`` comes back to it (a misread parent)."""
    seen: set[str] = set()
    current = parents.get(number)
    while current is not None and current in parents and current not in seen:
        if current == number:
            return True
        seen.add(current)
        current = parents[current]
    return current == number


def position_views(org: Organization) -> list[PositionView]:
    names = {u.number: u.name for u in org.units}
    numbers = {p.number for p in org.positions}
    return [
        PositionView(
            position=p,
            unit_name=names.get(p.unit or "", ""),
            reports_to_anchor=position_anchor(p.reports_to_number)
            if p.reports_to_number in numbers
            else "",
        )
        for p in org.positions
    ]


def position_anchor(number: str | None) -> str:
    return f"puesto-{number}" if number else ""
