"""Claiming from the inbox: a plain form (redirect) or htmx (the row redrawn)."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User

from web.cases.actions import open_case
from web.cases.models import TaskState
from web.cases.tests.conftest import step, waiting
from web.catalog.models import Procedure
from web.conftest import signed_in

pytestmark = pytest.mark.django_db


def test_it_claims_and_comes_back_to_the_inbox(cuentas: Procedure, bruno: User) -> None:
    case = open_case(cuentas, bruno, "Cuenta SAP")
    task = waiting(case)
    response = signed_in(bruno).post(
        f"/casos/actividades/{task.pk}/tomar/", {"version": task.version}, follow=True
    )
    task.refresh_from_db()
    assert (task.state, task.assignee) == (TaskState.CLAIMED, bruno)
    assert response.redirect_chain[-1][0] == "/casos/"
    assert "La actividad 1 ahora está a su cargo." in response.content.decode()


def sections(body: str) -> tuple[str, str]:
    """The inbox's two tables: my activities, and those waiting for my roles."""
    mine, queue = body.index('id="mias"'), body.index('id="espera"')
    return body[mine:queue], body[queue:]


def test_it_moves_the_row_to_my_activities_for_htmx(cuentas: Procedure, bruno: User) -> None:
    # given: two requests waiting for the role Bruno records
    case = open_case(cuentas, bruno, "Cuenta SAP")
    other = open_case(cuentas, bruno, "Cuenta de correo")
    task = waiting(case)
    client = signed_in(bruno)
    # when: he claims one through htmx, from the inbox's first page
    response = client.post(
        f"/casos/actividades/{task.pk}/tomar/",
        {"version": task.version, "next": "/casos/?page=1"},
        HTTP_HX_REQUEST="true",
    )
    # then: the inbox comes back with the row under my activities, marked as the one
    # acted on (the script focuses its new button, Liberar), the other still waiting
    body = response.content.decode()
    assert response.status_code == 200 and 'id="bandeja"' in body
    mine, queue = sections(body)
    assert f'<tr id="task-{task.pk}" data-acted>' in mine and "Liberar" in mine
    assert "La actividad 1 ahora está a su cargo." in mine
    assert case.folio not in queue and other.folio in queue
    assert 'hx-target="#bandeja" hx-select="#bandeja"' in queue
    assert "js/inbox.js" in body
    # and releasing it puts it back in the queue
    task.refresh_from_db()
    response = client.post(
        f"/casos/actividades/{task.pk}/liberar/",
        {"version": task.version, "next": "/casos/"},
        HTTP_HX_REQUEST="true",
    )
    mine, queue = sections(response.content.decode())
    assert case.folio not in mine and f'<tr id="task-{task.pk}" data-acted>' in queue


def test_it_tells_plainly_that_someone_else_took_it(
    cuentas: Procedure, bruno: User, alicia: User
) -> None:
    # given: Alicia claims activity 2
    case = open_case(cuentas, bruno, "Cuenta SAP")
    step(case, bruno, "1")
    task = waiting(case)
    signed_in(alicia).post(f"/casos/actividades/{task.pk}/tomar/", {"version": task.version})
    # when: the same form is sent again (a stale page, or a double click)
    response = signed_in(alicia).post(
        f"/casos/actividades/{task.pk}/tomar/", {"version": task.version}, HTTP_HX_REQUEST="true"
    )
    # then: the row says why, and nothing changed
    body = response.content.decode()
    assert 'role="alert"' in body
    task.refresh_from_db()
    assert task.version == 2 and task.assignee == alicia


def test_it_does_not_show_other_offices_tasks(
    cuentas: Procedure, bruno: User, gabriela: User
) -> None:
    task = waiting(open_case(cuentas, bruno, "Cuenta SAP"))
    response = signed_in(gabriela).post(f"/casos/actividades/{task.pk}/tomar/", {"version": 1})
    assert response.status_code == 404


def test_it_only_accepts_posts(cuentas: Procedure, bruno: User) -> None:
    task = waiting(open_case(cuentas, bruno, "Cuenta SAP"))
    assert signed_in(bruno).get(f"/casos/actividades/{task.pk}/tomar/").status_code == 405
