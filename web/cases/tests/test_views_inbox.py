"""The inbox: my activities and my roles' queue, sorted by due date, with the deadline
state said in words; the count that htmx polls."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from django.contrib.auth.models import User
from django.test import Client

from web.cases.actions import claim_task, open_case
from web.cases.models import StepTarget
from web.cases.tests.conftest import SetClock, step, waiting
from web.catalog.models import Procedure
from web.conftest import signed_in

pytestmark = pytest.mark.django_db


def test_it_requires_signing_in(client: Client) -> None:
    response = client.get("/casos/")
    assert response.status_code == 302 and "/cuentas/entrar/" in response["Location"]


def test_it_lists_the_roles_queue_nearest_due_date_first(
    cuentas: Procedure, respaldos: Procedure, bruno: User, diego: User, clock: SetClock
) -> None:
    # given: two cases of cuentas opened on different days, and a Variable backup case
    clock(datetime(2026, 3, 10, 10))
    older = open_case(cuentas, bruno, "Cuenta antigua")
    clock(datetime(2026, 3, 12, 10))
    newer = open_case(cuentas, bruno, "Cuenta reciente")
    backup = open_case(respaldos, diego, "Respaldo mensual")
    # when: Bruno (who records the dependencia's request) and Diego look
    body = signed_in(bruno).get("/casos/").content.decode()
    diegos = signed_in(diego).get("/casos/").content.decode()
    # then
    assert body.index(older.folio) < body.index(newer.folio)
    assert "Solicita por oficio" in body and "Titular de la Dependencia solicitante" in body
    assert backup.folio in diegos and "Sin fecha límite" in diegos
    assert "El manual no fija un tiempo: «Variable»." in diegos


def test_it_says_when_a_case_is_overdue(cuentas: Procedure, bruno: User, clock: SetClock) -> None:
    clock(datetime(2026, 3, 2, 10))
    open_case(cuentas, bruno, "Cuenta olvidada")
    clock(datetime(2026, 3, 20, 10))
    body = signed_in(bruno).get("/casos/").content.decode()
    assert "deadline-overdue" in body and "Vencido" in body


def test_it_puts_claimed_tasks_under_my_activities(
    cuentas: Procedure, bruno: User, alicia: User
) -> None:
    case = open_case(cuentas, bruno, "Cuenta SAP")
    step(case, bruno, "1")
    claim_task(waiting(case), alicia)
    body = signed_in(alicia).get("/casos/").content.decode()
    mine = body[body.index("Mis actividades") : body.index("En espera de mis roles")]
    assert case.folio in mine and "Liberar" in mine


def test_it_shows_nothing_to_an_outsider(cuentas: Procedure, bruno: User, gabriela: User) -> None:
    case = open_case(cuentas, bruno, "Cuenta SAP")
    body = signed_in(gabriela).get("/casos/").content.decode()
    assert case.folio not in body


def test_it_counts_the_waiting_activities_for_polling(cuentas: Procedure, bruno: User) -> None:
    open_case(cuentas, bruno, "Cuenta SAP")
    open_case(cuentas, bruno, "Cuenta de correo")
    response = signed_in(bruno).get("/casos/bandeja/cuenta/", HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert response.status_code == 200 and "2 actividades" in body
    assert 'hx-trigger="every 30s"' in body and "<html" not in body


def test_it_escapes_what_people_typed(cuentas: Procedure, bruno: User) -> None:
    case = open_case(cuentas, bruno, 'Cuenta <script>alert("x")</script> & más')
    body = signed_in(bruno).get("/casos/").content.decode()
    assert case.folio in body and "<script>alert" not in body
    assert "Cuenta &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; más" in body


def test_it_shows_and_sorts_by_the_activity_s_own_due_date(
    cuentas: Procedure, alicia: User, bruno: User, clock: SetClock
) -> None:
    # given: an older request reaches activity 2 before it had a target (due with its
    # case, 9 March); then activity 2 gets 1 día hábil, and a newer request reaches it
    clock(datetime(2026, 3, 2, 10))
    older = step(open_case(cuentas, bruno, "Cuenta antigua"), bruno, "1")
    StepTarget.objects.create(procedure=cuentas, step_number="2", days=1)
    clock(datetime(2026, 3, 4, 10))
    newer = step(open_case(cuentas, bruno, "Cuenta reciente"), bruno, "1")
    assert waiting(newer).due_date == date(2026, 3, 5) and newer.due_date == date(2026, 3, 11)
    # when: Alicia (Director/a, activity 2) looks
    body = signed_in(alicia).get("/casos/").content.decode()
    # then: the newer one comes first, shown due on its own date, not its case's
    assert body.index(newer.folio) < body.index(older.folio)
    row = body[body.index(f'id="task-{waiting(newer).pk}"') :]
    row = row[: row.index("</tr>")]
    assert "05/03/2026" in row and "11/03/2026" not in row
