"""The inbox queries the benchmark measures.

- ``app_inbox``: the cases app's own ``get_tasks_for_user`` (``web/cases/permissions.py``),
  ordered as its page shows it (nearest case due date first, cases without one last);
- ``role_queue`` / ``held_tasks``: the proposal, one page at a time. It leans on what the
  actions guarantee: a task held by someone is ``claimed`` with them as ``assignee``
  (``reassign_task`` sets ``assignee`` and ``delegated_to`` alike; ``release_task``
  clears both), and an active task belongs to an open case (cancelling cancels it;
  ending or blocking leaves none), so neither needs the case to filter or count. Pages
  go by the task's own ``due_date``, a copy of the case's that ``start_task`` would set
  (the bench fill sets it; the app leaves it empty today), so an index serves them in
  order; ``order="case"`` sorts by the case's due date instead, for comparison. Rows
  leave the procedure's JSON behind (``BULKY``) and join only what a row shows (the
  case, its procedure, the role; the holder of a held task is the person asking): on
  PostgreSQL, planning a six-table join costs more than running it.

``PROPOSED_INDEXES`` are the indexes these need, as ``Task.Meta.indexes`` would declare
them; ``bench/inbox.py`` creates them in its own database, never the app's.
Not covered: steps with several roles (``Task.other_roles``) and the steps of external
roles that ``get_inbox_for_user`` adds; the fill has neither.
"""

from __future__ import annotations

from django.contrib.auth.models import User
from django.db import models
from django.db.models import F, Q, QuerySet

from web.cases.models import Task, TaskState
from web.cases.permissions import get_tasks_for_user
from web.catalog.models import Role

PAGE = 25

PROPOSED_INDEXES = [
    # The queue of a role: its open tasks, nearest due date first. ``state`` is in the
    # columns too: Django sends ``state = %s`` as a parameter, and SQLite, though it
    # picks the partial index, re-reads each row to test it unless the index holds it
    # (then the count never leaves the index).
    models.Index(
        fields=["role", "state", "due_date", "created_at"],
        condition=Q(state="open"),
        name="task_open_role_due",
    ),
    # What a person holds: the tasks they claimed (or were handed), nearest due first.
    models.Index(
        fields=["assignee", "state", "due_date", "created_at"],
        condition=Q(state="claimed"),
        name="task_claimed_assignee_due",
    ),
]
ORDER = (F("due_date").asc(nulls_last=True), "created_at", "pk")
#: The procedure's JSON (tens of KB, parsed by the driver at every row): a page reads it
#: once per procedure instead (``Models.of`` loads the deferred field on first use).
BULKY = ("case__procedure__data",)


def app_inbox(user: User) -> QuerySet[Task]:
    tasks = get_tasks_for_user(user)
    return tasks.order_by(F("case__due_date").asc(nulls_last=True), "created_at", "pk")


def role_ids(user: User) -> list[int]:
    return list(Role.objects.filter(members=user).values_list("pk", flat=True))


def role_queue(ids: list[int], order: str = "task") -> QuerySet[Task]:
    """Open tasks waiting for the roles ``ids``, for display (case, procedure, unit)."""
    tasks = Task.objects.filter(state=TaskState.OPEN, role_id__in=ids)
    tasks = tasks.select_related("case__procedure", "role").defer(*BULKY)
    if order == "case":
        return tasks.order_by(F("case__due_date").asc(nulls_last=True), "created_at", "pk")
    return tasks.order_by(*ORDER)


def role_queue_count(ids: list[int]) -> int:
    return Task.objects.filter(state=TaskState.OPEN, role_id__in=ids).count()


def held_tasks(user: User) -> QuerySet[Task]:
    """Tasks ``user`` holds; set ``task.assignee = user`` before drawing them."""
    tasks = Task.objects.filter(state=TaskState.CLAIMED, assignee=user)
    tasks = tasks.select_related("case__procedure", "role").defer(*BULKY)
    return tasks.order_by(*ORDER)


def held_count(user: User) -> int:
    return Task.objects.filter(state=TaskState.CLAIMED, assignee=user).count()
