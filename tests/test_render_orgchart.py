"""The organigrama: every unit drawn once, under the unit its head reports to, with no
box over another and no line through a box."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from folio.manuals.load import load_manual
from folio.manuals.model import Manual, Organization, Position, Unit
from folio.render.geometry import Box
from folio.render.orgchart import OrgChart, chart_units, layout_org, render_org_svg

from .conftest import SEED_002, needs_shared

SVG = "{http://www.w3.org/2000/svg}"


def overlaps(chart: OrgChart) -> list[tuple[str, str]]:
    boxes = chart.boxes
    return [
        (a.number, b.number)
        for i, a in enumerate(boxes)
        for b in boxes[i + 1 :]
        if a.box.intersects(b.box, margin=2.0)
    ]


def crosses(chart: OrgChart) -> list[str]:
    """Units whose box a connector segment passes through (touching an edge is fine)."""
    hits = []
    for line in chart.links:
        for (x1, y1), (x2, y2) in zip(line, line[1:], strict=False):
            seg = Box(min(x1, x2), min(y1, y2), abs(x2 - x1), abs(y2 - y1))
            for unit in chart.boxes:
                inner = Box(unit.box.x + 1, unit.box.y + 1, unit.box.w - 2, unit.box.h - 2)
                if seg.intersects(inner) and not (seg.w == 0 and seg.h == 0):
                    hits.append(unit.number)
    return hits


def wide_org() -> Organization:
    """One head with 30 offices (some with staff) and a six-level chain: a hard shape."""
    units = [Unit("1", "Presidencia Municipal de un municipio inventado")]
    for i in range(1, 31):
        units.append(Unit(f"1.{i}", f"Dirección de Servicios Municipales número {i}", "1"))
        if i % 4 == 0:
            units += [
                Unit(f"1.{i}.{k}", f"Departamento {k} de la dirección {i}", f"1.{i}")
                for k in (1, 2)
            ]
    for depth in range(2, 8):
        units.append(Unit("1.1" + ".1" * (depth - 1), f"Nivel {depth}", "1.1" + ".1" * (depth - 2)))
    return Organization(units=tuple(units))


@needs_shared
def test_it_draws_the_40_units_of_seed_002_without_overlaps() -> None:
    # given
    manual = load_manual(SEED_002)
    assert manual.organization is not None
    # when
    chart = layout_org(manual.organization)
    svg = render_org_svg(manual)
    # then
    assert len(chart.boxes) == 40
    assert sorted(b.number for b in chart.boxes) == sorted(
        u.number for u in manual.organization.units
    )
    assert overlaps(chart) == []
    assert crosses(chart) == []
    root = ET.fromstring(svg)
    assert len(root.findall(f".//{SVG}rect[@class='unit']")) == 40


@needs_shared
def test_it_hangs_units_under_the_position_they_report_to() -> None:
    manual = load_manual(SEED_002)
    assert manual.organization is not None
    parents = {u.number: u.parent for u in chart_units(manual.organization)}
    by_number = {p.number: p for p in manual.organization.positions}
    unit_of = {p.number: p.unit for p in manual.organization.positions}
    for number, parent in parents.items():
        head = next((p for p in by_number.values() if p.unit == number), None)
        if head is not None and head.reports_to_number in unit_of:
            assert parent == unit_of[head.reports_to_number], number


def test_it_lays_out_a_wide_and_deep_organization_readably() -> None:
    chart = layout_org(wide_org())
    assert len(chart.boxes) == len(wide_org().units)
    assert overlaps(chart) == []
    assert crosses(chart) == []
    # wrapped rows keep the chart within a page-like shape
    assert chart.width < 4 * chart.height and chart.height < 4 * chart.width


def test_it_prefers_the_reports_to_line_over_the_numbering() -> None:
    org = Organization(
        units=(Unit("1", "Dirección"), Unit("2", "Tesorería"), Unit("2.1", "Caja", "2")),
        positions=(
            Position("1", "Director/a", unit="1"),
            Position("2", "Tesorero/a", unit="2"),
            Position("2.1", "Cajero/a", unit="2.1", reports_to_number="1"),
        ),
    )
    assert {u.number: u.parent for u in chart_units(org)} == {"1": None, "2": None, "2.1": "1"}


def test_it_ignores_reports_to_lines_that_make_a_cycle() -> None:
    org = Organization(
        units=(Unit("1", "Dirección"), Unit("1.1", "Oficina", "1")),
        positions=(
            Position("1", "Director/a", unit="1", reports_to_number="1.1"),
            Position("1.1", "Jefe/a de Oficina", unit="1.1", reports_to_number="1"),
        ),
    )
    parents = {u.number: u.parent for u in chart_units(org)}
    assert parents == {"1": None, "1.1": "1"}
    assert len(layout_org(org).boxes) == 2


def test_it_draws_positions_when_the_manual_lists_no_units() -> None:
    org = Organization(
        positions=(
            Position("1", "Director/a de Obras"),
            Position("1.1", "Jefe/a de Proyectos", reports_to_number="1"),
        )
    )
    svg = render_org_svg(org)
    assert "Jefe/a de Proyectos" in svg
    assert len(ET.fromstring(svg).findall(f".//{SVG}rect[@class='unit']")) == 2


def test_it_escapes_names_and_is_deterministic() -> None:
    org = Organization(units=(Unit("1", 'Dirección "A" <Obras> & Servicios'),))
    svg = render_org_svg(org)
    assert svg == render_org_svg(org)
    text = "".join(ET.fromstring(svg).itertext())
    assert '"A" <Obras> & Servicios' in text.replace("\n", " ")


def test_it_refuses_a_manual_without_organization() -> None:
    with pytest.raises(ValueError):
        render_org_svg(Manual(kind="procedimientos"))


def test_it_writes_a_standalone_svg_file(tmp_path: Path) -> None:
    org = wide_org()
    (tmp_path / "org.svg").write_text(render_org_svg(org), encoding="utf-8")
    root = ET.parse(tmp_path / "org.svg").getroot()
    assert root.get("viewBox", "").startswith("0 0 ")
