"""Public notes: what staff tell the reporter, on the folio page and in Open311."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from web.cases.log import append_event
from web.cases.models import EventKind
from web.citizens.errors import ReportRefused
from web.citizens.mail import send_update
from web.citizens.models import PublicNote, Report
from web.citizens.permissions import can_add_public_note


@transaction.atomic
def add_public_note(report: Report, user: User, text: str) -> PublicNote:
    """Add a note the reporter will read; it says nothing of who wrote it publicly.
    Whoever asked for updates gets it by email once the note is saved."""
    if not can_add_public_note(user, report.case):
        raise PermissionDenied(_("You may not write public notes on this report."))
    text = text.strip()
    if not text:
        raise ReportRefused(_("Write the note."), "text")
    note = PublicNote.objects.create(report=report, text=text[:4000], author=user)
    payload = {"folio": report.case.folio, "note": note.pk, "text": note.text}
    append_event(EventKind.CITIZEN_NOTE_ADDED, case=report.case, actor=user, payload=payload)
    transaction.on_commit(lambda: send_update(report, note.text))
    return note
