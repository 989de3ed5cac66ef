"""Measures of the cases in a scope and period: received, completed, cancelled, in
process, overdue, at risk, capacidad de respuesta, on-time rate, lead time against the
Tiempo Promedio de Gestión, and backlog aging. For a unit or a procedure they are read
from the figures kept as cases change (``web/indicators/kept.py``). Task measures
(waits, loop-backs, workload) are in ``web/indicators/tasks.py``.

A handful of queries whatever the number of cases: the counts in one, the cases open
at the period's end in one, the cases completed in it in one, the office's días
inhábiles in one. Overdue and at risk use the cases' own deadline logic
(``deadline_of``) on the period's last day (today for the running period).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from folio.calendar import BusinessCalendar
from folio.measures import AGE_BUCKETS, Period, Summary, age_bucket, lead_days, ratio, summarize
from web.cases.deadlines import office_calendar
from web.cases.flow import procedure_model
from web.cases.models import Case, CaseState
from web.cases.queries import deadline_of
from web.indicators.scope import Scope, aware_bounds, local_date


@dataclass(frozen=True)
class ProcedureLeadTime:
    """Lead times of one procedure's completed cases beside its Tiempo Promedio de
    Gestión; ``target_days`` only when the manual states it in días hábiles."""

    code: str
    name: str
    target_text: str
    target_days: float | None
    lead: Summary

    @property
    def within_target(self) -> bool | None:
        if self.target_days is None or self.lead.median is None:
            return None
        return self.lead.median <= self.target_days


@dataclass(frozen=True)
class CaseMeasures:
    period: Period
    #: The day open cases are judged on: the period's last day, or today if earlier.
    as_of: date
    received: int
    completed: int
    cancelled: int
    in_process: int
    overdue: int
    at_risk: int
    #: Completed ÷ received × 100; None ("sin dato") when nothing was received.
    response_capacity: float | None
    #: Ended by the due date ÷ ended with a due date × 100; None when none had one.
    on_time_rate: float | None
    lead_time: Summary
    lead_by_procedure: tuple[ProcedureLeadTime, ...]
    #: Open cases by age in días hábiles, every bucket of ``AGE_BUCKETS`` present.
    backlog: dict[str, int]


def measure_cases(scope: Scope, period: Period, today: date | None = None) -> CaseMeasures:
    """From the kept figures (``web/indicators/rollup``) for a unit or procedure (or a
    procedure code, ``live.CodeScope``); a role or a person reads the cases (the
    figures are not kept by who worked on them)."""
    if not scope.kept_answers():
        return measure_cases_from_cases(scope, period, today)
    from web.indicators.kept import measure_kept

    return measure_kept(scope, period, today or timezone.localdate())


def measure_cases_from_cases(
    scope: Scope, period: Period, today: date | None = None
) -> CaseMeasures:
    """The same measures computed from the case rows: the baseline the kept figures
    are checked and timed against."""
    today = today or timezone.localdate()
    as_of = min(period.end, today)
    calendar = office_calendar()
    cases = scope.cases()
    counts = _counts(cases, period)
    open_cases = _open_on(cases, as_of)
    states = Counter(_deadline_state(case, as_of, calendar) for case in open_cases)
    done = _completed(cases, period)
    leads = [lead_days(local_date(c.started_at), _ended_on(c), calendar) for c in done]
    on_time = sum(1 for c in done if c.due_date is not None and _ended_on(c) <= c.due_date)
    with_due = sum(1 for c in done if c.due_date is not None)
    return CaseMeasures(
        period=period,
        as_of=as_of,
        received=counts["received"],
        completed=counts["completed"],
        cancelled=counts["cancelled"],
        in_process=len(open_cases),
        overdue=states["overdue"],
        at_risk=states["at_risk"],
        response_capacity=ratio(counts["completed"], counts["received"]),
        on_time_rate=ratio(on_time, with_due),
        lead_time=summarize(leads),
        lead_by_procedure=_by_procedure(done, leads),
        backlog=_backlog(open_cases, as_of, calendar),
    )


def _counts(cases: QuerySet[Case], period: Period) -> dict[str, int]:
    start, after = aware_bounds(period)
    opened = Q(started_at__gte=start, started_at__lt=after)
    ended = Q(ended_at__gte=start, ended_at__lt=after)
    return cases.aggregate(
        received=Count("pk", filter=opened),
        completed=Count("pk", filter=ended & Q(state=CaseState.ENDED)),
        cancelled=Count("pk", filter=ended & Q(state=CaseState.CANCELLED)),
    )


def _with_procedure(cases: QuerySet[Case]) -> QuerySet[Case]:
    return cases.select_related("procedure__version").defer("procedure__version__data")


def _open_on(cases: QuerySet[Case], day: date) -> list[Case]:
    """Cases opened by the end of ``day`` and not ended or cancelled by then."""
    _, after = aware_bounds(Period(day, day))
    still = Q(ended_at__isnull=True) | Q(ended_at__gte=after)
    return list(_with_procedure(cases.filter(still, started_at__lt=after)).order_by())


def _completed(cases: QuerySet[Case], period: Period) -> list[Case]:
    start, after = aware_bounds(period)
    done = cases.filter(state=CaseState.ENDED, ended_at__gte=start, ended_at__lt=after)
    return list(_with_procedure(done).order_by("procedure__code", "pk"))


def _ended_on(case: Case) -> date:
    assert case.ended_at is not None  # _completed reads ended cases only
    return local_date(case.ended_at)


def _deadline_state(case: Case, day: date, calendar: BusinessCalendar) -> str:
    return deadline_of(case, procedure_model(case.procedure).time, day, calendar).state


def _by_procedure(done: list[Case], leads: list[int]) -> tuple[ProcedureLeadTime, ...]:
    grouped: dict[str, list[int]] = {}
    first: dict[str, Case] = {}
    for case, lead in zip(done, leads, strict=True):
        grouped.setdefault(case.procedure.code, []).append(lead)
        first.setdefault(case.procedure.code, case)
    rows = []
    for code, values in grouped.items():
        model = procedure_model(first[code].procedure)
        time = model.time
        in_business_days = time.status == "stated" and time.unit in ("días hábiles", "días")
        target = time.max if in_business_days else None
        rows.append(ProcedureLeadTime(code, model.name, time.text, target, summarize(values)))
    return tuple(rows)


def _backlog(open_cases: list[Case], day: date, calendar: BusinessCalendar) -> dict[str, int]:
    ages = Counter(
        age_bucket(lead_days(local_date(case.started_at), day, calendar)) for case in open_cases
    )
    return {label: ages[label] for label, _, _ in AGE_BUCKETS}
