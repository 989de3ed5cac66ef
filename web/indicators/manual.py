"""The manuals' own indicators, computed from the period's measures where they map onto
one (``folio.indicators.map_indicator``), else *captura manual*."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from django.db.models import OuterRef, Subquery

from folio.indicators import IndicatorMapping, indicator_value, map_indicator
from folio.manuals.model import Indicator
from folio.manuals.model import Procedure as CoreProcedure
from folio.measures import Period
from web.accounts.models import Unit
from web.cases.flow import procedure_model
from web.catalog.models import ManualVersion, Procedure
from web.indicators.capture import current_captures
from web.indicators.capture_models import IndicatorCapture
from web.indicators.measures import CaseMeasures, measure_cases
from web.indicators.scope import Scope


@dataclass(frozen=True)
class IndicatorValue:
    indicator: Indicator
    mapping: IndicatorMapping
    #: None for *captura manual* or "sin dato".
    value: float | None
    #: The month's latest value captured by hand (``web/indicators/capture.py``).
    capture: IndicatorCapture | None = None


def procedure_indicators(
    procedure: CoreProcedure, measures: CaseMeasures
) -> tuple[IndicatorValue, ...]:
    """Each indicator ``procedure`` states, valued from ``measures`` (which should cover
    that procedure: ``Scope(procedure=...)``)."""
    found = []
    for indicator in procedure.indicators:
        mapping = map_indicator(indicator)
        value = indicator_value(
            mapping,
            completed=measures.completed,
            received=measures.received,
            on_time_rate=measures.on_time_rate,
            lead_median=measures.lead_time.median,
        )
        found.append(IndicatorValue(indicator, mapping, value))
    return tuple(found)


@dataclass(frozen=True)
class ProcedureIndicators:
    procedure: Procedure
    name: str
    values: tuple[IndicatorValue, ...]


def unit_indicators(
    unit: Unit, period: Period, today: date | None = None
) -> tuple[ProcedureIndicators, ...]:
    """The indicators of the procedures in force of the manuals of ``unit`` and the
    units below it, each valued from that procedure's cases of the unit's subtree.
    One query for the procedures, then the measures of each procedure that states an
    indicator (few do)."""
    latest = ManualVersion.objects.filter(manual=OuterRef("version__manual")).order_by("-number")
    rows = (
        Procedure.objects.filter(
            version__manual__unit_id__in=unit.subtree_ids(),
            version__manual__retired_at__isnull=True,
            retired_at__isnull=True,
            version_id=Subquery(latest.values("pk")[:1]),
        )
        .select_related("version")
        .defer("version__data")
        .order_by("version__manual__title", "position")
    )
    found = []
    captured = current_captures(unit.subtree_ids(), period.start)
    for row in rows:
        model = procedure_model(row)
        if model.indicators:
            measures = measure_cases(Scope(procedure=row, unit=unit), period, today)
            values = tuple(
                replace(
                    v, capture=captured.get((row.version.manual_id, row.code, v.indicator.name))
                )
                if v.mapping.manual_entry
                else v
                for v in procedure_indicators(model, measures)
            )
            found.append(ProcedureIndicators(row, model.name, values))
    return tuple(found)
