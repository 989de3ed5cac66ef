"""Resuming a blocked case: the manual sent it to an activity that does not exist, and a
head above its unit (or an administrator) says where it goes on."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from web.cases.actions.tasks import lock_case, start_task
from web.cases.errors import CaseNotBlocked, ReasonRequired, UnknownStep
from web.cases.flow import procedure_model
from web.cases.log import append_event
from web.cases.models import Case, CaseState, EventKind
from web.cases.permissions import can_resume_case


@transaction.atomic
def resume_case(case: Case, user: User, step_number: str, reason: str) -> Case:
    """Open the blocked case again with a task for activity ``step_number`` of its
    procedure version (a new pass when that activity ran before). A second submission
    of the same form finds the case open and is refused, so it opens no second task."""
    if not reason.strip():
        raise ReasonRequired(_("Say why the case goes on at that activity."))
    locked = lock_case(case.pk)
    if locked.state != CaseState.BLOCKED:
        raise CaseNotBlocked(_("Case %(folio)s is not blocked.") % {"folio": locked.folio})
    if not can_resume_case(user, locked):
        raise PermissionDenied(
            _("Only a head of the case's office or an administrator may resume it.")
        )
    step = procedure_model(locked.procedure).step(step_number.strip())
    if step is None:
        words = {"step": step_number.strip(), "version": locked.procedure.version.number}
        raise UnknownStep(
            _("Activity %(step)s does not exist in version %(version)s of the procedure.") % words
        )
    cleared = locked.outcome
    locked.state, locked.outcome = CaseState.OPEN, ""
    locked.save(update_fields=["state", "outcome"])
    payload = {"step": step.number, "reason": reason.strip(), "blocked_reason": cleared}
    append_event(EventKind.CASE_RESUMED, case=locked, actor=user, payload=payload)
    start_task(locked, step, user)  # due by its activity's own target, if any
    return locked
