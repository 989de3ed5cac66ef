"""The office calendar: weekends, federal holidays and the office's días inhábiles."""

from __future__ import annotations

from folio.calendar import BusinessCalendar
from web.cases.models import ClosedDay


def office_calendar() -> BusinessCalendar:
    return BusinessCalendar(frozenset(ClosedDay.objects.values_list("date", flat=True)))
