"""add_closed_day: administrators declare the office's días inhábiles."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied

from web.cases.actions import add_closed_day
from web.cases.deadlines import office_calendar
from web.cases.models import ClosedDay, Event, EventKind

pytestmark = pytest.mark.django_db


def test_it_closes_the_day_for_deadlines(alicia: User) -> None:
    add_closed_day(alicia, date(2026, 3, 18), "Mantenimiento del edificio")
    assert not office_calendar().is_business_day(date(2026, 3, 18))
    event = Event.objects.get(kind=EventKind.CLOSED_DAY_ADDED)
    assert (event.case, event.payload["date"]) == (None, "2026-03-18")


def test_it_keeps_one_row_per_day(alicia: User) -> None:
    add_closed_day(alicia, date(2026, 3, 18), "Mantenimiento")
    add_closed_day(alicia, date(2026, 3, 18), "Mantenimiento del edificio")
    assert ClosedDay.objects.get().reason == "Mantenimiento del edificio"


def test_it_is_for_administrators_only(carla: User) -> None:
    with pytest.raises(PermissionDenied):
        add_closed_day(carla, date(2026, 3, 18))
    assert not ClosedDay.objects.exists()
