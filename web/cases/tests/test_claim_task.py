"""claim_task: one person takes a task their role shares."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied

from web.cases.actions import claim_task, complete_task, open_case
from web.cases.errors import TaskChanged, TaskNotOpen
from web.cases.models import Case, EventKind, TaskState
from web.cases.permissions import can_act_on
from web.cases.tests.conftest import step, waiting
from web.catalog.models import Procedure

pytestmark = pytest.mark.django_db


@pytest.fixture
def at_step_2(cuentas: Procedure, bruno: User) -> Case:
    case = open_case(cuentas, bruno, "Cuenta SAP para Tesorería")
    return step(case, bruno, "1")


def test_it_claims_a_task_for_its_role_holder(at_step_2: Case, alicia: User) -> None:
    task = claim_task(waiting(at_step_2), alicia)
    assert (task.state, task.assignee, task.version) == (TaskState.CLAIMED, alicia, 2)
    assert at_step_2.events.last().kind == EventKind.TASK_CLAIMED  # type: ignore[union-attr]


def test_it_keeps_a_claimed_task_for_whoever_claimed_it(
    at_step_2: Case, alicia: User, bruno: User
) -> None:
    # given: the step is external-free; Bruno claims step 1 of a new case instead
    case = open_case(at_step_2.procedure, bruno, "Otra cuenta")
    claimed = claim_task(waiting(case), bruno)
    # then: Alicia, who could have recorded it too, no longer may
    assert not can_act_on(alicia, claimed)
    with pytest.raises(TaskNotOpen):
        claim_task(claimed, alicia)
    with pytest.raises(PermissionDenied):
        complete_task(claimed, alicia)


def test_it_refuses_someone_without_the_role(at_step_2: Case, carla: User) -> None:
    with pytest.raises(PermissionDenied):
        claim_task(waiting(at_step_2), carla)


def test_it_refuses_a_stale_copy(at_step_2: Case, alicia: User) -> None:
    copy = waiting(at_step_2)
    claim_task(waiting(at_step_2), alicia)
    with pytest.raises(TaskChanged):
        claim_task(copy, alicia)
