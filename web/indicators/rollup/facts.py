"""What one case contributes to the kept figures: pure arithmetic on its facts.

A case counts as received on the day it opened, as completed or cancelled on the day
it ended, and — on days, not moments — as in process over [opened, ended), overdue over
[due + 1, ended), at risk over [risk + 1, due + 1) within that, and aged at least n
días hábiles from the n-th business day after it opened; the same rules as
``web/indicators/measures.py`` reads from the cases themselves (``deadline_of``,
``lead_days``, ``AGE_BUCKETS``), turned into deltas.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from folio.calendar import BusinessCalendar
from folio.manuals.model import TimeSpec
from folio.measures import AGE_BUCKETS, lead_days

#: The lowest age of each backlog bucket after the first, with its delta column.
AGED = tuple((low, f"aged_{low}_delta") for _label, low, _high in AGE_BUCKETS[1:])
assert [low for low, _ in AGED] == [6, 11, 21], "tables.py names a column per bucket"

#: (day, unit id, procedure id, column) → delta.
FigureKey = tuple[date, int, int, str]
#: (day, unit id, procedure id, lead in días hábiles) → cases.
LeadKey = tuple[date, int, int, int]
ONE_DAY = timedelta(days=1)


@dataclass(frozen=True)
class CaseFacts:
    """A case as the figures see it. ``state`` is "open" (blocked cases too: they
    have not ended), "ended" or "cancelled"; ``end`` the local day it ended."""

    unit_id: int
    procedure_id: int
    start: date
    due: date | None
    state: str = "open"
    end: date | None = None

    def still_open(self) -> CaseFacts:
        return CaseFacts(self.unit_id, self.procedure_id, self.start, self.due)


class Reckoner:
    """The calendar's answers a contribution needs, remembered: many cases share an
    opening day, so a rebuild of a million cases asks the calendar a few thousand times.
    ``time_of`` gives a procedure version's time (for the day it is at risk)."""

    def __init__(self, calendar: BusinessCalendar, time_of: Callable[[int], TimeSpec]) -> None:
        self.calendar = calendar
        self.time_of = time_of
        self._aged: dict[date, tuple[date, ...]] = {}
        self._risk: dict[tuple[int, date], date | None] = {}
        self._lead: dict[tuple[date, date], int] = {}
        self._times: dict[int, TimeSpec] = {}

    def aged(self, start: date) -> tuple[date, ...]:
        """The first day each bucket of ``AGED`` is reached."""
        found = self._aged.get(start)
        if found is None:
            marks, day, count = [], start, 0
            for low, _column in AGED:
                while count < low:
                    day += ONE_DAY
                    count += self.calendar.is_business_day(day)
                marks.append(day)
            found = self._aged[start] = tuple(marks)
        return found

    def risk(self, procedure_id: int, start: date) -> date | None:
        key = (procedure_id, start)
        if key not in self._risk:
            time = self._times.get(procedure_id)
            if time is None:
                time = self._times[procedure_id] = self.time_of(procedure_id)
            self._risk[key] = self.calendar.risk_date(start, time)
        return self._risk[key]

    def lead(self, start: date, end: date) -> int:
        key = (start, end)
        if key not in self._lead:
            self._lead[key] = lead_days(start, end, self.calendar)
        return self._lead[key]


def contribute(
    facts: CaseFacts,
    reckoner: Reckoner,
    figures: Counter[FigureKey],
    leads: Counter[LeadKey],
    sign: int = 1,
) -> None:
    """Add (``sign`` 1) or take away (−1) what ``facts`` contribute."""
    unit, procedure, start, end, due = (
        facts.unit_id,
        facts.procedure_id,
        facts.start,
        facts.end,
        facts.due,
    )

    def add(day: date, column: str, amount: int = 1) -> None:
        figures[(day, unit, procedure, column)] += sign * amount

    def span(column: str, first: date, after: date | None) -> None:
        """In ``column`` from ``first`` up to the day before ``after`` (None: on)."""
        if after is not None and after <= first:
            return
        add(first, column)
        if after is not None:
            add(after, column, -1)

    add(start, "received")
    if facts.state == "ended" and end is not None:
        add(end, "completed")
        leads[(end, unit, procedure, reckoner.lead(start, end))] += sign
        if due is not None:
            add(end, "completed_with_due")
            if end <= due:
                add(end, "completed_on_time")
    elif facts.state == "cancelled" and end is not None:
        add(end, "cancelled")
    span("open_delta", start, end)
    if due is not None:
        span("overdue_delta", due + ONE_DAY, end)
        risk = reckoner.risk(procedure, start)
        if risk is not None:
            first = max(risk + ONE_DAY, start)
            after = due + ONE_DAY if end is None else min(due + ONE_DAY, end)
            span("at_risk_delta", first, after)
    for (_low, column), first in zip(AGED, reckoner.aged(start), strict=True):
        span(column, first, end)


def by_month(figures: Counter[FigureKey]) -> Counter[FigureKey]:
    months: Counter[FigureKey] = Counter()
    for (day, unit, procedure, column), amount in figures.items():
        months[(day.replace(day=1), unit, procedure, column)] += amount
    return months


def leads_by_month(leads: Counter[LeadKey]) -> Counter[LeadKey]:
    months: Counter[LeadKey] = Counter()
    for (day, unit, procedure, lead), amount in leads.items():
        months[(day.replace(day=1), unit, procedure, lead)] += amount
    return months
