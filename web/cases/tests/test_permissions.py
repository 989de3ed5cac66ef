"""Who may do what with a case of the Dirección de Gobierno Electrónico."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User

from web.cases.actions import open_case, reassign_task
from web.cases.inbox import get_inbox_for_user
from web.cases.models import Case, Task
from web.cases.permissions import (
    can_act_on,
    can_cancel_case,
    can_manage_calendar,
    can_open_case,
    can_reassign,
    get_cases_for_user,
)
from web.cases.tests.conftest import step, waiting
from web.catalog.models import Procedure

pytestmark = pytest.mark.django_db


def inbox_of(user: User) -> list[Task]:
    """The tasks of both sections of ``user``'s inbox (first pages)."""
    inbox = get_inbox_for_user(user)
    return [view.task for view in [*inbox.mine.views, *inbox.queue.views]]


def check(sentences: list[tuple[str, bool]]) -> list[str]:
    """The sentences that do not hold."""
    return [sentence for sentence, holds in sentences if not holds]


@pytest.fixture
def at_step_3(cuentas: Procedure, alicia: User, bruno: User) -> Case:
    """Bruno opened an account request; it waits for the head of Ingeniería."""
    case = open_case(cuentas, bruno, "Cuenta SAP para Tesorería")
    step(case, bruno, "1")
    return step(case, alicia, "2")


def test_who_may_do_what(
    at_step_3: Case,
    cuentas: Procedure,
    alicia: User,
    bruno: User,
    carla: User,
    diego: User,
    elena: User,
    fernando: User,
    gabriela: User,
) -> None:
    case, task = at_step_3, waiting(at_step_3)

    def sees(user: User) -> bool:
        return get_cases_for_user(user).filter(pk=case.pk).exists()

    def opens(user: User) -> bool:
        return can_open_case(user, cuentas)

    assert check([
        ("Alicia, the directora, sees the case", sees(alicia)),
        ("Bruno, who opened it in the Dirección, sees it", sees(bruno)),
        ("Carla sees it: it waits for her role", sees(carla)),
        ("Diego does not see it yet: he works in a department", not sees(diego)),
        ("Elena, of another department, does not see it", not sees(elena)),
        ("Fernando, the auditor, sees it", sees(fernando)),
        ("Gabriela, the outsider, does not see it", not sees(gabriela)),
        ("Carla may complete the analysis (activity 3)", can_act_on(carla, task)),
        ("Alicia may not complete it: she does not hold the role", not can_act_on(alicia, task)),
        ("Diego may not complete it", not can_act_on(diego, task)),
        ("Elena may not complete it", not can_act_on(elena, task)),
        ("Fernando may not complete it: auditors only read", not can_act_on(fernando, task)),
        ("Gabriela may not complete it", not can_act_on(gabriela, task)),
        ("Alicia may reassign it: she heads the Dirección", can_reassign(alicia, task)),
        ("Carla may reassign it: it is hers", can_reassign(carla, task)),
        ("Elena may not reassign it", not can_reassign(elena, task)),
        ("Bruno may cancel the case he opened", can_cancel_case(bruno, case)),
        ("Alicia may cancel it", can_cancel_case(alicia, case)),
        ("Carla may not cancel it: it belongs to the Dirección", not can_cancel_case(carla, case)),
        ("Fernando may not cancel it", not can_cancel_case(fernando, case)),
        ("Everyone in the Dirección may open account requests",
         all(opens(u) for u in (alicia, bruno, carla, diego, elena))),
        ("Fernando and Gabriela may not", not opens(fernando) and not opens(gabriela)),
        ("Only Alicia, the administrator, manages the calendar",
         [can_manage_calendar(u) for u in (alicia, bruno, carla, fernando)]
         == [True, False, False, False]),
    ]) == []  # fmt: skip


def test_a_delegated_task_opens_the_case_to_its_delegate(
    at_step_3: Case, carla: User, diego: User
) -> None:
    # when: Carla hands the analysis to Diego
    task = reassign_task(waiting(at_step_3), carla, diego, "Vacaciones")
    # then
    assert check([
        ("Diego now sees the case", get_cases_for_user(diego).filter(pk=at_step_3.pk).exists()),
        ("Diego may complete the task", can_act_on(diego, task)),
        ("It is in Diego's inbox", inbox_of(diego) == [task]),
        ("It left Carla's inbox", inbox_of(carla) == []),
    ]) == []  # fmt: skip


def test_the_inbox_holds_what_waits_for_each_role(
    at_step_3: Case, carla: User, diego: User, fernando: User
) -> None:
    analysis = waiting(at_step_3)
    assert check([
        ("Carla's inbox holds the analysis", inbox_of(carla) == [analysis]),
        ("Diego's inbox is empty", inbox_of(diego) == []),
        ("The auditor has no inbox", inbox_of(fernando) == []),
    ]) == []  # fmt: skip


def test_a_case_waiting_for_an_outsider_is_recorded_by_the_dirección(
    cuentas: Procedure, bruno: User, elena: User, gabriela: User
) -> None:
    case = open_case(cuentas, bruno, "Cuenta SAP para Tesorería")
    request = waiting(case)  # the dependencia's oficio (external role)
    assert check([
        ("Bruno may record the dependencia's request", can_act_on(bruno, request)),
        ("Elena, also of the Dirección, may record it", can_act_on(elena, request)),
        ("Gabriela, of another dirección, may not", not can_act_on(gabriela, request)),
    ]) == []  # fmt: skip
