"""Which notices are due and not yet sent: one when an activity starts waiting for a
person, one when the case it belongs to nears (or passes) its due date."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.db.models import QuerySet
from django.utils import timezone

from web.cases.deadlines import office_calendar
from web.cases.models import ACTIVE_TASK_STATES, CaseState, Task
from web.catalog.models import Role
from web.notifications.emails import Procedures, assignment_email, due_email, words_for
from web.notifications.models import Notice, NoticeKind


@dataclass(frozen=True)
class Draft:
    """A notice to send: its ledger key (task, kind, recipient) and its message."""

    task: Task
    kind: NoticeKind
    to: User
    subject: str
    body: str


def waiting_tasks() -> QuerySet[Task]:
    return Task.objects.filter(state__in=ACTIVE_TASK_STATES, case__state=CaseState.OPEN)


def pending_notices(days: int) -> Iterator[Draft]:
    """Notices due now and not in the ledger, oldest task first. ``days``: warn this
    many business days before the task's due date."""
    today, calendar, procedures = timezone.localdate(), office_calendar(), Procedures()
    sent = set(
        Notice.objects.filter(task__in=waiting_tasks()).values_list(
            "task_id", "kind", "recipient_id"
        )
    )
    tasks = waiting_tasks().select_related(
        "case__procedure", "role", "assignee", "case__started_by"
    )
    for task in tasks.order_by("created_at", "pk"):
        due = task.due_date  # the case's, or earlier by the activity's own target
        near = due is not None and calendar.business_days_between(today, due) <= days
        kinds = [NoticeKind.ASSIGNED, NoticeKind.DUE_SOON] if near else [NoticeKind.ASSIGNED]
        wanted = [
            (kind, person)
            for person in recipients(task)
            for kind in kinds
            if (task.pk, kind.value, person.pk) not in sent
        ]
        if not wanted:
            continue
        words = words_for(task, procedures)
        for kind, person in wanted:
            if kind == NoticeKind.DUE_SOON and due is not None:
                subject, body = due_email(words, due, overdue=due < today)
            else:
                subject, body = assignment_email(words)
            yield Draft(task, kind, person, subject, body)


def recipients(task: Task) -> list[User]:
    """Whoever holds the task; else the people of its roles; for a step of an outside
    party (nobody holds that role), the person who opened the case records it."""
    if task.assignee is not None:
        people = [task.assignee]
    else:
        roles = Role.objects.filter(pk__in=_role_ids(task))
        people = list(
            User.objects.filter(folio_roles__in=roles, is_active=True).distinct().order_by("pk")
        )
        if not people and roles.filter(is_external=True).exists():
            people = [task.case.started_by]
    return [p for p in people if p.email and p.is_active]


def _role_ids(task: Task) -> list[int]:
    ids = [task.role_id] if task.role_id else []
    return ids + list(task.other_roles.values_list("pk", flat=True))
