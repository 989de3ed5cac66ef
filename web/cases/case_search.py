"""The case list's search: who sees what stays in ``get_cases_for_user``; this module
narrows those cases by the filters of the list (state, deadline state, current activity,
who holds it, procedure, unit, start dates, accent-insensitive words) and sorts them.

Every filter is SQL, the deadline states too: a case is overdue when it is open and its
due date is before today; at risk when it is not overdue and today is past its risk day
(``BusinessCalendar.risk_date``: its start plus the lower bound of the procedure's time).
The risk day grows with the start, so for each procedure one start date is the last
whose risk day is before today: the cases at risk are those started by then."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.contrib.auth.models import User
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone

from folio.calendar import BusinessCalendar
from folio.manuals.cleaning import fold
from folio.manuals.model import TimeSpec
from web.cases.deadlines import office_calendar
from web.cases.flow import procedure_model
from web.cases.models import ACTIVE_TASK_STATES, Case, CaseState, Task
from web.cases.permissions import AnyUser, get_cases_for_user
from web.catalog.models import Procedure

#: The orders offered, by the name the links carry ("-" before it: descending).
SORTS = {
    "folio": ("folio", "pk"),
    "started": ("started_at", "pk"),
    "due": ("due_date", "pk"),
    "state": ("state", "-started_at", "-pk"),
}
DEFAULT_SORT = "-started"


@dataclass(frozen=True)
class CaseFilters:
    text: str = ""
    unit: str = ""
    state: str = ""
    deadline: str = ""
    step: str = ""
    holder: User | None = None
    procedure: Procedure | None = None
    started_from: date | None = None
    started_to: date | None = None
    sort: str = DEFAULT_SORT


def search_cases(
    user: AnyUser,
    filters: CaseFilters,
    today: date | None = None,
    calendar: BusinessCalendar | None = None,
) -> QuerySet[Case]:
    """The cases ``user`` may see that pass ``filters``, sorted as they ask; ``calendar``
    the office's (read when not given and the deadline filter needs it)."""
    found = get_cases_for_user(user)
    found = _by_words(found, filters.text)
    if filters.unit.strip():
        name = filters.unit.strip()
        found = found.filter(Q(requesting_unit__icontains=name) | Q(unit__name__icontains=name))
    if filters.state in CaseState.values:
        found = found.filter(state=filters.state)
    if filters.procedure is not None:
        found = found.filter(procedure=filters.procedure)
    found = _by_task(found, filters.step.strip(), filters.holder)
    found = _by_dates(found, filters.started_from, filters.started_to)
    if filters.deadline:
        found = by_deadline(found, filters.deadline, today or timezone.localdate(), calendar)
    return found.order_by(*sort_fields(filters.sort))


def with_list_data(found: QuerySet[Case]) -> QuerySet[Case]:
    """What a row of the list or of an export shows, read in two queries per batch:
    the procedure and unit joined, the active tasks with their holders prefetched."""
    active = Task.objects.filter(state__in=ACTIVE_TASK_STATES).select_related("assignee")
    rows = found.select_related("procedure__version", "unit").defer("procedure__version__data")
    return rows.prefetch_related(
        Prefetch("tasks", queryset=active.order_by("pk"), to_attr="active_tasks")
    )


def sort_fields(sort: str) -> tuple[str, ...]:
    name = sort.removeprefix("-")
    fields = SORTS.get(name)
    if fields is None:
        return sort_fields(DEFAULT_SORT)
    if not sort.startswith("-"):
        return fields
    return tuple(f[1:] if f.startswith("-") else "-" + f for f in fields)


def _by_words(found: QuerySet[Case], text: str) -> QuerySet[Case]:
    """Each word, folded as ``Case.search_text`` is, must appear in it."""
    for word in fold(text).split():
        found = found.filter(search_text__contains=word)
    return found


def _by_task(found: QuerySet[Case], step: str, holder: User | None) -> QuerySet[Case]:
    if not step and holder is None:
        return found
    tasks = Task.objects.filter(case=OuterRef("pk"), state__in=ACTIVE_TASK_STATES)
    if step:
        tasks = tasks.filter(step_number=step)
    if holder is not None:
        tasks = tasks.filter(assignee=holder)
    return found.filter(Exists(tasks))


def _by_dates(found: QuerySet[Case], first: date | None, last: date | None) -> QuerySet[Case]:
    if first is not None:
        found = found.filter(started_at__gte=_midnight(first))
    if last is not None:
        found = found.filter(started_at__lt=_midnight(last + timedelta(days=1)))
    return found


def _midnight(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def by_deadline(
    found: QuerySet[Case], state: str, today: date, calendar: BusinessCalendar | None = None
) -> QuerySet[Case]:
    """The open cases in deadline ``state`` (on_time, at_risk, overdue, no_deadline)."""
    found = found.filter(state=CaseState.OPEN)
    if state == "no_deadline":
        return found.filter(due_date__isnull=True)
    if state == "overdue":
        return found.filter(due_date__lt=today)
    found = found.filter(due_date__gte=today)
    risky = _at_risk(found, today, calendar or office_calendar())
    if state == "at_risk":
        return found.filter(risky)
    if state == "on_time":
        return found.exclude(risky)
    return found.none()


def _at_risk(found: QuerySet[Case], today: date, calendar: BusinessCalendar) -> Q:
    """Started on or before the last start at risk today, procedure by procedure."""
    risky = Q(pk__in=[])
    ids = found.order_by().values_list("procedure_id", flat=True).distinct()
    procedures = Procedure.objects.filter(pk__in=ids).select_related("version")
    for procedure in procedures.defer("version__data", "data"):
        last = last_start_at_risk(procedure_model(procedure).time, today, calendar)
        if last is not None:
            cut = _midnight(last + timedelta(days=1))
            risky |= Q(procedure_id=procedure.pk, started_at__lt=cut)
    return risky


def last_start_at_risk(spec: TimeSpec, today: date, calendar: BusinessCalendar) -> date | None:
    """The latest start whose risk day is before ``today`` (None: the time has no lower
    bound, or no start in the last 30 years is at risk). Binary search: the risk day
    never moves back when the start moves forward."""
    low, high = today - timedelta(days=366 * 30), today
    first = calendar.risk_date(low, spec)
    if first is None or first >= today:
        return None
    while high - low > timedelta(days=1):
        middle = low + (high - low) / 2
        risk = calendar.risk_date(middle, spec)
        if risk is not None and risk < today:
            low = middle
        else:
            high = middle
    risk = calendar.risk_date(high, spec)
    return high if risk is not None and risk < today else low


def holders_of(found: QuerySet[Case]) -> QuerySet[User]:
    """The people holding an active task of those cases, for the holder filter."""
    held = Task.objects.filter(case__in=found.order_by(), state__in=ACTIVE_TASK_STATES)
    ids = held.exclude(assignee=None).values("assignee_id")
    return User.objects.filter(pk__in=ids).order_by("first_name", "last_name", "username")


def procedures_of(found: QuerySet[Case]) -> QuerySet[Procedure]:
    """The procedures those cases run, for the procedure filter."""
    ids = found.order_by().values("procedure_id")
    return Procedure.objects.filter(pk__in=ids).order_by("code", "pk")
