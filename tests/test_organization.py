"""The organization-manual importer: the Monterrey seed (002) against the hand-checked
reference, and small invented manuals in other layouts."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from folio.manuals.blocks import ParseError
from folio.manuals.model import Manual, Organization, Position, Unit
from folio.manuals.organization import (
    normalize_name,
    parse_organization_manual,
    role_names,
)
from folio.manuals.organization.names import split_names
from folio.manuals.sources.text import read_text_rows, text_to_rows

from .conftest import (
    REFERENCE,
    SEED_000,
    SEED_001,
    SEED_002,
    SEED_003,
    SEED_004,
    needs_shared,
)


@cache
def seed() -> Manual:
    manual = parse_organization_manual(read_text_rows(SEED_002), SEED_002.name)
    assert manual is not None
    return manual


def positions(manual: Manual) -> dict[str, Position]:
    assert manual.organization is not None
    return {p.number: p for p in manual.organization.positions}


def units(manual: Manual) -> dict[str, Unit]:
    assert manual.organization is not None
    return {u.number: u for u in manual.organization.units}


def reference_tree() -> list[tuple[str, str]]:
    """(number, name) of the tree in reference §A.2, read from the reference itself."""
    text = (REFERENCE / "seeds-org-planning.md").read_text(encoding="utf-8")
    block = text.split("### A.2", 1)[1].split("```", 2)[1]
    return re.findall(r"^\s*(\d+(?:\.\d+)*)\.?\s+(.+?)\s*$", block, re.MULTILINE)


# --- the real seed ---------------------------------------------------------------


@needs_shared
def test_it_reads_the_seed_as_an_organization_manual() -> None:
    manual = seed()
    assert manual.kind == "organizacion"
    assert manual.procedures == ()
    assert manual.code == "MO-SIG-01"
    assert manual.revision == "01"
    assert manual.elaborated == "31/03/23"
    assert normalize_name(manual.title) == "manual de organizacion"
    assert manual.unit.startswith("Secretaría de ")


@needs_shared
def test_it_finds_40_units_40_positions_and_326_functions() -> None:
    manual = seed()
    assert manual.organization is not None
    assert len(manual.organization.units) == 40
    assert len(manual.organization.positions) == 40
    assert sum(len(p.functions) for p in manual.organization.positions) == 326


@needs_shared
def test_it_counts_valor_and_tipo_as_the_reference_does() -> None:
    found = positions(seed()).values()
    assert Counter(p.value for p in found) == {"Alto": 31, "Muy Alto": 9}
    assert Counter(p.kind for p in found) == {
        "De libre designación": 14,
        "De carrera": 4,
        "De carrera y puesto clave": 15,
        "Temporal": 6,
        "Asimilado": 1,
    }


@needs_shared
def test_it_reads_the_structure_tree_of_the_reference() -> None:
    found = [(u.number, u.name) for u in units(seed()).values()]
    assert found == reference_tree()


@needs_shared
def test_it_derives_each_units_parent_from_the_numbering() -> None:
    tree = units(seed())
    assert tree["1"].parent is None
    assert tree["2"].parent is None  # the numbering makes the Direcciones siblings of 1
    assert tree["1.1"].parent == "1"
    assert tree["2.1.3.1"].parent == "2.1.3"
    assert tree["2.1.8"].parent == "2.1"
    assert tree["5.4"].parent == "5"


@needs_shared
def test_it_places_each_record_on_its_unit() -> None:
    found = positions(seed())
    assert all(p.unit == p.number for n, p in found.items() if n != "5.5")
    assert found["5.5"].unit == "5.4"  # the record is numbered 5.5, the tree says 5.4
    assert [p.source.line for p in found.values()] == sorted(
        p.source.line or 0 for p in found.values()
    )


@needs_shared
def test_it_resolves_reports_to_lines_without_guessing() -> None:
    found = positions(seed())
    expected = {
        "1": None,  # an external superior
        "1.1": "1",  # written as the nominal "Secretaria de …"
        "2": "1",  # gender marker "(o)"
        "2.1": "2",  # "Soporte Técnico" for "Soporte Tecnológico"
        "2.1.1": "2.1",  # doubled word
        "2.1.5.1": "2.1",  # not the numbering parent 2.1.5: reported by the linter
        "2.1.8": "2.1.4",
        "3": "1",
        "3.2.1": "3.2",  # words in another order
        "3.4": None,  # a unit that is not in the tree
        "3.5": None,
        "4.1": "4",
        "5.5": "5",
    }
    assert {n: found[n].reports_to_number for n in expected} == expected


@needs_shared
def test_it_keeps_page_headers_and_template_instructions_out_of_fields() -> None:
    for p in positions(seed()).values():
        texts = [p.title, p.nominal, p.reports_to, p.objective, p.value, p.kind, *p.functions]
        assert p.objective
        for text in texts:
            assert not re.search(r"CÓDIGO|PÁGINA|EMISIÓN|MO-SIG|MANUAL DE ORGANIZACIÓN", text)
            assert not re.match(r"(Representa la finalidad|DESCRIPCI|Cada función)", text)


@needs_shared
def test_it_keeps_both_objective_statements_when_a_record_has_two() -> None:
    found = positions(seed())
    assert found["2.1.5"].objective.count("\n\n") == 1
    assert found["2.1.1"].objective.count("\n\n") == 0


@needs_shared
def test_it_splits_subordinate_lists_at_commas_and_between_post_names() -> None:
    found = positions(seed())
    assert found["1.1"].subordinates == ()  # "N/A"
    assert found["2.1.5.1"].subordinates == ()  # "No Aplica"
    assert len(found["1"].subordinates) == 6
    assert len(found["3.1"].subordinates) == 2  # "… Consejo y Seguimiento a Acuerdos y …"
    assert len(found["2.2.2"].subordinates) == 2  # "… Soporte Técnico y Telecomunicaciones, …"
    assert len(found["3.2"].subordinates) == 7


@needs_shared
def test_it_collects_other_spellings_of_unit_names_as_aliases() -> None:
    with_aliases = {n for n, u in units(seed()).items() if u.aliases}
    assert with_aliases == {"1", "2", "2.1.3", "2.2.1.1", "2.2.2.1", "3.2", "3.6", "4", "4.1"}
    for unit in units(seed()).values():
        assert all(normalize_name(a) != normalize_name(unit.name) for a in unit.aliases)


@needs_shared
def test_it_reads_the_sign_off_sheet_and_the_change_log() -> None:
    manual = seed()
    assert [a.action for a in manual.authorizations] == [
        "Elabora",
        "Revisar",
        "Administra",
        "Expide",
    ]
    assert all(a.person and a.position for a in manual.authorizations)
    assert not any("RÚBRICA" in a.position for a in manual.authorizations)
    assert manual.introduction.count("\n\n") == 2  # three paragraphs, one cut by a page
    assert len(manual.editions) == 1 and manual.editions[0].startswith("01 | ")


@needs_shared
@pytest.mark.parametrize("path", [SEED_000, SEED_001, SEED_003, SEED_004], ids=lambda p: p.name)
def test_it_declines_documents_that_are_not_organization_manuals(path: Path) -> None:
    assert parse_organization_manual(read_text_rows(path), path.name) is None


# --- invented manuals in other layouts ----------------------------------------------

OTHER_LAYOUT = """\
MANUAL DE ORGANIZACIÓN
Dirección de Servicios Urbanos de Villa Ejemplo
Clave:\tMO-DSU-02
Revisión:\t03
Página 1 de 3

AUTORIZACIONES
ELABORÓ\tREVISÓ\tAUTORIZÓ
Ana Prueba Ficticia\tBruno Muestra Inventado\tCarla Ensayo Supuesta
Jefa de Planeación\tContralor Interno\tDirectora General

INTRODUCCIÓN
Este manual describe las unidades de la dirección
y los puestos que las atienden.

ESTRUCTURA ORGÁNICA
1. Dirección de Servicios Urbanos
1.1. Coordinación de Alumbrado
1.1.1. Jefatura de Mantenimiento
1.2. Coordinación de Parques

Clave:\tMO-DSU-02
Revisión:\t03
Página 2 de 3

DESCRIPCIÓN DE PUESTOS
1. Dirección de Servicios Urbanos
Puesto: Director de Servicios Urbanos
Reporta a: Presidencia Municipal
Objetivo: Dar servicios urbanos suficientes a toda la villa.
Funciones:
- Dirigir a las coordinaciones.
- Rendir cuentas al cabildo.
Le reportan: Coordinación de Alumbrado y Coordinación de Parques
Tipo de puesto: Confianza
1.1. Coordinación de Alumbrado
Reporta a: Director/a de Servicios Urbanos
Puesto: Coordinadora de Alumbrado
Le reportan: Jefe de Mantenimiento
Funciones:
• Programar las rondas de revisión de luminarias en
las colonias de la villa.
• Atender los reportes vecinales.
Clave:\tMO-DSU-02
Revisión:\t03
Página 3 de 3
• Integrar el informe mensual.
1.1.1. Jefatura de Mantenimiento
Puesto: Jefe (a) de Mantenimiento
Reporta a: Coordinación de Alumbrado
Funciones:
1) Reparar luminarias.
1.2. Coordinación de Parques
Puesto: Coordinador de Parques
Reporta a: Direccion de Servicios Urbanos
Funciones:
a) Cuidar los jardines públicos.

GLOSARIO
Luminaria: aparato que da luz en la vía pública.
CONTROL DE CAMBIOS
Versión\tFecha\tDescripción
03\t10/01/2024\tActualización de funciones
"""


def other_layout() -> Manual:
    manual = parse_organization_manual(text_to_rows(OTHER_LAYOUT, "villa.txt"), "villa.txt")
    assert manual is not None
    return manual


def test_it_reads_fields_in_another_order_and_with_other_labels() -> None:
    found = positions(other_layout())
    assert list(found) == ["1", "1.1", "1.1.1", "1.2"]
    assert found["1.1"].title == "Coordinadora de Alumbrado"
    assert found["1"].kind == "Confianza"
    assert found["1"].objective == "Dar servicios urbanos suficientes a toda la villa."
    assert found["1"].subordinates == ("Coordinación de Alumbrado", "Coordinación de Parques")
    assert {n: p.reports_to_number for n, p in found.items()} == {
        "1": None,
        "1.1": "1",
        "1.1.1": "1.1",
        "1.2": "1",
    }


def test_it_reads_bulleted_functions_joined_across_lines_and_page_breaks() -> None:
    found = positions(other_layout())
    assert found["1.1"].functions == (
        "Programar las rondas de revisión de luminarias en las colonias de la villa.",
        "Atender los reportes vecinales.",
        "Integrar el informe mensual.",
    )
    assert found["1.1.1"].functions == ("Reparar luminarias.",)
    assert found["1.2"].functions == ("Cuidar los jardines públicos.",)


def test_it_reads_the_front_matter_of_another_layout() -> None:
    manual = other_layout()
    assert (manual.code, manual.revision) == ("MO-DSU-02", "03")
    assert manual.unit == "Dirección de Servicios Urbanos de Villa Ejemplo"
    assert [(a.action, a.position) for a in manual.authorizations] == [
        ("Elaboró", "Jefa de Planeación"),
        ("Revisó", "Contralor Interno"),
        ("Autorizó", "Directora General"),
    ]
    assert manual.introduction == (
        "Este manual describe las unidades de la dirección y los puestos que las atienden."
    )
    assert [t.term for t in manual.glossary] == ["Luminaria"]
    assert manual.editions == ("03 | 10/01/2024 | Actualización de funciones",)


AMBIGUOUS = """\
MANUAL DE ORGANIZACIÓN
ESTRUCTURA ORGÁNICA
1. Dirección de Obras Públicas
1.1. Jefatura de Oficina
2. Dirección de Obras Hidráulicas
2.1. Jefatura de Oficina
2.2. Coordinación de Pozos
PUESTOS Y FUNCIONES
1. Dirección de Obras Públicas
Puesto funcional:\tDirector(a) de Obras Públicas
Puesto al que le reporta:\tPresidencia
1.1. Jefatura de Oficina
Puesto funcional:\tJefe(a) de Oficina
Puesto al que le reporta:\tDirección de Obras Públicas
2. Dirección de Obras Hidráulicas
Puesto funcional:\tDirectora de Obras Hidráulicas
Puesto al que le reporta:\tPresidencia
2.1. Jefatura de Oficina
Puesto funcional:\tJefe(a) de Oficina
Puesto al que le reporta:\tDirección de Obras
2.2. Coordinación de Pozos
Puesto funcional:\tCoordinador de Pozos
Puesto al que le reporta:\tJefatura de Oficina
"""


def test_it_leaves_a_reports_to_line_unresolved_when_two_posts_fit() -> None:
    manual = parse_organization_manual(text_to_rows(AMBIGUOUS, "obras.txt"), "obras.txt")
    assert manual is not None
    found = positions(manual)
    assert found["1.1"].reports_to_number == "1"
    assert found["2.1"].reports_to_number is None  # "Dirección de Obras": public or water works?
    assert found["2.2"].reports_to_number is None  # two "Jefatura de Oficina", neither above it
    assert units(manual)["2.1"].parent == "2"


def test_it_declines_a_procedure_manual_and_rejects_an_empty_organization_manual() -> None:
    procedures = "MANUAL DE PROCEDIMIENTOS\nDirección de Obras Públicas\n1. Recibir la solicitud\n"
    assert parse_organization_manual(text_to_rows(procedures, "p.txt"), "p.txt") is None
    empty = "MANUAL DE ORGANIZACIÓN\nIntroducción sin más contenido.\n"
    with pytest.raises(ParseError, match="vacio.txt"):
        parse_organization_manual(text_to_rows(empty, "vacio.txt"), "vacio.txt")


# --- names ---------------------------------------------------------------------------


def test_it_normalizes_names_for_comparison() -> None:
    assert normalize_name("Secretario (a) de la Oficina") == "secretario de oficina"
    assert normalize_name("Jefe(a) de Área") == "jefe de area"
    assert normalize_name("Director/a  de  Obras") == "director de obras"
    assert normalize_name("Coordinador (o) del Parque") == "coordinador del parque"
    assert normalize_name("Dirección de Obras Obras Públicas") == "direccion de obras publicas"
    assert normalize_name("El Titular") == "titular"


def test_it_splits_a_list_only_where_a_new_post_starts() -> None:
    assert split_names("Analista de Riego y Drenaje y Auxiliar de Obra.") == (
        "Analista de Riego y Drenaje",
        "Auxiliar de Obra",
    )
    assert split_names("Jefatura de Pozos, 2 Auxiliares e Inspector") == (
        "Jefatura de Pozos",
        "2 Auxiliares",
        "Inspector",
    )
    assert split_names("N/A") == ()


def test_it_lists_every_name_of_a_post_for_the_procedure_linter() -> None:
    org = Organization(
        units=(Unit("1", "Dirección de Obras", aliases=("Dirección Obras",)),),
        positions=(Position("1", "Director(a) de Obras", nominal="Dirección de Obras", unit="1"),),
    )
    expected = {"Dirección de Obras", "Dirección Obras", "Director(a) de Obras"}
    assert role_names(org) == expected
    assert role_names(Manual(kind="organizacion", organization=org)) == expected
