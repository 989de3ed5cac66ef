"""The measurement periods of an indicator in its program's fiscal year."""

from __future__ import annotations

from folio.planning.mir import PeriodSpec, periods_of
from web.evaluation.models import Indicator


def periods(indicator: Indicator) -> list[PeriodSpec]:
    """None when the ficha has no frequency yet."""
    if not indicator.frequency:
        return []
    return periods_of(indicator.frequency, indicator.row.program.year)


def period_numbers(indicator: Indicator) -> set[int]:
    return {p.number for p in periods(indicator)}
