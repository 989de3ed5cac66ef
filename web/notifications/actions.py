"""Sending notices. Each notice is one transaction that claims it in the ledger, then
sends it:

1. insert the ``Notice`` row (task, kind, recipient — unique);
2. send the e-mail;
3. commit.

Two overlapping cron runs cannot both send a notice: the second insert waits for the
first run's transaction (PostgreSQL on the unique index, SQLite on its write lock) and
then fails, so the second run skips it. When sending fails the row rolls back with the
transaction and the next run tries again. The one gap left is a crash between the mail
server accepting the message and the commit: that notice is sent again next run.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.core.mail import send_mail
from django.db import DatabaseError, IntegrityError, transaction
from django.utils.translation import gettext as _

from web.notifications.models import Notice
from web.notifications.pending import Draft, pending_notices

Write = Callable[[str], object]


@transaction.atomic
def send_notice(draft: Draft) -> bool:
    """Claim the notice, then send it. Returns False, sending nothing, when the ledger
    already has it (another run sent it). Raises what sending raised, leaving no row."""
    try:
        with transaction.atomic():
            Notice.objects.create(
                task=draft.task, kind=draft.kind, recipient=draft.to, email=draft.to.email
            )
    except IntegrityError:
        return False
    send_mail(draft.subject, draft.body, None, [draft.to.email])
    return True


@dataclass
class Outcome:
    sent: int = 0
    failed: int = 0


def send_pending_notices(days: int, *, dry_run: bool, out: Write, err: Write) -> Outcome:
    """Send every pending notice, each in its own transaction (``send_notice``), so one
    that fails does not hold back the others. Writes one line per notice sent (or, on
    a dry run, that would be sent) to ``out`` and one per failure to ``err``."""
    outcome = Outcome()
    for draft in pending_notices(days):
        line = f"{draft.to.email}: {draft.subject}"
        if dry_run:
            out(line)
            continue
        try:
            sent = send_notice(draft)
        except (OSError, DatabaseError) as error:  # smtplib's errors are OSErrors
            words = {"subject": draft.subject, "email": draft.to.email, "error": error}
            err(_("Could not send “%(subject)s” to %(email)s: %(error)s") % words)
            outcome.failed += 1
            continue
        if sent:
            out(line)
            outcome.sent += 1
    return outcome
