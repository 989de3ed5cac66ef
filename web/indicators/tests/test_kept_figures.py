"""The kept figures (web/indicators/rollup) against the same measures computed from the
cases: on the hand-computed March world and on random histories — opened, completed,
looped back, blocked and resumed, cancelled, across weekends, a federal holiday, días
inhábiles declared and deleted while cases run, and month boundaries — every period and
day judged must give the very same ``CaseMeasures``; and ``folio report verify``
recomputes them from the log and names a tampered row."""

from __future__ import annotations

import argparse
import random
from collections.abc import Iterator
from datetime import date, datetime, timedelta

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied

from folio.flow.engine import choices
from folio.measures import Period
from web.accounts.models import Unit
from web.cases.actions import (
    add_closed_day,
    cancel_case,
    complete_task,
    open_case,
    remove_closed_day,
    resume_case,
)
from web.cases.errors import CaseError
from web.cases.flow import procedure_model
from web.cases.models import Case, CaseState, Task
from web.cases.tests.conftest import SetClock, waiting
from web.catalog.models import Procedure
from web.indicators.measures import measure_cases, measure_cases_from_cases
from web.indicators.models import DayFigures
from web.indicators.rollup.command import run_rebuild, run_verify
from web.indicators.rollup.tables import FIGURES
from web.indicators.rollup.verify import differences
from web.indicators.scope import Scope
from web.indicators.tests.conftest import World

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def migrated(monkeypatch: pytest.MonkeyPatch) -> None:
    """The test database is migrated already; the commands' own migrate is left out."""
    monkeypatch.setattr("web.commands.migrate", lambda: None)


def periods() -> Iterator[Period]:
    for month in (date(2026, 2, 1), date(2026, 3, 1), date(2026, 4, 1)):
        yield Period.of("month", month)
    for day in (date(2026, 3, 2), date(2026, 3, 16), date(2026, 3, 30)):
        yield Period.of("week", day)
    yield Period.of("day", date(2026, 3, 10))
    yield Period(date(2026, 2, 25), date(2026, 3, 12))  # across a month's end
    yield Period.of("year", date(2026, 1, 1))


TODAYS = (
    date(2026, 3, 3),
    date(2026, 3, 13),
    date(2026, 3, 21),
    date(2026, 4, 2),
    date(2026, 5, 4),
)


def assert_same(scopes: list[Scope]) -> int:
    compared = 0
    for scope in scopes:
        for period in periods():
            for today in TODAYS:
                kept = measure_cases(scope, period, today)
                naive = measure_cases_from_cases(scope, period, today)
                assert kept == naive, (scope, period, today)
                compared += 1
    return compared


def test_they_match_the_cases_on_the_march_world(march: World, dge: Unit, ingenieria: Unit) -> None:
    scopes = [Scope(), Scope(unit=dge), Scope(unit=ingenieria), Scope(procedure=march.procedure)]
    assert assert_same(scopes) > 100
    assert differences() == []


PEOPLE = ("bruno", "alicia", "carla", "diego", "elena")


class History:
    """Cases of P1 (2 a 5 días hábiles, with a loop-back at 6) and P2 (Variable, may
    block or end in P1) run at random from mid-February to mid-April."""

    def __init__(self, seed: int, people: list[User], procedures: list[Procedure]) -> None:
        self.rng = random.Random(seed)
        self.people, self.procedures = people, procedures
        self.cases: list[Case] = []
        self.loops = self.blocked = self.cancelled = 0

    def act(self, call: object, *args: object) -> bool:
        """Try as each person in turn until one may."""
        for person in self.people:
            try:
                call(*args, person)  # type: ignore[operator]
            except (PermissionDenied, CaseError):
                continue
            return True
        return False

    def open(self) -> None:
        procedure = self.rng.choice(self.procedures)
        for person in self.people:
            try:
                self.cases.append(open_case(procedure, person, "Caso al azar"))
                return
            except (PermissionDenied, CaseError):
                continue

    def step(self, case: Case) -> None:
        case.refresh_from_db()
        if case.state == CaseState.BLOCKED:
            if self.rng.random() < 0.5:
                resume_case(case, self.people[1], "3", "Sigue en la actividad 3.")
            else:
                cancel_case(case, self.people[1], "Se retiró la solicitud.")
                self.cancelled += 1
            return
        if case.state != CaseState.OPEN:
            return
        if self.rng.random() < 0.04:
            cancel_case(case, self.people[1], "Se retiró la solicitud.")
            self.cancelled += 1
            return
        task = waiting(case)
        step = procedure_model(case.procedure).step(task.step_number)
        assert step is not None
        offered = choices(step)
        choice = self.rng.choice(offered) if offered else None
        self.loops += (task.step_number, choice) == ("6", "No")
        self.act(lambda person: complete_task(task, person, choice))
        case.refresh_from_db()
        self.blocked += case.state == CaseState.BLOCKED


def run_history(history: History, clock: SetClock, admin: User) -> None:
    day = date(2026, 2, 16)
    while day <= date(2026, 4, 17):
        clock(datetime(day.year, day.month, day.day, history.rng.randint(8, 18), 30))
        if day == date(2026, 3, 11):
            add_closed_day(admin, date(2026, 3, 3), "Cierre pasado (inventado)")
            add_closed_day(admin, date(2026, 3, 13), "Cierre próximo (inventado)")
        if day == date(2026, 3, 25):
            remove_closed_day(admin, date(2026, 3, 13))
        if day.weekday() < 6:
            for _ in range(history.rng.randint(0, 2)):
                history.open()
            for case in history.rng.sample(history.cases, min(4, len(history.cases))):
                history.step(case)
        day += timedelta(days=1)


@pytest.mark.parametrize("seed", [1, 2])
def test_they_match_the_cases_on_random_histories(
    seed: int,
    march: World,
    dge: Unit,
    ingenieria: Unit,
    diego: User,
    elena: User,
    clock: SetClock,
    request: pytest.FixtureRequest,
) -> None:
    people = [request.getfixturevalue(name) for name in PEOPLE]
    procedures = list(march.procedure.version.procedures.order_by("code"))
    history = History(seed, people, procedures)
    run_history(history, clock, people[1])
    assert len(history.cases) > 40
    assert history.loops and history.cancelled
    assert Task.objects.filter(pass_number__gt=1).exists()  # loop-backs ran
    scopes = [Scope(), Scope(unit=dge), Scope(procedure=procedures[1])]
    assert_same(scopes)
    assert differences() == []


def test_verify_names_a_tampered_row_and_rebuild_mends_it(march: World) -> None:
    assert run_verify(_args()) == (
        "Las cifras guardadas coinciden con las recalculadas desde la bitácora.\n",
        0,
    )
    row = DayFigures.objects.filter(completed__gt=0).order_by("day").first()
    assert row is not None
    row.completed += 1
    row.save(update_fields=["completed"])
    text, code = run_verify(_args())
    assert code == 1
    assert f"día {row.day:%Y-%m-%d} unidad {row.unit_id} procedimiento" in text
    assert f"completed: guardado {row.completed}, recalculado {row.completed - 1}" in text
    assert "folio report rebuild" in text
    assert run_rebuild(_args())[1] == 0
    assert run_verify(_args())[1] == 0


def test_rebuild_writes_the_rows_the_log_kept(march: World) -> None:
    def rows() -> list[tuple[object, ...]]:
        """Every row with a figure (upserts may leave rows whose deltas cancelled out)."""
        found = DayFigures.objects.values_list("day", "unit_id", "procedure_id", *FIGURES)
        return sorted(row for row in found if any(row[3:]))

    before = rows()
    assert len(before) > 10
    DayFigures.objects.all().delete()
    assert run_rebuild(_args()) == ("Cifras guardadas reconstruidas a partir de 8 casos.\n", 0)
    assert rows() == before


def _args() -> argparse.Namespace:
    return argparse.Namespace(max=50)
