"""procedure_indicators: the manual's own indicators valued from the March world
(7 received, 4 completed, 3 of 4 on time, median lead 1.5 días hábiles)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from folio.manuals.load import load_manual
from folio.manuals.model import Indicator
from folio.measures import Period
from tests.conftest import SEED_003, needs_shared
from web.cases.flow import procedure_model
from web.indicators.manual import procedure_indicators
from web.indicators.measures import measure_cases
from web.indicators.scope import Scope
from web.indicators.tests.conftest import World

pytestmark = pytest.mark.django_db

MARCH = Period.of("month", date(2026, 3, 1))


def test_it_values_the_indicators_it_can_compute(march: World) -> None:
    measures = measure_cases(Scope(procedure=march.procedure), MARCH, date(2026, 4, 15))
    stated = (
        Indicator(
            "Capacidad de respuesta", "", "Solicitudes atendidas", "Solicitudes recibidas", 100
        ),
        Indicator("Atención en tiempo", "", "Atendidas a tiempo", "Atendidas", 100),
        Indicator("Tiempo promedio de atención", "Tiempo promedio de atención."),
        Indicator("Satisfacción", "", "Encuestas favorables", "Encuestas aplicadas", 100),
    )
    model = replace(procedure_model(march.procedure), indicators=stated)
    values = [(v.mapping.measure, v.value) for v in procedure_indicators(model, measures)]
    assert values == [
        ("response_capacity", pytest.approx(400 / 7)),
        ("on_time_rate", 75.0),
        ("lead_time", 1.5),
        (None, None),  # captura manual
    ]


@needs_shared
def test_it_computes_seed_003s_capacidad_de_respuesta_the_right_way_up(march: World) -> None:
    # seed 003 writes "solicitudes recibidas ÷ solicitudes realizadas × 100", which
    # would give 7 / 4 × 100 = 175 % for this month; Folio computes 4 / 7 × 100
    (seeded,) = [i for p in load_manual(SEED_003).procedures for i in p.indicators]
    measures = measure_cases(Scope(procedure=march.procedure), MARCH, date(2026, 4, 15))
    model = replace(procedure_model(march.procedure), indicators=(seeded,))
    (value,) = procedure_indicators(model, measures)
    assert value.mapping.corrected
    assert value.value == pytest.approx(57.142857)
