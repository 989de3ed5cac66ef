"""Working on tasks: claim, release, reassign; and opening the next one (completing
is in ``complete.py``).

Every action here locks the case row, then the task row (the same order everywhere, so
two actions cannot deadlock), then re-reads the task: what counts is its state in the
database, not in the caller's copy. A copy whose ``version`` is behind is refused.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from folio.calendar import BusinessCalendar
from folio.manuals.model import Step
from web.accounts.models import Unit
from web.cases.deadlines import office_calendar, task_due_date
from web.cases.errors import (
    CaseNotOpen,
    ReasonRequired,
    TaskAlreadyCompleted,
    TaskChanged,
    TaskNotOpen,
)
from web.cases.log import Entry, append_entries, append_event
from web.cases.models import Case, CaseState, EventKind, StepTarget, Task, TaskState
from web.cases.permissions import (
    can_act_on,
    can_reassign,
    can_release,
    holds_role,
    is_internal,
    works_in,
)
from web.cases.store import OpenedTask, Store
from web.catalog.actions import ensure_role


def lock_case(pk: int) -> Case:
    """The case row, locked. Its procedure comes along without the JSON (the parsed
    model is cached) and without the whole manual's."""
    rows = Case.objects.select_for_update(of=("self",))
    rows = rows.select_related("unit", "procedure__version")
    return rows.defer("procedure__data", "procedure__version__data").get(pk=pk)


def lock_task(task: Task) -> Task:
    """The task as stored, locked with its case; refused unless it still waits."""
    case = lock_case(task.case_id)
    rows = Task.objects.select_for_update(of=("self",)).select_related("role")
    current = rows.prefetch_related("other_roles").get(pk=task.pk)
    current.case = case
    if current.state == TaskState.DONE:
        raise TaskAlreadyCompleted(_("Someone already completed this activity."))
    if current.state == TaskState.CANCELLED:
        raise TaskNotOpen(_("This activity was cancelled."))
    if case.state != CaseState.OPEN:
        raise CaseNotOpen(_("Case %(folio)s is no longer open.") % {"folio": case.folio})
    if current.version != task.version:
        raise TaskChanged(_("This activity changed meanwhile; reload and try again."))
    return current


def start_task(case: Case, step: Step, actor: User | None) -> OpenedTask:
    """Open a task for ``step``: a new pass when the step was done before."""
    actor_id = actor.pk if actor is not None else None
    store = Store()
    where = CaseAt(case.pk, case.unit_id, case.procedure_id, case.due_date)
    task, entry = open_step_task(store, where, step, actor_id)
    append_entries([entry], store=store)
    return task


@dataclass(frozen=True)
class CaseAt:
    """What opening a task needs to know of its case."""

    pk: int
    unit_id: int
    procedure_id: int
    due_date: date | None


def open_step_task(
    store: Store, case: CaseAt, step: Step, actor_id: int | None
) -> tuple[OpenedTask, Entry]:
    """Insert the task of ``step``'s next pass for its roles (created when a name is
    new) and the log entry that records it; the caller appends the entry. The task is
    due when the case is, or earlier when its activity has its own target."""
    known, target = store.step_needs(case.procedure_id, step.number, step.responsible)
    roles = [known.get(name) or _new_role(name, case.unit_id) for name in step.responsible]
    ids = [pk for pk, _name in roles]
    due = _due(target, case.due_date, store.now)
    pk, pass_number = store.open_task(case.pk, step.number, ids, due)
    first = ids[0] if ids else None
    task = OpenedTask(pk, case.pk, step.number, pass_number, first, store.now, due)
    payload = {"task": pk, "step": step.number, "pass": pass_number}
    payload["roles"] = [name for _pk, name in roles]
    return task, Entry(EventKind.TASK_CREATED, case.pk, actor_id, payload)


def _due(target: tuple[int, bool] | None, case_due: date | None, now: datetime) -> date | None:
    if target is None:
        return case_due
    days, business, today = *target, timezone.localdate(now)
    calendar = office_calendar() if business else BusinessCalendar()
    return task_due_date(case_due, StepTarget(days=days, business_days=business), today, calendar)


def _new_role(name: str, unit_id: int) -> tuple[int, str]:
    role = ensure_role(name, Unit(pk=unit_id))
    return role.pk, role.name


def _task_payload(task: Task, **extra: object) -> dict[str, object]:
    return {"task": task.pk, "step": task.step_number, "pass": task.pass_number, **extra}


@transaction.atomic
def claim_task(task: Task, user: User) -> Task:
    """Take a waiting task so colleagues with the same role leave it to you."""
    current = lock_task(task)
    if current.state != TaskState.OPEN:
        raise TaskNotOpen(_("Someone else is already working on this activity."))
    if not can_act_on(user, current):
        raise PermissionDenied(_("You may not work on this activity."))
    current.state, current.assignee = TaskState.CLAIMED, user
    current.version += 1
    current.save(update_fields=["state", "assignee", "version"])
    append_event(
        EventKind.TASK_CLAIMED, case=current.case, actor=user, payload=_task_payload(current)
    )
    return current


@transaction.atomic
def release_task(task: Task, user: User) -> Task:
    """Give a claimed task back to everyone who holds its role."""
    current = lock_task(task)
    if current.state != TaskState.CLAIMED:
        raise TaskNotOpen(_("Nobody holds this activity."))
    if not can_release(user, current):
        raise PermissionDenied(_("Only whoever holds the activity, or a head, may release it."))
    released = current.assignee_id
    current.state, current.assignee, current.delegated_to = TaskState.OPEN, None, None
    current.version += 1
    current.save(update_fields=["state", "assignee", "delegated_to", "version"])
    payload = _task_payload(current, released=released)
    append_event(EventKind.TASK_RELEASED, case=current.case, actor=user, payload=payload)
    return current


@transaction.atomic
def reassign_task(task: Task, user: User, to_user: User, reason: str) -> Task:
    """Hand the task to ``to_user`` (who may then act even without the role)."""
    if not reason.strip():
        raise ReasonRequired(_("Say why the activity is reassigned."))
    current = lock_task(task)
    if not can_reassign(user, current):
        raise PermissionDenied(_("You may not reassign this activity."))
    if not is_internal(to_user) or not (
        works_in(to_user, current.case) or holds_role(to_user, current)
    ):
        raise PermissionDenied(_("The activity can only go to staff of the case's office."))
    before = current.assignee_id
    current.state, current.assignee, current.delegated_to = TaskState.CLAIMED, to_user, to_user
    current.version += 1
    current.save(update_fields=["state", "assignee", "delegated_to", "version"])
    payload = _task_payload(current, to=to_user.pk, before=before, reason=reason.strip())
    append_event(EventKind.TASK_REASSIGNED, case=current.case, actor=user, payload=payload)
    return current
