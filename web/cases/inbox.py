"""The inbox: the tasks a person holds and those waiting for their roles, a page at a
time, with their count; where they come from is ``web/cases/inbox_sources.py``.

A page view runs the same handful of queries however many rows it shows: the person's
profile, units and roles (three small ones, and a fourth when a step names one of
their roles second), both counts (one), the tasks that wait for them outside their
roles (one), each section's page of ids (one each) and the rows with their cases and
procedures and their activities' own targets (one; and the office's días inhábiles when
a target is there). The procedure's parsed model is cached per process
(``web/cases/flow.py``); what the person may do with each row is decided from what was
read, by the rules of ``web/cases/permissions.py``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import overload

from django.core.paginator import Page, Paginator
from django.db.models import OuterRef, QuerySet, Subquery
from django.utils import timezone

from folio.flow.engine import choices
from web.cases.deadlines import office_calendar
from web.cases.flow import procedure_model
from web.cases.inbox_sources import (
    Key,
    Reader,
    by_role,
    count,
    extra_keys,
    held,
    page_ids,
    reader_of,
)
from web.cases.models import CaseState, StepTarget, Task, TaskState
from web.cases.permissions import AnyUser
from web.cases.queries import TaskView, task_deadline

PAGE_SIZE = 25
#: A page number as a query string gives it (anything: a bad one means the first page).
PageNumber = str | int | None


class TaskIds:
    """One section's task ids, for ``Paginator``: the count is known beforehand; a
    slice reads that page's ids."""

    def __init__(
        self, branches: Sequence[QuerySet[Task]], total: int, extra: Sequence[Key] = ()
    ) -> None:
        self.branches, self.total, self.extra = branches, total, extra

    def count(self) -> int:
        return self.total

    def __len__(self) -> int:
        return self.total

    @overload
    def __getitem__(self, index: int) -> int: ...
    @overload
    def __getitem__(self, index: slice) -> list[int]: ...
    def __getitem__(self, index: int | slice) -> int | list[int]:
        if isinstance(index, int):
            return self[index : index + 1][0]
        start = index.start or 0
        stop = self.total if index.stop is None else index.stop
        return page_ids(self.branches, start, max(stop - start, 0), self.extra)

    def __iter__(self) -> Iterator[int]:
        return iter(self[:])


def paged(ids: TaskIds, number: PageNumber) -> Page[int]:
    """The page ``number`` (as a query string gives it: the first or the last page when
    it is not one) of a section."""
    return Paginator(ids, PAGE_SIZE).get_page(number)


def task_views(ids: Sequence[int], reader: Reader, today: date) -> dict[int, TaskView]:
    """The page's tasks in one query (the procedure's parsed model is cached per
    process; its JSON stays behind), what the person may do decided from ``reader``:
    every task here waits for them, so they may complete it; they may claim it when
    open, release it when they hold it, reassign it either way."""
    found = Task.objects.filter(pk__in=ids).select_related("case__procedure__version")
    found = found.defer("case__procedure__data", "case__procedure__version__data").order_by()
    target = StepTarget.objects.filter(
        procedure_id=OuterRef("case__procedure_id"), step_number=OuterRef("step_number")
    )
    tasks: list[Task] = list(
        found.annotate(
            target_days=Subquery(target.values("days")[:1]),
            target_business=Subquery(target.values("business_days")[:1]),
        )
    )
    targets = {task.pk: _target_of(task) for task in tasks}
    calendar = office_calendar()
    views = {}
    for task in tasks:
        model = procedure_model(task.case.procedure)
        step = model.step(task.step_number)
        claimed = task.state == TaskState.CLAIMED
        if claimed:
            task.assignee = reader.user  # held by them: no need to read who
        views[task.pk] = TaskView(
            task=task,
            step=step,
            deadline=task_deadline(
                task,
                model.time,
                targets[task.pk],
                today,
                calendar,
            ),  # fmt: skip
            choices=choices(step) if step is not None else (),
            can_complete=task.case.state == CaseState.OPEN,
            can_claim=not claimed,
            can_release=claimed,
            can_reassign=True,
        )
    return views


def _target_of(task: Task) -> StepTarget | None:
    """The activity's own target, as ``task_views`` read it along with the task."""
    days = getattr(task, "target_days", None)
    if days is None:
        return None
    business = bool(getattr(task, "target_business", True))
    return StepTarget(step_number=task.step_number, days=days, business_days=business)


@dataclass(frozen=True)
class Section:
    page: Page[int]
    #: The page's tasks, as ``web/cases/inbox_rows.py`` draws them.
    views: list[TaskView]


@dataclass(frozen=True)
class Inbox:
    #: Tasks the person holds.
    mine: Section
    #: Open tasks of their roles, and outside parties' steps they record.
    queue: Section

    @property
    def count(self) -> int:
        return int(self.mine.page.paginator.count + self.queue.page.paginator.count)


def get_inbox_for_user(user: AnyUser, mine: PageNumber = 1, queue: PageNumber = 1) -> Inbox:
    """Page ``mine`` of the tasks ``user`` holds and page ``queue`` of those waiting for
    their roles (page numbers as a query string gives them)."""
    reader = reader_of(user)
    if reader is None:
        nothing = Section(paged(TaskIds([], 0), 1), [])
        return Inbox(nothing, nothing)
    held_count, role_count = count(reader)
    outside = extra_keys(reader)
    branches = [by_role(role) for role in reader.roles]
    held_page = paged(TaskIds([held(reader)], held_count), mine)
    queue_page = paged(TaskIds(branches, role_count + len(outside), outside), queue)
    ids = [*held_page.object_list, *queue_page.object_list]
    views = task_views(ids, reader, timezone.localdate()) if ids else {}
    return Inbox(_section(held_page, views), _section(queue_page, views))


def _section(page: Page[int], views: dict[int, TaskView]) -> Section:
    """The page's tasks in its order (one gone meanwhile is left out)."""
    return Section(page, [views[pk] for pk in page.object_list if pk in views])


def get_inbox_count_for_user(user: AnyUser) -> int:
    """How many tasks wait for ``user``, both sections together (what htmx polls)."""
    reader = reader_of(user)
    if reader is None:
        return 0
    held_count, role_count = count(reader)
    return held_count + role_count + len(extra_keys(reader))
