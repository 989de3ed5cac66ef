"""resume_case: a head above the case's office, or an administrator, sends a blocked
case on to an activity of its procedure, with a reason."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied

from web.accounts.models import Unit
from web.cases.actions import cancel_case, open_case, resume_case
from web.cases.errors import CaseNotBlocked, ReasonRequired, UnknownStep
from web.cases.log import verify_log
from web.cases.models import ACTIVE_TASK_STATES, Case, CaseState, Event, EventKind, StepTarget
from web.cases.tests.conftest import SetClock, at_once, step, waiting
from web.catalog.models import Procedure
from web.conftest import person

pytestmark = pytest.mark.django_db

BLOCKED = "La actividad 2 indica un salto sin decir a qué actividad."


def blocked(respaldos: Procedure, diego: User) -> Case:
    """The copy was legible, and the manual says "Regresa a la actividad no." with no
    number: the case is blocked after activity 2."""
    case = open_case(respaldos, diego, "Respaldo mensual")
    case = step(case, diego, "1")
    case = step(case, diego, "2", "Si")
    assert case.state == CaseState.BLOCKED and case.outcome == BLOCKED
    return case


@pytest.fixture
def case(respaldos: Procedure, diego: User) -> Case:
    return blocked(respaldos, diego)


@pytest.fixture
def ramon(dge: Unit) -> User:
    """Subdirector of the Dirección: a head of the case's office, not an administrator."""
    return person("ramon", "Ramón Ortiz", dge, "Subdirector/a", is_head=True)


@pytest.fixture
def irene(atencion: Unit) -> User:
    """Administers Folio from another dirección; heads nothing."""
    return person("irene", "Irene Vega", atencion, "Administrador/a", is_staff=True)


def test_it_opens_the_case_again_at_the_chosen_activity(
    case: Case, alicia: User, diego: User
) -> None:
    # when
    resumed = resume_case(case, alicia, "1", "La actividad 1 es la que sigue al restablecerse")
    # then
    case.refresh_from_db()
    assert resumed.state == case.state == CaseState.OPEN and case.outcome == ""
    task = waiting(case)
    assert (task.step_number, task.pass_number) == ("1", 2)
    event = Event.objects.filter(case=case, kind=EventKind.CASE_RESUMED).get()
    assert event.actor == alicia
    assert event.payload == {
        "step": "1",
        "reason": "La actividad 1 es la que sigue al restablecerse",
        "blocked_reason": BLOCKED,
    }
    kinds = list(Event.objects.filter(case=case).values_list("kind", flat=True))
    assert kinds[-2:] == [EventKind.CASE_RESUMED, EventKind.TASK_CREATED]
    assert verify_log().ok
    # and the case goes on as the manual says
    case = step(case, diego, "1")
    assert waiting(case).step_number == "2"


def test_it_lets_a_head_of_the_office_or_an_administrator_resume(
    respaldos: Procedure, diego: User, ramon: User, irene: User
) -> None:
    for user in (ramon, irene):
        case = blocked(respaldos, diego)
        assert resume_case(case, user, "3", "Se revisa la falla").state == CaseState.OPEN


def test_it_does_not_let_others_resume(
    case: Case, bruno: User, carla: User, diego: User, fernando: User, gabriela: User
) -> None:
    # Carla heads a department below the Dirección that runs the case.
    for user in (bruno, carla, diego, fernando, gabriela):
        with pytest.raises(PermissionDenied):
            resume_case(case, user, "1", "Sigo yo")
    case.refresh_from_db()
    assert case.state == CaseState.BLOCKED and not case.tasks.filter(state__in=ACTIVE_TASK_STATES)


def test_it_needs_a_reason(case: Case, alicia: User) -> None:
    with pytest.raises(ReasonRequired):
        resume_case(case, alicia, "1", "  ")
    case.refresh_from_db()
    assert case.state == CaseState.BLOCKED


def test_it_refuses_an_activity_the_procedure_does_not_have(case: Case, alicia: User) -> None:
    with pytest.raises(UnknownStep, match="La actividad 9 no existe en la versión 1"):
        resume_case(case, alicia, "9", "Donde debería seguir")
    case.refresh_from_db()
    assert case.state == CaseState.BLOCKED and case.outcome == BLOCKED


def test_it_refuses_a_case_that_is_not_blocked(
    respaldos: Procedure, alicia: User, diego: User
) -> None:
    running = open_case(respaldos, diego, "Respaldo semanal")
    cancelled = cancel_case(blocked(respaldos, diego), alicia, "Ya no se requiere")
    for case in (running, cancelled):
        with pytest.raises(CaseNotBlocked):
            resume_case(case, alicia, "1", "Reanudar")
    assert running.tasks.filter(state__in=ACTIVE_TASK_STATES).count() == 1
    assert not cancelled.tasks.filter(state__in=ACTIVE_TASK_STATES).exists()


def test_it_opens_one_task_when_the_form_is_sent_twice(case: Case, alicia: User) -> None:
    # given: the same form, sent twice from the same page
    resume_case(case, alicia, "1", "Se vuelve a monitorear")
    # when
    with pytest.raises(CaseNotBlocked):
        resume_case(case, alicia, "1", "Se vuelve a monitorear")
    # then
    assert case.tasks.filter(state__in=ACTIVE_TASK_STATES).count() == 1
    assert Event.objects.filter(case=case, kind=EventKind.CASE_RESUMED).count() == 1


@pytest.mark.django_db(transaction=True)
def test_it_opens_one_task_when_two_submissions_race(
    respaldos: Procedure, alicia: User, diego: User
) -> None:
    # given: the form sent twice at the same moment (each with its own connection)
    case = blocked(respaldos, diego)
    # when
    results = at_once([lambda: resume_case(case, alicia, "1", "Se vuelve a programar")] * 2)
    # then
    assert sorted(type(r).__name__ for r in results) == ["Case", "CaseNotBlocked"]
    assert case.tasks.filter(state__in=ACTIVE_TASK_STATES).count() == 1
    assert verify_log().ok


def test_it_gives_the_task_its_activity_s_own_time(
    clock: SetClock, respaldos: Procedure, alicia: User, diego: User
) -> None:
    # given: the copies have no fixed time ("Variable"), but checking one takes 2 días
    # hábiles; the case is resumed on Friday 13 March 2026 (Monday 16 is a holiday)
    StepTarget.objects.create(procedure=respaldos, step_number="2", days=2)
    clock(datetime(2026, 3, 13, 10))
    case = blocked(respaldos, diego)
    # when
    resume_case(case, alicia, "2", "Se verifica otra vez")
    # then
    assert case.due_date is None
    assert waiting(case).due_date == date(2026, 3, 18)
