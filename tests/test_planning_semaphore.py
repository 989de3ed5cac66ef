"""The semáforo at its thresholds for both sentidos, and its "sin dato" cases."""

from __future__ import annotations

import math

import pytest

from folio.planning.semaphore import Thresholds, semaphore


@pytest.mark.parametrize(
    ("value", "color"),
    [
        (90.0, "verde"),  # exactly at the green threshold
        (89.999, "amarillo"),
        (70.0, "amarillo"),  # exactly at the yellow threshold
        (69.999, "rojo"),
        (150.0, "verde"),  # over-achieving an ascending meta is still verde
        (0.0, "rojo"),
    ],
)
def test_ascending_at_the_thresholds(value: float, color: str) -> None:
    assert semaphore(value, 100.0, "ascendente").color == color


@pytest.mark.parametrize(
    ("value", "color"),
    [
        (110.0, "verde"),  # mirrored: 200 − 90
        (110.001, "amarillo"),
        (130.0, "amarillo"),  # 200 − 70
        (130.001, "rojo"),
        (50.0, "verde"),  # under a descending meta is good news
        (0.0, "verde"),
    ],
)
def test_descending_at_the_mirrored_thresholds(value: float, color: str) -> None:
    assert semaphore(value, 100.0, "descendente").color == color


def test_thresholds_hold_for_metas_that_are_not_round() -> None:
    # 11 of a meta of 10 is 110.00000000000001 % in floating point: still at the line
    assert semaphore(11.0, 10.0, "descendente").color == "verde"
    assert semaphore(2.7, 3.0, "ascendente").color == "verde"  # 90 % of 3
    assert semaphore(2.1, 3.0, "ascendente").color == "amarillo"  # 70 % of 3


def test_custom_thresholds() -> None:
    strict = Thresholds(green=95, yellow=80)
    assert semaphore(94.9, 100, "ascendente", strict).color == "amarillo"
    assert semaphore(95, 100, "ascendente", strict).color == "verde"
    assert semaphore(105, 100, "descendente", strict).color == "verde"
    assert semaphore(120, 100, "descendente", strict).color == "amarillo"
    assert semaphore(120.5, 100, "descendente", strict).color == "rojo"


def test_it_reports_the_achievement() -> None:
    light = semaphore(45, 60, "ascendente")
    assert light.achievement == pytest.approx(75.0)
    assert (light.color, light.reason) == ("amarillo", "")


@pytest.mark.parametrize("sentido", ["ascendente", "descendente"])
@pytest.mark.parametrize(
    ("value", "target"), [(None, 10.0), (5.0, None), (None, None), (math.nan, 1.0)]
)
def test_missing_value_or_target_is_sin_dato(
    sentido: str, value: float | None, target: float | None
) -> None:
    light = semaphore(value, target, sentido)  # type: ignore[arg-type]
    assert light.color == "sin dato"
    assert light.reason


def test_a_zero_target_is_judged_against_itself() -> None:
    assert semaphore(0, 0, "descendente").color == "verde"  # cero accidentes, met
    assert semaphore(1, 0, "descendente").color == "rojo"
    assert semaphore(3, 0, "ascendente").color == "verde"
    assert semaphore(-1, 0, "ascendente").color == "rojo"
    assert semaphore(0, 0, "ascendente").achievement is None


def test_a_negative_target_is_sin_dato() -> None:
    assert semaphore(5, -10, "ascendente").color == "sin dato"


@pytest.mark.parametrize(("green", "yellow"), [(70, 90), (90, 90), (120, 70), (90, 0)])
def test_bad_thresholds_are_refused_in_spanish(green: float, yellow: float) -> None:
    with pytest.raises(ValueError, match="umbral|Umbral"):
        Thresholds(green=green, yellow=yellow)


def test_an_unknown_sentido_is_refused() -> None:
    with pytest.raises(ValueError, match="Sentido desconocido"):
        semaphore(1, 1, "lateral")  # type: ignore[arg-type]
