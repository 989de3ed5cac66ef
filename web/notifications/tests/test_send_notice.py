"""send_notice: the ledger row is claimed in the transaction that sends, so overlapping
runs send a notice once and a failed send leaves nothing behind for the next run."""

from __future__ import annotations

import smtplib
import threading
import time
from collections.abc import Sequence
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.core.mail import EmailMessage
from django.core.mail.backends import locmem

from web.cases.actions import open_case
from web.cases.tests.conftest import at_once
from web.catalog.models import Procedure
from web.notifications.actions import send_notice, send_pending_notices
from web.notifications.models import Notice
from web.notifications.pending import Draft, pending_notices


class RefusingBackend(locmem.EmailBackend):
    """A mail server that is down."""

    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


class SlowBackend(locmem.EmailBackend):
    """A mail server that takes its time: a run overlapping this one catches it mid-send."""

    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        time.sleep(0.3)
        return super().send_messages(email_messages)


class FailingOnceBackend(SlowBackend):
    """Slow, and the first message it is given fails."""

    calls = 0
    lock = threading.Lock()

    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        with self.lock:
            FailingOnceBackend.calls += 1
            first = FailingOnceBackend.calls == 1
        if first:
            time.sleep(0.3)
            raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
        return super().send_messages(email_messages)


def use_backend(settings: Any, backend: type[locmem.EmailBackend]) -> None:
    settings.EMAIL_BACKEND = f"{backend.__module__}.{backend.__qualname__}"


def the_only_draft() -> Draft:
    [draft] = list(pending_notices(days=2))
    return draft


@pytest.mark.django_db
def test_it_sends_and_records_a_notice(cuentas: Procedure, bruno: User) -> None:
    open_case(cuentas, bruno, "Cuenta SAP")
    draft = the_only_draft()
    assert send_notice(draft) is True
    assert [m.to for m in mail.outbox] == [[bruno.email]]
    assert Notice.objects.filter(task=draft.task, recipient=bruno).count() == 1


@pytest.mark.django_db
def test_it_skips_a_notice_another_run_sent_after_this_one_listed_it(
    cuentas: Procedure, bruno: User
) -> None:
    # given: this run listed the notice, then another run sent it
    open_case(cuentas, bruno, "Cuenta SAP")
    draft = the_only_draft()
    assert send_notice(the_only_draft()) is True
    # when
    sent = send_notice(draft)
    # then
    assert sent is False and len(mail.outbox) == 1 and Notice.objects.count() == 1


@pytest.mark.django_db
def test_it_leaves_no_row_when_sending_fails_so_the_next_run_retries(
    cuentas: Procedure, bruno: User, settings: Any
) -> None:
    # given: the mail server is down
    open_case(cuentas, bruno, "Cuenta SAP")
    use_backend(settings, RefusingBackend)
    # when
    with pytest.raises(smtplib.SMTPServerDisconnected):
        send_notice(the_only_draft())
    # then: nothing claimed; once the server is back the next run sends it
    assert not Notice.objects.exists()
    use_backend(settings, locmem.EmailBackend)
    outcome = send_pending_notices(2, dry_run=False, out=lambda line: None, err=print)
    assert (outcome.sent, outcome.failed) == (1, 0)
    assert [m.to for m in mail.outbox] == [[bruno.email]]


@pytest.mark.django_db(transaction=True)
def test_it_sends_each_notice_once_when_two_runs_overlap(
    cuentas: Procedure, alicia: User, bruno: User, carla: User, settings: Any
) -> None:
    # given: three cases waiting for Bruno, and a slow mail server
    for subject in ("Cuenta SAP", "Cuenta de correo", "Cuenta VPN"):
        open_case(cuentas, bruno, subject)
    use_backend(settings, SlowBackend)

    def run() -> object:
        return send_pending_notices(2, dry_run=False, out=lambda line: None, err=print)

    # when: cron starts a second run while the first is still sending
    first, second = at_once([run, run])
    # then: three e-mails in all, three rows, split between the runs
    assert [type(r).__name__ for r in (first, second)] == ["Outcome", "Outcome"], (first, second)
    subjects = sorted(m.subject for m in mail.outbox)
    assert len(subjects) == 3 and len(set(subjects)) == 3
    assert Notice.objects.count() == 3
    assert getattr(first, "sent", 0) + getattr(second, "sent", 0) == 3


@pytest.mark.django_db(transaction=True)
def test_a_run_waiting_on_a_failed_send_sends_it_instead(
    cuentas: Procedure, bruno: User, settings: Any
) -> None:
    # given: both runs hold the same notice; the first message the server gets fails
    open_case(cuentas, bruno, "Cuenta SAP")
    draft = the_only_draft()
    FailingOnceBackend.calls = 0
    use_backend(settings, FailingOnceBackend)
    # when
    results = at_once([lambda: send_notice(draft), lambda: send_notice(draft)])
    # then: one failed, the other sent it; one e-mail, one row
    assert sorted(type(r).__name__ for r in results) == ["SMTPServerDisconnected", "bool"]
    assert True in results
    assert len(mail.outbox) == 1 and Notice.objects.count() == 1
