"""Printed diagrams: a chart too wide or too long for a page is cut between lanes and
between rows into sheets that print at 7 pt or more, every cut edge ending in a pair of
lettered off-page connectors. A generated twelve-lane procedure always; seed 004's P29
(twelve lanes, 31 steps) when ../shared is present."""

from __future__ import annotations

import io
from collections import Counter, defaultdict
from dataclasses import replace
from functools import cache

import pdfplumber
import pytest

from folio.demo import DEMO_TEXT
from folio.manuals.load import load_manual
from folio.manuals.model import END, Manual, Procedure, Step, Transition
from folio.render.document import render_pdf
from folio.render.document.diagrams import MIN_SCALE, SHEET_PX, procedure_pages, sheet_size
from folio.render.geometry import Diagram
from folio.render.layout import layout_procedure
from folio.render.layout.sheets import print_sheets

from .conftest import SEED_004, needs_shared

#: Smallest text of a chart, in px (documents' labels), and px per pt.
SMALLEST_PX, PT_PER_PX = 7.5, 0.75


def wide_procedure(lanes: int = 12, steps: int = 26) -> Procedure:
    """Steps handed from lane to lane (forward and back), a decision every fifth step
    looping back, documents on some: wider and longer than any page."""
    roles = [f"Jefe/a de Departamento de Área número {k + 1}" for k in range(lanes)]
    out = []
    for n in range(1, steps + 1):
        role = roles[(n * 5) % lanes]
        if n == steps:
            following: tuple[Transition, ...] = (Transition(END),)
        elif n % 5 == 0:
            following = (Transition(str(n + 1), "Sí"), Transition(str(max(1, n - 3)), "No"))
        else:
            following = (Transition(str(n + 1)),)
        out.append(
            Step(
                number=str(n),
                responsible=(role,),
                activity=f"Revisa el expediente número {n} y lo turna con sus observaciones.",
                next=following,
                questions=("¿Está completo?",) if n % 5 == 0 else (),
            )
        )
    return Procedure(code="P9", name="Procedimiento de prueba muy ancho", steps=tuple(out))


@cache
def seed_004() -> Manual:
    return load_manual(SEED_004)


@cache
def sheets_of(proc: Procedure) -> tuple[Diagram, list[Diagram]]:
    diagram = layout_procedure(proc)
    return diagram, print_sheets(diagram, *SHEET_PX)


def assert_cut_cleanly(whole: Diagram, sheets: list[Diagram]) -> None:
    # every sheet fits the page at the least scale
    assert len(sheets) >= 2
    assert all(s.width <= SHEET_PX[0] and s.height <= SHEET_PX[1] for s in sheets)
    assert all(s.pages == len(sheets) for s in sheets)
    assert all(f"(hoja {k} de {len(sheets)})" in s.title for k, s in enumerate(sheets, 1))
    # every node of the chart on exactly one sheet
    real = [n.id for s in sheets for n in s.nodes if not n.id.startswith("off-")]
    assert sorted(real) == sorted(n.id for n in whole.nodes)
    # connectors come in pairs of one letter: one where the edge leaves, one where it
    # enters, on different sheets
    ends: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for k, sheet in enumerate(sheets):
        for edge in sheet.edges:
            for end, side in ((edge.target, "in"), (edge.source, "out")):
                node = next(n for n in sheet.nodes if n.id == end)
                if node.kind == "connector" and end.startswith("off-"):
                    ends[node.label].append((k, side))
    assert ends
    for letter, found in ends.items():
        assert sorted(side for _, side in found) == ["in", "out"], letter
        assert found[0][0] != found[1][0], letter


def test_it_cuts_a_wide_chart_between_lanes_and_rows() -> None:
    whole, sheets = sheets_of(wide_procedure())
    assert whole.width > 2 * SHEET_PX[0] and whole.height > 2 * SHEET_PX[1]
    assert_cut_cleanly(whole, sheets)
    lanes = Counter(len(s.lanes) for s in sheets)
    assert max(lanes) < len(whole.lanes)


def test_it_keeps_a_chart_that_fits_on_one_unchanged_sheet() -> None:
    small = wide_procedure(lanes=2, steps=3)
    whole, sheets = sheets_of(small)
    assert sheets == [whole]


def test_it_prints_every_sheet_at_7_pt_or_more() -> None:
    for svg in procedure_pages(wide_procedure()):
        width, _, wide = sheet_size(svg)
        assert wide
        scale = width / (float(svg.split('width="', 1)[1].split('"', 1)[0]) * 25.4 / 96)
        assert scale >= MIN_SCALE - 1e-6
        assert SMALLEST_PX * PT_PER_PX * scale >= 7.0


def min_font_pt(pdf: bytes) -> tuple[float, int]:
    """The smallest font size on any page (pt, after every scaling) and how many pages
    are landscape."""
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        sizes = [c["size"] for p in doc.pages for c in p.chars]
        landscape = sum(1 for p in doc.pages if p.width > p.height)
    return min(sizes), landscape


def test_it_writes_a_pdf_with_no_text_under_7_pt() -> None:
    # given the demo manual with a twelve-lane procedure
    manual = load_manual(DEMO_TEXT)
    manual = replace(manual, procedures=(wide_procedure(),))
    # when
    smallest, landscape = min_font_pt(render_pdf(manual))
    # then
    assert smallest >= 7.0
    assert landscape >= 4


@needs_shared
@pytest.mark.parametrize("code", ["P29", "P1", "P22"])
def test_it_cuts_seed_004_charts_into_readable_sheets(code: str) -> None:
    proc = seed_004().procedure(code)
    assert proc is not None
    whole, sheets = sheets_of(proc)
    assert_cut_cleanly(whole, sheets)
    for svg in procedure_pages(proc):
        width, _, _ = sheet_size(svg)
        px = float(svg.split('width="', 1)[1].split('"', 1)[0])
        assert width / (px * 25.4 / 96) >= MIN_SCALE - 1e-6
