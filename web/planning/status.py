"""A capture's state read from its case, the source of truth.

The review and the correction are tasks of the case, so they can also be completed from
the inbox and the case page of the cases app, not only from the planning pages. The
state stored on ``Progress`` is what the planning actions last wrote; this module reads
what the case says: ended → validated (by whoever completed the last review), waiting
at the correction → returned (with the review's notes as observations), otherwise
submitted for review.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth.models import User

from web.cases.models import ACTIVE_TASK_STATES, CaseState, Task, TaskState
from web.planning.models import Progress, ProgressState
from web.planning.procedure import CORRECT_STEP, RETURN_CHOICE, REVIEW_STEP


@dataclass(frozen=True)
class Status:
    state: str
    observations: str = ""
    validated_by: User | None = None
    validated_at: datetime | None = None

    @property
    def label(self) -> str:
        return str(ProgressState(self.state).label)


def is_validated(progress: Progress) -> bool:
    """Cheap (the case is usually selected with the capture): its case ended."""
    return progress.case.state == CaseState.ENDED


def status_of(progress: Progress) -> Status:
    case = progress.case
    reviews = Task.objects.filter(case=case, step_number=REVIEW_STEP, state=TaskState.DONE)
    last = reviews.select_related("completed_by").order_by("-completed_at", "-pk").first()
    if case.state == CaseState.ENDED:
        by = last.completed_by if last is not None else None
        return Status(ProgressState.VALIDATED, "", by, last.completed_at if last else None)
    waiting = case.tasks.filter(state__in=ACTIVE_TASK_STATES).values_list("step_number", flat=True)
    if CORRECT_STEP in list(waiting):
        notes = last.notes if last is not None and last.choice == RETURN_CHOICE else ""
        return Status(ProgressState.RETURNED, notes or progress.observations)
    return Status(ProgressState.SUBMITTED)
