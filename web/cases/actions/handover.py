"""When a person leaves: the activities they hold (claimed by them, or handed to them)
in running cases go back to everyone who holds their roles. Registered with the accounts
app (``web.accounts.held``), which deactivates people but does not import cases."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from web.cases.actions.tasks import lock_case
from web.cases.log import append_event
from web.cases.models import CaseState, EventKind, Task, TaskState
from web.cases.permissions import can_manage_calendar, is_auditor

#: Cases whose tasks still matter: a blocked case goes on where it stopped.
RUNNING = (CaseState.OPEN, CaseState.BLOCKED)


def held_tasks(person: User) -> QuerySet[Task]:
    return Task.objects.filter(
        state=TaskState.CLAIMED, assignee=person, case__state__in=RUNNING
    ).order_by("case_id", "pk")


def count_held_tasks(person: User) -> int:
    return held_tasks(person).count()


@transaction.atomic
def release_tasks_of(person: User, actor: User) -> int:
    """An administrator gives back every activity ``person`` holds; each release is
    logged as the holder's own would be. Returns how many were released."""
    if not can_manage_calendar(actor) or is_auditor(actor):
        raise PermissionDenied(_("Only an administrator may release someone's activities."))
    released = 0
    for pk, case_id in held_tasks(person).values_list("pk", "case_id"):
        case = lock_case(case_id)
        task = Task.objects.select_for_update(of=("self",)).get(pk=pk)
        if task.state != TaskState.CLAIMED or task.assignee_id != person.pk:
            continue  # released or completed meanwhile
        task.state, task.assignee, task.delegated_to = TaskState.OPEN, None, None
        task.version += 1
        task.save(update_fields=["state", "assignee", "delegated_to", "version"])
        payload = {"task": task.pk, "step": task.step_number, "pass": task.pass_number}
        payload["released"] = person.pk
        append_event(EventKind.TASK_RELEASED, case=case, actor=actor, payload=payload)
        released += 1
    return released
