"""The manual's own indicators of a procedure, computed from the period's measures
where they map onto one (``folio.indicators.map_indicator``), else *captura manual*."""

from __future__ import annotations

from dataclasses import dataclass

from folio.indicators import IndicatorMapping, indicator_value, map_indicator
from folio.manuals.model import Indicator
from folio.manuals.model import Procedure as CoreProcedure
from web.indicators.measures import CaseMeasures


@dataclass(frozen=True)
class IndicatorValue:
    indicator: Indicator
    mapping: IndicatorMapping
    #: None for *captura manual* or "sin dato".
    value: float | None


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
