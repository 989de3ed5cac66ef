"""A task's own due date from its activity's target (``web/cases/deadlines.py``), on
the real calendar: Monday 16 March 2026 is a federal holiday (Natalicio de Benito
Juárez)."""

from __future__ import annotations

from datetime import date

import pytest

from folio.calendar import BusinessCalendar
from web.cases.deadlines import (
    office_calendar,
    target_state,
    task_due_date,
)
from web.cases.models import ClosedDay, StepTarget

FRIDAY_13 = date(2026, 3, 13)
MEXICO = BusinessCalendar()


def target(days: int, business_days: bool = True) -> StepTarget:
    return StepTarget(step_number="3", days=days, business_days=business_days)


def test_it_counts_business_days_past_the_holiday() -> None:
    assert task_due_date(None, target(2), FRIDAY_13, MEXICO) == date(2026, 3, 18)


def test_it_is_never_due_after_its_case() -> None:
    assert task_due_date(date(2026, 3, 17), target(2), FRIDAY_13, MEXICO) == date(2026, 3, 17)
    assert task_due_date(date(2026, 4, 30), target(2), FRIDAY_13, MEXICO) == date(2026, 3, 18)


def test_it_counts_calendar_days_through_weekends_and_holidays() -> None:
    assert task_due_date(None, target(2, False), FRIDAY_13, MEXICO) == date(2026, 3, 15)
    assert task_due_date(None, target(3, False), FRIDAY_13, MEXICO) == date(2026, 3, 16)


def test_it_is_due_with_its_case_without_a_target() -> None:
    assert task_due_date(date(2026, 3, 20), None, FRIDAY_13, MEXICO) == date(2026, 3, 20)
    assert task_due_date(None, None, FRIDAY_13, MEXICO) is None


@pytest.mark.django_db
def test_it_skips_the_office_s_dias_inhabiles() -> None:
    ClosedDay.objects.create(date=date(2026, 3, 17), reason="Mantenimiento del edificio")
    assert task_due_date(None, target(2), FRIDAY_13, office_calendar()) == date(2026, 3, 19)


def test_it_is_at_risk_in_the_last_fifth_of_its_days() -> None:
    # given: 5 días hábiles from Monday 2 March: due Monday 9 March
    five = target(5)
    due = task_due_date(None, five, date(2026, 3, 2), MEXICO)
    assert due == date(2026, 3, 9)
    # then: one day left is not fewer than a fifth of 5; none left is
    assert target_state(due, five, date(2026, 3, 6), MEXICO) == "on_time"
    assert target_state(due, five, date(2026, 3, 8), MEXICO) == "on_time"
    assert target_state(due, five, date(2026, 3, 9), MEXICO) == "at_risk"
    assert target_state(due, five, date(2026, 3, 10), MEXICO) == "overdue"


def test_it_counts_what_is_left_as_the_target_counts() -> None:
    # 10 días hábiles from Friday 13 March: due Monday 30 March; at risk on 27 and 30
    ten = target(10)
    due = task_due_date(None, ten, FRIDAY_13, MEXICO)
    assert due == date(2026, 3, 30)
    states = {day: target_state(due, ten, date(2026, 3, day), MEXICO) for day in (26, 27, 30)}
    assert states == {26: "on_time", 27: "at_risk", 30: "at_risk"}
    # 10 días naturales: due Monday 23 March; at risk from Sunday 22 (one day left)
    natural = target(10, False)
    due = task_due_date(None, natural, FRIDAY_13, MEXICO)
    assert due == date(2026, 3, 23)
    assert target_state(due, natural, date(2026, 3, 21), MEXICO) == "on_time"
    assert target_state(due, natural, date(2026, 3, 22), MEXICO) == "at_risk"


def test_a_capped_task_is_at_risk_near_its_case_s_due_date() -> None:
    # 10 días hábiles, but the case is due Wednesday 18 March
    due = task_due_date(date(2026, 3, 18), target(10), FRIDAY_13, MEXICO)
    assert due == date(2026, 3, 18)
    assert target_state(due, target(10), FRIDAY_13, MEXICO) == "on_time"
    assert target_state(due, target(10), date(2026, 3, 17), MEXICO) == "at_risk"
