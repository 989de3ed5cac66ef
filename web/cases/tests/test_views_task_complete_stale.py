"""A completion sent from a stale form (the activity was claimed, released or done
meanwhile) is refused without losing what the person typed."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User

from web.cases.actions import claim_task, open_case
from web.cases.models import Task, TaskState
from web.cases.tests.conftest import step, waiting
from web.catalog.models import Procedure
from web.conftest import signed_in

pytestmark = pytest.mark.django_db

NOTES = "Revisé el oficio con la dependencia; faltaba la firma del titular."


def test_it_keeps_the_notes_and_takes_the_form_again(
    cuentas: Procedure, bruno: User, alicia: User, carla: User
) -> None:
    case = open_case(cuentas, bruno, "Cuenta SAP")
    step(case, bruno, "1")
    step(case, alicia, "2")
    task = waiting(case)
    stale = task.version
    claim_task(task, carla)  # in another tab: the form on screen is now stale
    client, url = signed_in(carla), f"/casos/actividades/{task.pk}/completar/"
    form = {"version": stale, "choice": "En caso contrario", "notes": NOTES}
    response = client.post(url, form)
    body = response.content.decode()
    assert response.status_code == 409
    assert NOTES in body and 'role="alert"' in body
    task.refresh_from_db()
    assert task.state != TaskState.DONE
    assert f'name="version" value="{task.version}"' in body  # sending it again works
    again = client.post(url, {**form, "version": task.version})
    assert again.status_code == 302
    assert Task.objects.get(pk=task.pk).notes == NOTES


def test_it_says_the_notes_when_the_activity_is_gone(
    cuentas: Procedure, bruno: User, alicia: User, carla: User
) -> None:
    case = open_case(cuentas, bruno, "Cuenta SAP")
    step(case, bruno, "1")
    step(case, alicia, "2")
    task = waiting(case)
    stale = task.version
    step(case, carla, "3", "En caso contrario")  # done meanwhile
    url = f"/casos/actividades/{task.pk}/completar/"
    form = {"version": stale, "choice": "En caso contrario", "notes": NOTES}
    response = signed_in(carla).post(url, form)
    assert response.status_code == 409 and NOTES in response.content.decode()
