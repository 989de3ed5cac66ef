"""The swimlane SVG: well-formed, standalone, deterministic, with the manual's symbols."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path

import pytest

from folio.manuals.load import load_manual
from folio.manuals.model import END, EXTERNAL, DocumentRef, Procedure, Step, Transition
from folio.render.layout import layout_procedure, paginate
from folio.render.svg import PAGE_HEIGHT, render_svg

from .conftest import SEED_000, SEED_003, SEED_004, needs_shared

NS = {"svg": "http://www.w3.org/2000/svg"}


@cache
def seed_procedures() -> list[tuple[str, Procedure]]:
    found = []
    for path in (SEED_000, SEED_003, SEED_004):
        manual = load_manual(Path(path))
        found += [(f"{path.name[:3]}-{p.code}", p) for p in manual.procedures]
    return found


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg.encode("utf-8"))


def titles(root: ET.Element) -> list[str]:
    return [t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}title")]


@needs_shared
def test_it_renders_every_seed_procedure_as_well_formed_deterministic_svg() -> None:
    procedures = seed_procedures()
    assert len(procedures) == 36
    for name, procedure in procedures:
        svg = render_svg(procedure)
        root = parse(svg)
        assert root.tag == "{http://www.w3.org/2000/svg}svg", name
        assert root.get("viewBox", "").startswith("0 0 "), name
        assert svg == render_svg(procedure), name
        texts = titles(root)
        for step in procedure.steps:  # the full activity is kept in a tooltip
            assert any(t.startswith(f"{step.number}. {step.activity}") for t in texts), name


@needs_shared
def test_it_marks_external_lanes_and_draws_the_manual_symbols() -> None:
    procedure = dict(seed_procedures())["004-P15"]
    root = parse(render_svg(procedure))
    groups = root.findall(".//svg:g[@class='lanegroup ext']", NS)
    assert len(groups) == 1
    assert "(externo)" in "".join(groups[0].itertext())
    assert root.findall(".//svg:rect[@class='head ext']", NS)
    assert len(root.findall(".//svg:polygon[@class='dec']", NS)) == 2
    assert root.findall(".//svg:rect[@class='term fin']", NS)
    assert root.findall(".//svg:path[@class='art']", NS)
    labels = {"".join(t.itertext()) for t in root.findall(".//svg:text[@class='lbltext']", NS)}
    assert {"Modificación", "Baja", "En caso contrario", "Si", "De lo contrario"} <= labels


@needs_shared
def test_it_renders_one_page_of_a_long_chart() -> None:
    procedure = dict(seed_procedures())["004-P29"]
    count = len(paginate(layout_procedure(procedure), PAGE_HEIGHT))
    assert count >= 2
    pages = [parse(render_svg(procedure, page=n)) for n in range(1, count + 1)]
    assert all(float(page.get("height", "0")) <= PAGE_HEIGHT for page in pages)
    assert titles(pages[0])[0].endswith(f"(hoja 1 de {count})")
    with pytest.raises(ValueError, match="no existe"):
        render_svg(procedure, page=count + 1)


def test_it_escapes_spanish_text_and_markup_characters() -> None:
    procedure = Procedure(
        "PX",
        "Trámite de <prueba> & señal",
        steps=(
            Step(
                "1",
                ('Área "solicitante"',),
                "Envía oficio <urgente> & anexa la Ñ",
                (DocumentRef("Oficio", "oficio", "FORM.1/A&B/2"),),
                next=(Transition("2", "¿Sí?"), Transition(f"{EXTERNAL}P9 & más", "No")),
            ),
            Step("2", ("Jefe/a",), "Cierra.", next=(Transition(END),)),
        ),
    )
    svg = render_svg(procedure)
    root = parse(svg)
    assert svg.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    text = "".join(root.itertext())
    assert "Trámite de <prueba> & señal" in text
    assert "Envía oficio <urgente> & anexa la Ñ" in text
    assert "(externo)" in text


def test_it_uses_a_generic_font_stack() -> None:
    procedure = Procedure("PX", "Prueba", steps=(Step("1", ("Analista",), "Hace.", next=()),))
    root = parse(render_svg(procedure))
    assert root.get("font-family", "").endswith("sans-serif")
