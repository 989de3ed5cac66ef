"""Working on tasks: claim, release, reassign, complete; and opening the next one.

Every action here locks the case row, then the task row (the same order everywhere, so
two actions cannot deadlock), then re-reads the task: what counts is its state in the
database, not in the caller's copy. A copy whose ``version`` is behind is refused.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from folio.flow.engine import InvalidChoice, Outcome, advance, choices
from folio.manuals.model import Procedure as CoreProcedure
from folio.manuals.model import Step
from web.cases.actions.documents import attach_document
from web.cases.documents import NewDocument
from web.cases.errors import (
    CaseNotOpen,
    ChoiceNotOffered,
    ReasonRequired,
    TaskAlreadyCompleted,
    TaskChanged,
    TaskNotOpen,
)
from web.cases.flow import procedure_model
from web.cases.log import append_event
from web.cases.models import Case, CaseState, EventKind, Task, TaskState
from web.cases.permissions import (
    acting_for,
    can_act_on,
    can_reassign,
    can_release,
    holds_role,
    is_internal,
    task_roles,
    works_in,
)
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


def start_task(case: Case, step: Step, actor: User) -> Task:
    """Open a task for ``step``: a new pass when the step was done before."""
    roles = [ensure_role(name, case.unit) for name in step.responsible]
    done_before = case.tasks.filter(step_number=step.number).count()
    task = Task.objects.create(
        case=case,
        step_number=step.number,
        role=roles[0] if roles else None,
        pass_number=done_before + 1,
        created_at=timezone.now(),
        due_date=case.due_date,
    )
    if len(roles) > 1:
        task.other_roles.set(roles[1:])
    payload = {
        "task": task.pk,
        "step": step.number,
        "pass": task.pass_number,
        "roles": [role.name for role in roles],
    }
    append_event(EventKind.TASK_CREATED, case=case, actor=actor, payload=payload)
    return task


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


@transaction.atomic
def complete_task(
    task: Task,
    user: User,
    choice: str | None = None,
    notes: str = "",
    documents: Sequence[NewDocument] = (),
) -> Case:
    """Complete the step with ``choice`` (a branch label, for decisions) and move the
    case on: the next task, or its end, or blocked. Exactly one of two simultaneous
    completions gets through; the other gets ``TaskAlreadyCompleted``."""
    current = lock_task(task)
    if not can_act_on(user, current):
        raise PermissionDenied(_("You may not work on this activity."))
    case = current.case
    model = procedure_model(case.procedure)
    try:
        outcome = advance(model, current.step_number, choice)
    except InvalidChoice as err:
        raise _refusal(err, model, current.step_number, choice) from err
    _mark_done(current, user, outcome.when or choice or "", notes)
    for document in documents:
        attach_document(case, user, document, current)
    payload = _task_payload(
        current,
        choice=current.choice or None,
        notes=current.notes,
        roles=[role.name for role in task_roles(current)],
        outcome=outcome.kind,
        target=outcome.target,
    )
    behalf = acting_for(user, current)
    kind = EventKind.TASK_COMPLETED
    append_event(kind, case=case, actor=user, on_behalf_of=behalf, payload=payload)
    _move_on(case, model, current, outcome, user)
    return case


def _mark_done(task: Task, user: User, choice: str, notes: str) -> None:
    task.state, task.completed_by, task.completed_at = TaskState.DONE, user, timezone.now()
    task.choice, task.notes, task.version = choice, notes.strip(), task.version + 1
    task.save()


def _refusal(
    err: InvalidChoice, model: CoreProcedure, number: str, choice: str | None
) -> ChoiceNotOffered:
    here = model.step(number)
    offered = choices(here) if here is not None else ()
    message = str(err)
    if offered and choice is not None:
        listed = ", ".join(f"«{c}»" for c in offered)
        message += " " + _("The answers are %(choices)s.") % {"choices": listed}
    return ChoiceNotOffered(message, offered)


def _move_on(case: Case, model: CoreProcedure, done: Task, outcome: Outcome, user: User) -> None:
    if outcome.kind == "step":
        step = model.step(outcome.target)
        assert step is not None  # advance() only returns steps that exist
        start_task(case, step, user)
        return
    if outcome.kind == "blocked":
        case.state, case.outcome = CaseState.BLOCKED, outcome.reason
        case.save(update_fields=["state", "outcome"])
        payload = {"step": done.step_number, "reason": outcome.reason}
        append_event(EventKind.CASE_BLOCKED, case=case, actor=user, payload=payload)
        return
    case.state, case.ended_at = CaseState.ENDED, timezone.now()
    case.outcome = _ending(case, done, outcome)
    case.save(update_fields=["state", "ended_at", "outcome"])
    payload = {"step": done.step_number, "how": outcome.kind, "target": outcome.target}
    append_event(EventKind.CASE_ENDED, case=case, actor=user, payload=payload)


def _ending(case: Case, done: Task, outcome: Outcome) -> str:
    words = {"step": done.step_number, "choice": outcome.when or ""}
    if outcome.kind == "external":
        other = case.procedure.version.procedures.filter(code=outcome.target).first()
        words["target"] = str(other) if other is not None else outcome.target
        return _("Ended at activity %(step)s: continues in procedure %(target)s.") % words
    if outcome.when:
        return _("Ended at activity %(step)s (answer «%(choice)s»).") % words
    return _("Ended at activity %(step)s.") % words
