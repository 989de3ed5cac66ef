"""release_task: a claimed task goes back to everyone who holds its role."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied

from web.cases.actions import claim_task, open_case, release_task
from web.cases.errors import TaskNotOpen
from web.cases.models import Case, TaskState
from web.cases.tests.conftest import waiting
from web.catalog.models import Procedure

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(cuentas: Procedure, bruno: User) -> Case:
    return open_case(cuentas, bruno, "Cuenta SAP para Tesorería")


def test_it_releases_a_task_its_holder_claimed(case: Case, bruno: User) -> None:
    claim_task(waiting(case), bruno)
    task = release_task(waiting(case), bruno)
    assert (task.state, task.assignee) == (TaskState.OPEN, None)


def test_it_lets_the_head_release_someone_elses_task(case: Case, bruno: User, alicia: User) -> None:
    claim_task(waiting(case), bruno)
    assert release_task(waiting(case), alicia).state == TaskState.OPEN


def test_it_does_not_let_a_colleague_release_it(case: Case, bruno: User, diego: User) -> None:
    claim_task(waiting(case), bruno)
    with pytest.raises(PermissionDenied):
        release_task(waiting(case), diego)


def test_it_refuses_a_task_nobody_holds(case: Case, bruno: User) -> None:
    with pytest.raises(TaskNotOpen):
        release_task(waiting(case), bruno)
