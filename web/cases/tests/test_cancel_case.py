"""cancel_case: with a reason, by whoever opened it or a head above it."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied

from web.cases.actions import cancel_case, complete_task, open_case
from web.cases.errors import CaseNotOpen, ReasonRequired, TaskNotOpen
from web.cases.models import Case, CaseState, Event, EventKind, TaskState
from web.cases.tests.conftest import waiting
from web.catalog.models import Procedure

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(cuentas: Procedure, bruno: User) -> Case:
    return open_case(cuentas, bruno, "Cuenta SAP para Tesorería")


def test_it_cancels_the_case_and_its_waiting_task(case: Case, bruno: User) -> None:
    # given
    task = waiting(case)
    # when
    cancelled = cancel_case(case, bruno, "La dependencia retiró la solicitud")
    # then
    task.refresh_from_db()
    assert cancelled.state == CaseState.CANCELLED and cancelled.ended_at is not None
    assert "La dependencia retiró la solicitud" in cancelled.outcome
    assert task.state == TaskState.CANCELLED
    event = Event.objects.get(kind=EventKind.CASE_CANCELLED)
    assert event.payload == {"reason": "La dependencia retiró la solicitud", "tasks": [task.pk]}
    with pytest.raises(TaskNotOpen):
        complete_task(task, bruno)


def test_it_needs_a_reason(case: Case, bruno: User) -> None:
    with pytest.raises(ReasonRequired):
        cancel_case(case, bruno, "")


def test_it_lets_the_director_cancel(case: Case, alicia: User) -> None:
    assert cancel_case(case, alicia, "Duplicado").state == CaseState.CANCELLED


def test_it_does_not_let_others_cancel(
    case: Case, carla: User, elena: User, fernando: User, gabriela: User
) -> None:
    for user in (carla, elena, fernando, gabriela):
        with pytest.raises(PermissionDenied):
            cancel_case(case, user, "No me corresponde")
    case.refresh_from_db()
    assert case.state == CaseState.OPEN


def test_it_does_not_cancel_twice(case: Case, bruno: User) -> None:
    cancel_case(case, bruno, "Duplicado")
    with pytest.raises(CaseNotOpen):
        cancel_case(case, bruno, "Duplicado")
