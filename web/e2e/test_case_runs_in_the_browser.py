"""Seed 004-P4, "asignación de cuentas de usuario", run in a real browser: an analyst
starts the case and records the dependencia's oficio, the Directora turns it, the head
of Ingeniería de Aplicaciones decides, the Coordinador creates the account, and the
analyst records the user's signature. The timeline shows every step."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import expect

from web.cases.models import Case, CaseState
from web.catalog.models import ManualVersion
from web.e2e.conftest import SignIn

pytestmark = pytest.mark.django_db(transaction=True)

P4 = "P4. Procedimiento para la asignación de cuentas de usuario de los sistemas de información."


def start_case(page: Any, subject: str) -> str:
    """Start a P4 case from the form; returns the case page's URL."""
    page.get_by_role("link", name="Iniciar un caso").first.click()
    page.get_by_label("Procedimiento").select_option(label=P4)
    page.get_by_label("Asunto").fill(subject)
    page.get_by_label("Unidad solicitante").fill("Tesorería Municipal")
    page.get_by_label("Número de oficio").fill("TM/1187/2026")
    page.get_by_label("Fecha del oficio").fill("2026-03-10")
    page.get_by_role("button", name="Iniciar el caso").click()
    page.wait_for_url(re.compile(r"/casos/\d+/$"))
    assert "abierto" in page.locator(".messages").inner_text()
    return str(page.url)


def complete(page: Any, step: str, choice: str | None = None) -> None:
    button = page.get_by_role("button", name=f"Completar la actividad {step}")
    if choice is not None:
        page.get_by_label(choice, exact=True).check()
    button.click()
    page.wait_for_load_state()
    assert f"La actividad {step} quedó completada." in page.locator(".messages").inner_text()


def from_inbox(page: Any, folio: str) -> None:
    """Find the case in the inbox and open it."""
    page.get_by_role("link", name="Bandeja").click()
    row = page.locator("tr", has_text=folio)
    row.get_by_role("link", name=re.compile("^Abrir")).click()
    page.wait_for_url(re.compile(r"/casos/\d+/"))


def timeline(page: Any) -> str:
    return str(page.locator(".timeline").inner_text())


def test_it_runs_an_approved_request_to_the_end(
    seed_dge: ManualVersion,
    sign_in: SignIn,
    bruno: User,
    alicia: User,
    carla: User,
    diego: User,
    shots: Path,
) -> None:
    # given: Bruno, an analyst of the DGE, starts the case with the dependencia's
    # oficio: that records activity 1, which nobody completes by hand
    analyst = sign_in(bruno)
    start_case(analyst, "Cuenta SAP para la Tesorería")
    folio = Case.objects.get().folio
    assert (
        "La actividad 1, su registro, quedó registrada."
        in analyst.locator(".messages").inner_text()
    )
    assert "Completar la actividad 1" not in analyst.locator("main").inner_text()
    # when: the Directora claims it in her inbox (htmx redraws the inbox, no reload):
    # the row moves to her activities and the focus to its new button
    directora = sign_in(alicia)
    directora.get_by_role("link", name="Bandeja").click()
    directora.locator("#espera tr", has_text=folio).get_by_role(
        "button", name=re.compile("^Tomar")
    ).click()
    row = directora.locator("#mias tr", has_text=folio)
    release = row.get_by_role("button", name=re.compile("^Liberar"))
    expect(release).to_be_focused()
    assert "ahora está a su cargo" in row.inner_text() and directora.url.endswith("/casos/")
    assert folio not in directora.locator("#espera").inner_text()
    # and turns it (2)
    from_inbox(directora, folio)
    complete(directora, "2")
    # and the head of Ingeniería de Aplicaciones analyses, finds it procedente, turns it
    jefa = sign_in(carla)
    from_inbox(jefa, folio)
    complete(jefa, "3")
    assert jefa.get_by_label("No", exact=True).is_visible()
    complete(jefa, "4", "En caso contrario")
    complete(jefa, "5")
    # and the Coordinador creates the account and the form (6, 7)
    coordinador = sign_in(diego)
    from_inbox(coordinador, folio)
    complete(coordinador, "6")
    complete(coordinador, "7")
    # and Bruno records the user's signature (8)
    from_inbox(analyst, folio)
    complete(analyst, "8")
    # then: the case ended and its timeline tells every step
    assert Case.objects.get().state == CaseState.ENDED
    assert "Terminado" in analyst.locator("h1").inner_text()
    told = timeline(analyst)
    for number in range(1, 9):
        assert f"La actividad {number} quedó completada." in told
    assert "Respuesta: «En caso contrario»" in told
    assert "El caso terminó en la actividad 8." in told
    analyst.screenshot(path=str(shots / "case.png"), full_page=True)


def test_it_ends_early_when_the_request_is_not_procedente(
    seed_dge: ManualVersion, sign_in: SignIn, bruno: User, alicia: User, carla: User
) -> None:
    # given: a request that reached the head of Ingeniería de Aplicaciones
    analyst = sign_in(bruno)
    case_url = start_case(analyst, "Cuenta de correo para el Archivo")
    folio = Case.objects.get().folio
    directora = sign_in(alicia)
    from_inbox(directora, folio)
    complete(directora, "2")
    jefa = sign_in(carla)
    from_inbox(jefa, folio)
    complete(jefa, "3")
    # when: she answers "No" at "¿Solicitud procedente?"
    assert "¿Solicitud procedente?" in jefa.locator("fieldset.choice legend").inner_text()
    complete(jefa, "4", "No")
    # then: the case ends at activity 4 and nothing waits in anyone's inbox
    analyst.goto(case_url)
    told = timeline(analyst)
    assert "El caso terminó en la actividad 4." in told and "Respuesta: «No»" in told
    assert "La actividad 5" not in told
    assert Case.objects.get().state == CaseState.ENDED
    jefa.get_by_role("link", name="Bandeja").click()
    assert folio not in jefa.locator("main").inner_text()
