"""Editing a procedure's header; putting an edited procedure back in its manual."""

from __future__ import annotations

import pytest

from folio.manuals.edit import EditError, blank_procedure, replace_procedure, update_header
from folio.manuals.model import Procedure

BASE = blank_procedure("P1", "Trámite")


def header(**changes: object) -> dict[str, object]:
    fields: dict[str, object] = {"name": "Trámite", "code": "P1"}
    return {**fields, **changes}


@pytest.mark.parametrize(
    ("time", "status", "maximum", "unit"),
    [
        ("De 45 a 60 días hábiles.", "stated", 60.0, "días hábiles"),
        ("Dos meses como máximo.", "stated", 2.0, "meses"),
        ("Variable.", "variable", None, None),
        ("Revisión y actualización mensual.", "recurring", None, None),
        ("Cuando se pueda", "unparsed", None, None),
        ("", "missing", None, None),
    ],
)
def test_it_parses_the_tiempo_promedio_de_gestion(
    time: str, status: str, maximum: float | None, unit: str | None
) -> None:
    p = update_header(BASE, name="Trámite", code="P1", time=time)
    assert (p.time.status, p.time.max, p.time.unit) == (status, maximum, unit)


def test_it_sets_the_header_fields() -> None:
    p = update_header(
        BASE,
        name=" Atención de reportes ",
        code="P7",
        unit="Dirección de Atención Ciudadana",
        objective="Atender.",
        legal_basis="Reglamento, art. 12.",
        policies=["Todo reporte lleva folio.", "", "Se responde por FORM.3/DAC/01."],
        time="5 días hábiles",
        indicators=["Indicador de eficiencia: reportes atendidos x 100 = 90%"],
    )
    assert (p.name, p.code, p.unit) == (
        "Atención de reportes",
        "P7",
        "Dirección de Atención Ciudadana",
    )
    assert p.policies == ("Todo reporte lleva folio.", "Se responde por FORM.3/DAC/01.")
    assert p.forms == ("FORM.3/DAC/01",)
    assert p.indicators[0].name == "de eficiencia" and p.indicators[0].target == "90%"
    assert p.indicators[0].factor == 100.0


def test_it_keeps_an_unchanged_indicator_as_read() -> None:
    p = update_header(BASE, name="T", code="P1", indicators=["Indicador de calidad = 80%"])
    again = update_header(p, name="T", code="P1", indicators=["Indicador de calidad = 80%"])
    assert again.indicators == p.indicators


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"name": " "}, "Encabezado, nombre: escriba el nombre"),
        ({"code": ""}, "Encabezado, código: escriba el código"),
        ({"code": "P/1"}, "Encabezado, código: «P/1» no puede llevar"),
    ],
)
def test_it_refuses_a_header_without_name_or_code(changes: dict[str, str], message: str) -> None:
    with pytest.raises(EditError, match=message):
        update_header(BASE, **{"name": "T", "code": "P1", **changes})


def test_it_replaces_or_appends_a_procedure() -> None:
    others = (Procedure("P1", "Uno"), Procedure("P2", "Dos"))
    assert [p.name for p in replace_procedure(others, "P2", Procedure("P2", "Otro"))] == [
        "Uno",
        "Otro",
    ]
    assert [p.code for p in replace_procedure(others, "", Procedure("P3", "Tres"))] == [
        "P1",
        "P2",
        "P3",
    ]
    with pytest.raises(EditError, match="ya hay un procedimiento P1 en el manual"):
        replace_procedure(others, "P2", Procedure("P1", "Dos"))
