"""The parser's parts on the phrasings real manuals use: Tiempo Promedio de Gestión,
documents and form codes, compound responsibles, decision language."""

from __future__ import annotations

import pytest

from folio.manuals.cleaning import clean
from folio.manuals.documents import parse_documents
from folio.manuals.flowtext import analyze
from folio.manuals.roles import split_roles
from folio.manuals.timespec import parse_time


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("7 a 11 meses", (7.0, 11.0, "meses", "meses", "stated")),
        ("1 semana a 6 meses.", (1.0, 6.0, "meses", "semanas", "stated")),
        ("De 45 a 60 días hábiles.", (45.0, 60.0, "días hábiles", "días hábiles", "stated")),
        ("1 a 30 días naturales.", (1.0, 30.0, "días naturales", "días naturales", "stated")),
        ("24 horas.", (None, 24.0, "horas", None, "stated")),
        ("Dos meses como máximo.", (None, 2.0, "meses", None, "stated")),
        ("Variable.", (None, None, None, None, "variable")),
        ("Revisión y actualización mensual.", (None, None, None, None, "recurring")),
        ("El que se indique en cada contrato.", (None, None, None, None, "unparsed")),
        ("", (None, None, None, None, "missing")),
    ],
)
def test_it_parses_tiempo_promedio_de_gestion(text: str, expected: tuple[object, ...]) -> None:
    t = parse_time(text)
    assert (t.min, t.max, t.unit, t.min_unit, t.status) == expected
    assert t.text == text.strip()


def test_it_marks_recurring_time_with_its_period() -> None:
    assert parse_time("Revisión y actualización mensual.").recurrence == "mensual"


@pytest.mark.parametrize(
    ("cell", "types", "codes"),
    [
        ("Oficio / Ticket", ["Oficio", "Ticket"], [None, None]),
        ("Oficio o memorándum", ["Oficio", "Memorándum"], [None, None]),
        ("Oficio Número de Reporte", ["Oficio", "Ticket"], [None, None]),
        ("Carta Finiquito Equipo Factura original", ["Carta finiquito", "Factura"], [None, None]),
        (
            "Protocolo de entrega FORM.296/SECATI /012224",
            ["Formato"],
            ["FORM.296/SECATI/012224"],
        ),
        (
            "Formatos FORM.315/SECATI/012224 y FORM.321/SECATI/012224.",
            ["Formato", "Formato"],
            ["FORM.315/SECATI/012224", "FORM.321/SECATI/012224"],
        ),
        ("Formato de solicitud de dictamen técnico", ["Formato"], [None]),
        ("N/A", [], []),
    ],
)
def test_it_splits_and_types_documents(cell: str, types: list[str], codes: list[str]) -> None:
    docs = parse_documents(cell)
    assert [d.type for d in docs] == types
    assert [d.form_code for d in docs] == codes


@pytest.mark.parametrize(
    ("cell", "roles"),
    [
        ("Dependencias y Entidades Municipales", ("Dependencias y Entidades Municipales",)),
        (
            "Director/a de Gobierno Electrónico o Mesa de servicio",
            ("Director/a de Gobierno Electrónico", "Mesa de servicio"),
        ),
        (
            "Jefe/a de Departamento de Administración de Infraestructura y/o Soporte Técnico",
            (
                "Jefe/a de Departamento de Administración de Infraestructura",
                "Jefe/a de Departamento de Soporte Técnico",
            ),
        ),
        (
            "Dirección de Recursos Materiales y Servicios Generales",
            ("Dirección de Recursos Materiales y Servicios Generales",),
        ),
        (
            "El o la Coordinador/a Especializado/a (Departamento de Administración)",
            ("El o la Coordinador/a Especializado/a (Departamento de Administración)",),
        ),
        ("Departamento de Comunicación y Difusión", ("Departamento de Comunicación y Difusión",)),
    ],
)
def test_it_splits_compound_responsibles(cell: str, roles: tuple[str, ...]) -> None:
    assert split_roles(cell) == roles


@pytest.mark.parametrize(
    "text",
    [
        "Determina e identifica el número de aplicativos.",
        "Termina la llamada con su script de cierre.",
        "Revisa, autoriza difusión y regresa al Titular de la Unidad.",
        "Recibe solicitud, analiza y determina si es procedente.",
    ],
)
def test_it_does_not_read_false_friends_as_flow(text: str) -> None:
    assert not analyze(clean(text)).has_flow


@pytest.mark.parametrize(
    ("text", "branches"),
    [
        ("¿Procede? Si Ir al paso 12 / No Fin del Procedimiento", [("Si", "12"), ("No", "end")]),
        (
            "Elige: a) Si el trámite procede, continúa en el paso 16. "
            "b) Si no, continúa en paso 17.",
            [("a) Si el trámite procede", "16"), ("b) Si no", "17")],
        ),
        ("¿Existen correcciones? • Si: regresa la a actividad 2", [("Si", "2")]),
        ("¿Se restablece la red? • Si: Regresa a la actividad no.  De lo contrario:", None),
    ],
)
def test_it_reads_branch_variants(text: str, branches: list[tuple[str, str]] | None) -> None:
    a = analyze(clean(text))
    if branches is None:  # the jump names no step: a "missing" target, then the else
        assert [b.target.kind if b.target else None for b in a.branches] == ["missing", None]
        return
    got = [(b.label, b.target.value or b.target.kind) for b in a.branches if b.target]
    assert got == branches
