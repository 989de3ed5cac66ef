"""Measures of the tasks in a scope and period: where cases stand still (wait per
activity and per role), how often each decision sends cases back (loop-backs) and
each person's workload. One query each, whatever the number of tasks.

A task's wait is the time from its opening to its completion that fell on business
days (``folio.measures.business_wait``), in días hábiles; tasks completed in the period
count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from folio.measures import Period, Summary, business_wait, ratio, summarize
from web.cases.deadlines import office_calendar
from web.cases.flow import procedure_model
from web.cases.models import Task, TaskState
from web.catalog.models import Procedure
from web.indicators.scope import Scope, aware_bounds, local_naive


@dataclass(frozen=True)
class Wait:
    """Waits of the tasks of one activity (``key`` = procedure code and step number)
    or one role (``key`` = role name), in días hábiles."""

    key: tuple[str, ...]
    wait: Summary
    #: The activity's words as its manual writes them (an activity's wait only).
    activity: str = ""


@dataclass(frozen=True)
class Waits:
    by_activity: tuple[Wait, ...]
    by_role: tuple[Wait, ...]


def measure_waits(scope: Scope, period: Period) -> Waits:
    start, after = aware_bounds(period)
    rows = (
        scope.tasks()
        .filter(state=TaskState.DONE, completed_at__gte=start, completed_at__lt=after)
        .values_list(
            "case__procedure_id",
            "case__procedure__code",
            "step_number",
            "role__name",
            "created_at",
            "completed_at",
        )
        .order_by()
    )
    calendar = office_calendar()
    activities: dict[tuple[str, ...], list[float]] = {}
    roles: dict[tuple[str, ...], list[float]] = {}
    newest: dict[tuple[str, ...], int] = {}
    for procedure, code, number, role, created, completed in rows:
        assert completed is not None  # done tasks only
        wait = business_wait(local_naive(created), local_naive(completed), calendar)
        activities.setdefault((code, number), []).append(wait)
        roles.setdefault((role or "",), []).append(wait)
        newest[(code, number)] = max(procedure, newest.get((code, number), 0))
    names = activity_names(newest)
    return Waits(_summaries(activities, names), _summaries(roles, {}))


def activity_names(newest: dict[tuple[str, ...], int]) -> dict[tuple[str, ...], str]:
    """The words of each (code, step number), from the newest procedure row that ran
    it: one query for the procedures, their manuals parsed once (``procedure_model``)."""
    rows = Procedure.objects.filter(pk__in=set(newest.values())).select_related("version")
    procedures = {row.pk: row for row in rows.defer("version__data")}
    names: dict[tuple[str, ...], str] = {}
    for (code, number), pk in newest.items():
        step = procedure_model(procedures[pk]).step(number)
        names[(code, number)] = " ".join(step.activity.split()) if step is not None else ""
    return names


def _summaries(
    groups: dict[tuple[str, ...], list[float]], names: dict[tuple[str, ...], str]
) -> tuple[Wait, ...]:
    return tuple(
        Wait(key, summarize(values), names.get(key, ""))
        for key, values in sorted(groups.items(), key=lambda kv: step_order(kv[0]))
    )


def step_order(key: tuple[str, ...]) -> tuple[tuple[tuple[int, int | str], ...], ...]:
    """Numbers as numbers: activity 2 before 10, "3.1" after "3" ("10" sorts before
    "2" as text)."""
    return tuple(
        tuple((0, int(run)) if run.isdigit() else (1, run) for run in re.findall(r"\d+|\D+", part))
        for part in key
    )


@dataclass(frozen=True)
class LoopBack:
    """A decision that sent cases back in the period: how many times it was taken
    (its tasks completed in the period) and how many of those sent the case back to
    an earlier activity."""

    code: str
    step_number: str
    decisions: int
    loop_backs: int

    @property
    def rate(self) -> float | None:
        return ratio(self.loop_backs, self.decisions)


def measure_loop_backs(scope: Scope, period: Period) -> tuple[LoopBack, ...]:
    """Decisions with at least one loop-back in the period. A loop-back is a task that
    opens a later pass (``pass_number``) than the task before it in its case, which is
    the decision that sent it back. Two queries: the tasks of the cases with a repeated
    pass opened in the period, in order; and the decisions' completions."""
    start, after = aware_bounds(period)
    in_period = Q(created_at__gte=start, created_at__lt=after)
    looped = scope.cases().filter(
        Exists(Task.objects.filter(in_period, case=OuterRef("pk"), pass_number__gt=1))
    )
    rows = (
        Task.objects.filter(case__in=looped.values("pk"))
        .order_by("case_id", "pk")
        .values_list("case_id", "case__procedure__code", "step_number", "pass_number", "created_at")
    )
    sent: dict[tuple[str, str], int] = {}
    previous: tuple[int, str, int] | None = None
    for case_id, code, number, passes, created in rows:
        back = previous is not None and previous[0] == case_id and passes > previous[2]
        if back and previous is not None and start <= created < after:
            sent[(code, previous[1])] = sent.get((code, previous[1]), 0) + 1
        previous = (case_id, number, passes)
    if not sent:
        return ()
    taken = _decisions_taken(scope, start, after, {number for _, number in sent})
    return tuple(
        LoopBack(code, number, taken.get((code, number), 0), count)
        for (code, number), count in sorted(sent.items(), key=lambda kv: step_order(kv[0]))
    )


def _decisions_taken(
    scope: Scope, start: datetime, after: datetime, numbers: set[str]
) -> dict[tuple[str, str], int]:
    done = scope.tasks().filter(
        state=TaskState.DONE,
        completed_at__gte=start,
        completed_at__lt=after,
        step_number__in=numbers,
    )
    rows = done.values_list("case__procedure__code", "step_number").annotate(n=Count("pk"))
    return {(code, number): n for code, number, n in rows.order_by()}


@dataclass(frozen=True)
class Workload:
    username: str
    name: str
    #: Tasks they completed in the period.
    completed: int
    #: Tasks they hold (claimed) on the day measured.
    held: int


def measure_workload(
    scope: Scope, period: Period, today: date | None = None
) -> tuple[Workload, ...]:
    """Per person: tasks completed in the period and tasks held now. Holdings are a
    present fact (a task keeps no claim history), so a period that does not hold today
    shows none."""
    start, after = aware_bounds(period)
    today = today or timezone.localdate()
    tasks = scope.tasks()
    done = tasks.filter(state=TaskState.DONE, completed_at__gte=start, completed_at__lt=after)
    completed = _per_person(done, "completed_by")
    held: dict[tuple[str, str], int] = {}
    if period.start <= today <= period.end:
        claimed = tasks.filter(state=TaskState.CLAIMED, assignee__isnull=False)
        held = _per_person(claimed, "assignee")
    return tuple(
        Workload(user, name, completed.get((user, name), 0), held.get((user, name), 0))
        for user, name in sorted(completed.keys() | held.keys())
    )


def _per_person(tasks: QuerySet[Task], field: str) -> dict[tuple[str, str], int]:
    """Tasks per (username, full name) of the person in ``field``, counted in SQL."""
    parts = [f"{field}__{part}" for part in ("username", "first_name", "last_name")]
    rows = tasks.values_list(*parts).annotate(n=Count("pk")).order_by()
    counts: dict[tuple[str, str], int] = {}
    for user, first, last, n in rows:
        counts[(user, f"{first} {last}".strip() or user)] = n
    return counts
