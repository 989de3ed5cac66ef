"""Emails to reporters who asked for updates: the folio at filing, then public notes."""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils.translation import gettext as _

from web.citizens.models import Report, Reporter

log = logging.getLogger(__name__)


def _reporter(report: Report) -> Reporter | None:
    reporter = Reporter.objects.filter(case_id=report.case_id).first()
    if reporter is None or not reporter.wants_updates or not reporter.email:
        return None
    return reporter


def lookup_url(report: Report) -> str:
    path = reverse("citizens:lookup") + f"?folio={report.case.folio}"
    return settings.FOLIO_BASE_URL.rstrip("/") + path


def send_filed(report: Report) -> None:
    reporter = _reporter(report)
    if reporter is None:
        return
    words = {"folio": report.case.folio, "type": report.service.name, "url": lookup_url(report)}
    body = (
        _("We received your report «%(type)s» with folio %(folio)s.\nFollow it at %(url)s\n")
        % words
    )
    _send(reporter, _("Your report %(folio)s") % words, body)


def send_update(report: Report, note: str) -> None:
    reporter = _reporter(report)
    if reporter is None:
        return
    words = {"folio": report.case.folio, "note": note, "url": lookup_url(report)}
    body = _("Your report %(folio)s has news:\n\n%(note)s\n\nFollow it at %(url)s\n") % words
    _send(reporter, _("News on your report %(folio)s") % words, body)


def send_state(report: Report, state: str) -> None:
    reporter = _reporter(report)
    if reporter is None:
        return
    words = {"folio": report.case.folio, "state": state, "url": lookup_url(report)}
    body = _("Your report %(folio)s is now «%(state)s».\n\nFollow it at %(url)s\n") % words
    _send(reporter, _("News on your report %(folio)s") % words, body)


def _send(reporter: Reporter, subject: str, body: str) -> None:
    try:
        send_mail(subject, body, None, [reporter.email])
    except OSError:
        # The report is filed either way; the mail server's failure is logged.
        log.exception("the update to the reporter of case %s was not sent", reporter.case_id)
