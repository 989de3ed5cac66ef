"""Writing the kept figures: deltas summed into the day and month rows by upserts
(``INSERT … ON CONFLICT … DO UPDATE``, the same SQL on SQLite and PostgreSQL), and a
whole rebuild from a list of case facts."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

from django.db import connection, transaction
from django.db.models import Model

from web.indicators.rollup.facts import (
    CaseFacts,
    FigureKey,
    LeadKey,
    Reckoner,
    by_month,
    contribute,
    leads_by_month,
)
from web.indicators.rollup.tables import (
    FIGURES,
    DayFigures,
    DayLeads,
    MonthFigures,
    MonthLeads,
)

#: Rows per INSERT statement (SQLite allows 32766 parameters; a figures row takes 15).
BATCH = 500


def apply(figures: Counter[FigureKey], leads: Counter[LeadKey]) -> None:
    """Add these deltas to the kept rows, per day and per month."""
    _upsert_figures(DayFigures, "day", figures)
    _upsert_figures(MonthFigures, "month", by_month(figures))
    _upsert_leads(DayLeads, "day", leads)
    _upsert_leads(MonthLeads, "month", leads_by_month(leads))


def _rows(figures: Counter[FigureKey]) -> list[list[Any]]:
    grouped: dict[tuple[object, int, int], dict[str, int]] = defaultdict(dict)
    for (day, unit, procedure, column), amount in figures.items():
        if amount:
            grouped[(day, unit, procedure)][column] = amount
    return [
        [unit, procedure, day, *(columns.get(name, 0) for name in FIGURES)]
        for (day, unit, procedure), columns in grouped.items()
    ]


def _upsert_figures(model: type[Model], grain: str, figures: Counter[FigureKey]) -> None:
    table = model._meta.db_table
    sums = ", ".join(f"{name} = {table}.{name} + excluded.{name}" for name in FIGURES)
    columns = ", ".join(("unit_id", "procedure_id", grain, *FIGURES))
    sql = (
        f"INSERT INTO {table} ({columns}) VALUES {{marks}} "
        f"ON CONFLICT ({grain}, unit_id, procedure_id) DO UPDATE SET {sums}"
    )
    _run(sql, _rows(figures), 3 + len(FIGURES))


def _upsert_leads(model: type[Model], grain: str, leads: Counter[LeadKey]) -> None:
    table = model._meta.db_table
    sql = (
        f"INSERT INTO {table} (unit_id, procedure_id, {grain}, lead, count) VALUES {{marks}} "
        f"ON CONFLICT ({grain}, unit_id, procedure_id, lead) "
        f"DO UPDATE SET count = {table}.count + excluded.count"
    )
    rows = [[u, p, day, lead, n] for (day, u, p, lead), n in leads.items() if n]
    _run(sql, rows, 5)


def _run(sql: str, rows: list[list[Any]], width: int) -> None:
    mark = "(" + ", ".join(["%s"] * width) + ")"
    with connection.cursor() as cursor:
        for at in range(0, len(rows), BATCH):
            chunk = rows[at : at + BATCH]
            params = [value for row in chunk for value in row]
            cursor.execute(sql.format(marks=", ".join([mark] * len(chunk))), params)


def contributions(
    facts: Iterable[CaseFacts], reckoner: Reckoner
) -> tuple[Counter[FigureKey], Counter[LeadKey]]:
    figures: Counter[FigureKey] = Counter()
    leads: Counter[LeadKey] = Counter()
    for one in facts:
        contribute(one, reckoner, figures, leads)
    return figures, leads


@transaction.atomic
def replace_all(figures: Counter[FigureKey], leads: Counter[LeadKey]) -> None:
    """Throw the kept rows away and write these instead."""
    for model in (DayFigures, MonthFigures, DayLeads, MonthLeads):
        model.objects.all().delete()
    apply(figures, leads)


def rebuild() -> int:
    """Build every kept row again from the case rows (for data that was there before
    the figures were kept, or loaded in bulk); the number of cases read."""
    from web.indicators.rollup.sources import facts_of_cases, reckoner

    counted = 0

    def counting() -> Iterable[CaseFacts]:
        nonlocal counted
        for facts in facts_of_cases():
            counted += 1
            yield facts

    replace_all(*contributions(counting(), reckoner()))
    return counted
