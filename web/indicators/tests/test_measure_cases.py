"""measure_cases on March 2026 (see conftest): every figure below is computed by hand.

Due dates (5 días hábiles after the opening day; Mon 16 March federal holiday, Fri 20
March office closed):
  H opened Mon 23 Feb → due Mon 2 Mar     open on 31 Mar
  A opened Mon  2 Mar → due Mon 9 Mar     ended Wed 4 Mar 12:00    lead 2 (3, 4)
  E opened Mon  2 Mar                     cancelled Fri 6 Mar
  F opened Wed  4 Mar → due Wed 11 Mar    open on 31 Mar
  C opened Fri  6 Mar → due Fri 13 Mar    ended Mon 9 Mar 09:00    lead 1 (9)
  D opened Tue 10 Mar → due Tue 17 Mar    ended Tue 10 Mar 15:00   lead 0
  B opened Thu 12 Mar → due Mon 23 Mar    ended Tue 24 Mar 10:00   lead 6, late
      (13, 17, 18, 19, 23, 24: the weekends, the 16th and the 20th do not count)
  G opened Thu 26 Mar → due Thu 2 Apr, at risk after Mon 30 Mar (2 días hábiles)
"""

from __future__ import annotations

from datetime import date, datetime

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test.utils import CaptureQueriesContext

from folio.measures import Period
from web.accounts.models import Unit
from web.cases.tests.conftest import SetClock
from web.catalog.models import Role
from web.conftest import COORDINADOR_MONITOREO, JEFE_INGENIERIA
from web.indicators.measures import measure_cases
from web.indicators.scope import Scope
from web.indicators.tests.conftest import People, World, opened, refused

pytestmark = pytest.mark.django_db

MARCH = Period.of("month", date(2026, 3, 9))
APRIL_15 = date(2026, 4, 15)


def test_it_counts_the_month_of_a_unit(march: World, dge: Unit) -> None:
    m = measure_cases(Scope(unit=dge), MARCH, today=APRIL_15)
    assert m.as_of == date(2026, 3, 31)
    # received A B C D E F G (H came in February); completed A B C D; cancelled E
    assert (m.received, m.completed, m.cancelled) == (7, 4, 1)
    # open on 31 March: H and F past due, G past its 2 días hábiles (Mon 30)
    assert (m.in_process, m.overdue, m.at_risk) == (3, 2, 1)


def test_it_computes_the_response_capacity_the_right_way_up(march: World, dge: Unit) -> None:
    m = measure_cases(Scope(unit=dge), MARCH, today=APRIL_15)
    assert m.response_capacity == pytest.approx(4 / 7 * 100)  # 57.14 %, not 175 %


def test_it_computes_the_on_time_rate(march: World, dge: Unit) -> None:
    m = measure_cases(Scope(unit=dge), MARCH, today=APRIL_15)
    assert m.on_time_rate == pytest.approx(75.0)  # A, C, D on time; B a day late


def test_it_measures_lead_times_in_business_days(march: World, dge: Unit) -> None:
    m = measure_cases(Scope(unit=dge), MARCH, today=APRIL_15)
    # leads sorted 0, 1, 2, 6: median (1 + 2) / 2; p90 the ⌈0.9 × 4⌉ = 4th value
    assert (m.lead_time.count, m.lead_time.median, m.lead_time.p90) == (4, 1.5, 6.0)
    (row,) = m.lead_by_procedure
    assert (row.code, row.target_text, row.target_days) == ("P1", "2 a 5 días hábiles.", 5.0)
    assert row.within_target is True


def test_it_ages_the_backlog_in_business_days(march: World, dge: Unit) -> None:
    m = measure_cases(Scope(unit=dge), MARCH, today=APRIL_15)
    # G: 27, 30, 31 → 3; F: 17 días hábiles after 4 March; H: 24 after 23 February
    assert m.backlog == {"0–5": 1, "6–10": 0, "11–20": 1, "> 20": 1}


def test_it_judges_open_cases_on_an_earlier_day_of_the_running_month(
    march: World, dge: Unit
) -> None:
    # on Fri 13 March: open H, F (overdue), B (opened Thu 12, on time); A, C, D ended,
    # E cancelled; G not yet opened
    m = measure_cases(Scope(unit=dge), MARCH, today=date(2026, 3, 13))
    assert (m.in_process, m.overdue, m.at_risk) == (3, 2, 0)


def test_it_keeps_a_person_to_the_cases_they_worked_on(march: World, carla: User) -> None:
    # Carla refused A, B, C, D and holds F's decision
    m = measure_cases(Scope(person=carla), MARCH, today=APRIL_15)
    assert (m.received, m.completed, m.cancelled, m.in_process) == (5, 4, 0, 1)


def test_it_says_sin_dato_when_nothing_was_received(march: World, ingenieria: Unit) -> None:
    m = measure_cases(Scope(unit=ingenieria), MARCH, today=APRIL_15)
    assert (m.received, m.response_capacity, m.on_time_rate, m.lead_time.median) == (
        0,
        None,
        None,
        None,
    )


def test_it_covers_every_version_of_a_procedure(march: World) -> None:
    m = measure_cases(Scope(procedure=march.procedure), MARCH, today=APRIL_15)
    assert (m.received, m.completed) == (7, 4)


def test_it_reads_a_fixed_number_of_queries(
    march: World, dge: Unit, django_assert_max_num_queries: object
) -> None:
    scope = Scope(unit=dge)
    with django_assert_max_num_queries(7):  # type: ignore[operator]
        measure_cases(scope, MARCH, today=APRIL_15)


def test_it_keeps_a_role_to_the_cases_it_had_a_task_in(
    march: World, dge_roles: dict[str, Role]
) -> None:
    # every March case reached the head's decision (3); no case reached activity 5
    head = measure_cases(Scope(role=dge_roles[JEFE_INGENIERIA]), MARCH, today=APRIL_15)
    coordinator = measure_cases(Scope(role=dge_roles[COORDINADOR_MONITOREO]), MARCH, APRIL_15)
    assert (head.received, head.in_process) == (7, 3)
    assert (coordinator.received, coordinator.in_process) == (0, 0)


def test_it_reads_as_many_queries_for_more_cases(
    march: World, dge: Unit, alicia: User, bruno: User, carla: User, clock: SetClock
) -> None:
    scope = Scope(unit=dge)
    with CaptureQueriesContext(connection) as before:
        measure_cases(scope, MARCH, today=APRIL_15)
    who = People(alicia, bruno, carla)
    for day in (17, 18, 19):
        refused(
            opened(march.procedure, who, clock, datetime(2026, 3, day, 9), f"X{day}"),
            who,
            clock,
            datetime(2026, 3, day, 12),
        )
    with CaptureQueriesContext(connection) as after:
        m = measure_cases(scope, MARCH, today=APRIL_15)
    assert (m.received, m.completed) == (10, 7)
    assert len(after.captured_queries) == len(before.captured_queries)
