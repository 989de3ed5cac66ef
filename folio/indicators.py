"""Which measure computed from the cases a manual's own indicator stands for.

A manual states its indicators in words ("capacidad de respuesta = solicitudes
realizadas ÷ solicitudes recibidas × 100"). Where the words name one of the measures
Folio computes from the cases, the indicator is computed; where they do not, it is
marked *captura manual* and someone enters each period's value.

- A ratio of output ("atendidas", "realizadas", "concluidas"…) to demand ("recibidas",
  "solicitadas"…) — or an indicator named *capacidad de respuesta* — is the response
  capacity: cases completed ÷ cases received × factor. A formula written upside down
  (demand over output, which the linter flags as FOL503) is computed the right way up,
  and the mapping says so.
- Words about meeting the term ("en tiempo", "a tiempo", "dentro del plazo",
  "oportunidad") name the on-time rate: cases ended by their due date ÷ cases ended
  with a due date × factor.
- "Tiempo promedio de atención / respuesta / resolución" names the lead time (median,
  in días hábiles).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from folio.manuals.cleaning import fold
from folio.manuals.lint.measures import is_inverted
from folio.manuals.model import Indicator

MeasureKey = Literal["response_capacity", "on_time_rate", "lead_time"]

_DEMAND = re.compile(r"\b(?:recibid|solicitad|ingresad|requerid|recibo)[oa]?s?\b")
_OUTPUT = re.compile(
    r"\b(?:realizad|atendid|resuelt|concluid|entregad|cumplid|ejecutad|tramitad"
    r"|emitid|cerrad|respondid|publicad)[oa]s?\b"
)
_CAPACITY_NAME = re.compile(r"capacidad de (?:respuesta|atencion)")
_ON_TIME = re.compile(
    r"\b(?:en tiempo|a tiempo|dentro del? (?:plazo|termino|tiempo)|oportunidad|oportun[oa]s?)\b"
)
_LEAD = re.compile(r"\btiempo (?:promedio )?de (?:atencion|respuesta|resolucion|gestion)\b")


@dataclass(frozen=True)
class IndicatorMapping:
    """``measure`` is None for an indicator kept by hand (*captura manual*)."""

    measure: MeasureKey | None
    factor: float
    #: The formula as computed, in Spanish.
    formula: str
    #: The manual's formula is upside down and is computed the right way up.
    corrected: bool = False
    note: str = ""

    @property
    def manual_entry(self) -> bool:
        return self.measure is None


def map_indicator(indicator: Indicator) -> IndicatorMapping:
    """The measure ``indicator`` names, or *captura manual* when none."""
    name = fold(indicator.name)
    top, bottom = fold(indicator.numerator), fold(indicator.denominator)
    factor = indicator.factor if indicator.factor is not None else 100.0
    if _ON_TIME.search(f"{name} {top}"):
        return IndicatorMapping(
            "on_time_rate",
            factor,
            f"casos concluidos en plazo ÷ casos concluidos con plazo × {factor:g}",
        )
    if _is_capacity(name, top, bottom):
        corrected = is_inverted(indicator)
        note = (
            f"La fórmula del manual divide «{indicator.numerator}» entre "
            f"«{indicator.denominator}» (invertida); se calcula al derecho: lo concluido "
            "entre lo recibido."
            if corrected
            else ""
        )
        formula = f"casos concluidos ÷ casos recibidos × {factor:g}"
        return IndicatorMapping("response_capacity", factor, formula, corrected, note)
    if _LEAD.search(f"{name} {fold(indicator.text)}"):
        return IndicatorMapping(
            "lead_time", 1.0, "mediana de días hábiles de la apertura a la conclusión"
        )
    return IndicatorMapping(
        None,
        factor,
        "captura manual",
        note="No corresponde a una medida de los casos: se captura cada periodo.",
    )


def _is_capacity(name: str, top: str, bottom: str) -> bool:
    if _CAPACITY_NAME.search(name):
        return True
    output_over_demand = bool(_OUTPUT.search(top) and _DEMAND.search(bottom))
    demand_over_output = bool(_DEMAND.search(top) and _OUTPUT.search(bottom))
    return output_over_demand or demand_over_output


def indicator_value(
    mapping: IndicatorMapping,
    *,
    completed: int,
    received: int,
    on_time_rate: float | None,
    lead_median: float | None,
) -> float | None:
    """The indicator's value from the period's measures (rates scaled by the manual's
    factor); None for *captura manual* and when there is no data (nothing received,
    nothing ended with a due date)."""
    if mapping.measure == "response_capacity":
        return None if received == 0 else completed / received * mapping.factor
    if mapping.measure == "on_time_rate":
        return None if on_time_rate is None else on_time_rate / 100 * mapping.factor
    if mapping.measure == "lead_time":
        return lead_median
    return None
