"""Inbox rows decided once per page instead of once per row.

``web.cases.queries.task_view`` asks the database about the person at every row (their
profile, their roles, the task's other roles: about 3.5 statements a row). Here the
person's profile, roles and units are read once and the tasks' other roles prefetched;
the rules are those of ``web/cases/permissions.py`` (``can_act_on``,
``can_supervise_task``), applied to what was read.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.contrib.auth.models import User
from django.db.models import prefetch_related_objects

from folio.flow.engine import choices
from web.cases.models import ACTIVE_TASK_STATES, CaseState, Task, TaskState
from web.cases.permissions import profile_of
from web.cases.queries import Models, TaskView, deadline_of, units_above
from web.catalog.models import Role


@dataclass(frozen=True)
class Person:
    user: User
    internal: bool
    #: The roles they hold; the units whose outside parties they record; the units they head.
    roles: set[int]
    above: set[int]
    heads: set[int]


def person(user: User) -> Person:
    profile = profile_of(user)
    unit = profile.unit if profile is not None and not profile.is_auditor else None
    roles = set(Role.objects.filter(members=user).values_list("pk", flat=True))
    if unit is None:
        return Person(user, False, roles, set(), set())
    heads = unit.subtree_ids() if profile is not None and profile.is_head else set()
    return Person(user, True, roles, units_above(unit), heads)


def task_views(tasks: list[Task], user: User, today: date) -> list[TaskView]:
    who, models = person(user), Models()
    prefetch_related_objects(tasks, "other_roles")
    return [row(task, who, models, today) for task in tasks]


def row(task: Task, who: Person, models: Models, today: date) -> TaskView:
    roles = ([task.role] if task.role else []) + list(task.other_roles.all())
    active = task.state in ACTIVE_TASK_STATES
    mine = who.user.pk in (task.assignee_id, task.delegated_to_id)
    by_role = task.state != TaskState.CLAIMED and (
        any(role.pk in who.roles for role in roles)
        or (any(role.is_external for role in roles) and task.case.unit_id in who.above)
    )
    acts = who.internal and active and task.case.state == CaseState.OPEN and (mine or by_role)
    supervises = active and task.case.unit_id in who.heads
    model = models.of(task.case.procedure)
    step = model.step(task.step_number)
    claimed = task.state == TaskState.CLAIMED
    return TaskView(
        task=task,
        step=step,
        deadline=deadline_of(task.case, model.time, today),
        choices=choices(step) if step is not None else (),
        can_complete=acts,
        can_claim=acts and task.state == TaskState.OPEN,
        can_release=claimed and (task.assignee_id == who.user.pk or supervises),
        can_reassign=active and (acts or supervises),
    )
