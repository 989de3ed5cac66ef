"""Due dates moved by a change of the office calendar.

A día inhábil declared or deleted moves the business-day deadlines that run across it:
the cases still running (open or blocked) that started before the day and are due on
or after it, and their waiting tasks. A case's due date is its procedure's time counted
again from the day it started; a task due with its case follows it; a task with its
activity's own target keeps as many días hábiles after the day it opened as it had
(natural days do not move), never past its case's new due date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from django.utils import timezone

from folio.calendar import BusinessCalendar
from web.cases.flow import procedure_model
from web.cases.models import ACTIVE_TASK_STATES, Case, CaseState, StepTarget, Task


@dataclass(frozen=True)
class Moved:
    """The due dates one calendar change moved, as the log records them."""

    cases: list[dict[str, str | None]]
    tasks: list[dict[str, str | int | None]]

    def as_payload(self) -> dict[str, object]:
        return {"cases": self.cases, "tasks": self.tasks}


def move_due_dates(day: date, before: BusinessCalendar, after: BusinessCalendar) -> Moved:
    """Recount the deadlines that run across ``day`` with calendar ``after`` (``before``
    is the calendar they were counted with); the rows are locked and saved."""
    midnight = timezone.make_aware(datetime.combine(day, time.min))
    running = Case.objects.select_for_update().filter(
        state__in=(CaseState.OPEN, CaseState.BLOCKED), started_at__lt=midnight
    )
    cases = {
        c.pk: c for c in running.filter(due_date__gte=day).select_related("procedure__version")
    }
    old_due = {pk: case.due_date for pk, case in cases.items()}
    moved_cases = [_move_case(case, after) for case in cases.values()]
    waiting = Task.objects.select_for_update().filter(
        state__in=ACTIVE_TASK_STATES, created_at__lt=midnight, due_date__gte=day
    )
    tasks = list(waiting.select_related("case").order_by("pk"))
    moved_tasks = []
    for task in tasks:
        case = cases.get(task.case_id, task.case)
        was = old_due.get(task.case_id, case.due_date)
        moved = _move_task(task, case.due_date, was, before, after)
        if moved is not None:
            moved_tasks.append(moved)
    return Moved([m for m in moved_cases if m is not None], moved_tasks)


def _move_case(case: Case, after: BusinessCalendar) -> dict[str, str | None] | None:
    start = timezone.localdate(case.started_at)
    new = after.due_date(start, procedure_model(case.procedure).time)
    if new == case.due_date:
        return None
    entry = {"folio": case.folio, "from": _iso(case.due_date), "to": _iso(new)}
    case.due_date = new
    case.save(update_fields=["due_date"])
    return entry


def _move_task(
    task: Task,
    case_due: date | None,
    case_was: date | None,
    before: BusinessCalendar,
    after: BusinessCalendar,
) -> dict[str, str | int | None] | None:
    old = task.due_date
    assert old is not None  # selected by due date
    if old == case_was:
        new = case_due
    else:
        new = _own_due(task, old, before, after)
        new = new if case_due is None else min(new, case_due)
    if new == old:
        return None
    task.due_date, task.version = new, task.version + 1
    task.save(update_fields=["due_date", "version"])
    entry: dict[str, str | int | None] = {"folio": task.case.folio, "step": task.step_number}
    return {**entry, "pass": task.pass_number, "from": _iso(old), "to": _iso(new)}


def _own_due(task: Task, old: date, before: BusinessCalendar, after: BusinessCalendar) -> date:
    """The task's own due date counted again: as many días hábiles after the day it
    opened as it had; a target in natural days does not move."""
    target = StepTarget.objects.filter(
        procedure_id=task.case.procedure_id, step_number=task.step_number
    ).first()
    if target is not None and not target.business_days:
        return old
    opened = timezone.localdate(task.created_at)
    return after.add_business_days(opened, before.business_days_between(opened, old))


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None
