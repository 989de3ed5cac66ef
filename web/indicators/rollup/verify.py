"""``folio report verify``: every kept row recomputed from the log alone and compared
with the row kept; a difference names the table, day, unit, procedure and figure."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Model

from web.indicators.rollup.facts import FigureKey, LeadKey, by_month, leads_by_month
from web.indicators.rollup.sources import facts_of_log, reckoner
from web.indicators.rollup.tables import FIGURES, DayFigures, DayLeads, MonthFigures, MonthLeads
from web.indicators.rollup.write import contributions


@dataclass(frozen=True)
class Difference:
    table: str
    day: date
    unit_id: int
    procedure_id: int
    figure: str
    kept: int
    recomputed: int

    def __str__(self) -> str:
        return (
            f"{self.table} {self.day:%Y-%m-%d} unidad {self.unit_id} procedimiento "
            f"{self.procedure_id} {self.figure}: guardado {self.kept}, "
            f"recalculado {self.recomputed}"
        )


def differences() -> list[Difference]:
    """What the kept rows say that the log does not; empty when they agree."""
    figures, leads = contributions(facts_of_log(), reckoner())
    found = _compare("día", figures, _kept_figures(DayFigures, "day"))
    found += _compare("mes", by_month(figures), _kept_figures(MonthFigures, "month"))
    found += _compare("días de gestión/día", leads, _kept_leads(DayLeads, "day"))
    found += _compare(
        "días de gestión/mes", leads_by_month(leads), _kept_leads(MonthLeads, "month")
    )
    return found


def _kept_figures(model: type[Model], grain: str) -> Counter[FigureKey]:
    kept: Counter[FigureKey] = Counter()
    rows: Iterable[Any] = model._default_manager.values_list(
        grain, "unit_id", "procedure_id", *FIGURES
    )
    for day, unit, procedure, *values in rows:
        for name, value in zip(FIGURES, values, strict=True):
            if value:
                kept[(day, unit, procedure, name)] = value
    return kept


def _kept_leads(model: type[Model], grain: str) -> Counter[LeadKey]:
    rows: Iterable[Any] = model._default_manager.values_list(
        grain, "unit_id", "procedure_id", "lead", "count"
    )
    return Counter({(day, u, p, lead): n for day, u, p, lead, n in rows if n})


def _compare(table: str, recomputed: Counter[Any], kept: Counter[Any]) -> list[Difference]:
    found = []
    for key in sorted(set(recomputed) | set(kept), key=str):
        if recomputed[key] != kept[key]:
            day, unit, procedure, figure = key
            found.append(
                Difference(table, day, unit, procedure, str(figure), kept[key], recomputed[key])
            )
    return found
