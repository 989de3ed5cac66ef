"""Completing a task: the one write every case makes at each of its steps.

It runs as a few statements (``web/cases/store.py``) in one transaction: lock the case
(where the database locks rows), read the task with everything the rules need, mark it
done if nobody changed it meanwhile, open the next task or close the case, and append
the log entries with one move of the log head. The rules are those of the other task
actions (``lock_task``, ``can_act_on``, ``acting_for``), applied to that one read.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from folio.flow.engine import InvalidChoice, Outcome, advance, choices
from folio.manuals.model import Procedure as CoreProcedure
from web.accounts.models import Unit
from web.cases.actions.documents import attach_document
from web.cases.actions.tasks import CaseAt, open_step_task
from web.cases.documents import NewDocument
from web.cases.errors import (
    CaseNotOpen,
    ChoiceNotOffered,
    TaskAlreadyCompleted,
    TaskChanged,
    TaskNotOpen,
)
from web.cases.flow import procedure_model_by_key
from web.cases.log import Entry, append_entries
from web.cases.models import Case, CaseState, EventKind, Task, TaskState
from web.cases.store import OpenedTask, Store, TaskAtHand
from web.catalog.models import Procedure


@dataclass(frozen=True)
class Completed:
    """What a completion left: the case's state and, when it goes on, its next task."""

    case_id: int
    folio: str
    case_state: str
    next_task: OpenedTask | None


@transaction.atomic
def complete_task(
    task: Task | OpenedTask,
    user: User,
    choice: str | None = None,
    notes: str = "",
    documents: Sequence[NewDocument] = (),
) -> Completed:
    """Complete the step with ``choice`` (a branch label, for decisions) and move the
    case on: the next task, or its end, or blocked. Exactly one of two simultaneous
    completions gets through; the other gets ``TaskAlreadyCompleted``. A form older
    than the task (``task.version``) gets ``TaskChanged``."""
    store = Store()
    store.lock_case(task.case_id)
    here = store.read_task(task.pk, user.pk)
    _check_waiting(here, task.version)
    assert here is not None  # _check_waiting refuses a missing task
    return _complete(store, here, user, choice, notes, documents)


def _complete(
    store: Store,
    here: TaskAtHand,
    user: User,
    choice: str | None,
    notes: str,
    documents: Sequence[NewDocument],
) -> Completed:
    behalf = _standing(user, here)
    model = procedure_model_by_key(here.procedure_id, here.procedure_key)
    try:
        outcome = advance(model, here.step_number, choice)
    except InvalidChoice as err:
        raise _refusal(err, model, here.step_number, choice) from err
    answer = outcome.when or choice or ""
    if not store.mark_done(here, user.pk, answer, notes.strip()):
        raise TaskChanged(_("This activity changed meanwhile; reload and try again."))
    store.clear_other_roles(here)
    if documents:
        done, case = Task(pk=here.pk, case_id=here.case_id), Case(pk=here.case_id)
        for document in documents:
            attach_document(case, user, document, done)
        store.head = None  # the documents' entries moved it
    payload = {
        **_task_payload(here),
        "choice": answer or None,
        "notes": notes.strip(),
        "roles": [role.name for role in here.roles],
        "outcome": outcome.kind,
        "target": outcome.target,
    }
    entries = [Entry(EventKind.TASK_COMPLETED, here.case_id, user.pk, payload, behalf)]
    completed, more = _move_on(store, here, model, outcome, user)
    append_entries(entries + more, store)
    return completed


def _task_payload(task: TaskAtHand) -> dict[str, object]:
    return {"task": task.pk, "step": task.step_number, "pass": task.pass_number}


def _check_waiting(here: TaskAtHand | None, version: int) -> None:
    """The refusals of ``lock_task``, in its order."""
    if here is None or here.state == TaskState.CANCELLED:
        raise TaskNotOpen(_("This activity was cancelled."))
    if here.state == TaskState.DONE:
        raise TaskAlreadyCompleted(_("Someone already completed this activity."))
    if here.case_state != CaseState.OPEN:
        raise CaseNotOpen(_("Case %(folio)s is no longer open.") % {"folio": here.folio})
    if here.version != version:
        raise TaskChanged(_("This activity changed meanwhile; reload and try again."))


def _standing(user: User, here: TaskAtHand) -> tuple[int, str] | None:
    """Refuse unless ``user`` may act (``can_act_on``); the external role they act for
    (``acting_for``), if any."""
    internal = user.is_active and here.user_unit_id is not None and not here.user_is_auditor
    holds = any(role.held for role in here.roles)
    external = next((role for role in here.roles if role.is_external), None)
    behalf = None if holds or external is None else (external.pk, external.name)
    if not internal:
        raise PermissionDenied(_("You may not work on this activity."))
    if user.pk in (here.assignee_id, here.delegated_to_id):
        return behalf
    if here.state == TaskState.OPEN and (holds or (external and _works_in(here))):
        return behalf
    raise PermissionDenied(_("You may not work on this activity."))


def _works_in(here: TaskAtHand) -> bool:
    """The person is staff of the case's unit or of a unit below it (``works_in``)."""
    return here.user_unit_id in Unit.objects.get(pk=here.unit_id).subtree_ids()


def _refusal(
    err: InvalidChoice, model: CoreProcedure, number: str, choice: str | None
) -> ChoiceNotOffered:
    step = model.step(number)
    offered = choices(step) if step is not None else ()
    message = str(err)
    if offered and choice is not None:
        listed = ", ".join(f"«{c}»" for c in offered)
        message += " " + _("The answers are %(choices)s.") % {"choices": listed}
    return ChoiceNotOffered(message, offered)


def _move_on(
    store: Store,
    here: TaskAtHand,
    model: CoreProcedure,
    outcome: Outcome,
    user: User,
) -> tuple[Completed, list[Entry]]:
    """Open the next task, or block or end the case; and the log entry that says so."""
    if outcome.kind == "step":
        step = model.step(outcome.target)
        assert step is not None  # advance() only returns steps that exist
        where = CaseAt(here.case_id, here.unit_id, here.procedure_id, here.case_due)
        task, entry = open_step_task(store, where, step, user.pk)
        return Completed(here.case_id, here.folio, CaseState.OPEN, task), [entry]
    if outcome.kind == "blocked":
        store.close_case(here.case_id, CaseState.BLOCKED, False, outcome.reason)
        payload = {"step": here.step_number, "reason": outcome.reason}
        entry = Entry(EventKind.CASE_BLOCKED, here.case_id, user.pk, payload)
        return Completed(here.case_id, here.folio, CaseState.BLOCKED, None), [entry]
    store.close_case(here.case_id, CaseState.ENDED, True, _ending(here, outcome))
    payload = {"step": here.step_number, "how": outcome.kind, "target": outcome.target}
    entry = Entry(EventKind.CASE_ENDED, here.case_id, user.pk, payload)
    return Completed(here.case_id, here.folio, CaseState.ENDED, None), [entry]


def _ending(here: TaskAtHand, outcome: Outcome) -> str:
    words = {"step": here.step_number, "choice": outcome.when or ""}
    if outcome.kind == "external":
        siblings = Procedure.objects.filter(version__procedures=here.procedure_id)
        other = siblings.filter(code=outcome.target).first()
        words["target"] = str(other) if other is not None else outcome.target
        return _("Ended at activity %(step)s: continues in procedure %(target)s.") % words
    if outcome.when:
        return _("Ended at activity %(step)s (answer «%(choice)s»).") % words
    return _("Ended at activity %(step)s.") % words
