"""Deadlines: the office calendar (weekends, federal holidays and the office's días
inhábiles) and the due dates of tasks.

A task is due when its case is, unless an administrator gave its activity a target
(``StepTarget``): then it is due that many días hábiles (or naturales) after the day it
opened, never later than its case's due date. A task with a target is overdue after its
due date and at risk once fewer than a fifth of the target's days are left before it
(the due day itself counts as none left): with 5 días hábiles, on the fifth; with 10,
on the ninth and tenth.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from folio.calendar import BusinessCalendar, DeadlineState
from folio.manuals.model import TimeUnit
from web.cases.models import ClosedDay, StepTarget


def office_calendar() -> BusinessCalendar:
    return BusinessCalendar(frozenset(ClosedDay.objects.values_list("date", flat=True)))


def step_targets(procedure_id: int, step_numbers: Iterable[str]) -> dict[str, StepTarget]:
    """The targets of those activities, by step number: one query."""
    rows = StepTarget.objects.filter(procedure_id=procedure_id, step_number__in=step_numbers)
    return {row.step_number: row for row in rows}


def task_due_date(
    case_due: date | None,
    target: StepTarget | None,
    started: date,
    calendar: BusinessCalendar,
) -> date | None:
    """When a task opened on ``started`` is due: ``target.days`` after it, capped by the
    case's due date when there is one; the case's due date when there is no target."""
    if target is None:
        return case_due
    unit: TimeUnit = "días hábiles" if target.business_days else "días naturales"
    own = calendar.add(started, target.days, unit)
    return own if case_due is None else min(own, case_due)


def target_state(
    due: date | None, target: StepTarget, today: date, calendar: BusinessCalendar
) -> DeadlineState:
    """The state of a task due on ``due`` whose activity has ``target``: overdue after
    ``due``; at risk while the days left after ``today`` up to ``due`` (counted as the
    target counts them) are fewer than a fifth of ``target.days``; else on time."""
    if due is None:
        return "no_deadline"
    if today > due:
        return "overdue"
    if target.business_days:
        left = calendar.business_days_between(today, due)
    else:
        left = (due - today).days
    return "at_risk" if 5 * left < target.days else "on_time"
