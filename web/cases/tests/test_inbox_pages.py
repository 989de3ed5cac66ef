"""The inbox a page at a time: 25 rows, nearest due date first and undated last on
every database, page links that work without JavaScript, and a page read with the
same few queries however many rows it holds."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from web.cases.actions import claim_task, open_case
from web.cases.inbox import PAGE_SIZE, get_inbox_for_user
from web.cases.models import Case, Task
from web.cases.queries import TaskView, task_view
from web.cases.tests.conftest import SetClock, step, waiting
from web.catalog.models import Procedure, Role
from web.conftest import JEFE_INGENIERIA, signed_in

pytestmark = pytest.mark.django_db


def backups(respaldos: Procedure, diego: User, clock: SetClock, count: int) -> list[Case]:
    """``count`` backup cases ("Variable": no due date), one a minute, each waiting
    for Diego's role."""
    opened = []
    for minute in range(count):
        clock(datetime(2026, 3, 2, 9, minute))
        opened.append(open_case(respaldos, diego, f"Respaldo {minute}"))
    return opened


def due(case: Case, day: date) -> None:
    Task.objects.filter(case=case).update(due_date=day)


def test_it_sorts_by_due_date_with_undated_last_then_oldest_first(
    respaldos: Procedure, diego: User, clock: SetClock
) -> None:
    # given: 27 waiting backups, three of which were given due dates
    cases = backups(respaldos, diego, clock, PAGE_SIZE + 2)
    due(cases[20], date(2026, 3, 20))
    due(cases[9], date(2026, 3, 9))
    due(cases[15], date(2026, 3, 30))
    # when
    first = get_inbox_for_user(diego).queue
    second = get_inbox_for_user(diego, queue="2").queue
    # then
    undated = [case for n, case in enumerate(cases) if n not in (9, 15, 20)]
    order = [cases[9], cases[20], cases[15], *undated]
    shown = [view.task.case_id for view in first.views + second.views]
    assert shown == [case.pk for case in order]
    assert (len(first.views), len(second.views), first.page.paginator.count) == (25, 2, 27)


def test_it_links_the_pages_of_each_list(
    respaldos: Procedure, diego: User, clock: SetClock
) -> None:
    # given
    cases = backups(respaldos, diego, clock, PAGE_SIZE + 2)
    claim_task(waiting(cases[0]), diego)
    client = signed_in(diego)
    # when
    first = client.get("/casos/").content.decode()
    second = client.get("/casos/?page=2").content.decode()
    beyond = client.get("/casos/?page=99&mine=x").content.decode()
    # then: 1 held, 26 waiting: the queue has two pages, "My activities" one
    assert 'href="?page=2#espera"' in first and "Página 1 de 2" in first
    assert "?mine=" not in first
    assert 'href="?page=1#espera"' in second and "Página 2 de 2" in second
    assert cases[-1].folio in second and cases[-1].folio not in first
    assert "Página 2 de 2" in beyond and "27 actividades" in beyond


def test_it_reads_a_page_with_the_same_queries_however_many_rows(
    cuentas: Procedure,
    respaldos: Procedure,
    alicia: User,
    bruno: User,
    diego: User,
    dge_roles: dict[str, Role],
    clock: SetClock,
) -> None:
    # given: Diego also heads the queue of the Jefe/a; 26 backups and 4 account
    # requests wait for his two roles, he holds two of the backups
    dge_roles[JEFE_INGENIERIA].members.add(diego)
    cases = backups(respaldos, diego, clock, PAGE_SIZE + 1)
    for case in cases[:2]:
        claim_task(waiting(case), diego)
    for n in range(4):
        step(step(open_case(cuentas, bruno, f"Cuenta {n}"), bruno, "1"), alicia, "2")
    get_inbox_for_user(diego)  # the procedures' parsed models are cached from here on
    # when: the full first page (2 held + 25) and the second (2 + 3)
    with CaptureQueriesContext(connection) as full:
        first = get_inbox_for_user(diego)
    with CaptureQueriesContext(connection) as short:
        second = get_inbox_for_user(diego, queue=2)
    # then
    assert (len(first.mine.views), len(first.queue.views), len(second.queue.views)) == (2, 25, 3)
    # 9: the office's días inhábiles are read too, since they move every at-risk day
    assert len(full) == len(short) <= 9, [q["sql"] for q in full.captured_queries]


def test_the_page_runs_a_handful_of_queries(
    respaldos: Procedure, diego: User, clock: SetClock, django_assert_max_num_queries: Any
) -> None:
    backups(respaldos, diego, clock, PAGE_SIZE + 5)
    client = signed_in(diego)
    client.get("/casos/")
    with django_assert_max_num_queries(11):  # the office's días inhábiles among them
        response = client.get("/casos/")
    assert response.status_code == 200


def test_it_decides_each_row_as_the_case_page_does(
    cuentas: Procedure,
    respaldos: Procedure,
    alicia: User,
    bruno: User,
    carla: User,
    clock: SetClock,
) -> None:
    # given: requests opened on different days, some overdue by now, one held by Carla,
    # and a backup (no due date) that Carla as head may also see
    clock(datetime(2026, 3, 2, 10))
    for n in range(3):
        clock(datetime(2026, 3, 2 + 4 * n, 10))
        step(step(open_case(cuentas, bruno, f"Cuenta {n}"), bruno, "1"), alicia, "2")
    claim_task(Task.objects.filter(state="open", step_number="3").earliest("pk"), carla)
    clock(datetime(2026, 3, 13, 10))
    # when
    inbox = get_inbox_for_user(carla)
    # then
    rows = inbox.mine.views + inbox.queue.views
    today = timezone.localdate()
    for row in rows:
        task = Task.objects.select_related("case__procedure", "role").get(pk=row.task.pk)
        expected = task_view(task, carla, task.case.procedure.model(), today)
        assert _decided(row) == _decided(expected)
    assert {row.deadline.state for row in rows} == {"overdue", "on_time"}
    assert len(inbox.mine.views) == 1


def _decided(view: TaskView) -> tuple[object, ...]:
    names = ("deadline", "choices", "can_complete", "can_claim", "can_release", "can_reassign")
    return (view.step, *(getattr(view, name) for name in names))


def test_it_merges_outsiders_steps_with_the_roles_queue_in_one_order(
    cuentas: Procedure, respaldos: Procedure, bruno: User, diego: User, clock: SetClock
) -> None:
    # given: backups for Diego's role (no due date) and account requests waiting for
    # the dependencia's oficio, which his Dirección records (due in 5 días hábiles)
    clock(datetime(2026, 3, 2, 9))
    first_backup = open_case(respaldos, diego, "Respaldo de marzo")
    later = open_case(cuentas, bruno, "Cuenta de nómina")
    clock(datetime(2026, 3, 3, 9))
    second_backup = open_case(respaldos, diego, "Respaldo de abril")
    sooner = open_case(cuentas, bruno, "Cuenta de correo")
    due(sooner, date(2026, 3, 5))
    # when
    queue = get_inbox_for_user(diego).queue
    # then
    expected = [sooner, later, first_backup, second_backup]
    assert [view.task.case.folio for view in queue.views] == [case.folio for case in expected]
    assert queue.page.paginator.count == 4
