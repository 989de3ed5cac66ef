"""Folio's own procedure measures as values for planning indicators and metas.

A MIR indicator variable or a PAT meta can take its value from the cases instead of
manual capture: ``measure_value("response_capacity", period=..., procedure_code="P1")``.
The names below are stable keys stored in the planning apps; ``MEASURES`` gives each
its Spanish label for forms. ``None`` is "sin dato" (nothing received, nothing
completed…), never zero.

``procedure_code`` names a procedure by its code in every manual that has it (and every
version of those manuals); ``unit`` keeps the cases of that unit and the units below it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.db.models import QuerySet
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from folio.measures import Period
from web.accounts.models import Unit
from web.cases.models import Case
from web.catalog.models import Procedure
from web.indicators.measures import CaseMeasures, measure_cases
from web.indicators.scope import Scope


@dataclass(frozen=True)
class Measure:
    key: str
    label: Promise
    unit_label: Promise
    read: Callable[[CaseMeasures], float | None]


def _count(field: str) -> Callable[[CaseMeasures], float | None]:
    return lambda m: float(getattr(m, field))


MEASURES: dict[str, Measure] = {
    m.key: m
    for m in (
        Measure(
            "response_capacity",
            _("Response capacity (completed ÷ received × 100)"),
            _("percent"),
            lambda m: m.response_capacity,
        ),
        Measure("received", _("Cases received in the period"), _("cases"), _count("received")),
        Measure("completed", _("Cases completed in the period"), _("cases"), _count("completed")),
        Measure("cancelled", _("Cases cancelled in the period"), _("cases"), _count("cancelled")),
        Measure(
            "in_process",
            _("Cases in process at the period's end"),
            _("cases"),
            _count("in_process"),
        ),
        Measure("overdue", _("Overdue cases at the period's end"), _("cases"), _count("overdue")),
        Measure(
            "on_time_rate",
            _("Cases ended on time (% of those with a due date)"),
            _("percent"),
            lambda m: m.on_time_rate,
        ),
        Measure(
            "lead_time_median",
            _("Median lead time of completed cases"),
            _("business days"),
            lambda m: m.lead_time.median,
        ),
        Measure(
            "lead_time_p90",
            _("90th percentile lead time of completed cases"),
            _("business days"),
            lambda m: m.lead_time.p90,
        ),
    )
}


def measure_choices() -> list[tuple[str, Promise]]:
    """(key, Spanish label) pairs for a form's select."""
    return [(m.key, m.label) for m in MEASURES.values()]


@dataclass(frozen=True)
class CodeScope(Scope):
    """A scope whose procedure is named by its code in any manual."""

    procedure_code: str = ""

    def cases(self) -> QuerySet[Case]:
        found = super().cases()
        if self.procedure_code:
            found = found.filter(procedure__code=self.procedure_code)
        return found

    def procedure_ids(self) -> set[int] | None:
        found = super().procedure_ids()
        if not self.procedure_code:
            return found
        named = set(Procedure.objects.filter(code=self.procedure_code).values_list("pk", flat=True))
        return named if found is None else found & named


def measure_value(
    measure: str,
    *,
    period: Period,
    procedure_code: str | None = None,
    unit: Unit | None = None,
    today: date | None = None,
) -> float | None:
    """The measure over the cases of the procedure and unit in the period; ``None``
    when it has no value (a ratio over nothing). An unknown measure is a ValueError."""
    try:
        chosen = MEASURES[measure]
    except KeyError:
        known = ", ".join(MEASURES)
        raise ValueError(f"Medida desconocida: {measure!r} (conocidas: {known}).") from None
    scope = CodeScope(unit=unit, procedure_code=(procedure_code or "").strip())
    return chosen.read(measure_cases(scope, period, today=today))
