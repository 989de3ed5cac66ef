"""reassign_task: hand a task to someone else, saying why."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied

from web.cases.actions import open_case, reassign_task
from web.cases.errors import ReasonRequired
from web.cases.models import Case, Event, EventKind, TaskState
from web.cases.permissions import can_act_on
from web.cases.tests.conftest import step, waiting
from web.catalog.models import Procedure

pytestmark = pytest.mark.django_db


@pytest.fixture
def at_step_3(cuentas: Procedure, bruno: User, alicia: User) -> Case:
    case = open_case(cuentas, bruno, "Cuenta SAP para Tesorería")
    step(case, bruno, "1")
    return step(case, alicia, "2")


def test_it_delegates_the_task_with_the_reason(at_step_3: Case, carla: User, diego: User) -> None:
    # given: Diego does not hold the department head's role
    assert not can_act_on(diego, waiting(at_step_3))
    # when: Carla, on vacation, hands the analysis to him
    task = reassign_task(waiting(at_step_3), carla, diego, "Vacaciones de la jefa")
    # then
    assert (task.state, task.assignee, task.delegated_to) == (TaskState.CLAIMED, diego, diego)
    assert can_act_on(diego, task) and not can_act_on(carla, task)
    event = Event.objects.get(kind=EventKind.TASK_REASSIGNED)
    assert event.payload["reason"] == "Vacaciones de la jefa"
    assert event.payload["to"] == diego.pk


def test_it_needs_a_reason(at_step_3: Case, carla: User, diego: User) -> None:
    with pytest.raises(ReasonRequired):
        reassign_task(waiting(at_step_3), carla, diego, "  ")


def test_it_lets_the_director_reassign_any_task_of_her_office(
    at_step_3: Case, alicia: User, diego: User
) -> None:
    task = reassign_task(waiting(at_step_3), alicia, diego, "Carga de trabajo")
    assert task.delegated_to == diego


def test_it_refuses_people_who_are_not_involved(
    at_step_3: Case, elena: User, diego: User, carla: User, fernando: User, gabriela: User
) -> None:
    with pytest.raises(PermissionDenied):
        reassign_task(waiting(at_step_3), elena, diego, "Yo no soy responsable")
    for outsider in (fernando, gabriela):
        with pytest.raises(PermissionDenied):
            reassign_task(waiting(at_step_3), carla, outsider, "Que lo vea otra oficina")
