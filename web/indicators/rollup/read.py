"""Reading the kept figures for a scope (units and procedure versions) and a period:
two sums over the figures (the months before and the days of the month of the day
judged), one over the lead times. Whole months read the month rows."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.db import connection

from folio.measures import Period, Summary
from web.indicators.rollup.tables import (
    COUNTS,
    DELTAS,
    DayFigures,
    DayLeads,
    MonthFigures,
    MonthLeads,
)

DAYS, MONTHS = DayFigures._meta.db_table, MonthFigures._meta.db_table
DAY_LEADS, MONTH_LEADS = DayLeads._meta.db_table, MonthLeads._meta.db_table


@dataclass(frozen=True)
class KeptFigures:
    #: Sums over the period of ``tables.COUNTS``.
    counts: dict[str, int]
    #: The interval figures on the day judged, by delta column.
    standing: dict[str, int]
    #: Lead times of the cases completed in the period: procedure id → lead → cases.
    leads: dict[int, Counter[int]]


def whole_months(period: Period) -> bool:
    after = period.end + timedelta(days=1)
    return period.start.day == 1 and after.day == 1


@dataclass(frozen=True)
class Where:
    """The scope as SQL: units (a unit's subtree) and procedure versions; None for all."""

    units: Collection[int] | None = None
    procedures: Collection[int] | None = None

    def sql(self) -> tuple[str, list[Any]]:
        parts, params = ["1 = 1"], []
        for column, ids in (("unit_id", self.units), ("procedure_id", self.procedures)):
            if ids is not None:
                marks = ", ".join(["%s"] * len(ids)) or "NULL"
                parts.append(f"{column} IN ({marks})")
                params += sorted(ids)
        return " AND ".join(parts), params


def read_kept(period: Period, as_of: date, where: Where) -> KeptFigures:
    """Plain SQL, one statement per table: the ORM takes longer to put these sums
    together than the database takes to answer them."""
    first = as_of.replace(day=1)
    months = whole_months(period)
    scope, scope_params = where.sql()
    before = ", ".join(f"SUM(CASE WHEN month < %s THEN {n} ELSE 0 END)" for n in DELTAS)
    days = ", ".join(f"SUM(CASE WHEN day >= %s AND day <= %s THEN {n} ELSE 0 END)" for n in DELTAS)
    month_params: list[Any] = [first] * len(DELTAS)
    day_params: list[Any] = [first, as_of] * len(DELTAS)
    span = "month >= %s AND month <= %s" if months else "day >= %s AND day <= %s"
    counts = ", ".join(f"SUM(CASE WHEN {span} THEN {n} ELSE 0 END)" for n in COUNTS)
    spans = [period.start, period.end] * len(COUNTS)
    if months:
        before, month_params = f"{before}, {counts}", month_params + spans
    else:
        days, day_params = f"{days}, {counts}", day_params + spans
    month_row = _one(f"SELECT {before} FROM {MONTHS} WHERE {scope}", month_params + scope_params)
    lo, hi = (first, as_of) if months else (min(first, period.start), max(as_of, period.end))
    day_sql = f"SELECT {days} FROM {DAYS} WHERE day >= %s AND day <= %s AND {scope}"
    day_row = _one(day_sql, [*day_params, lo, hi, *scope_params])
    standing = {n: month_row[k] + day_row[k] for k, n in enumerate(DELTAS)}
    counted = (month_row if months else day_row)[len(DELTAS) :]
    return KeptFigures(
        dict(zip(COUNTS, counted, strict=True)), standing, _leads(period, where, months)
    )


def _one(sql: str, params: list[Any]) -> list[int]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    return [int(value or 0) for value in row]


def _leads(period: Period, where: Where, months: bool) -> dict[int, Counter[int]]:
    scope, params = where.sql()
    table, grain = (MONTH_LEADS, "month") if months else (DAY_LEADS, "day")
    sql = (
        f"SELECT procedure_id, lead, SUM(count) FROM {table} "
        f"WHERE {grain} >= %s AND {grain} <= %s AND {scope} GROUP BY procedure_id, lead"
    )
    found: dict[int, Counter[int]] = {}
    with connection.cursor() as cursor:
        cursor.execute(sql, [period.start, period.end, *params])
        for procedure, lead, n in cursor.fetchall():
            if n:
                found.setdefault(procedure, Counter())[lead] += int(n)
    return found


def summary_of(histogram: Counter[int]) -> Summary:
    """``folio.measures.summarize`` of the values a histogram stands for, exactly."""
    n = sum(histogram.values())
    if n == 0:
        return Summary(0, None, None, 0.0)
    ordered = sorted(histogram.items())

    def nth(rank: int) -> float:  # 1-based
        seen = 0
        for value, count in ordered:
            seen += count
            if seen >= rank:
                return float(value)
        raise AssertionError("rank past the histogram")

    middle = nth(n // 2 + 1) if n % 2 else (nth(n // 2) + nth(n // 2 + 1)) / 2
    p90 = nth(max(math.ceil(90 / 100 * n), 1))  # as folio.measures.percentile
    total = float(sum(value * count for value, count in ordered))
    return Summary(n, middle, p90, total)


def month_series(where: Where, last: date) -> list[tuple[date, int, int, int]]:
    """Every month up to ``last`` (its first day) with figures: received, completed and
    the overdue deltas of the month, in order."""
    scope, params = where.sql()
    sql = (
        "SELECT month, SUM(received), SUM(completed), SUM(overdue_delta) "
        f"FROM {MONTHS} WHERE month <= %s AND {scope} GROUP BY month ORDER BY month"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [last, *params])
        rows = cursor.fetchall()
    return [(_date(m), int(r or 0), int(c or 0), int(o or 0)) for m, r, c, o in rows]


def _date(value: Any) -> date:
    """SQLite hands dates back as text in a plain cursor."""
    return value if isinstance(value, date) else date.fromisoformat(str(value))
