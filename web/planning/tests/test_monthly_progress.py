"""Monthly progress runs as a case: capture → return with observations → correct →
validate, each step a task of the procedure and an entry in the log."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied

from web.cases.models import ACTIVE_TASK_STATES, CaseState, Event
from web.cases.permissions import can_act_on
from web.planning.actions import (
    Evidence,
    ProgressError,
    capture_progress,
    correct_progress,
    return_progress,
    validate_progress,
)
from web.planning.models import Goal, ProgressState


def waiting(progress):  # type: ignore[no-untyped-def]
    return progress.case.tasks.get(state__in=ACTIVE_TASK_STATES)


def test_capture_returned_corrected_validated(goal: Goal, enlace_dac: User, mariana: User) -> None:
    evidence = [Evidence("bitacora.txt", "Bitácora de noviembre\n".encode())]
    progress = capture_progress(goal, 11, enlace_dac, Decimal(38), "Se atendieron 38.", evidence)
    case = progress.case
    assert case.folio.startswith("DAC-2026-") and case.state == CaseState.OPEN
    assert case.documents.count() == 1
    review = waiting(progress)
    assert review.step_number == "2"
    assert can_act_on(mariana, review) and not can_act_on(enlace_dac, review)

    return_progress(progress, mariana, "Falta la bitácora firmada.")
    progress.refresh_from_db()
    assert progress.state == ProgressState.RETURNED
    correction = waiting(progress)
    assert correction.step_number == "3" and can_act_on(enlace_dac, correction)
    assert not can_act_on(mariana, correction)

    signed = [Evidence("bitacora-firmada.txt", b"Firmada por la titular.\n")]
    correct_progress(
        progress, enlace_dac, Decimal(39), "Se atendieron 39; bitácora firmada.", signed
    )
    progress.refresh_from_db()
    assert progress.state == ProgressState.SUBMITTED and progress.value == Decimal(39)
    assert waiting(progress).step_number == "2"

    validate_progress(progress, mariana)
    progress.refresh_from_db()
    case.refresh_from_db()
    assert progress.state == ProgressState.VALIDATED and progress.validated_by == mariana
    assert case.state == CaseState.ENDED and case.documents.count() == 2
    kinds = list(
        Event.objects.filter(kind__startswith="planning.progress").values_list("kind", flat=True)
    )
    assert kinds == ["planning.progress_submitted", "planning.progress_returned",
                     "planning.progress_submitted", "planning.progress_validated"]  # fmt: skip


def test_refusals(goal: Goal, enlace_dac: User, mariana: User, bruno: User) -> None:
    with pytest.raises(PermissionDenied):
        capture_progress(goal, 3, bruno, Decimal(1), "No soy enlace.")
    with pytest.raises(ProgressError):
        capture_progress(goal, 13, enlace_dac, Decimal(1), "Mes 13.")
    progress = capture_progress(goal, 3, enlace_dac, Decimal(1), "Marzo.")
    with pytest.raises(ProgressError):
        capture_progress(goal, 3, enlace_dac, Decimal(2), "Otra vez marzo.")
    with pytest.raises(PermissionDenied):
        validate_progress(progress, enlace_dac)
    with pytest.raises(ProgressError):
        return_progress(progress, mariana, "  ")
    with pytest.raises(ProgressError):
        correct_progress(progress, enlace_dac, Decimal(2), "No fue devuelto.")


def test_the_case_pages_may_answer_too(goal: Goal, enlace_dac: User, mariana: User) -> None:
    """The review completed from the cases app's inbox: the capture reads returned, the
    Enlace corrects it in planning, and a «yes» from the inbox leaves the last activity
    for the planning page's validation."""
    from web.cases.actions import complete_task
    from web.planning.status import status_of

    progress = capture_progress(goal, 9, enlace_dac, Decimal(30), "Septiembre.")
    complete_task(waiting(progress), mariana, "No", "Sin evidencia.")
    status = status_of(progress)
    assert status.state == ProgressState.RETURNED and status.observations == "Sin evidencia."
    correct_progress(progress, enlace_dac, Decimal(31), "Con evidencia.")
    complete_task(waiting(progress), mariana, "En caso contrario", "")
    assert status_of(progress).state == ProgressState.SUBMITTED
    validate_progress(progress, mariana)
    progress.refresh_from_db()
    assert status_of(progress).state == ProgressState.VALIDATED
    assert progress.case.state == CaseState.ENDED
