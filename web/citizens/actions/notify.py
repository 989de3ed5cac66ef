"""Telling reporters who asked for updates that their report changed state: run by
``folio citizens notify`` (e.g. every few minutes from cron), so the cases app needs no
hook. Each reporter is told each new state once (``Reporter.told_state``)."""

from __future__ import annotations

from functools import partial

from django.db import transaction

from web.citizens.mail import send_state
from web.citizens.models import Report, Reporter
from web.citizens.status import public_status


@transaction.atomic
def notify_state_changes() -> list[str]:
    """Email every reporter whose report's public state changed since they were last
    told; returns the folios. The mail goes after the commit."""
    told: list[str] = []
    waiting = Reporter.objects.select_for_update().filter(
        wants_updates=True, purged_at__isnull=True, case__citizen_report__isnull=False
    )
    for reporter in waiting.exclude(email=""):
        report = Report.objects.select_related("case", "service").get(case_id=reporter.case_id)
        state = public_status(report).state
        if state == reporter.told_state:
            continue
        reporter.told_state = state
        reporter.save(update_fields=["told_state"])
        told.append(report.case.folio)
        transaction.on_commit(partial(send_state, report, state))
    return told
