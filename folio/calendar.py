"""Business days for deadlines: weekends, Mexico's federal holidays (``holidays``
package, names in Spanish) and the office's own *días inhábiles*.

A case's due date comes from its procedure's *Tiempo Promedio de Gestión*, upper bound:
días hábiles skip weekends, holidays and días inhábiles; días naturales do not. Plain
"días" count as hábiles, as Mexican administrative law reads a term in days unless it
says otherwise. Hours round up to whole business days (a "24 horas" service desk target
is one business day). Weeks, months and years are calendar periods.
"""

from __future__ import annotations

import calendar as _calendar
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property
from typing import Literal

import holidays

from folio.manuals.model import TimeSpec, TimeUnit

DeadlineState = Literal["on_time", "at_risk", "overdue", "no_deadline"]


@dataclass(frozen=True)
class BusinessCalendar:
    """``closed`` holds the office's días inhábiles (with an optional reason each)."""

    closed: frozenset[date] = field(default_factory=frozenset)

    @classmethod
    def with_closed_days(cls, days: Iterable[date]) -> BusinessCalendar:
        return cls(frozenset(days))

    @cached_property
    def _federal(self) -> holidays.HolidayBase:
        return holidays.country_holidays("MX", language="es")

    def holiday(self, day: date) -> str | None:
        """The federal holiday's name, "Día inhábil" for an office closing, else None."""
        if day in self.closed:
            return "Día inhábil"
        name = self._federal.get(day)
        return str(name) if name else None

    def is_business_day(self, day: date) -> bool:
        return day.weekday() < 5 and self.holiday(day) is None

    def add_business_days(self, start: date, days: int) -> date:
        """The ``days``-th business day after ``start`` (``start`` itself not counted)."""
        day, left = start, days
        while left > 0:
            day += timedelta(days=1)
            if self.is_business_day(day):
                left -= 1
        return day

    def business_days_between(self, start: date, end: date) -> int:
        """Business days after ``start`` up to and including ``end``."""
        count, day = 0, start
        while day < end:
            day += timedelta(days=1)
            count += self.is_business_day(day)
        return count

    def add(self, start: date, amount: float, unit: TimeUnit) -> date:
        whole = math.ceil(amount)
        if unit in ("días hábiles", "días"):
            return self.add_business_days(start, whole)
        if unit == "horas":
            return self.add_business_days(start, math.ceil(amount / 24))
        if unit == "días naturales":
            return start + timedelta(days=whole)
        if unit == "semanas":
            return start + timedelta(weeks=amount)
        months = whole if unit == "meses" else whole * 12
        return add_months(start, months)

    def due_date(self, start: date, time: TimeSpec) -> date | None:
        """Upper-bound due date, or None when the manual states none (Variable,
        recurring, unparsed or missing)."""
        if time.status != "stated" or time.max is None or time.unit is None:
            return None
        return self.add(start, time.max, time.unit)

    def risk_date(self, start: date, time: TimeSpec) -> date | None:
        """From this day on a case is at risk: past the lower bound, when there is one."""
        if time.status != "stated" or time.min is None or time.min_unit is None:
            return None
        return self.add(start, time.min, time.min_unit)

    def state(self, start: date, today: date, time: TimeSpec) -> DeadlineState:
        due = self.due_date(start, time)
        if due is None:
            return "no_deadline"
        if today > due:
            return "overdue"
        risk = self.risk_date(start, time)
        return "at_risk" if risk is not None and today > risk else "on_time"


def federal_holidays(year: int) -> list[tuple[date, str]]:
    """Mexico's federal holidays of ``year`` that business days skip, in date order,
    named in Spanish (what ``BusinessCalendar`` reads)."""
    found = holidays.country_holidays("MX", years=year, language="es")
    return sorted((day, str(name)) for day, name in found.items())


def add_months(day: date, months: int) -> date:
    """Same day ``months`` later, clamped to the month's end (31 Jan + 1 → 28/29 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, _calendar.monthrange(year, month)[1]))
