"""Completing the current activity from the case page: notes, the documents the step
names, and at a decision the branches exactly as the manual words them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile

from web.cases.actions import open_case
from web.cases.models import Case, CaseDocument, CaseState, Task, TaskState
from web.cases.tests.conftest import step, waiting
from web.catalog.models import Procedure
from web.conftest import signed_in
from web.tests.files import tiny_pdf

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path


def at_the_decision(cuentas: Procedure, bruno: User, alicia: User) -> Case:
    case = open_case(cuentas, bruno, "Cuenta SAP")
    step(case, bruno, "1")
    step(case, alicia, "2")
    return case


def test_it_offers_the_branches_as_worded(
    cuentas: Procedure, bruno: User, alicia: User, carla: User
) -> None:
    case = at_the_decision(cuentas, bruno, alicia)
    body = signed_in(carla).get(f"/casos/{case.pk}/").content.decode()
    assert "<legend>¿Solicitud procedente?</legend>" in body
    assert 'type="radio" name="choice" value="No"' in body
    assert 'type="radio" name="choice" value="En caso contrario"' in body


def test_it_completes_with_the_chosen_branch(
    cuentas: Procedure, bruno: User, alicia: User, carla: User
) -> None:
    case = at_the_decision(cuentas, bruno, alicia)
    task = waiting(case)
    response = signed_in(carla).post(
        f"/casos/actividades/{task.pk}/completar/",
        {"version": task.version, "choice": "En caso contrario", "notes": "Procede"},
        follow=True,
    )
    task.refresh_from_db()
    assert (task.state, task.choice, task.notes) == (TaskState.DONE, "En caso contrario", "Procede")
    assert waiting(case).step_number == "4"
    assert "La actividad 3 quedó completada." in response.content.decode()


def test_it_does_not_advance_twice_on_a_double_submit(
    cuentas: Procedure, bruno: User, alicia: User, carla: User
) -> None:
    case = at_the_decision(cuentas, bruno, alicia)
    task = waiting(case)
    client = signed_in(carla)
    form = {"version": task.version, "choice": "En caso contrario"}
    client.post(f"/casos/actividades/{task.pk}/completar/", form)
    response = client.post(f"/casos/actividades/{task.pk}/completar/", form, follow=True)
    assert Task.objects.filter(case=case, state=TaskState.DONE).count() == 3
    assert waiting(case).step_number == "4"
    assert 'class="messages"' in response.content.decode()


def test_it_asks_for_an_answer_at_a_decision(
    cuentas: Procedure, bruno: User, alicia: User, carla: User
) -> None:
    case = at_the_decision(cuentas, bruno, alicia)
    task = waiting(case)
    response = signed_in(carla).post(
        f"/casos/actividades/{task.pk}/completar/", {"version": task.version, "choice": "Tal vez"}
    )
    assert response.status_code == 400
    assert "Tal vez" in response.content.decode()  # Django's "choose a valid option" names it
    assert waiting(case).step_number == "3"


def test_it_ends_early_on_no(cuentas: Procedure, bruno: User, alicia: User, carla: User) -> None:
    case = at_the_decision(cuentas, bruno, alicia)
    task = waiting(case)
    signed_in(carla).post(
        f"/casos/actividades/{task.pk}/completar/", {"version": task.version, "choice": "No"}
    )
    case.refresh_from_db()
    assert case.state == CaseState.ENDED


def test_it_registers_the_oficio_by_number_and_date(cuentas: Procedure, bruno: User) -> None:
    case = open_case(cuentas, bruno, "Cuenta SAP")
    task = waiting(case)
    signed_in(bruno).post(
        f"/casos/actividades/{task.pk}/completar/",
        {"version": task.version, "doc0_number": "TM/0412/2026", "doc0_date": "2026-03-10"},
    )
    document = CaseDocument.objects.get(case=case)
    assert (document.kind, document.number, str(document.date)) == (
        "oficio",
        "TM/0412/2026",
        "2026-03-10",
    )
    assert document.task == task and (document.file.name, document.size) == ("", 0)
    # shown as a registered reference: nothing to download
    body = signed_in(bruno).get(f"/casos/{case.pk}/").content.decode()
    assert "Referencia registrada, sin archivo" in body
    assert f"/casos/documentos/{document.pk}/" not in body
    assert signed_in(bruno).get(f"/casos/documentos/{document.pk}/").status_code == 404


def test_it_keeps_an_uploaded_file(cuentas: Procedure, bruno: User) -> None:
    case = open_case(cuentas, bruno, "Cuenta SAP")
    task = waiting(case)
    upload = SimpleUploadedFile("oficio.pdf", tiny_pdf(), "application/pdf")
    signed_in(bruno).post(
        f"/casos/actividades/{task.pk}/completar/",
        {"version": task.version, "doc0_file": upload},
    )
    document = CaseDocument.objects.get(case=case)
    assert (document.name, document.content_type) == ("oficio.pdf", "application/pdf")


def test_it_refuses_a_file_of_an_unknown_type_plainly(cuentas: Procedure, bruno: User) -> None:
    case = open_case(cuentas, bruno, "Cuenta SAP")
    task = waiting(case)
    upload = SimpleUploadedFile("virus.exe", b"MZ\x90\x00", "application/octet-stream")
    response = signed_in(bruno).post(
        f"/casos/actividades/{task.pk}/completar/",
        {"version": task.version, "doc0_file": upload},
        follow=True,
    )
    assert "virus.exe" in response.content.decode()
    assert waiting(case).pk == task.pk and not CaseDocument.objects.exists()


def test_it_does_not_let_someone_without_the_role_complete(
    cuentas: Procedure, bruno: User, alicia: User
) -> None:
    # given: Bruno opened the case and sees it, but the decision is the head's
    case = at_the_decision(cuentas, bruno, alicia)
    task = waiting(case)
    client = signed_in(bruno)
    # when
    body = client.get(f"/casos/{case.pk}/").content.decode()
    response = client.post(
        f"/casos/actividades/{task.pk}/completar/",
        {"version": task.version, "choice": "No"},
        follow=True,
    )
    # then: no form is shown, and a forged post is refused in words
    assert "completar/" not in body and "Esta actividad no le corresponde." in body
    assert 'class="messages"' in response.content.decode()
    assert waiting(case).pk == task.pk
