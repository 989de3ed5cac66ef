"""The role checks (FOL3xx) on hand-built procedures: spelling variants of one role,
roles an organization manual lacks, and hand-offs to someone other than the next
responsible."""

from __future__ import annotations

import pytest

from folio.manuals.lint import lint_manual
from folio.manuals.lint.rolenames import RoleName, same_role
from folio.manuals.model import (
    END,
    Manual,
    Procedure,
)

from .lint_world import ANALYST, HEAD, found, lint, only, org_manual, procedure, step

# --- FOL3xx roles ---------------------------------------------------------------------


def roles_procedure(*names: str) -> Procedure:
    steps = [step(str(i), str(i + 1), who=(n,)) for i, n in enumerate(names, start=1)]
    last = str(len(names) + 1)
    return procedure(*steps, step(last, END, who=(HEAD,), text="Termina procedimiento."))


def test_it_reports_a_role_spelt_two_ways_with_the_commonest_as_canonical() -> None:
    unit = "Titular de la Unidad de Vinculación Social"
    proc = roles_procedure(unit, "Jefatura de Gobierno Digital", unit, unit, "Titular de la Unidad")
    diagnostic = only(lint(proc), "FOL301")
    assert (diagnostic.step, diagnostic.severity) == ("5", "warning")
    assert f"«Titular de la Unidad» parece el mismo rol que «{unit}»" in diagnostic.message


@pytest.mark.parametrize(
    ("variant", "canonical"),
    [
        ("Consultivo A", "Analista Consultivo A"),
        ("Dirección Gobierno Electrónico", "Dirección de Gobierno Electrónico"),
        ("Secretaría de Ayuntamiento", "Secretaría del Ayuntamiento"),
        (
            "Jefe/a de Departamento de Soporte Técnico.",
            "Jefe/a del Departamento de Soporte Técnico",
        ),
        ("Coordinador /a Especializado/a (monitoreo de sistemas)", "Coordinador/a Especializado/a"),
        ("El o la Coordinador/a Especializado/a", "Coordinador/a Especializado/a"),
        ("Persona Servidora Pública de la Dependencia", "Servidor/a Público/a de la Dependencia"),
        ("Dependencias y/ Entidades", "Dependencias y/o Entidades"),
        ('Analista Consultivo "A"', "Analista Consultivo A"),
    ],
)
def test_it_takes_spelling_variants_for_one_role(variant: str, canonical: str) -> None:
    assert same_role(RoleName.of(variant), RoleName.of(canonical))


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Analista A/B", "Analista A"),
        ("Analista A", "Analista Consultivo A"),
        ("Analista", "Analista A"),
        (HEAD, "Jefe/a de Departamento de Administración de Infraestructura"),
        ("Subdirector/a de Sistemas", "Subdirector/a de Infraestructura Tecnológica"),
        ("Departamento de Soporte Técnico", HEAD),
        ("Usuario/a", "Usuario/a solicitante"),
        ("Solicitante", "Área solicitante"),
        ("Director/a de Gobierno Electrónico", "Dirección de Gobierno Electrónico"),
    ],
)
def test_it_keeps_different_roles_apart(one: str, other: str) -> None:
    assert not same_role(RoleName.of(one), RoleName.of(other))


def test_it_does_not_report_distinct_roles_as_variants() -> None:
    proc = roles_procedure("Analista A/B", "Analista A", "Analista Consultivo A", "Analista")
    assert found(lint(proc), "FOL301") == []


def test_it_reports_a_role_the_organization_manual_does_not_have() -> None:
    proc = roles_procedure("Administrador de Aplicaciones")
    org = org_manual(HEAD, "Administrador/a de Sistemas de Aplicaciones Web")
    manual = Manual("procedimientos", procedures=(proc,))
    diagnostic = only(lint_manual(manual, org), "FOL302")
    assert (diagnostic.step, diagnostic.severity) == ("1", "warning")
    assert "«Administrador/a de Sistemas de Aplicaciones Web»" in diagnostic.message


def test_it_finds_roles_in_the_organization_manual_despite_spelling() -> None:
    proc = roles_procedure(
        "Dirección Gobierno Electrónico", "Jefe de Departamento de Soporte Técnico"
    )
    manual = Manual("procedimientos", procedures=(proc,))
    assert found(lint_manual(manual, org_manual(HEAD)), "FOL302") == []
    assert found(lint_manual(manual), "FOL302") == []


def handoff(text: str, next_responsible: str) -> Procedure:
    head = "Jefe/a de Departamento de Ingeniería de Aplicaciones"
    return procedure(
        step("1", "2", who=(head,), text=text),
        step("2", END, who=(next_responsible,), text="Genera la cuenta. Termina procedimiento."),
    )


def test_it_reports_a_hand_off_to_someone_else_than_the_next_responsible() -> None:
    proc = handoff(
        "Turna solicitud autorizada al Administrador/a de Aplicaciones",
        "Coordinador/a Especializado/a en Monitoreo de Sistemas",
    )
    diagnostic = only(lint(proc), "FOL303")
    assert (diagnostic.step, diagnostic.severity) == ("1", "warning")
    assert "«Administrador/a de Aplicaciones»" in diagnostic.message


@pytest.mark.parametrize(
    ("text", "responsible"),
    [
        (
            "Asigna el reporte al Jefe/a de Departamento de Administración de "
            "Infraestructura o Soporte Técnico, acorde al catálogo.",
            HEAD,
        ),
        ("Recibe solicitud y turna al Departamento de Soporte Técnico.", HEAD),
        ("Revisa y asigna a él o la Analista A/B para su atención.", ANALYST),
        ("Asigna la incidencia al jefe de departamento correspondiente.", ANALYST),
        ("Genera la cuenta y asigna permisos de acceso.", ANALYST),
    ],
)
def test_it_accepts_a_hand_off_to_the_next_responsible(text: str, responsible: str) -> None:
    assert found(lint(handoff(text, responsible)), "FOL303") == []
