"""Opening and cancelling cases."""

from __future__ import annotations

from datetime import date

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from folio.flow.engine import first_step
from folio.manuals.model import Step
from web.accounts.models import Unit
from web.cases.actions.first import record_first_step, registers_at_start
from web.cases.actions.tasks import lock_case, start_task
from web.cases.deadlines import office_calendar
from web.cases.errors import (
    CaseError,
    CaseNotOpen,
    NobodyHoldsRole,
    ProcedureRetired,
    ReasonRequired,
)
from web.cases.flow import procedure_model
from web.cases.folios import next_folio
from web.cases.log import append_event
from web.cases.models import ACTIVE_TASK_STATES, Case, CaseState, EventKind, Task, TaskState
from web.cases.permissions import can_cancel_case, can_open_case, profile_of
from web.catalog.models import Procedure, Role


@transaction.atomic
def open_case(
    procedure: Procedure,
    user: User,
    subject: str,
    requesting_unit: str = "",
    oficio_number: str = "",
    oficio_date: date | None = None,
) -> Case:
    """Open a case of ``procedure`` (this version, for its whole life) with the next
    folio of the office, its due date, and a task for the first step, completed at once
    when starting the case is that step's registration (``web/cases/actions/first.py``).
    Refused for a retired manual or procedure, an old version, and a first step nobody
    can take."""
    unit = case_unit(procedure, user)
    refuse_stale(procedure)
    if not can_open_case(user, procedure):
        raise PermissionDenied(_("You may not open cases of this procedure."))
    if not subject.strip():
        raise CaseError(_("A case needs a subject."))
    model = procedure_model(procedure)
    try:
        step = first_step(model)
    except ValueError as err:
        raise CaseError(str(err)) from err
    refuse_unheld(step)
    now = timezone.now()
    today = timezone.localdate(now)
    case = Case.objects.create(
        folio=next_folio(unit, today.year),
        procedure=procedure,
        unit=unit,
        subject=subject.strip(),
        requesting_unit=requesting_unit.strip(),
        oficio_number=oficio_number.strip(),
        oficio_date=oficio_date,
        started_at=now,
        started_by=user,
        due_date=office_calendar().due_date(today, model.time),
    )
    append_event(EventKind.CASE_OPENED, case=case, actor=user, payload=_opened(case))
    opened = start_task(case, step, user)
    if registers_at_start(step, user, case):
        record_first_step(case, opened, step, user)
    return case


def case_unit(procedure: Procedure, user: User) -> Unit:
    """The unit that runs the case: the manual's, else the opener's."""
    unit = procedure.version.manual.unit
    if unit is not None:
        return unit
    profile = profile_of(user)
    if profile is None or profile.unit is None:
        raise PermissionDenied(_("Your profile has no unit; ask an administrator."))
    return profile.unit


def refuse_stale(procedure: Procedure) -> None:
    """New cases run the current version of a manual that is not retired."""
    manual = procedure.version.manual
    if manual.retired_at is not None:
        raise ProcedureRetired(_("This manual was retired: no new cases of it are started."))
    if procedure.retired_at is not None:
        raise ProcedureRetired(_("This procedure was retired: no new cases of it are started."))
    current = manual.current
    if current is None or current.pk != procedure.version_id:
        raise CaseError(_("The manual has a newer version: start the case from it."))


def refuse_unheld(step: Step) -> None:
    """The first activity must reach someone: a role with people, or an outsider's role
    (recorded by the staff of the case's unit)."""
    names = list(step.responsible)
    if not names:
        raise CaseError(_("The first activity names no responsible: correct the procedure."))
    named = Q(name__in=names) | Q(aliases__name__in=names)
    roles = Role.objects.filter(named).distinct()
    if roles.filter(Q(is_external=True) | Q(members__isnull=False)).exists():
        return
    raise NobodyHoldsRole(
        _(
            "Nobody holds the role «%(role)s», which the first activity is for. An "
            "administrator must add people to it in the role directory (Roles)."
        )
        % {"role": "», «".join(names)},
        roles=tuple(names),
    )


def _opened(case: Case) -> dict[str, object]:
    return {
        "folio": case.folio,
        "procedure": case.procedure_id,
        "procedure_code": case.procedure.code,
        "manual_version": case.procedure.version_id,
        "unit": case.unit_id,
        "subject": case.subject,
        "requesting_unit": case.requesting_unit,
        "oficio_number": case.oficio_number,
        "oficio_date": case.oficio_date.isoformat() if case.oficio_date else None,
        "due_date": case.due_date.isoformat() if case.due_date else None,
    }


@transaction.atomic
def cancel_case(case: Case, user: User, reason: str) -> Case:
    """Cancel an open or blocked case; its waiting task is cancelled with it."""
    if not reason.strip():
        raise ReasonRequired(_("Say why the case is cancelled."))
    locked = lock_case(case.pk)
    if locked.state not in (CaseState.OPEN, CaseState.BLOCKED):
        raise CaseNotOpen(_("Case %(folio)s is no longer open.") % {"folio": locked.folio})
    if not can_cancel_case(user, locked):
        raise PermissionDenied(_("You may not cancel this case."))
    now = timezone.now()
    active = list(locked.tasks.select_for_update().filter(state__in=ACTIVE_TASK_STATES))
    cancelled = [task.pk for task in active]
    for task in active:
        task.state, task.version = TaskState.CANCELLED, task.version + 1
        task.save(update_fields=["state", "version"])
    Task.other_roles.through.objects.filter(task_id__in=cancelled).delete()
    locked.state, locked.ended_at = CaseState.CANCELLED, now
    locked.outcome = _("Cancelled: %(reason)s") % {"reason": reason.strip()}
    locked.save(update_fields=["state", "ended_at", "outcome"])
    payload = {"reason": reason.strip(), "tasks": cancelled}
    append_event(EventKind.CASE_CANCELLED, case=locked, actor=user, payload=payload)
    return locked
