"""measure_waits, measure_loop_backs and measure_workload, figures computed by hand on
the March world of conftest (activities 1 and 2 are done the moment each case opens;
activity 3, the head's decision, waits until the case is refused)."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from django.contrib.auth.models import User

from folio.measures import Period
from web.accounts.models import Unit
from web.cases.actions import open_case
from web.cases.tests.conftest import SetClock, step
from web.catalog.models import Procedure
from web.conftest import DIRECTOR, JEFE_INGENIERIA
from web.indicators.scope import Scope
from web.indicators.tasks import measure_loop_backs, measure_waits, measure_workload, step_order
from web.indicators.tests.conftest import World

pytestmark = pytest.mark.django_db

MARCH = Period.of("month", date(2026, 3, 1))


def test_it_measures_the_wait_at_each_activity_in_business_days(march: World, dge: Unit) -> None:
    waits = {w.key: w.wait for w in measure_waits(Scope(unit=dge), MARCH).by_activity}
    # activity 3, business hours only: D 5 h (Tue 10 10–15); C 17 h (Fri 6 16:00 →
    # Mon 9 09:00); A 50 h (Mon 2 10:00 → Wed 4 12:00); B 145 h (Thu 12 09:00 → Tue 24
    # 10:00 without the weekends, the 16th and the 20th). Median (17 + 50) / 2 h; p90
    # the 4th of 4; total 217 h.
    third = waits[("P1", "3")]
    assert third.count == 4
    assert third.median == pytest.approx(33.5 / 24)
    assert third.p90 == pytest.approx(145 / 24)
    assert third.total == pytest.approx(217 / 24)
    # activities 1 and 2 of the seven cases opened in March, done at once
    assert (waits[("P1", "1")].count, waits[("P1", "1")].total) == (7, 0.0)
    assert set(waits) == {("P1", "1"), ("P1", "2"), ("P1", "3")}


def test_it_names_each_activity_with_its_manuals_words(march: World, dge: Unit) -> None:
    waits = measure_waits(Scope(unit=dge), MARCH).by_activity
    procedure = Procedure.objects.get(code="P1")
    words = {s.number: " ".join(s.activity.split()) for s in procedure.model().steps}
    assert [(w.key[1], w.activity) for w in waits] == [(n, words[n]) for n in ("1", "2", "3")]
    assert all(w.activity for w in waits)
    assert all(w.activity == "" for w in measure_waits(Scope(unit=dge), MARCH).by_role)


def test_activities_sort_by_number_not_as_text() -> None:
    keys = [("P1", "10"), ("P1", "2"), ("P1", "3.1"), ("P1", "3"), ("P0", "12")]
    assert sorted(keys, key=step_order) == [
        ("P0", "12"),
        ("P1", "2"),
        ("P1", "3"),
        ("P1", "3.1"),
        ("P1", "10"),
    ]


def test_it_measures_the_wait_of_each_role(march: World, dge: Unit) -> None:
    waits = {w.key: w.wait for w in measure_waits(Scope(unit=dge), MARCH).by_role}
    assert waits[(JEFE_INGENIERIA,)].total == pytest.approx(217 / 24)
    assert (waits[(DIRECTOR,)].count, waits[(DIRECTOR,)].median) == (7, 0.0)


def test_it_counts_each_persons_workload(march: World, dge: Unit) -> None:
    load = measure_workload(Scope(unit=dge), MARCH, today=date(2026, 3, 31))
    # Bruno records the dependencia's request (1), Alicia turns it (2) in all seven
    # March cases; Carla refused A, B, C, D and holds F's decision since the 27th
    assert [(w.name, w.completed, w.held) for w in load] == [
        ("Alicia Ramos", 7, 0),
        ("Bruno Téllez", 7, 0),
        ("Carla Méndez", 4, 1),
    ]


def test_it_shows_no_holdings_for_a_past_period(march: World, dge: Unit) -> None:
    load = measure_workload(Scope(unit=dge), MARCH, today=date(2026, 4, 15))
    assert [w.held for w in load] == [0, 0, 0]


def test_it_measures_loop_backs_per_decision(
    cuentas_2_a_5: Procedure,
    alicia: User,
    bruno: User,
    carla: User,
    diego: User,
    clock: SetClock,
    dge: Unit,
) -> None:
    clock(datetime(2026, 4, 6, 9))
    for subject, answers in [
        ("Con formato incompleto", ["No", "En caso contrario"]),
        ("Directo", ["En caso contrario"]),
    ]:
        case = open_case(cuentas_2_a_5, alicia, subject)
        for number, user, choice in [
            ("1", bruno, None),
            ("2", alicia, None),
            ("3", carla, "En caso contrario"),
            ("4", carla, None),
        ]:
            step(case, user, number, choice)
        for answer in answers:
            step(case, diego, "5")
            step(case, carla, "6", answer)
        step(case, bruno, "7")
    # decision 6 ("¿El formato está completo?") taken three times (twice in the first
    # case), once answered "No", back to 5; decision 3 never sent a case back
    found = measure_loop_backs(Scope(unit=dge), Period.of("month", date(2026, 4, 1)))
    assert [(b.step_number, b.decisions, b.loop_backs) for b in found] == [("6", 3, 1)]
    assert found[0].rate == pytest.approx(100 / 3)
    assert measure_loop_backs(Scope(unit=dge), Period.of("month", date(2026, 5, 1))) == ()


def test_it_reads_a_fixed_number_of_queries(
    march: World, dge: Unit, django_assert_max_num_queries: object
) -> None:
    scope = Scope(unit=dge)
    with django_assert_max_num_queries(5):  # type: ignore[operator]
        measure_waits(scope, MARCH)  # tasks, días inhábiles, the procedures' words
    with django_assert_max_num_queries(3):  # type: ignore[operator]
        measure_loop_backs(scope, MARCH)
    with django_assert_max_num_queries(4):  # type: ignore[operator]
        measure_workload(scope, MARCH, today=date(2026, 3, 31))
