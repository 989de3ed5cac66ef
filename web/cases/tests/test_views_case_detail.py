"""The case page: folio, state, deadline, the current activity, the timeline from the
log (every pass of a loop), documents and the chart with the current step marked."""

from __future__ import annotations

from datetime import datetime

import pytest
from django.contrib.auth.models import User

from web.cases.actions import cancel_case, open_case, resume_case
from web.cases.models import Case, StepTarget
from web.cases.tests.conftest import SetClock, step
from web.catalog.models import Procedure
from web.conftest import signed_in

pytestmark = pytest.mark.django_db


def looped(cuentas: Procedure, bruno: User, alicia: User, carla: User, diego: User) -> Case:
    """A case whose form came back incomplete once (6 → 5) and now waits at 6 again."""
    case = open_case(cuentas, bruno, "Cuenta SAP", requesting_unit="Tesorería Municipal")
    step(case, bruno, "1")
    step(case, alicia, "2")
    step(case, carla, "3", "En caso contrario")
    step(case, carla, "4")
    step(case, diego, "5")
    step(case, carla, "6", "No")
    step(case, diego, "5")
    return case


def test_it_shows_the_case_and_every_pass_in_the_timeline(
    cuentas: Procedure, bruno: User, alicia: User, carla: User, diego: User
) -> None:
    case = looped(cuentas, bruno, alicia, carla, diego)
    body = signed_in(carla).get(f"/casos/{case.pk}/").content.decode()
    assert case.folio in body and "Tesorería Municipal" in body and "Abierto" in body
    assert body.count("La actividad 5 quedó completada.") == 2
    assert "Pasada 2 por esta actividad." in body
    assert "Respuesta: «No»" in body and "Respuesta: «En caso contrario»" in body
    assert "a nombre de Titular de la Dependencia solicitante" in body


def test_it_marks_the_current_step_on_the_chart(
    cuentas: Procedure, bruno: User, alicia: User, carla: User, diego: User
) -> None:
    case = looped(cuentas, bruno, alicia, carla, diego)
    body = signed_in(carla).get(f"/casos/{case.pk}/").content.decode()
    assert "<svg" in body and '<g id="s6">' in body
    assert '.swimlane [id="s6"] rect' in body


def test_it_says_plainly_when_there_is_no_deadline(respaldos: Procedure, diego: User) -> None:
    case = open_case(respaldos, diego, "Respaldo mensual")
    body = signed_in(diego).get(f"/casos/{case.pk}/").content.decode()
    assert "Sin fecha límite" in body and "«Variable»" in body


def test_it_shows_how_a_cancelled_case_ended(cuentas: Procedure, bruno: User) -> None:
    case = cancel_case(open_case(cuentas, bruno, "Cuenta SAP"), bruno, "Duplicado")
    body = signed_in(bruno).get(f"/casos/{case.pk}/").content.decode()
    assert "Duplicado" in body and "completar/" not in body


def test_it_lets_the_contraloria_read_but_not_act(
    cuentas: Procedure, bruno: User, fernando: User
) -> None:
    case = open_case(cuentas, bruno, "Cuenta SAP")
    body = signed_in(fernando).get(f"/casos/{case.pk}/").content.decode()
    assert case.folio in body and "completar/" not in body and "cancelar/" not in body


def test_it_hides_the_case_from_outsiders(cuentas: Procedure, bruno: User, gabriela: User) -> None:
    case = open_case(cuentas, bruno, "Cuenta SAP")
    assert signed_in(gabriela).get(f"/casos/{case.pk}/").status_code == 404


def test_it_shows_an_activity_s_own_due_date_and_state(
    clock: SetClock, respaldos: Procedure, alicia: User, diego: User
) -> None:
    # given: checking a copy takes 2 días hábiles; the case goes on at it on Friday 13
    # March 2026 (Monday 16 is a holiday), so that activity is due on Wednesday 18
    StepTarget.objects.create(procedure=respaldos, step_number="2", days=2)
    clock(datetime(2026, 3, 13, 10))
    case = open_case(respaldos, diego, "Respaldo mensual")
    case = step(case, diego, "1")
    case = step(case, diego, "2", "Si")
    resume_case(case, alicia, "2", "Se verifica otra vez")
    client = signed_in(diego)
    # then
    states = {}
    for day in (13, 18, 19):
        clock(datetime(2026, 3, day, 10))
        body = client.get(f"/casos/{case.pk}/").content.decode()
        states[day] = body.split("Fecha límite de la actividad 2</th><td>")[1].split("</td>")[0]
    assert "18/03/2026" in states[13] and "(tiempo propio: 2 días hábiles)" in states[13]
    assert "A tiempo" in states[13] and "En riesgo" in states[18] and "Vencido" in states[19]
    assert "Vence el 18/03/2026." in body
