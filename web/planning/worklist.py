"""What waits for a person on the planning home: for the institute, the captures to
review; for an Enlace, their dependencia's metas with no capture of last month and the
captures returned to them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.contrib.auth.models import User
from django.db.models import QuerySet

from web.cases.models import ACTIVE_TASK_STATES
from web.planning.models import Enlace, EnlaceRole, Goal, Progress
from web.planning.procedure import CORRECT_STEP, REVIEW_STEP


def _waiting_at(step: str) -> QuerySet[Progress]:
    found = Progress.objects.filter(
        case__tasks__state__in=ACTIVE_TASK_STATES, case__tasks__step_number=step
    )
    return found.select_related("goal__project__program__pat__unit", "case").distinct()


def to_review() -> QuerySet[Progress]:
    return _waiting_at(REVIEW_STEP).order_by("captured_at")


@dataclass(frozen=True)
class EnlaceWork:
    month: int
    year: int
    missing: list[Goal]
    returned: list[Progress]


def enlace_work(user: User, today: date) -> EnlaceWork | None:
    """Last month's metas without a capture, and the returned captures, of the
    dependencias where ``user`` is the active planning Enlace."""
    units = Enlace.objects.filter(person=user, active=True, role=EnlaceRole.PLANEACION)
    unit_ids = list(units.values_list("unit_id", flat=True))
    if not unit_ids:
        return None
    year, month = (today.year, today.month - 1) if today.month > 1 else (today.year - 1, 12)
    goals = Goal.objects.filter(
        project__program__pat__unit_id__in=unit_ids, project__program__pat__year=year
    ).select_related("project__program")
    captured = set(
        Progress.objects.filter(goal__in=goals, month=month).values_list("goal_id", flat=True)
    )
    missing = [
        g
        for g in goals
        if not g.is_live and g.pk not in captured and g.programmed_for(month) is not None
    ]
    returned = _waiting_at(CORRECT_STEP).filter(goal__project__program__pat__unit_id__in=unit_ids)
    return EnlaceWork(month, year, missing, list(returned))
