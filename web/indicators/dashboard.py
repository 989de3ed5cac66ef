"""The supervisor dashboard's figures: the month's measures (from the kept figures),
the work open today by person and by activity — in process, at risk, overdue, judged as
the case list judges them, so every number links to the list showing those cases — and
the last twelve months' trend.

A head sees their unit and the units below it; the auditor every unit (read-only)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TypeVar
from urllib.parse import urlencode

from django.contrib.auth.models import User
from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _

from folio.calendar import add_months
from folio.measures import Period
from web.accounts.models import Unit
from web.catalog.models import Procedure
from web.indicators.dashboard_work import Work, open_work
from web.indicators.kept import kept_filter
from web.indicators.measures import CaseMeasures, measure_cases
from web.indicators.rollup.read import month_series
from web.indicators.scope import Scope

STATES = ("open", "at_risk", "overdue")
#: Rows of people and of activities shown; the rest are summed in one row.
TOP = 20
K = TypeVar("K")


@dataclass
class WorkRow:
    """Open cases of one holder or one activity, in each state, with the case list's
    query for them (``links`` by state)."""

    label: str
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(STATES, 0))
    links: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class TrendMonth:
    month: date
    received: int
    completed: int
    #: Overdue cases on the month's last day (today for the running month).
    overdue: int


@dataclass(frozen=True)
class Dashboard:
    scope_unit: Unit | None
    period: Period
    measures: CaseMeasures
    by_person: list[WorkRow]
    by_activity: list[WorkRow]
    #: Open cases today in each of ``STATES``, as the case list counts them.
    now: dict[str, int]
    trend: list[TrendMonth]
    links: dict[str, str]


def dashboard_scope(units: QuerySet[Unit]) -> Unit | None:
    """The one unit at the top of ``units`` (a head's), or None for all of them."""
    rows = list(units.values_list("pk", "parent_id"))
    ids = {pk for pk, _parent in rows}
    tops = [pk for pk, parent in rows if parent not in ids]
    everything = len(ids) == Unit.objects.count()
    return None if everything or len(tops) != 1 else Unit.objects.get(pk=tops[0])


def build_dashboard(unit: Unit | None, month: date, today: date) -> Dashboard:
    period = Period.of("month", month)
    scope = Scope(unit=unit)
    measures = measure_cases(scope, period, today)
    work = open_work(sorted(unit.subtree_ids()) if unit is not None else None, today)
    links = {state: case_list_link({"state": "open", **_deadline(state)}) for state in STATES}
    now = {
        "open": sum(w.open for w in work),
        "at_risk": sum(w.at_risk for w in work),
        "overdue": sum(w.overdue for w in work),
    }
    links["received"] = case_list_link(
        {"started_from": period.start.isoformat(), "started_to": period.end.isoformat()}
    )
    return Dashboard(
        unit,
        period,
        measures,
        by_person(work),
        by_activity(work),
        now,
        trend(scope, month, today, measures),
        links,
    )


def case_list_link(query: dict[str, str]) -> str:
    return f"{reverse('cases:case-list')}?{urlencode(query)}"


def _links(query: dict[str, str]) -> dict[str, str]:
    """The case list's link for each state, for the rows of one holder or activity."""
    base = reverse("cases:case-list")
    return {
        state: f"{base}?{urlencode({**query, 'state': 'open', **_deadline(state)})}"
        for state in STATES
    }


def _deadline(state: str) -> dict[str, str]:
    return {} if state == "open" else {"deadline": state}


def _add(rows: dict[K, WorkRow], key: K, work: Work) -> None:
    counts = rows.setdefault(key, WorkRow("")).counts
    counts["open"] += work.open
    counts["at_risk"] += work.at_risk
    counts["overdue"] += work.overdue


def by_person(work: list[Work]) -> list[WorkRow]:
    """Who holds the waiting activity (claimed or handed to them), most overdue first;
    the activities still in a role's queue are one row without a link (the list
    filters by a person)."""
    rows: dict[int | None, WorkRow] = {}
    for found in work:
        _add(rows, found.holder_id, found)
    waiting = rows.pop(None, None)
    top, rest = _top(rows)
    people = User.objects.only("username", "first_name", "last_name").in_bulk(top)
    for pk, row in top.items():
        assert pk is not None  # popped above
        row.label = people[pk].get_full_name() or people[pk].username
        row.links = _links({"holder": str(pk)})
    ordered = [*top.values(), *_others(rest, _("Other people (%(count)s)"))]
    if waiting is not None:
        waiting.label = _("Waiting in a role's queue (nobody has taken it)")
        ordered.append(waiting)
    return ordered


def by_activity(work: list[Work]) -> list[WorkRow]:
    """The activities cases wait at, per procedure version, most overdue first."""
    rows: dict[tuple[int, str], WorkRow] = {}
    for found in work:
        _add(rows, (found.procedure_id, found.step), found)
    top, rest = _top(rows)
    procedures = Procedure.objects.only("code", "name").in_bulk({pk for pk, _step in top})
    for (pk, step), row in top.items():
        row.label = f"{procedures[pk].code} · {step} {procedures[pk].name}"
        row.links = _links({"procedure": str(pk), "step": step})
    return [*top.values(), *_others(rest, _("Other activities (%(count)s)"))]


def _top(rows: dict[K, WorkRow]) -> tuple[dict[K, WorkRow], list[WorkRow]]:
    """The ``TOP`` rows with most overdue (then most open) cases, and the others."""
    ordered = sorted(rows.items(), key=lambda kv: (-kv[1].counts["overdue"], -kv[1].counts["open"]))
    return dict(ordered[:TOP]), [row for _key, row in ordered[TOP:]]


def _others(rest: list[WorkRow], label: str) -> list[WorkRow]:
    """The rows past the top ones summed in one, without links."""
    if not rest:
        return []
    total = WorkRow(label % {"count": len(rest)})
    for row in rest:
        for state in STATES:
            total.counts[state] += row.counts[state]
    return [total]


def trend(scope: Scope, month: date, today: date, now: CaseMeasures) -> list[TrendMonth]:
    """The twelve months up to ``month``: received, completed, and overdue on each
    month's last day (every month's deltas summed up to it)."""
    first = add_months(month.replace(day=1), -11)
    rows = month_series(kept_filter(scope), month)
    running, sums = 0, {}
    for day, received, completed, overdue in rows:
        running += overdue
        sums[day] = (received, completed, running)
    late = max(((m, v[2]) for m, v in sums.items() if m < first), default=(first, 0))[1]
    months, day = [], first
    while day <= month:
        received, completed, late = sums.get(day, (0, 0, late))
        months.append(TrendMonth(day, received, completed, late))
        day = add_months(day, 1)
    if month.replace(day=1) == today.replace(day=1) and months:
        last = months[-1]
        months[-1] = TrendMonth(last.month, last.received, last.completed, now.overdue)
    return months
