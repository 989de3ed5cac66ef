"""What the notices say: subject and body of each kind, in the office's language."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from folio.manuals.model import Procedure as CoreProcedure
from web.cases.models import Task

Words = dict[str, str]


class Procedures:
    """Procedure rows parsed once per run (rows never change once imported)."""

    def __init__(self) -> None:
        self._parsed: dict[int, CoreProcedure] = {}

    def activity(self, task: Task) -> str:
        row = task.case.procedure
        if row.pk not in self._parsed:
            self._parsed[row.pk] = row.model()
        step = self._parsed[row.pk].step(task.step_number)
        return step.activity if step is not None else ""


def words_for(task: Task, procedures: Procedures) -> Words:
    """The case and activity as the messages name them."""
    base = getattr(settings, "FOLIO_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
    return {
        "folio": task.case.folio,
        "subject": task.case.subject,
        "procedure": f"{task.case.procedure.code}. {task.case.procedure.name}",
        "step": task.step_number,
        "activity": procedures.activity(task),
        "url": base + reverse("cases:case-detail", args=[task.case_id]),
    }


def assignment_email(words: Words) -> tuple[str, str]:
    """Subject and body: an activity is waiting for the recipient."""
    subject = _("[Folio] %(folio)s: activity %(step)s is waiting for you") % words
    body = (
        _(
            "Case %(folio)s (%(subject)s)\nProcedure: %(procedure)s\n\n"
            "Activity %(step)s: %(activity)s\n\nOpen the case: %(url)s\n"
        )
        % words
    )
    return subject, body


def due_email(words: Words, due: date, overdue: bool) -> tuple[str, str]:
    """Subject and body: the activity is due soon (by its own target or its
    case's due date), or already overdue."""
    words = {**words, "due": date_format(due, "SHORT_DATE_FORMAT")}
    if overdue:
        subject = _("[Folio] %(folio)s, activity %(step)s: overdue since %(due)s") % words
    else:
        subject = _("[Folio] %(folio)s, activity %(step)s: due on %(due)s") % words
    body = (
        _(
            "Activity %(step)s of case %(folio)s (%(subject)s) is due on %(due)s.\n"
            "Procedure: %(procedure)s\n\nActivity %(step)s: %(activity)s\n\n"
            "Open the case: %(url)s\n"
        )
        % words
    )
    return subject, body
