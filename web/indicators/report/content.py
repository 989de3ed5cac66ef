"""What the *informe mensual* of a unit (with the units below it) says about a month:
the measures of its cases, the waits, loop-backs and workload of their tasks, each
indicator of its manuals with its formula and value (computed, or captured by hand),
the trend of the last six months and the cases overdue at the month's end.

Everything is gathered once into :class:`MonthlyReport`; ``tables()`` turns it into
titled tables of text that the PDF, the XLSX and the CSV all print the same way."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from folio.manuals.model import Procedure as CoreProcedure
from folio.measures import Period, lead_days
from web.accounts.models import Unit
from web.cases.deadlines import office_calendar
from web.cases.flow import procedure_model
from web.cases.models import ACTIVE_TASK_STATES, Case, Task
from web.catalog.models import Procedure
from web.indicators.manual import ProcedureIndicators, unit_indicators
from web.indicators.measures import CaseMeasures, measure_cases
from web.indicators.scope import Scope, aware_bounds, local_date
from web.indicators.tasks import (
    LoopBack,
    Waits,
    Workload,
    measure_loop_backs,
    measure_waits,
    measure_workload,
)

#: Months of the trend chart, the report's month last.
TREND_MONTHS = 6


@dataclass(frozen=True)
class OverdueCase:
    folio: str
    subject: str
    procedure: str
    opened: date
    due: date
    #: Días hábiles from the due date to the day judged on.
    days_late: int
    waiting_at: str
    holder: str


@dataclass(frozen=True)
class TrendMonth:
    label: str
    received: int
    completed: int
    overdue: int


@dataclass(frozen=True)
class MonthlyReport:
    unit: Unit
    period: Period
    measures: CaseMeasures
    waits: Waits
    loop_backs: tuple[LoopBack, ...]
    workload: tuple[Workload, ...]
    indicators: tuple[ProcedureIndicators, ...]
    trend: tuple[TrendMonth, ...]
    overdue: tuple[OverdueCase, ...]
    generated_at: datetime = field(default_factory=timezone.now)

    @property
    def month(self) -> str:
        return f"{self.period.start:%Y-%m}"


def build_report(unit: Unit, month: date, today: date | None = None) -> MonthlyReport:
    today = today or timezone.localdate()
    period = Period.of("month", month)
    scope = Scope(unit=unit)
    measures = measure_cases(scope, period, today)
    return MonthlyReport(
        unit=unit,
        period=period,
        measures=measures,
        waits=measure_waits(scope, period),
        loop_backs=measure_loop_backs(scope, period),
        workload=measure_workload(scope, period, today),
        indicators=unit_indicators(unit, period, today),
        trend=_trend(scope, period, measures, today),
        overdue=overdue_cases(scope, measures.as_of),
    )


MONTHS = ("ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic")


def month_label(day: date) -> str:
    return f"{MONTHS[day.month - 1]} {day:%Y}"


def _trend(scope: Scope, period: Period, last: CaseMeasures, today: date) -> tuple[TrendMonth, ...]:
    found = []
    start = period.start
    for back in range(TREND_MONTHS - 1, 0, -1):
        year, month = divmod(start.year * 12 + start.month - 1 - back, 12)
        earlier = measure_cases(scope, Period.of("month", date(year, month + 1, 1)), today)
        found.append(_trend_month(earlier))
    found.append(_trend_month(last))
    return tuple(found)


def _trend_month(m: CaseMeasures) -> TrendMonth:
    return TrendMonth(month_label(m.period.start), m.received, m.completed, m.overdue)


def overdue_cases(scope: Scope, day: date) -> tuple[OverdueCase, ...]:
    """The cases open at the end of ``day`` whose due date had passed, most late first.
    Three queries: the cases (the columns shown), their waiting tasks, and their
    procedures, each read and parsed once however many cases run it."""
    _, after = aware_bounds(Period(day, day))
    still = Q(ended_at__isnull=True) | Q(ended_at__gte=after)
    late = scope.cases().filter(still, started_at__lt=after, due_date__lt=day)
    shown = ("folio", "subject", "started_at", "due_date", "procedure_id")
    cases = list(late.only(*shown).order_by("due_date", "folio"))
    waiting: dict[int, list[Task]] = {}
    # A subquery, not the list of keys: a municipality can have tens of thousands.
    late_ids = late.order_by().values("pk")
    tasks = Task.objects.filter(case__in=late_ids, state__in=ACTIVE_TASK_STATES)
    for task in tasks.select_related("assignee").order_by("pk"):
        waiting.setdefault(task.case_id, []).append(task)
    rows = Procedure.objects.select_related("version").defer("version__data")
    procedures = {
        pk: procedure_model(row)
        for pk, row in rows.in_bulk({case.procedure_id for case in cases}).items()
    }
    calendar = office_calendar()
    # Counted once per due date: thousands of cases share one.
    days_late: Callable[[date], int] = cache(lambda due: lead_days(due, day, calendar))
    return tuple(
        _overdue(case, procedures[case.procedure_id], waiting.get(case.pk, []), days_late)
        for case in cases
    )


def _overdue(
    case: Case, model: CoreProcedure, tasks: list[Task], days_late: Callable[[date], int]
) -> OverdueCase:
    assert case.due_date is not None  # filtered on due_date
    at = "; ".join(f"{t.step_number}. {shorten(_words(model, t.step_number))}" for t in tasks)
    holders = {t.assignee.get_full_name() or t.assignee.username for t in tasks if t.assignee}
    return OverdueCase(
        folio=case.folio,
        subject=case.subject,
        procedure=f"{model.code} {model.name}",
        opened=local_date(case.started_at),
        due=case.due_date,
        days_late=days_late(case.due_date),
        waiting_at=at or "—",
        holder=", ".join(sorted(holders)) or _("nobody has claimed it"),
    )


def _words(model: CoreProcedure, number: str) -> str:
    step = model.step(number)
    return step.activity if step is not None else ""


def shorten(text: str, most: int = 70) -> str:
    return text if len(text) <= most else text[: most - 1].rstrip() + "…"
