"""Where open work stands today: the waiting tasks of a scope by activity and by
holder, each counted open, at risk and overdue by the tasks' own deadlines
(``task_deadline``: an activity's target when it has one, else its case's). Tasks keep
no history of their states, so this is a present measure, not a period's."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from web.cases.deadlines import office_calendar
from web.cases.flow import procedure_model
from web.cases.models import ACTIVE_TASK_STATES, StepTarget, Task
from web.cases.queries import task_deadline
from web.indicators.scope import Scope


@dataclass(frozen=True)
class OpenWork:
    """``key`` is (procedure code, step number) or (holder's username, name); an
    unclaimed task's holder is ("", "")."""

    key: tuple[str, str]
    open: int
    at_risk: int
    overdue: int


def measure_open_work(
    scope: Scope, today: date | None = None
) -> tuple[tuple[OpenWork, ...], tuple[OpenWork, ...]]:
    """(by activity, by holder). Four queries besides the scope's: the tasks with
    their cases and procedures, the step targets, the office's días inhábiles."""
    today = today or timezone.localdate()
    tasks = list(
        scope.tasks()
        .filter(state__in=ACTIVE_TASK_STATES)
        .select_related("case__procedure__version", "assignee")
        .defer("case__procedure__version__data")
        .order_by()
    )
    procedures = {task.case.procedure_id for task in tasks}
    targets = {
        (t.procedure_id, t.step_number): t
        for t in StepTarget.objects.filter(procedure_id__in=procedures)
    }
    calendar = office_calendar()
    states: list[tuple[Task, str]] = []
    for task in tasks:
        target = targets.get((task.case.procedure_id, task.step_number))
        time = procedure_model(task.case.procedure).time
        states.append((task, task_deadline(task, time, target, today, calendar).state))
    return _grouped(states, _activity), _grouped(states, _holder)


def _activity(task: Task) -> tuple[str, str]:
    return (task.case.procedure.code, task.step_number)


def _holder(task: Task) -> tuple[str, str]:
    person = task.assignee
    if person is None:
        return ("", "")
    return (person.username, person.get_full_name() or person.username)


def _grouped(
    states: list[tuple[Task, str]], key: Callable[[Task], tuple[str, str]]
) -> tuple[OpenWork, ...]:
    counts: dict[tuple[str, str], list[int]] = {}
    for task, state in states:
        entry = counts.setdefault(key(task), [0, 0, 0])
        entry[0] += 1
        entry[1] += state == "at_risk"
        entry[2] += state == "overdue"
    return tuple(OpenWork(k, *v) for k, v in sorted(counts.items()))
