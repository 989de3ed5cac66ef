"""add_closed_day: administrators declare the office's días inhábiles."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied

from web.cases.actions import add_closed_day, cancel_case, open_case, remove_closed_day
from web.cases.deadlines import office_calendar
from web.cases.errors import CaseError
from web.cases.models import ClosedDay, Event, EventKind, StepTarget
from web.cases.tests.conftest import SetClock, step, waiting
from web.catalog.models import Procedure

pytestmark = pytest.mark.django_db


def test_it_closes_the_day_for_deadlines(alicia: User) -> None:
    add_closed_day(alicia, date(2026, 3, 18), "Mantenimiento del edificio")
    assert not office_calendar().is_business_day(date(2026, 3, 18))
    event = Event.objects.get(kind=EventKind.CLOSED_DAY_ADDED)
    assert (event.case, event.payload["date"]) == (None, "2026-03-18")


def test_it_refuses_a_day_already_declared_and_keeps_its_reason(alicia: User) -> None:
    add_closed_day(alicia, date(2026, 3, 18), "Mantenimiento")
    with pytest.raises(CaseError, match="«Mantenimiento»"):
        add_closed_day(alicia, date(2026, 3, 18), "Mantenimiento del edificio")
    assert ClosedDay.objects.get().reason == "Mantenimiento"
    assert Event.objects.filter(kind=EventKind.CLOSED_DAY_ADDED).count() == 1


def test_it_moves_the_due_dates_of_running_cases_and_their_tasks(
    cuentas: Procedure, alicia: User, bruno: User, clock: SetClock
) -> None:
    # given: requests of Monday 2 March (5 días hábiles: due 9 March), one cancelled,
    # and one opened on 4 March itself (due 11 March)
    clock(datetime(2026, 3, 2, 10))
    running = open_case(cuentas, bruno, "Cuenta SAP")
    cancelled = open_case(cuentas, bruno, "Cuenta duplicada")
    cancel_case(cancelled, bruno, "Duplicado")
    clock(datetime(2026, 3, 4, 10))
    later = open_case(cuentas, bruno, "Cuenta nueva")
    # when: Wednesday 4 March is declared inhábil
    _closed, moved = add_closed_day(alicia, date(2026, 3, 4), "Asueto")
    # then: the running case and its waiting task are due a day later; the others stay
    for case in (running, cancelled, later):
        case.refresh_from_db()
    assert running.due_date == waiting(running).due_date == date(2026, 3, 10)
    assert (cancelled.due_date, later.due_date) == (date(2026, 3, 9), date(2026, 3, 11))
    # and the log says what moved
    event = Event.objects.get(kind=EventKind.CLOSED_DAY_ADDED)
    change = {"folio": running.folio, "from": "2026-03-09", "to": "2026-03-10"}
    assert event.payload["cases"] == [change]
    assert event.payload["tasks"] == [{**change, "step": "1", "pass": 1}]
    assert len(moved.tasks) == 1


def test_it_moves_an_activity_s_own_due_date(
    cuentas: Procedure, alicia: User, bruno: User, clock: SetClock
) -> None:
    # given: activity 2 has 2 días hábiles; a request reaches it on Monday 2 March
    StepTarget.objects.create(procedure=cuentas, step_number="2", days=2)
    clock(datetime(2026, 3, 2, 10))
    case = step(open_case(cuentas, bruno, "Cuenta SAP"), bruno, "1")
    assert waiting(case).due_date == date(2026, 3, 4)
    # when: Tuesday 3 March is declared inhábil, then deleted again
    add_closed_day(alicia, date(2026, 3, 3), "Asueto")
    moved_on = waiting(case).due_date
    moved_back = remove_closed_day(alicia, date(2026, 3, 3))
    # then: the activity was due a día hábil later, and is back where it was
    assert moved_on == date(2026, 3, 5)
    assert waiting(case).due_date == date(2026, 3, 4)
    case.refresh_from_db()
    assert case.due_date == date(2026, 3, 9) and len(moved_back.cases) == 1
    assert not ClosedDay.objects.exists()
    removed = Event.objects.get(kind=EventKind.CLOSED_DAY_REMOVED)
    assert removed.payload["date"] == "2026-03-03" and removed.payload["reason"] == "Asueto"


def test_it_refuses_to_delete_a_day_not_declared(alicia: User, carla: User) -> None:
    with pytest.raises(CaseError, match="no es un día inhábil"):
        remove_closed_day(alicia, date(2026, 3, 18))
    add_closed_day(alicia, date(2026, 3, 18), "Asueto")
    with pytest.raises(PermissionDenied):
        remove_closed_day(carla, date(2026, 3, 18))
    assert ClosedDay.objects.count() == 1


def test_it_is_for_administrators_only(carla: User) -> None:
    with pytest.raises(PermissionDenied):
        add_closed_day(carla, date(2026, 3, 18))
    assert not ClosedDay.objects.exists()
