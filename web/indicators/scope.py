"""What a measure covers: a procedure (every version of it), a unit with its subtree,
a role, a person; and the period's bounds as aware moments in the office's zone."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from django.contrib.auth.models import User
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from folio.measures import Period
from web.accounts.models import Unit
from web.cases.models import Case, Task
from web.catalog.models import Procedure, Role


@dataclass(frozen=True)
class Scope:
    """Empty fields cover everything. ``procedure`` stands for every version of that
    procedure (same manual, same code); ``role`` and ``person`` keep the cases where
    they had a task, and only their own tasks."""

    procedure: Procedure | None = None
    unit: Unit | None = None
    role: Role | None = None
    person: User | None = None

    def task_filter(self) -> Q:
        found = Q()
        if self.role is not None:
            found &= Q(role=self.role)
        if self.person is not None:
            found &= Q(completed_by=self.person) | Q(assignee=self.person)
        return found

    def cases(self) -> QuerySet[Case]:
        found = Case.objects.all()
        if self.procedure is not None:
            found = found.filter(
                procedure__version__manual_id=self.procedure.version.manual_id,
                procedure__code=self.procedure.code,
            )
        if self.unit is not None:
            found = found.filter(unit_id__in=self.unit.subtree_ids())
        if self.role is not None or self.person is not None:
            theirs = Task.objects.filter(self.task_filter(), case=OuterRef("pk"))
            found = found.filter(Exists(theirs))
        return found

    def kept_answers(self) -> bool:
        """Whether the figures kept per unit and procedure version can answer: not
        for a role or a person (the figures are not kept by who worked on them)."""
        return self.role is None and self.person is None

    def procedure_ids(self) -> set[int] | None:
        """The procedure rows (versions) covered; None for all of them."""
        if self.procedure is None:
            return None
        versions = Procedure.objects.filter(
            version__manual_id=self.procedure.version.manual_id, code=self.procedure.code
        )
        return set(versions.values_list("pk", flat=True))

    def tasks(self) -> QuerySet[Task]:
        return Task.objects.filter(self.task_filter(), case__in=self.cases().values("pk"))


def aware_bounds(period: Period) -> tuple[datetime, datetime]:
    """The period's first moment and the moment after its last, in the office's zone."""
    start, after = period.bounds()
    return timezone.make_aware(start), timezone.make_aware(after)


def local_date(moment: datetime) -> date:
    return timezone.localdate(moment)


def local_naive(moment: datetime) -> datetime:
    return timezone.localtime(moment).replace(tzinfo=None)
