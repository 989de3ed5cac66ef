"""The office's días inhábiles: declaring one and deleting one move the business-day
deadlines of the cases and tasks that run across it (``web/cases/recompute.py``)."""

from __future__ import annotations

from datetime import date

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from folio.calendar import BusinessCalendar
from web.cases.errors import CaseError
from web.cases.log import append_event
from web.cases.models import ClosedDay, EventKind
from web.cases.permissions import can_manage_calendar
from web.cases.recompute import Moved, move_due_dates


@transaction.atomic
def add_closed_day(user: User, day: date, reason: str = "") -> tuple[ClosedDay, Moved]:
    """Declare ``day`` inhábil and move the due dates that run across it. A day already
    declared is refused (its reason is not overwritten: delete it and declare it again)."""
    _check(user)
    before = _calendar()
    found = ClosedDay.objects.select_for_update().filter(date=day).first()
    if found is not None:
        words = {"day": _day(day), "reason": found.reason or "—"}
        raise CaseError(
            _(
                "%(day)s is already a día inhábil («%(reason)s»). To change its reason, "
                "delete it and declare it again."
            )
            % words
        )
    closed = ClosedDay.objects.create(date=day, reason=reason.strip())
    moved = move_due_dates(day, before, BusinessCalendar(before.closed | {day}))
    payload = {"date": day.isoformat(), "reason": closed.reason, **moved.as_payload()}
    append_event(EventKind.CLOSED_DAY_ADDED, actor=user, payload=payload)
    return closed, moved


@transaction.atomic
def remove_closed_day(user: User, day: date) -> Moved:
    """Delete the día inhábil ``day`` and move back the due dates that ran across it."""
    _check(user)
    before = _calendar()
    found = ClosedDay.objects.select_for_update().filter(date=day).first()
    if found is None:
        raise CaseError(_("%(day)s is not a día inhábil of the office.") % {"day": _day(day)})
    reason = found.reason
    found.delete()
    moved = move_due_dates(day, before, BusinessCalendar(before.closed - {day}))
    payload = {"date": day.isoformat(), "reason": reason, **moved.as_payload()}
    append_event(EventKind.CLOSED_DAY_REMOVED, actor=user, payload=payload)
    return moved


def _check(user: User) -> None:
    if not can_manage_calendar(user):
        raise PermissionDenied(_("Only administrators manage the office calendar."))


def _calendar() -> BusinessCalendar:
    return BusinessCalendar(frozenset(ClosedDay.objects.values_list("date", flat=True)))


def _day(day: date) -> str:
    return date_format(day, "SHORT_DATE_FORMAT")
