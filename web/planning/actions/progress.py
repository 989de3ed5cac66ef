"""Monthly progress as a case of «Captura y validación del avance mensual».

Capturing opens the case (its first activity, the Enlace's registration, is completed at
once) and the review waits in the institute's inbox. Returning completes the review with
«No» and the observations: the case waits for the dependencia's Enlace, who corrects the
value and resends it (activity 3), back to review. Validating completes the review with
«En caso contrario» and the case ends. The capture's state follows the case.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from web.accounts.audit import record
from web.accounts.models import Unit
from web.cases.actions import complete_task, open_case
from web.cases.actions.documents import attach_document
from web.cases.documents import NewDocument, kind_of_type
from web.cases.models import ACTIVE_TASK_STATES, Case, Task
from web.planning.models import Goal, Progress, ProgressState
from web.planning.permissions import can_capture_progress, can_validate_progress
from web.planning.procedure import (
    CORRECT_STEP,
    RETURN_CHOICE,
    REVIEW_STEP,
    VALIDATE_CHOICE,
    capture_procedure,
)
from web.planning.status import status_of

MONTHS = (
    "enero", "febrero", "marzo", "abril", "mayo", "junio",
    "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre",
)  # fmt: skip


class ProgressError(Exception):
    """A refusal with its reason in Spanish."""


@dataclass(frozen=True)
class Evidence:
    name: str
    content: bytes


def unit_of(goal: Goal) -> Unit:
    return goal.project.program.pat.unit


@transaction.atomic
def capture_progress(
    goal: Goal,
    month: int,
    user: User,
    value: Decimal,
    narrative: str,
    evidence: Sequence[Evidence] = (),
) -> Progress:
    """The Enlace's capture of ``goal`` in ``month``: opens its case."""
    unit = unit_of(goal)
    if not can_capture_progress(user, unit):
        raise PermissionDenied(_("Only an active planning liaison of the unit captures progress."))
    _check(month, narrative, evidence)
    if Progress.objects.filter(goal=goal, month=month).exists():
        raise ProgressError(_("The progress of this goal for that month was already captured."))
    year = goal.project.program.pat.year
    subject = _("Monthly progress %(month)s %(year)s: %(goal)s") % {
        "month": MONTHS[month - 1],
        "year": year,
        "goal": goal.description,
    }
    case = open_case(capture_procedure(unit), user, subject[:500], unit.name)
    progress = Progress.objects.create(
        goal=goal, month=month, value=value, narrative=narrative.strip(), case=case,
        captured_by=user,
    )  # fmt: skip
    _attach(case, user, evidence)
    record("planning.progress_submitted", actor=user, payload=_payload(progress))
    return progress


@transaction.atomic
def return_progress(progress: Progress, user: User, observations: str) -> Progress:
    """The institute returns the capture to the Enlace with ``observations``."""
    if not observations.strip():
        raise ProgressError(_("Write the observations the liaison must attend."))
    progress = _locked(progress, ProgressState.SUBMITTED)
    if not can_validate_progress(user):
        raise PermissionDenied(_("Only the planning institute reviews progress."))
    complete_task(_waiting(progress.case, REVIEW_STEP), user, RETURN_CHOICE, observations.strip())
    progress.state, progress.observations = ProgressState.RETURNED, observations.strip()
    progress.save(update_fields=["state", "observations"])
    record("planning.progress_returned", actor=user, payload=_payload(progress))
    return progress


@transaction.atomic
def correct_progress(
    progress: Progress,
    user: User,
    value: Decimal,
    narrative: str,
    evidence: Sequence[Evidence] = (),
) -> Progress:
    """The Enlace corrects a returned capture and sends it back to review."""
    progress = _locked(progress, ProgressState.RETURNED)
    if not can_capture_progress(user, unit_of(progress.goal)):
        raise PermissionDenied(_("Only an active planning liaison of the unit corrects progress."))
    _check(progress.month, narrative, ())
    task = _waiting(progress.case, CORRECT_STEP)
    _attach(progress.case, user, evidence, task)
    note = _("Corrected: %(value)s. %(narrative)s") % {"value": value, "narrative": narrative}
    complete_task(task, user, None, note.strip())
    progress.value, progress.narrative = value, narrative.strip()
    progress.state = ProgressState.SUBMITTED
    progress.save(update_fields=["value", "narrative", "state"])
    record("planning.progress_submitted", actor=user, payload=_payload(progress))
    return progress


@transaction.atomic
def validate_progress(progress: Progress, user: User, note: str = "") -> Progress:
    """The institute validates the capture; its case ends."""
    progress = _locked(progress, ProgressState.SUBMITTED)
    if not can_validate_progress(user):
        raise PermissionDenied(_("Only the planning institute validates progress."))
    waiting = progress.case.tasks.filter(state__in=ACTIVE_TASK_STATES)
    review = waiting.filter(step_number=REVIEW_STEP).first()
    if review is not None:  # else the review was answered from the cases app's inbox
        complete_task(review, user, VALIDATE_CHOICE, note.strip())
    last = progress.case.tasks.filter(state__in=ACTIVE_TASK_STATES).first()
    if last is not None:  # activity 4: integrating it into the report is the same act
        complete_task(last, user, None, _("Integrated into the monthly progress report."))
    progress.state, progress.validated_by = ProgressState.VALIDATED, user
    progress.validated_at = timezone.now()
    progress.save(update_fields=["state", "validated_by", "validated_at"])
    record("planning.progress_validated", actor=user, payload=_payload(progress))
    return progress


def _check(month: int, narrative: str, evidence: Sequence[Evidence]) -> None:
    if not 1 <= month <= 12:
        raise ProgressError(_("The month must be between 1 and 12."))
    if not narrative.strip():
        raise ProgressError(_("Write the narrative of the month's progress."))


def _attach(case: Case, user: User, evidence: Sequence[Evidence], task: Task | None = None) -> None:
    kind = kind_of_type("Evidencia")
    for item in evidence:
        attach_document(case, user, NewDocument(kind, item.name, item.content), task)


def _locked(progress: Progress, expected: str) -> Progress:
    """The capture, locked, in the state its case says (it may have moved on from the
    cases app's inbox); refused unless that state is ``expected``."""
    locked = Progress.objects.select_for_update().select_related("case").get(pk=progress.pk)
    status = status_of(locked)
    if status.state != expected:
        raise ProgressError(
            _("This progress is «%(state)s»; reload the page.") % {"state": status.label}
        )
    return locked


def _waiting(case: Case, step: str) -> Task:
    task = case.tasks.filter(state__in=ACTIVE_TASK_STATES, step_number=step).first()
    if task is None:
        raise ProgressError(
            _("The case %(folio)s is not waiting for that activity.") % {"folio": case.folio}
        )
    return task


def _payload(progress: Progress) -> dict[str, object]:
    return {
        "progress": progress.pk,
        "goal": progress.goal_id,
        "month": progress.month,
        "value": str(progress.value),
        "state": progress.state,
        "case": progress.case_id,
        "folio": progress.case.folio,
    }
