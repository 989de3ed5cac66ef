"""The linter on the real seed manuals: it finds the defects the hand-checked reference
lists (seeds-procedures.md §5.1, §6, §7.9, §9) and stays quiet where the reference says
the text is sound (branch tails written in sequence, "Termina la llamada", distinct
roles with similar names)."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from folio.manuals.lint import lint_manual
from folio.manuals.lint.roles import role_groups, spellings
from folio.manuals.load import load_manual
from folio.manuals.model import Diagnostic, Manual

from .conftest import SEED_000, SEED_002, SEED_003, SEED_004, needs_shared

pytestmark = needs_shared

Finding = tuple[str, str | None, str | None]


@cache
def seed(path: Path) -> Manual:
    return load_manual(path)


def findings(diagnostics: list[Diagnostic], *codes: str) -> set[Finding]:
    return {(d.code, d.procedure, d.step) for d in diagnostics if not codes or d.code in codes}


@pytest.fixture(scope="module")
def lint_004() -> list[Diagnostic]:
    return lint_manual(seed(SEED_004))


def one(diagnostics: list[Diagnostic], code: str, procedure: str, step: str | None) -> Diagnostic:
    hits = [d for d in diagnostics if (d.code, d.procedure, d.step) == (code, procedure, step)]
    assert len(hits) == 1, findings(diagnostics, code)
    return hits[0]


# --- 004: the logic defects of §7.9 item 54 -------------------------------------------


def test_it_finds_the_loop_with_no_target_in_p13(lint_004: list[Diagnostic]) -> None:
    # "¿Se restablece la red? • Si: Regresa a la actividad no." (unnumbered row after 2)
    diagnostic = one(lint_004, "FOL202", "P13", "2")
    assert diagnostic.severity == "error" and diagnostic.source.line is not None


def test_it_notes_p12_continuing_in_the_siam_procedure(lint_004: list[Diagnostic]) -> None:
    diagnostic = one(lint_004, "FOL208", "P12", "8")
    assert diagnostic.severity == "info" and "P31" in diagnostic.message


def test_it_finds_the_duplicated_decision_of_p29(lint_004: list[Diagnostic]) -> None:
    diagnostic = one(lint_004, "FOL209", "P29", "14")
    assert "¿Propuesta correcta?" in diagnostic.message and "actividad 13" in diagnostic.message


def test_it_finds_the_hand_off_mismatch_of_p4(lint_004: list[Diagnostic]) -> None:
    diagnostic = one(lint_004, "FOL303", "P4", "5")
    assert "Administrador/a de Aplicaciones" in diagnostic.message


def test_it_does_not_flood_with_hand_off_findings(lint_004: list[Diagnostic]) -> None:
    # P27 steps 4-5 hand reports to an "Encargado de correos electrónicos" who never
    # appears as a responsible (reference §9, roles named only in activity text).
    assert findings(lint_004, "FOL303") == {
        ("FOL303", "P4", "5"),
        ("FOL303", "P27", "4"),
        ("FOL303", "P27", "5"),
    }


def test_it_finds_the_implicit_end_of_p19_only(lint_004: list[Diagnostic]) -> None:
    # P26 step 11 "Termina la llamada…" is not an end and must not count as a marker.
    assert findings(lint_004, "FOL207") == {("FOL207", "P19", "4")}


def test_it_accepts_branch_tails_written_in_sequence(lint_004: list[Diagnostic]) -> None:
    # P15 steps 5/7/9/11, P22 15-17 and P29 25/26 are reached by jumps: no dead text,
    # and every other jump of the manual has an existing target and a way to the end.
    flow = ("FOL201", "FOL202", "FOL203", "FOL204", "FOL205", "FOL206", "FOL210")
    assert findings(lint_004, *flow) == {("FOL202", "P13", "2")}


# --- 004: forms (§5.1) ----------------------------------------------------------------


def coded(diagnostics: list[Diagnostic], code: str) -> set[tuple[str | None, str | None, str]]:
    """(procedure, step, first form code quoted in the message) of each finding."""
    found = set()
    for d in diagnostics:
        if d.code == code:
            quoted = re.search(r"(?:«|formato )(FORM[^»,]*?)(?:»|,)", d.message)
            found.add((d.procedure, d.step, quoted.group(1) if quoted else ""))
    return found


def test_it_finds_the_five_misspelt_form_codes(lint_004: list[Diagnostic]) -> None:
    assert coded(lint_004, "FOL401") == {
        ("P1", "25", "FORM.296/SECATI /012224"),
        ("P2", "8", "FORM.297/SEC ATI/012224"),
        ("P24", "6", "FORM.300/SE CATI/012224"),
        ("P5", None, "FORM. 316/SECATI/012224"),  # in policy 6
        (None, None, "FORM.317/ SECATI/012224"),  # in the heading of its instructivo
    }


def test_it_finds_the_forms_the_manual_does_not_reproduce(lint_004: list[Diagnostic]) -> None:
    # FORM.300 is reproduced without its code printed, so it may be reported too.
    assert {
        ("P1", "25", "FORM.296/SECATI/012224"),
        ("P2", "8", "FORM.297/SECATI/012224"),
        ("P28", "1", "FORM.321/SECATI/012224"),
    } <= coded(lint_004, "FOL402")
    assert findings(lint_004, "FOL403") == set()


def test_it_finds_the_unreadable_time_of_p30_only(lint_004: list[Diagnostic]) -> None:
    assert findings(lint_004, "FOL501", "FOL502") == {("FOL502", "P30", None)}


# --- roles (§9) -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "procedure", "step", "variant"),
    [
        (SEED_004, "P1", "17", "«Consultivo A» parece el mismo rol que «Analista Consultivo A»"),
        (SEED_004, "P20", "10", "«Dirección Gobierno Electrónico»"),
        (SEED_004, "P29", "27", "que «Secretaría del Ayuntamiento»"),
        (SEED_004, "P28", "5", "«Director/a» parece el mismo rol que «Director/a de Gobierno"),
        (SEED_004, "P18", "3.1", "«Coordinador /a Especializado/a»"),
        (SEED_004, "P18", "2", "«Jefe/a del Departamento de Soporte Técnico»"),
        (SEED_004, "P21", "7", "«Jefe/a del Departamento de Administración de Infraestructura»"),
        (SEED_004, "P4", "3", "«Jefe/a de Departamento de Ingeniería de aplicaciones»"),
        (SEED_003, "P1", "19", "«Titular de la Unidad» parece el mismo rol que «Titular de la "),
        (SEED_000, "P3", "5", "«Dependencias o Entidades Municipales»"),
    ],
)
def test_it_finds_the_role_spelling_variants(
    path: Path, procedure: str, step: str, variant: str
) -> None:
    diagnostics = lint_manual(seed(path))
    hits = [d for d in diagnostics if (d.code, d.procedure, d.step) == ("FOL301", procedure, step)]
    assert any(variant in d.message for d in hits), [d.message for d in hits]


@pytest.mark.parametrize(("path", "roles"), [(SEED_000, 6), (SEED_003, 7), (SEED_004, 44)])
def test_it_merges_spellings_into_the_roles_of_the_reference(path: Path, roles: int) -> None:
    assert len(role_groups(spellings(seed(path)))) == roles


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Analista A/B", "Analista A"),
        ("Analista A", "Analista Consultivo A"),
        (
            "Jefe/a de Departamento de Soporte Técnico",
            "Jefe/a de Departamento de Administración de Infraestructura",
        ),
        ("Subdirector/a de Sistemas", "Subdirector/a de Infraestructura Tecnológica"),
        ("Departamento de Administración de Infraestructura", "Dirección de Gobierno Electrónico"),
    ],
)
def test_it_keeps_distinct_roles_of_004_apart(one: str, other: str) -> None:
    groups = [{s.role.name for s in g} for g in role_groups(spellings(seed(SEED_004)))]
    assert any(one in g for g in groups) and any(other in g for g in groups)
    assert not any(one in g and other in g for g in groups)


def test_it_checks_responsibles_against_an_organization_manual(lint_004: list[Diagnostic]) -> None:
    # given the Monterrey organization manual, which has a Dirección de Gobierno Digital
    org = seed(SEED_002)
    # when Puebla's procedures are checked against it
    diagnostics = lint_manual(seed(SEED_004), org)
    # then its roles are unknown there, each reported once with the nearest post
    unknown = [d for d in diagnostics if d.code == "FOL302"]
    assert len(unknown) == len({d.message for d in unknown}) <= 44
    direction = one(diagnostics, "FOL302", "P14", "2")
    assert "«Dirección de Gobierno Digital»" in direction.message
    assert findings(lint_004, "FOL302") == set()


# --- 003 and 000 ----------------------------------------------------------------------


def test_it_finds_the_upside_down_indicator_and_missing_time_of_003() -> None:
    diagnostics = lint_manual(seed(SEED_003))
    assert {("FOL503", "P1", None), ("FOL501", "P1", None)} <= findings(diagnostics)
    assert "recibidas" in one(diagnostics, "FOL503", "P1", None).message


def test_it_finds_no_errors_in_000() -> None:
    diagnostics = lint_manual(seed(SEED_000))
    assert [d.message for d in diagnostics if d.severity == "error"] == []
