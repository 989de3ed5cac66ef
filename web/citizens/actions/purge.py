"""Deleting the reporter's personal data once the retention period after closing ends
(LGPDPPSO: kept no longer than needed). The case and the report stay; the reporter row
stays empty with the date of the purge, and the log records it (never the data)."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from web.cases.log import append_event
from web.cases.models import CaseState, EventKind
from web.citizens.models import Report, Reporter

#: Days the reporter's data are kept after the case closes.
DEFAULT_RETENTION_DAYS = 365


def retention_days() -> int:
    return int(getattr(settings, "FOLIO_CITIZEN_RETENTION_DAYS", DEFAULT_RETENTION_DAYS))


@transaction.atomic
def purge_reporters(now: datetime | None = None, dry_run: bool = False) -> list[str]:
    """Empty the reporter data of every case closed (ended or cancelled) more than the
    retention period ago; also delete the report's photo. Returns the folios."""
    now = now or timezone.now()
    limit = now - timedelta(days=retention_days())
    due = Reporter.objects.select_for_update().filter(
        purged_at__isnull=True,
        case__state__in=[CaseState.ENDED, CaseState.CANCELLED],
        case__ended_at__lt=limit,
    )
    folios: list[str] = []
    for reporter in due.select_related("case"):
        folios.append(reporter.case.folio)
        if dry_run:
            continue
        _empty(reporter, now)
        payload = {"folio": reporter.case.folio, "retention_days": retention_days()}
        append_event(EventKind.CITIZEN_DATA_PURGED, case=reporter.case, payload=payload)
    return folios


def _empty(reporter: Reporter, now: datetime) -> None:
    for name in ("first_name", "last_name", "email", "phone", "device_id", "account_id"):
        setattr(reporter, name, "")
    reporter.wants_updates = False
    reporter.purged_at = now
    reporter.save()
    report = Report.objects.filter(case_id=reporter.case_id).first()
    if report is not None and report.photo:
        report.photo.delete(save=False)
        report.photo = ""
        report.save(update_fields=["photo"])
