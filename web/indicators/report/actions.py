"""Generating a monthly report: rendered once, stored unchanged under its SHA-256, and
the hash written in the log in the same transaction; checking a stored one later."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from web.accounts.models import Unit
from web.cases.log import append_event
from web.cases.models import Event, EventKind
from web.indicators.permissions import units_to_measure
from web.indicators.report.content import build_report
from web.indicators.report.models import ReportFormat, StoredReport
from web.indicators.report.render import RENDERERS


class ReportError(ValueError):
    """A report that cannot be made as asked; ``str(err)`` is a sentence for the user."""


@transaction.atomic
def generate_monthly_report(
    user: User | None, unit: Unit, month: date, fmt: str, today: date | None = None
) -> tuple[StoredReport, bytes]:
    """Render the report of ``unit`` for ``month`` as ``fmt`` (pdf, xlsx, csv), store
    it and log its hash. ``user`` None is the command line (the server's operator)."""
    if user is not None and not units_to_measure(user).filter(pk=unit.pk).exists():
        raise PermissionDenied(_("You may not read the indicators of this unit."))
    if fmt not in ReportFormat.values:
        raise ReportError(
            _("Unknown report format «%(fmt)s»: use pdf, xlsx or csv.") % {"fmt": fmt}
        )
    month = month.replace(day=1)
    today = today or timezone.localdate()
    if month > today.replace(day=1):
        raise ReportError(_("%(month)s has not begun yet.") % {"month": f"{month:%Y-%m}"})
    content = RENDERERS[fmt](build_report(unit, month, today))
    sha = hashlib.sha256(content).hexdigest()
    name = f"reports/{sha[:2]}/{sha}.{fmt}"
    if not default_storage.exists(name):
        name = default_storage.save(name, ContentFile(content))
    stored = StoredReport.objects.create(
        unit=unit,
        month=month,
        format=fmt,
        file=name,
        sha256=sha,
        size=len(content),
        generated_by=user,
        generated_at=timezone.now(),
    )
    payload = {
        "report": stored.pk,
        "unit": unit.pk,
        "unit_name": unit.name,
        "month": f"{month:%Y-%m}",
        "format": fmt,
        "sha256": sha,
        "size": len(content),
    }
    append_event(EventKind.REPORT_GENERATED, actor=user, payload=payload)
    return stored, content


@dataclass(frozen=True)
class ReportCheck:
    """The stored file's hash now, against the one kept with the report and the one in
    the log."""

    found: str | None
    logged: str | None
    expected: str

    @property
    def intact(self) -> bool:
        return self.found == self.expected == self.logged


def read_stored(report: StoredReport) -> bytes | None:
    """The stored bytes, or None when the file is missing."""
    try:
        with default_storage.open(report.file, "rb") as handle:
            data: bytes = handle.read()
            return data
    except FileNotFoundError:
        return None


def check_report(report: StoredReport) -> ReportCheck:
    content = read_stored(report)
    found = None if content is None else hashlib.sha256(content).hexdigest()
    entry = (
        Event.objects.filter(kind=EventKind.REPORT_GENERATED, payload__report=report.pk)
        .order_by("seq")
        .first()
    )
    logged = None if entry is None else str(entry.payload.get("sha256"))
    return ReportCheck(found, logged, report.sha256)
