"""Races: two people complete one task at the same moment; several people open cases at
the same moment. Threads with their own database connections, on the suite's database
(SQLite by default, a file in WAL mode) and on PostgreSQL when one is reachable."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlparse

import pytest
from django.contrib.auth.models import User
from django.db import connection

from web.cases.actions import complete_task, open_case
from web.cases.errors import TaskAlreadyCompleted
from web.cases.log import verify_log
from web.cases.models import Case, Event, EventKind, Task
from web.cases.tests.conftest import at_once, waiting
from web.catalog.models import Procedure

REPO = Path(__file__).resolve().parents[3]
DATABASE_URL = os.environ.get("FOLIO_TEST_DATABASE_URL", "")


@pytest.mark.django_db(transaction=True)
def test_it_lets_exactly_one_of_two_simultaneous_completions_through(
    cuentas: Procedure, alicia: User, bruno: User
) -> None:
    # given: both open the dependencia's request (step 1) and press "complete"
    case = open_case(cuentas, bruno, "Cuenta SAP para Tesorería")
    seen_by_alicia, seen_by_bruno = waiting(case), waiting(case)
    # when
    results = at_once(
        [
            lambda: complete_task(seen_by_alicia, alicia),
            lambda: complete_task(seen_by_bruno, bruno),
        ]
    )
    # then: one went through, the other was told; nothing doubled
    assert sorted(type(r).__name__ for r in results) == ["Completed", "TaskAlreadyCompleted"]
    assert any(isinstance(r, TaskAlreadyCompleted) for r in results)
    assert list(Task.objects.filter(case=case).values_list("step_number", "state")) == [
        ("1", "done"),
        ("2", "open"),
    ]
    assert Event.objects.filter(kind=EventKind.TASK_COMPLETED).count() == 1
    assert verify_log().ok


@pytest.mark.django_db(transaction=True)
def test_it_gives_simultaneous_openings_consecutive_folios(
    cuentas: Procedure, alicia: User, bruno: User, carla: User, diego: User
) -> None:
    # when: four people open cases at the same moment, twice
    def opening(user: User) -> Callable[[], Case]:
        return lambda: open_case(cuentas, user, f"Solicitud de {user}")

    results = at_once([opening(user) for user in [alicia, bruno, carla, diego] * 2])
    # then
    assert all(isinstance(r, Case) for r in results), results
    folios = sorted(Case.objects.values_list("folio", flat=True))
    assert folios == [f"DGE-{folios[0][4:8]}-{n:06d}" for n in range(1, 9)]
    assert verify_log().ok


def test_it_passes_the_races_on_postgresql() -> None:
    if connection.vendor == "postgresql":
        pytest.skip("this run is on PostgreSQL already: the races above ran on it")
    if not DATABASE_URL:
        pytest.skip("set FOLIO_TEST_DATABASE_URL=postgres://user@host:port/name to run on it")
    if not _reachable(DATABASE_URL):
        pytest.skip(f"no PostgreSQL answers at FOLIO_TEST_DATABASE_URL ({_where(DATABASE_URL)})")
    # when: this file's races run again in a process whose database is PostgreSQL
    env = {**os.environ, "DATABASE_URL": DATABASE_URL, "FOLIO_TEST_DATABASE_URL": ""}
    done = subprocess.run(
        [sys.executable, "-m", "pytest", __file__, "-q", "-p", "no:cacheprovider",
         "-k", "simultaneous"],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    # then
    assert done.returncode == 0, done.stdout + done.stderr
    assert "2 passed" in done.stdout


def _where(url: str) -> str:
    parts = urlparse(url)
    return f"{parts.hostname}:{parts.port or 5432}/{parts.path.lstrip('/')}"


def _reachable(url: str) -> bool:
    import psycopg

    try:
        psycopg.connect(url, connect_timeout=3).close()
    except psycopg.Error:
        return False
    return True
