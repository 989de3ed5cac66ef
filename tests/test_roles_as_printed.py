"""Responsible cells read as printed: stacked posts, letter-spaced text, "Puesto, Área"
cells, and the subject of a narrative step (issue 8, item 4)."""

from __future__ import annotations

import pytest

from folio.manuals.blocks import Row
from folio.manuals.model import SourceRef
from folio.manuals.prose import subject_of
from folio.manuals.roles import split_roles
from folio.manuals.tablefind import find_tables

ROLE_CELLS = [
    # Two posts stacked in one cell, with no separator or joined by a period.
    ("Jefe de Oficina Auxiliar Administrativo", ("Jefe de Oficina", "Auxiliar Administrativo")),
    ("Jefe de Oficina. Auxiliar Administrativo", ("Jefe de Oficina", "Auxiliar Administrativo")),
    # A role head after a joining word is part of the name.
    ("Jefe de Departamento de Archivo", ("Jefe de Departamento de Archivo",)),
    ("Titular de la Unidad Jurídica", ("Titular de la Unidad Jurídica",)),
    ("Director de Área", ("Director de Área",)),
    # Heads that are also adjectives, or one-word sides, do not stack.
    ("Secretaría Técnica", ("Secretaría Técnica",)),
    ("Dirección de Atención Ciudadana", ("Dirección de Atención Ciudadana",)),
    ("Persona Titular de la Unidad", ("Persona Titular de la Unidad",)),
    (
        "Persona Servidora Pública de la Dependencia Solicitante",
        ("Persona Servidora Pública de la Dependencia Solicitante",),
    ),
    (
        "Mesa de Servicio y/o Dirección de Gobierno Electrónico",
        ("Mesa de Servicio", "Dirección de Gobierno Electrónico"),
    ),
    # Letter-spaced text, with its wider word spaces kept or lost.
    ("C o o r d i n a d o r  d e  A r c h i v o", ("Coordinador de Archivo",)),
    ("C o o r d i n a d o r d e A r c h i v o", ("Coordinador de Archivo",)),
    ("J e f e d e l a U n i d a d J u r í d i c a", ("Jefe de la Unidad Jurídica",)),
    # "Puesto, Área": a post and its unit after a comma is one responsible.
    ("Analista Social, Departamento de Apoyos", ("Analista Social, Departamento de Apoyos",)),
    ("Topógrafo, Departamento Técnico", ("Topógrafo, Departamento Técnico",)),
    (
        "Auxiliar de Inventarios, Departamento de Recursos Materiales",
        ("Auxiliar de Inventarios, Departamento de Recursos Materiales",),
    ),
    ("Director/a, Jefe/a de Archivo", ("Director/a", "Jefe/a de Archivo")),
    ("Dirección de Obras, Tesorería", ("Dirección de Obras", "Tesorería")),
    ("Solicitante, Dirección de Obras", ("Solicitante", "Dirección de Obras")),
    # Existing behaviour.
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
        "Subdirector/a de Infraestructura Tecnológica y Sistemas",
        ("Subdirector/a de Infraestructura Tecnológica", "Subdirector/a de Sistemas"),
    ),
    ("Director de Administración y Finanzas", ("Director de Administración y Finanzas",)),
    ("Departamento de Comunicación y Difusión", ("Departamento de Comunicación y Difusión",)),
    (
        "Enlaces (datos abiertos y seguridad)",
        ("Enlace de Datos Abiertos", "Enlace de Seguridad"),
    ),
    ("", ()),
]


@pytest.mark.parametrize(("cell", "roles"), ROLE_CELLS)
def test_it_reads_responsible_cells_as_printed(cell: str, roles: tuple[str, ...]) -> None:
    assert split_roles(cell) == roles


SENTENCES = [
    ("La Oficialía de Partes recibe la solicitud en ventanilla.", "Oficialía de Partes"),
    (
        "El Jefe del Departamento de Archivo revisa el expediente.",
        "Jefe del Departamento de Archivo",
    ),
    ("El Comité de Transparencia confirma, modifica o revoca.", "Comité de Transparencia"),
    ("El área administrativa busca la información.", "área administrativa"),
    ("El área responsable del tratamiento determina.", "área responsable del tratamiento"),
    ("Tesorería Municipal recibe el pago.", "Tesorería Municipal"),
    ("El Director lo firma.", "Director"),
    ("La Unidad, una vez recibida, turna.", "Unidad"),
    ("Se turna el expediente al área.", ""),
    ("Recibe la solicitud y la registra.", ""),
    ("Si procede, la Unidad notifica.", ""),
    ("", ""),
]


@pytest.mark.parametrize(("text", "subject"), SENTENCES)
def test_it_reads_the_subject_of_a_narrative_step(text: str, subject: str) -> None:
    assert subject_of(text) == subject


def test_narrative_steps_carry_their_subject_as_responsible() -> None:
    body = [
        Row(("Paso 1: La Oficialía de Partes recibe la solicitud y la turna.",), SourceRef()),
        Row(("Paso 2: Se registra la solicitud en el sistema de control.",), SourceRef()),
        Row(("Paso 3. El Jefe del Departamento de Archivo revisa el expediente.",), SourceRef()),
    ]
    [table] = find_tables(body)
    assert [r.responsible for r in table.rows] == [
        "Oficialía de Partes",
        "",
        "Jefe del Departamento de Archivo",
    ]
