"""An indicator's value and semáforo in each period: its variables' values (captured, or
read live from the cases), the formula over them, the meta and the light."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from folio.measures import Period
from folio.planning.formulas import evaluate
from folio.planning.mir import PeriodSpec
from folio.planning.semaphore import DEFAULT_THRESHOLDS, Light, Thresholds, semaphore
from web.evaluation.models import Indicator, Source, Variable
from web.evaluation.periods import periods
from web.indicators.live import measure_value


@dataclass(frozen=True)
class PeriodResult:
    period: PeriodSpec
    #: Variable name → its value (None: not captured / sin dato).
    values: dict[str, float | None]
    value: float | None
    reason: str
    target: float | None
    light: Light


def thresholds_of(indicator: Indicator) -> Thresholds:
    if indicator.green is None or indicator.yellow is None:
        return DEFAULT_THRESHOLDS
    try:
        return Thresholds(green=indicator.green, yellow=indicator.yellow)
    except ValueError:
        return DEFAULT_THRESHOLDS


def live_value(variable: Variable, spec: PeriodSpec, today: date) -> float | None:
    """The measure over the cases of the program's dependencia (and the units below
    it) in the period, of one procedure when the variable names its code; None for a
    period that has not started."""
    if spec.start > today:
        return None
    return measure_value(
        variable.measure,
        period=Period(spec.start, spec.end),
        procedure_code=variable.procedure_code or None,
        unit=variable.indicator.row.program.unit,
        today=today,
    )


def indicator_results(indicator: Indicator, today: date | None = None) -> list[PeriodResult]:
    today = today or timezone.localdate()
    variables = list(indicator.variables.prefetch_related("values"))
    captured = {(v.pk, x.period): x.value for v in variables for x in v.values.all()}
    targets = {t.period: t.value for t in indicator.targets.all()}
    thresholds = thresholds_of(indicator)
    results = []
    for spec in periods(indicator):
        values = {
            v.name: live_value(v, spec, today)
            if v.source == Source.LIVE
            else captured.get((v.pk, spec.number))
            for v in variables
        }
        outcome = evaluate(indicator.formula, values)
        target = targets.get(spec.number)
        light = (
            semaphore(outcome.value, target, indicator.sentido, thresholds)  # type: ignore[arg-type]
            if indicator.sentido
            else Light("sin dato", reason="La ficha no tiene sentido.")
        )
        results.append(PeriodResult(spec, values, outcome.value, outcome.reason, target, light))
    return results
