"""The work open today for the dashboard, in one query: the active task of every open
case of the units, grouped by procedure version, activity and holder, counted in
process, at risk and overdue — judged as the case list judges them (``by_deadline``),
so that a number and the list it links to agree."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from django.db import connection
from django.utils import timezone

from web.cases.case_search import last_start_at_risk
from web.cases.deadlines import office_calendar
from web.cases.flow import procedure_model_by_key
from web.cases.models import Case, CaseState, Task, TaskState
from web.catalog.models import Procedure
from web.indicators.rollup.tables import MonthFigures

TASKS, CASES = Task._meta.db_table, Case._meta.db_table


@dataclass(frozen=True)
class Work:
    procedure_id: int
    step: str
    holder_id: int | None
    open: int
    at_risk: int
    overdue: int


def open_work(unit_ids: list[int] | None, today: date) -> list[Work]:
    """``unit_ids`` None: every unit. Plain SQL that reads two partial covering indexes,
    never the wide rows: the active tasks' (``task_active_work``) and, for each, its
    open case's (``case_open_work``). PostgreSQL merges them by case (index-only
    scans); SQLite keeps the order a ``CROSS JOIN`` gives, and is told the indexes
    (it would rather take the unique one on the case, which leaves the row to read)."""
    ops = connection.ops
    tasks, cases = f"{TASKS} t", f"{CASES} c"
    if connection.vendor == "sqlite":
        tasks, cases = f"{tasks} INDEXED BY task_active_work", f"{cases} INDEXED BY case_open_work"
    risky, params = _at_risk(unit_ids, today)
    day = ops.adapt_datefield_value(today)
    where = ""
    if unit_ids is not None:
        where = f" AND c.unit_id IN ({', '.join(['%s'] * len(unit_ids)) or 'NULL'})"
    sql = (
        "SELECT c.procedure_id, t.step_number, t.assignee_id, COUNT(*), "
        f"SUM(CASE WHEN {risky} THEN 1 ELSE 0 END), "
        "SUM(CASE WHEN c.due_date < %s THEN 1 ELSE 0 END) "
        f"FROM {tasks} CROSS JOIN {cases} "
        # The states are written out, as the indexes' conditions are: SQLite uses a
        # partial index only for a condition it can match, and a parameter never does.
        f"WHERE c.id = t.case_id AND t.state IN ('{TaskState.OPEN.value}', "
        f"'{TaskState.CLAIMED.value}') AND c.state = '{CaseState.OPEN.value}'"
        f"{where} GROUP BY c.procedure_id, t.step_number, t.assignee_id"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, day, *(unit_ids or [])])
        return [Work(p, s, h, int(n), int(r or 0), int(o or 0)) for p, s, h, n, r, o in cursor]


def _at_risk(unit_ids: list[int] | None, today: date) -> tuple[str, list[Any]]:
    """Due today or later and started on or before the procedure's last start at risk
    today (``web/cases/case_search.py``, with the same calendar), as SQL."""
    ops = connection.ops
    calendar = office_calendar()
    kept = MonthFigures.objects.all()
    if unit_ids is not None:
        kept = kept.filter(unit_id__in=unit_ids)
    procedures = Procedure.objects.filter(pk__in=kept.values("procedure_id")).values_list(
        "pk", "version_id", "version__sha256", "code"
    )
    clauses, params = [], []
    for pk, version, sha, code in procedures:
        spec = procedure_model_by_key(pk, (version, sha, code)).time
        last = last_start_at_risk(spec, today, calendar)
        if last is not None:
            cut = timezone.make_aware(datetime.combine(last + timedelta(days=1), time.min))
            clauses.append("WHEN %s THEN %s")
            params += [pk, ops.adapt_datetimefield_value(cut)]
    if not clauses:
        return "1 = 0", []
    # Each procedure's cut picked by a CASE (no match: NULL, never at risk), not one OR
    # per procedure tried on every row.
    cuts = f"CASE c.procedure_id {' '.join(clauses)} END"
    return f"c.due_date >= %s AND c.started_at < {cuts}", [
        ops.adapt_datefield_value(today),
        *params,
    ]
