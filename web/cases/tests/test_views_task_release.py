"""Releasing a claimed activity back to its role's queue."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User

from web.cases.actions import claim_task, open_case
from web.cases.models import TaskState
from web.cases.tests.conftest import waiting
from web.catalog.models import Procedure
from web.conftest import signed_in

pytestmark = pytest.mark.django_db


def test_it_releases_my_activity(cuentas: Procedure, bruno: User) -> None:
    task = claim_task(waiting(open_case(cuentas, bruno, "Cuenta SAP")), bruno)
    response = signed_in(bruno).post(
        f"/casos/actividades/{task.pk}/liberar/", {"version": task.version}, follow=True
    )
    task.refresh_from_db()
    assert (task.state, task.assignee) == (TaskState.OPEN, None)
    assert "La actividad 1 regresó a la bandeja de su rol." in response.content.decode()


def test_it_goes_back_to_the_case_page_when_released_there(cuentas: Procedure, bruno: User) -> None:
    case = open_case(cuentas, bruno, "Cuenta SAP")
    task = claim_task(waiting(case), bruno)
    response = signed_in(bruno).post(
        f"/casos/actividades/{task.pk}/liberar/",
        {"version": task.version, "next": f"/casos/{case.pk}/"},
    )
    assert response["Location"] == f"/casos/{case.pk}/"


def test_it_ignores_a_next_page_elsewhere(cuentas: Procedure, bruno: User) -> None:
    task = claim_task(waiting(open_case(cuentas, bruno, "Cuenta SAP")), bruno)
    response = signed_in(bruno).post(
        f"/casos/actividades/{task.pk}/liberar/",
        {"version": task.version, "next": "https://example.com/"},
    )
    assert response["Location"] == "/casos/"


def test_it_does_not_let_a_colleague_release_it(
    cuentas: Procedure, bruno: User, elena: User, ingenieria: object
) -> None:
    # given: Bruno holds the dependencia's request; Elena (another department) tries
    case = open_case(cuentas, bruno, "Cuenta SAP")
    task = claim_task(waiting(case), bruno)
    client = signed_in(elena)
    response = client.post(f"/casos/actividades/{task.pk}/liberar/", {"version": task.version})
    task.refresh_from_db()
    assert response.status_code in (302, 404)
    assert task.assignee == bruno
