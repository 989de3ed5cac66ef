"""The work open today for the dashboard, in one query: the active task of every open
case of the units, grouped by procedure version, activity and holder, counted in
process, at risk and overdue — judged as the case list judges them (``by_deadline``),
so that a number and the list it links to agree."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Count, Q, Value
from django.utils import timezone

from folio.calendar import BusinessCalendar
from web.cases.case_search import last_start_at_risk
from web.cases.flow import procedure_model_by_key
from web.cases.models import ACTIVE_TASK_STATES, CaseState, Task
from web.catalog.models import Procedure
from web.indicators.rollup.tables import MonthFigures


@dataclass(frozen=True)
class Work:
    procedure_id: int
    step: str
    holder_id: int | None
    open: int
    at_risk: int
    overdue: int


def open_work(unit_ids: list[int], today: date) -> list[Work]:
    active = Task.objects.filter(
        state__in=ACTIVE_TASK_STATES, case__state=CaseState.OPEN, case__unit_id__in=unit_ids
    )
    risky = _at_risk(unit_ids, today)
    rows = (
        active.order_by()
        .values_list("case__procedure_id", "step_number", "assignee_id")
        .annotate(
            n=Count("pk"),
            risk=Value(0) if risky is None else Count("pk", filter=risky),
            late=Count("pk", filter=Q(case__due_date__lt=today)),
        )
    )
    return [Work(*row) for row in rows]


def _at_risk(unit_ids: list[int], today: date) -> Q | None:
    """Due today or later and started on or before the procedure's last start at risk
    today (``web/cases/case_search.py``, with the same calendar)."""
    calendar = BusinessCalendar()
    kept = MonthFigures.objects.filter(unit_id__in=unit_ids).values("procedure_id")
    procedures = Procedure.objects.filter(pk__in=kept).values_list(
        "pk", "version_id", "version__sha256", "code"
    )
    risky = None
    for pk, version, sha, code in procedures:
        spec = procedure_model_by_key(pk, (version, sha, code)).time
        last = last_start_at_risk(spec, today, calendar)
        if last is not None:
            cut = timezone.make_aware(datetime.combine(last + timedelta(days=1), time.min))
            clause = Q(case__procedure_id=pk, case__started_at__lt=cut)
            risky = clause if risky is None else risky | clause
    return None if risky is None else Q(case__due_date__gte=today) & risky
