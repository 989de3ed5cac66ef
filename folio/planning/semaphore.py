"""The semáforo of an indicator in a period: verde, amarillo, rojo or "sin dato".

The convention is the one the SHCP and CONAC guides describe for the *parámetros de
semaforización* of a ficha técnica: the value reached is compared with the meta as a
percentage of the meta achieved (``value ÷ target × 100``), and the thresholds are
stated in that percentage.

- **Ascendente** (more is better): verde at or above ``green`` (90 % by default),
  amarillo at or above ``yellow`` (70 %), rojo below.
- **Descendente** (less is better): the same bands mirrored around 100 %: verde at or
  below ``200 − green`` (110 %), amarillo at or below ``200 − yellow`` (130 %), rojo
  above. A value under the meta is good news for a descending indicator.

Edge cases, never a crash:
- value or meta missing → "sin dato" with the reason;
- meta of zero: no percentage exists, so the value is judged against the meta itself:
  ascending, any value ≥ 0 meets it (verde); descending, 0 is verde and anything
  above is rojo ("cero accidentes" missed is missed);
- negative meta → "sin dato" (a percentage of a negative meta means nothing).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

Color = Literal["verde", "amarillo", "rojo", "sin dato"]
Sentido = Literal["ascendente", "descendente"]

SENTIDOS: tuple[Sentido, ...] = ("ascendente", "descendente")
COLORS: tuple[Color, ...] = ("verde", "amarillo", "rojo", "sin dato")


@dataclass(frozen=True)
class Thresholds:
    """Percentages of the meta achieved: ``green`` and ``yellow`` lower bounds for an
    ascending indicator (mirrored around 100 for a descending one)."""

    green: float = 90.0
    yellow: float = 70.0

    def __post_init__(self) -> None:
        for name, value in (("verde", self.green), ("amarillo", self.yellow)):
            if not math.isfinite(value) or not 0 < value <= 100:
                raise ValueError(
                    f"Umbral de {name} fuera de rango: {value} (debe estar entre 0 y 100 %)."
                )
        if self.yellow >= self.green:
            raise ValueError(
                f"El umbral de amarillo ({self.yellow} %) debe ser menor que el de verde "
                f"({self.green} %)."
            )


DEFAULT_THRESHOLDS = Thresholds()


@dataclass(frozen=True)
class Light:
    color: Color
    #: Value ÷ meta × 100, when it can be computed.
    achievement: float | None = None
    #: Why there is no light ("sin dato"), or how a zero meta was judged.
    reason: str = ""


def semaphore(
    value: float | None,
    target: float | None,
    sentido: Sentido,
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
) -> Light:
    """The light of ``value`` against ``target`` (see the module's convention)."""
    if sentido not in SENTIDOS:
        raise ValueError(f"Sentido desconocido: {sentido!r} (ascendente o descendente).")
    if value is None or not math.isfinite(value):
        return Light("sin dato", reason="No hay valor del periodo.")
    if target is None or not math.isfinite(target):
        return Light("sin dato", reason="No hay meta para el periodo.")
    if target < 0:
        return Light("sin dato", reason=f"La meta es negativa ({target:g}).")
    if target == 0:
        return _against_zero(value, sentido)
    achievement = value / target * 100
    # Rounded so a value exactly at a threshold is judged at it (110 ÷ 100 × 100 is
    # 110.00000000000001 in binary floating point).
    return Light(_color(round(achievement, 6), sentido, thresholds), achievement)


def _color(achievement: float, sentido: Sentido, t: Thresholds) -> Color:
    if sentido == "ascendente":
        if achievement >= t.green:
            return "verde"
        return "amarillo" if achievement >= t.yellow else "rojo"
    if achievement <= 200 - t.green:
        return "verde"
    return "amarillo" if achievement <= 200 - t.yellow else "rojo"


def _against_zero(value: float, sentido: Sentido) -> Light:
    met = value >= 0 if sentido == "ascendente" else value <= 0
    reason = "Meta de cero: se compara el valor con la meta, sin porcentaje."
    return Light("verde" if met else "rojo", None, reason)
