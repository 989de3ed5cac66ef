"""set_step_targets: administrators give a procedure's activities their own time."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied

from web.cases.actions import TargetChange, set_step_targets
from web.cases.errors import UnknownStep
from web.cases.log import verify_log
from web.cases.models import Event, EventKind, StepTarget
from web.catalog.models import Procedure

pytestmark = pytest.mark.django_db


def targets(procedure: Procedure) -> dict[str, tuple[int, bool]]:
    rows = StepTarget.objects.filter(procedure=procedure)
    return {row.step_number: (row.days, row.business_days) for row in rows}


def test_it_sets_changes_and_clears_targets(cuentas: Procedure, alicia: User) -> None:
    # given
    set_step_targets(cuentas, alicia, [TargetChange("3", 2), TargetChange("5", 3, False)])
    # when
    changed = set_step_targets(
        cuentas, alicia, [TargetChange("3", 2), TargetChange("5", 4), TargetChange("6", None)]
    )
    # then: 3 did not change and 6 had none
    assert changed == 1
    assert targets(cuentas) == {"3": (2, True), "5": (4, True)}
    set_step_targets(cuentas, alicia, [TargetChange("3", None)])
    assert targets(cuentas) == {"5": (4, True)}
    logged = Event.objects.filter(kind=EventKind.STEP_TARGETS_SET).order_by("seq")
    assert [e.payload["targets"] for e in logged] == [
        [
            {"step": "3", "days": 2, "business_days": True},
            {"step": "5", "days": 3, "business_days": False},
        ],
        [{"step": "5", "days": 4, "business_days": True}],
        [{"step": "3", "days": None}],
    ]
    assert verify_log().ok


def test_it_logs_nothing_when_nothing_changes(cuentas: Procedure, alicia: User) -> None:
    assert set_step_targets(cuentas, alicia, [TargetChange("3", None)]) == 0
    assert not Event.objects.filter(kind=EventKind.STEP_TARGETS_SET).exists()


def test_it_is_for_administrators_only(
    cuentas: Procedure, bruno: User, carla: User, fernando: User
) -> None:
    for user in (bruno, carla, fernando):
        with pytest.raises(PermissionDenied):
            set_step_targets(cuentas, user, [TargetChange("3", 2)])
    assert not StepTarget.objects.exists()


def test_it_refuses_an_activity_the_procedure_does_not_have(
    cuentas: Procedure, alicia: User
) -> None:
    with pytest.raises(UnknownStep):
        set_step_targets(cuentas, alicia, [TargetChange("3", 2), TargetChange("12", 1)])
    assert not StepTarget.objects.exists()
