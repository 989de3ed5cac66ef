"""complete_task: the engine's rules applied to a case, one transaction per step."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied

from web.cases.actions import claim_task, complete_task, open_case
from web.cases.errors import ChoiceNotOffered, TaskAlreadyCompleted, TaskChanged
from web.cases.log import verify_log
from web.cases.models import Case, CaseState, Event, EventKind, Task, TaskState
from web.cases.tests.conftest import step, waiting
from web.catalog.models import Procedure

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(cuentas: Procedure, bruno: User) -> Case:
    return open_case(cuentas, bruno, "Cuenta SAP para Tesorería", "Tesorería Municipal")


def test_it_moves_the_case_to_the_next_step(case: Case, alicia: User, bruno: User) -> None:
    step(case, bruno, "1")
    step(case, alicia, "2")
    task = waiting(case)
    assert (task.step_number, task.role.name if task.role else "") == (
        "3",
        "Jefe/a de Departamento de Ingeniería de Aplicaciones",
    )
    done = case.tasks.get(step_number="2")
    assert (done.state, done.completed_by) == (TaskState.DONE, alicia)


def test_it_records_an_external_step_on_behalf_of_the_dependencia(case: Case, bruno: User) -> None:
    # when: Bruno (DGE staff, no role of the step) records the dependencia's request
    step(case, bruno, "1")
    # then: the log says he acted for the external role
    event = Event.objects.get(case=case, kind=EventKind.TASK_COMPLETED)
    assert event.actor == bruno
    assert event.on_behalf_of is not None
    assert event.on_behalf_of.name == "Titular de la Dependencia solicitante"
    assert event.payload["on_behalf_of"] == "Titular de la Dependencia solicitante"


def test_it_refuses_an_answer_the_step_does_not_offer(
    case: Case, alicia: User, bruno: User, carla: User
) -> None:
    step(case, bruno, "1")
    step(case, alicia, "2")
    with pytest.raises(ChoiceNotOffered, match="«En caso contrario»"):
        complete_task(waiting(case), carla, "Quizá")
    with pytest.raises(ChoiceNotOffered, match="es una decisión"):
        complete_task(waiting(case), carla)
    assert waiting(case).step_number == "3"


def test_it_ends_early_with_the_outcome(case: Case, alicia: User, bruno: User, carla: User) -> None:
    step(case, bruno, "1")
    step(case, alicia, "2")
    step(case, carla, "3", "No")
    case.refresh_from_db()
    assert case.state == CaseState.ENDED and case.ended_at is not None
    assert "3" in case.outcome and "«No»" in case.outcome
    assert not case.tasks.filter(state__in=[TaskState.OPEN, TaskState.CLAIMED]).exists()
    assert Event.objects.filter(case=case).last().kind == EventKind.CASE_ENDED  # type: ignore[union-attr]


def test_it_opens_a_new_pass_on_a_loop_back_and_keeps_both(
    case: Case, alicia: User, bruno: User, carla: User, diego: User
) -> None:
    # given: the account form comes back incomplete once
    for number, user, choice in [
        ("1", bruno, None),
        ("2", alicia, None),
        ("3", carla, "En caso contrario"),
        ("4", carla, None),
        ("5", diego, None),
    ]:
        step(case, user, number, choice)
    # when
    step(case, carla, "6", "No")
    # then: activity 5 waits again, as a second pass; the first pass stays done
    again = waiting(case)
    assert (again.step_number, again.pass_number) == ("5", 2)
    passes = case.tasks.filter(step_number="5").order_by("pass_number")
    assert [(t.pass_number, t.state) for t in passes] == [(1, "done"), (2, "open")]
    # and the case goes on to its end
    step(case, diego, "5")
    step(case, carla, "6", "En caso contrario")
    step(case, bruno, "7")
    case.refresh_from_db()
    assert case.state == CaseState.ENDED
    assert case.tasks.filter(step_number="6").count() == 2
    assert verify_log().ok


def test_it_blocks_when_the_manual_names_no_target(respaldos: Procedure, diego: User) -> None:
    case = open_case(respaldos, diego, "Respaldo mensual")
    step(case, diego, "1")
    step(case, diego, "2", "Si")
    case.refresh_from_db()
    assert case.state == CaseState.BLOCKED and case.ended_at is None
    assert "sin decir a qué actividad" in case.outcome


def test_it_ends_pointing_to_the_other_procedure(
    respaldos: Procedure, diego: User, carla: User
) -> None:
    case = open_case(respaldos, diego, "Respaldo mensual")
    step(case, diego, "1")
    step(case, diego, "2", "De lo contrario")
    step(case, carla, "3", "No")
    case.refresh_from_db()
    assert case.state == CaseState.ENDED
    assert "asignación de cuentas de usuario" in case.outcome


def test_it_does_not_advance_twice_for_a_double_submitted_form(case: Case, bruno: User) -> None:
    # given: the same form, posted twice
    task = waiting(case)
    complete_task(task, bruno)
    # when / then
    with pytest.raises(TaskAlreadyCompleted):
        complete_task(task, bruno)
    assert case.tasks.filter(step_number="2").count() == 1
    assert Event.objects.filter(kind=EventKind.TASK_COMPLETED).count() == 1


def test_it_refuses_a_form_shown_before_the_task_changed(
    case: Case, bruno: User, alicia: User
) -> None:
    shown = waiting(case)
    claim_task(Task.objects.get(pk=shown.pk), alicia)
    with pytest.raises(TaskChanged):
        complete_task(shown, alicia)


def test_it_refuses_someone_without_the_role(
    case: Case, alicia: User, bruno: User, elena: User, fernando: User
) -> None:
    step(case, bruno, "1")
    for user in (elena, fernando):
        with pytest.raises(PermissionDenied):
            complete_task(waiting(case), user)
    assert waiting(case).step_number == "2"
