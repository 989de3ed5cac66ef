"""Pure arithmetic for the indicators computed from cases: periods, medians and
percentiles, business-day spans and waits, backlog age buckets and ratios.

Lead times count días hábiles as due dates do (``BusinessCalendar.business_days_between``:
the days after the opening day up to and including the closing day), so a case that
closes on its due date took exactly its Tiempo Promedio de Gestión. Waits are finer:
the time that fell on business days, in días hábiles of 24 hours (a task opened on
Friday at 18:00 and done on Monday at 09:00 waited 0.25 + 0.375 días hábiles).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Literal

from folio.calendar import BusinessCalendar, add_months

PeriodKind = Literal["day", "week", "month", "year"]

#: Backlog age buckets in días hábiles, as (label, lowest, highest or None).
AGE_BUCKETS: tuple[tuple[str, int, int | None], ...] = (
    ("0–5", 0, 5),
    ("6–10", 6, 10),
    ("11–20", 11, 20),
    ("> 20", 21, None),
)


@dataclass(frozen=True)
class Period:
    """The days from ``start`` to ``end``, both included."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"El periodo termina ({self.end}) antes de empezar ({self.start}).")

    @classmethod
    def of(cls, kind: PeriodKind, day: date) -> Period:
        """The day, week (Monday to Sunday), month or year that holds ``day``."""
        if kind == "day":
            return cls(day, day)
        if kind == "week":
            monday = day - timedelta(days=day.weekday())
            return cls(monday, monday + timedelta(days=6))
        if kind == "month":
            first = day.replace(day=1)
            return cls(first, add_months(first, 1) - timedelta(days=1))
        return cls(date(day.year, 1, 1), date(day.year, 12, 31))

    def bounds(self) -> tuple[datetime, datetime]:
        """Naive local midnights: the period's first moment and the one after its end."""
        return (
            datetime.combine(self.start, time()),
            datetime.combine(self.end + timedelta(days=1), time()),
        )


@dataclass(frozen=True)
class Summary:
    """Count, median, 90th percentile and total of some durations; None when empty."""

    count: int
    median: float | None
    p90: float | None
    total: float


def median(values: Sequence[float]) -> float | None:
    """The middle value; the mean of the two middle ones for an even count."""
    ordered = sorted(values)
    n = len(ordered)
    if n == 0:
        return None
    mid = n // 2
    return float(ordered[mid]) if n % 2 else (ordered[mid - 1] + ordered[mid]) / 2


def percentile(values: Sequence[float], p: float) -> float | None:
    """Nearest rank: the ⌈p/100 · n⌉-th smallest value (p90 of 10 values is the 9th),
    always one of the values observed."""
    if not 0 < p <= 100:
        raise ValueError(f"Percentil fuera de rango: {p} (debe estar entre 0 y 100).")
    ordered = sorted(values)
    if not ordered:
        return None
    return float(ordered[max(math.ceil(p / 100 * len(ordered)), 1) - 1])


def summarize(values: Sequence[float]) -> Summary:
    return Summary(len(values), median(values), percentile(values, 90), float(sum(values)))


def ratio(part: int, whole: int, factor: float = 100.0) -> float | None:
    """``part ÷ whole × factor``, or None ("sin dato") when ``whole`` is 0."""
    return None if whole == 0 else part / whole * factor


def lead_days(opened: date, closed: date, calendar: BusinessCalendar) -> int:
    """Días hábiles from the opening day to the closing day, counted as due dates are."""
    return calendar.business_days_between(opened, closed)


def business_wait(start: datetime, end: datetime, calendar: BusinessCalendar) -> float:
    """The time between two naive local moments that fell on business days, in días
    hábiles of 24 hours."""
    if end <= start:
        return 0.0
    seconds = 0.0
    day = start.date()
    while day <= end.date():
        if calendar.is_business_day(day):
            midnight = datetime.combine(day, time())
            lo = max(start, midnight)
            hi = min(end, midnight + timedelta(days=1))
            seconds += max((hi - lo).total_seconds(), 0.0)
        day += timedelta(days=1)
    return seconds / 86400


def age_bucket(days: int) -> str:
    """The backlog bucket of a case open for ``days`` días hábiles."""
    for label, low, high in AGE_BUCKETS:
        if days >= low and (high is None or days <= high):
            return label
    raise ValueError(f"Antigüedad negativa: {days} días hábiles.")
