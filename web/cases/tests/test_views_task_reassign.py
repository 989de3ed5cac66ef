"""Reassigning (delegating) an activity: to staff of the office, with a reason."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User

from web.cases.actions import open_case
from web.cases.models import Event, EventKind, TaskState
from web.cases.tests.conftest import step, waiting
from web.catalog.models import Procedure
from web.conftest import signed_in

pytestmark = pytest.mark.django_db


def test_it_offers_the_offices_staff(
    cuentas: Procedure, bruno: User, carla: User, diego: User, gabriela: User
) -> None:
    case = open_case(cuentas, bruno, "Cuenta SAP")
    body = signed_in(bruno).get(f"/casos/actividades/{waiting(case).pk}/reasignar/")
    text = body.content.decode()
    assert "Diego Fuentes — Coordinador/a Especializado/a" in text
    assert "Gabriela Soto" not in text


def test_it_hands_the_activity_over_with_the_reason(
    cuentas: Procedure, alicia: User, bruno: User, carla: User, diego: User
) -> None:
    # given: the case waits for the head of Ingeniería at the decision (activity 3)
    case = open_case(cuentas, bruno, "Cuenta SAP")
    step(case, bruno, "1")
    step(case, alicia, "2")
    task = waiting(case)
    # when: Carla delegates it to Diego
    response = signed_in(carla).post(
        f"/casos/actividades/{task.pk}/reasignar/",
        {"version": task.version, "to_user": diego.pk, "reason": "Vacaciones"},
    )
    # then
    task.refresh_from_db()
    assert response.status_code == 302 and response["Location"] == f"/casos/{case.pk}/"
    assert (task.state, task.assignee, task.delegated_to) == (TaskState.CLAIMED, diego, diego)
    event = Event.objects.get(kind=EventKind.TASK_REASSIGNED)
    assert event.payload["reason"] == "Vacaciones"


def test_it_requires_a_reason(cuentas: Procedure, bruno: User, diego: User) -> None:
    task = waiting(open_case(cuentas, bruno, "Cuenta SAP"))
    response = signed_in(bruno).post(
        f"/casos/actividades/{task.pk}/reasignar/",
        {"version": task.version, "to_user": diego.pk, "reason": "  "},
    )
    task.refresh_from_db()
    assert response.status_code == 200 and "Este campo es obligatorio." in response.content.decode()
    assert task.assignee is None


def test_it_refuses_a_stale_form(cuentas: Procedure, bruno: User, diego: User) -> None:
    task = waiting(open_case(cuentas, bruno, "Cuenta SAP"))
    signed_in(bruno).post(f"/casos/actividades/{task.pk}/tomar/", {"version": task.version})
    response = signed_in(bruno).post(
        f"/casos/actividades/{task.pk}/reasignar/",
        {"version": task.version, "to_user": diego.pk, "reason": "Carga de trabajo"},
    )
    task.refresh_from_db()
    assert response.status_code == 200 and 'role="alert"' in response.content.decode()
    assert task.assignee == bruno
