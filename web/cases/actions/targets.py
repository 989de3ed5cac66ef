"""Activities' own times (step targets), set by administrators procedure by procedure."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from web.cases.errors import CaseError, UnknownStep
from web.cases.flow import procedure_model
from web.cases.log import append_event
from web.cases.models import EventKind, StepTarget
from web.cases.permissions import can_set_step_targets
from web.catalog.models import Procedure


@dataclass(frozen=True)
class TargetChange:
    """Activity ``step_number`` is due ``days`` after its task opens; None clears it."""

    step_number: str
    days: int | None
    business_days: bool = True


@transaction.atomic
def set_step_targets(procedure: Procedure, user: User, changes: Sequence[TargetChange]) -> int:
    """Set or clear the targets of ``procedure``'s activities; one log entry lists what
    changed. Tasks already open keep their due dates. Returns how many changed."""
    if not can_set_step_targets(user):
        raise PermissionDenied(_("Only administrators set the activities' times."))
    numbers = {step.number for step in procedure_model(procedure).steps}
    for change in changes:
        if change.step_number not in numbers:
            words = {"step": change.step_number}
            raise UnknownStep(_("Activity %(step)s is not a step of this procedure.") % words)
        if change.days is not None and change.days < 1:
            raise CaseError(_("A time is a whole number of days, 1 or more."))
    rows = StepTarget.objects.select_for_update().filter(procedure=procedure)
    current = {row.step_number: row for row in rows}
    changed = [
        record
        for change in changes
        if (record := _apply(procedure, current.get(change.step_number), change)) is not None
    ]
    if changed:
        payload = {"procedure": procedure.pk, "code": procedure.code, "targets": changed}
        append_event(EventKind.STEP_TARGETS_SET, actor=user, payload=payload)
    return len(changed)


def _apply(
    procedure: Procedure, before: StepTarget | None, change: TargetChange
) -> dict[str, object] | None:
    """Write one change; what the log records of it, or None when nothing changes."""
    if change.days is None:
        if before is None:
            return None
        before.delete()
        return {"step": change.step_number, "days": None}
    wanted = (change.days, change.business_days)
    if before is not None and (before.days, before.business_days) == wanted:
        return None
    StepTarget.objects.update_or_create(
        procedure=procedure,
        step_number=change.step_number,
        defaults={
            "days": change.days,
            "business_days": change.business_days,
            "updated_at": timezone.now(),
        },
    )
    days = {"days": change.days, "business_days": change.business_days}
    return {"step": change.step_number, **days}
