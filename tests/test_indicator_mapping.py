"""folio.indicators.map_indicator: a manual's indicator onto the measures computed from
cases, or *captura manual*; invented indicators and the seeds' own."""

from __future__ import annotations

import pytest

from folio.indicators import indicator_value, map_indicator
from folio.manuals.load import load_manual
from folio.manuals.model import Indicator

from .conftest import SEED_003, SEED_004, needs_shared


@pytest.mark.parametrize(
    ("indicator", "measure", "corrected"),
    [
        (
            Indicator(
                "Capacidad de respuesta", "", "Solicitudes atendidas", "Solicitudes recibidas", 100
            ),
            "response_capacity",
            False,
        ),
        (
            Indicator(
                "Eficiencia",
                "",
                "Número de trámites recibidos",
                "Número de trámites concluidos",
                100,
            ),
            "response_capacity",
            True,
        ),
        (Indicator("Capacidad de atención", "Capacidad de atención."), "response_capacity", False),
        (
            Indicator(
                "Atención oportuna", "", "Solicitudes atendidas en tiempo", "Solicitudes atendidas"
            ),
            "on_time_rate",
            False,
        ),
        (
            Indicator(
                "Cumplimiento", "", "Trámites resueltos dentro del plazo", "Trámites resueltos"
            ),
            "on_time_rate",
            False,
        ),
        (
            Indicator("Tiempo promedio de atención", "Tiempo promedio de atención de reportes."),
            "lead_time",
            False,
        ),
        (
            Indicator(
                "Satisfacción ciudadana", "", "Encuestas favorables", "Encuestas aplicadas", 100
            ),
            None,
            False,
        ),
        (
            Indicator("Duración estimada del proyecto:", "Duración estimada del proyecto:"),
            None,
            False,
        ),
    ],
)
def test_it_maps_an_indicator(indicator: Indicator, measure: str | None, corrected: bool) -> None:
    mapping = map_indicator(indicator)
    assert (mapping.measure, mapping.corrected, mapping.manual_entry) == (
        measure,
        corrected,
        measure is None,
    )


def test_it_says_captura_manual_for_what_it_cannot_compute() -> None:
    mapping = map_indicator(Indicator("Satisfacción", "", "Encuestas favorables", "Encuestas"))
    assert mapping.formula == "captura manual"
    assert "se captura cada periodo" in mapping.note


def test_it_keeps_the_manuals_factor() -> None:
    indicator = Indicator("Capacidad de respuesta", "", "atendidas", "recibidas", 1000)
    assert map_indicator(indicator).factor == 1000
    assert map_indicator(Indicator("Capacidad de respuesta", "")).factor == 100


@needs_shared
def test_it_computes_seed_003s_capacidad_de_respuesta_the_right_way_up() -> None:
    (indicator,) = [i for p in load_manual(SEED_003).procedures for i in p.indicators]
    mapping = map_indicator(indicator)
    assert (mapping.measure, mapping.corrected) == ("response_capacity", True)
    assert mapping.formula == "casos concluidos ÷ casos recibidos × 100"
    assert "invertida" in mapping.note


@needs_shared
def test_it_leaves_seed_004s_project_duration_to_manual_entry() -> None:
    found = [map_indicator(i) for p in load_manual(SEED_004).procedures for i in p.indicators]
    assert [m.measure for m in found] == [None]


def test_it_values_a_mapping_from_the_measures() -> None:
    capacity = map_indicator(
        Indicator("Capacidad de respuesta", "", "atendidas", "recibidas", 1000)
    )
    on_time = map_indicator(Indicator("Atención a tiempo", ""))
    kept = map_indicator(Indicator("Satisfacción", ""))
    figures = {"completed": 4, "received": 7, "on_time_rate": 75.0, "lead_median": 1.5}
    assert indicator_value(capacity, **figures) == pytest.approx(4000 / 7)  # type: ignore[arg-type]
    assert indicator_value(on_time, **figures) == 75.0  # type: ignore[arg-type]
    assert indicator_value(kept, **figures) is None  # type: ignore[arg-type]
    nothing = {"completed": 0, "received": 0, "on_time_rate": None, "lead_median": None}
    assert indicator_value(capacity, **nothing) is None  # type: ignore[arg-type]
    assert indicator_value(on_time, **nothing) is None  # type: ignore[arg-type]
