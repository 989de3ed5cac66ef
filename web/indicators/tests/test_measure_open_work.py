"""measure_open_work on 31 March 2026 of the March world (see conftest): H, F and G
wait at the head's decision (3); F's is claimed by Carla."""

from __future__ import annotations

from datetime import date

import pytest

from web.accounts.models import Unit
from web.indicators.backlog import OpenWork, measure_open_work
from web.indicators.scope import Scope
from web.indicators.tests.conftest import World

pytestmark = pytest.mark.django_db


def test_it_counts_open_work_by_activity_and_holder(march: World, dge: Unit) -> None:
    by_activity, by_holder = measure_open_work(Scope(unit=dge), date(2026, 3, 31))
    # H due 2 March and F due 11 March overdue; G (due 2 April) past its 2 días hábiles
    assert by_activity == (OpenWork(("P1", "3"), 3, 1, 2),)
    assert by_holder == (
        OpenWork(("", ""), 2, 1, 1),
        OpenWork(("carla", "Carla Méndez"), 1, 0, 1),
    )


def test_it_judges_the_deadlines_on_the_day_given(march: World, dge: Unit) -> None:
    # the three tasks open now, judged on Fri 13 March: H (due 2 March) and F (due 11
    # March) overdue; G (at risk only after Mon 30 March) on time
    by_activity, _ = measure_open_work(Scope(unit=dge), date(2026, 3, 13))
    assert by_activity == (OpenWork(("P1", "3"), 3, 0, 2),)


def test_it_reads_a_fixed_number_of_queries(
    march: World, dge: Unit, django_assert_max_num_queries: object
) -> None:
    with django_assert_max_num_queries(5):  # type: ignore[operator]
        measure_open_work(Scope(unit=dge), date(2026, 3, 31))
