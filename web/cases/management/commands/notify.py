"""``manage.py notify`` (``folio notify``): e-mail people when an activity starts waiting
for them and when an activity they hold or could take nears its case's due date.

Cron-friendly: run it every few minutes; each notice is sent once. What was sent is kept
in a small ledger file (``FOLIO_NOTIFY_LEDGER``, by default ``var/notify-sent.json``),
locked while a run lasts so two overlapping runs do not send twice.
"""

from __future__ import annotations

import fcntl
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.core.mail import send_mail
from django.core.management.base import BaseCommand, CommandParser
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from web.cases.deadlines import office_calendar
from web.cases.models import ACTIVE_TASK_STATES, CaseState, Task
from web.cases.queries import Models
from web.catalog.models import Role

DEFAULT_DAYS = 2


@dataclass(frozen=True)
class Notice:
    key: str
    to: User
    subject: str
    body: str


class Ledger:
    """Keys of the notices already sent, with when."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.sent: dict[str, str] = {}

    def load(self) -> None:
        if self.path.exists():
            self.sent = json.loads(self.path.read_text(encoding="utf-8") or "{}")

    def record(self, key: str) -> None:
        self.sent[key] = timezone.now().isoformat()
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(self.sent, indent=0, sort_keys=True), encoding="utf-8")
        os.replace(tmp, self.path)

    @contextmanager
    def locked(self) -> Iterator[Ledger]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with open(self.path.with_suffix(".lock"), "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                self.load()
                yield self
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)


def ledger_path() -> Path:
    default = Path(settings.VAR_DIR) / "notify-sent.json"
    return Path(getattr(settings, "FOLIO_NOTIFY_LEDGER", default))


class Command(BaseCommand):
    help = "E-mail assignments and activities near their due date (each notice once)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--days",
            type=int,
            default=getattr(settings, "FOLIO_NOTIFY_DAYS", DEFAULT_DAYS),
            help="warn this many business days before the due date (default %(default)s)",
        )
        parser.add_argument("--dry-run", action="store_true", help="list, send nothing")

    def handle(self, *args: Any, **options: Any) -> None:
        with translation.override(settings.LANGUAGE_CODE):
            sent = notify(options["days"], dry_run=options["dry_run"], out=self.stdout.write)
        self.stdout.write(_("%(n)s notices sent.") % {"n": sent})


def notify(days: int, *, dry_run: bool = False, out: Any = print) -> int:
    """Send what is due and not yet sent; returns how many were sent."""
    count = 0
    with Ledger(ledger_path()).locked() as ledger:
        for notice in pending_notices(days, set(ledger.sent)):
            out(f"{notice.to.email}: {notice.subject}")
            if dry_run:
                continue
            send_mail(notice.subject, notice.body, None, [notice.to.email])
            ledger.record(notice.key)
            count += 1
    return count


def pending_notices(days: int, sent: set[str]) -> Iterator[Notice]:
    """Notices due now whose keys are not in ``sent``."""
    today, calendar, models = timezone.localdate(), office_calendar(), Models()
    tasks = Task.objects.filter(
        state__in=ACTIVE_TASK_STATES, case__state=CaseState.OPEN
    ).select_related("case__procedure", "role", "assignee", "delegated_to", "case__started_by")
    for task in tasks.order_by("created_at", "pk"):
        due = task.case.due_date
        near = due is not None and calendar.business_days_between(today, due) <= days
        wanted: list[tuple[str, User, date | None]] = []
        for person in recipients(task):
            wanted.append((f"assigned:{task.pk}:{person.pk}", person, None))
            if near and due is not None:
                wanted.append((f"due:{task.pk}:{person.pk}:{due.isoformat()}", person, due))
        wanted = [w for w in wanted if w[0] not in sent]
        if not wanted:
            continue
        words = _words(task, models)
        for key, person, due_on in wanted:
            if due_on is None:
                yield assignment_notice(key, person, words)
            else:
                yield due_notice(key, person, due_on < today, {**words, "due": _day(due_on)})


def _day(day: date) -> str:
    return date_format(day, "SHORT_DATE_FORMAT")


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


def _words(task: Task, models: Models) -> dict[str, str]:
    step = models.of(task.case.procedure).step(task.step_number)
    base = getattr(settings, "FOLIO_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
    return {
        "folio": task.case.folio,
        "subject": task.case.subject,
        "procedure": f"{task.case.procedure.code}. {task.case.procedure.name}",
        "step": task.step_number,
        "activity": step.activity if step is not None else "",
        "url": base + reverse("cases:case-detail", args=[task.case_id]),
    }


def assignment_notice(key: str, person: User, words: dict[str, str]) -> Notice:
    subject = _("[Folio] %(folio)s: activity %(step)s is waiting for you") % words
    body = (
        _(
            "Case %(folio)s (%(subject)s)\nProcedure: %(procedure)s\n\n"
            "Activity %(step)s: %(activity)s\n\nOpen the case: %(url)s\n"
        )
        % words
    )
    return Notice(key, person, subject, body)


def due_notice(key: str, person: User, overdue: bool, words: dict[str, str]) -> Notice:
    if overdue:
        subject = _("[Folio] %(folio)s is overdue since %(due)s") % words
    else:
        subject = _("[Folio] %(folio)s is due on %(due)s") % words
    body = (
        _(
            "Case %(folio)s (%(subject)s) is due on %(due)s.\nProcedure: %(procedure)s\n\n"
            "It waits at activity %(step)s: %(activity)s\n\nOpen the case: %(url)s\n"
        )
        % words
    )
    return Notice(key, person, subject, body)
