"""The office's días inhábiles."""

from __future__ import annotations

from datetime import date

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from web.cases.log import append_event
from web.cases.models import ClosedDay, EventKind
from web.cases.permissions import can_manage_calendar


@transaction.atomic
def add_closed_day(user: User, day: date, reason: str = "") -> ClosedDay:
    """Declare ``day`` inhábil. Cases opened from now on skip it; due dates already set
    stay as they are."""
    if not can_manage_calendar(user):
        raise PermissionDenied(_("Only administrators manage the office calendar."))
    closed, _created = ClosedDay.objects.update_or_create(
        date=day, defaults={"reason": reason.strip()}
    )
    payload = {"date": day.isoformat(), "reason": closed.reason}
    append_event(EventKind.CLOSED_DAY_ADDED, actor=user, payload=payload)
    return closed
