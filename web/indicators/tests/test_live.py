"""measure_value: the procedure measures a planning indicator can read, on the March
2026 world of the conftest (figures computed by hand in test_measure_cases.py)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from folio.measures import Period
from web.accounts.models import Unit
from web.indicators.live import MEASURES, CodeScope, measure_choices, measure_value
from web.indicators.measures import measure_cases, measure_cases_from_cases
from web.indicators.tests.conftest import World

pytestmark = pytest.mark.django_db

MARCH = Period.of("month", date(2026, 3, 1))
APRIL_15 = date(2026, 4, 15)


@pytest.mark.parametrize(
    ("measure", "expected"),
    [
        ("received", 7.0),  # A B C D E F G
        ("completed", 4.0),  # A B C D
        ("cancelled", 1.0),  # E
        ("in_process", 3.0),  # H F G
        ("overdue", 2.0),  # H F
        ("response_capacity", 4 / 7 * 100),
        ("on_time_rate", 75.0),  # B a day late
        ("lead_time_median", 1.5),  # leads 0 1 2 6
        ("lead_time_p90", 6.0),
    ],
)
def test_each_measure_of_the_procedure(march: World, measure: str, expected: float) -> None:
    value = measure_value(measure, period=MARCH, procedure_code="P1", today=APRIL_15)
    assert value == pytest.approx(expected)


def test_a_unit_scope_gives_the_same_month(march: World, dge: Unit) -> None:
    assert measure_value("received", period=MARCH, unit=dge, today=APRIL_15) == 7.0


def test_another_procedure_code_has_no_cases(march: World) -> None:
    kw = {"period": MARCH, "procedure_code": "P2", "today": APRIL_15}
    assert measure_value("received", **kw) == 0.0  # type: ignore[arg-type]
    # a ratio over nothing is "sin dato", not zero
    assert measure_value("response_capacity", **kw) is None  # type: ignore[arg-type]
    assert measure_value("lead_time_median", **kw) is None  # type: ignore[arg-type]


def test_a_month_without_cases_is_sin_dato_for_ratios(march: World) -> None:
    may = Period.of("month", date(2026, 5, 1))
    assert measure_value("on_time_rate", period=may, procedure_code="P1") is None


def test_an_unknown_measure_is_refused_in_spanish() -> None:
    with pytest.raises(ValueError, match="Medida desconocida: 'satisfaccion'"):
        measure_value("satisfaccion", period=MARCH)


def test_every_measure_has_a_label_for_forms() -> None:
    keys = [key for key, _ in measure_choices()]
    assert keys == list(MEASURES)
    assert all(str(label) for _, label in measure_choices())


def test_a_procedure_code_reads_the_kept_figures_in_a_few_queries(
    march: World, dge: Unit, django_assert_max_num_queries: Any
) -> None:
    # given: the same scope measured from the cases, as the baseline
    scope = CodeScope(unit=dge, procedure_code="P1")
    from_cases = measure_cases_from_cases(scope, MARCH, APRIL_15)
    # when: the kept figures answer (a fixed number of queries, none over the cases)
    with django_assert_max_num_queries(8) as seen:
        kept = measure_cases(scope, MARCH, APRIL_15)
    # then
    assert kept == from_cases
    assert not any("cases_case" in q["sql"] for q in seen.captured_queries)
