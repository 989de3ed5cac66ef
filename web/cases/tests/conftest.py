"""Helpers for the case tests: a clock to start cases on a given day, stepping a case
through its tasks, and running jobs at the same moment in threads."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import User
from django.db import connections
from django.utils import timezone

from web.cases.actions import complete_task
from web.cases.models import ACTIVE_TASK_STATES, Case, Task

MEXICO = ZoneInfo("America/Mexico_City")
SetClock = Callable[[datetime], None]


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> SetClock:
    """``clock(datetime(2026, 3, 12, 10))`` makes it that moment in Mexico City."""

    def set_to(moment: datetime) -> None:
        aware = moment.replace(tzinfo=MEXICO)
        monkeypatch.setattr(timezone, "now", lambda: aware)

    return set_to


def waiting(case: Case) -> Task:
    """The case's one active task."""
    return case.tasks.get(state__in=ACTIVE_TASK_STATES)


def step(case: Case, user: User, number: str, choice: str | None = None) -> Case:
    """Complete the waiting task, which must be activity ``number``."""
    task = waiting(case)
    assert task.step_number == number, f"{case.folio} waits at {task.step_number}, not {number}"
    complete_task(task, user, choice)
    case.refresh_from_db()
    return case


def at_once(jobs: list[Callable[[], object]]) -> list[object]:
    """Run the jobs in threads released together; each returns its result or the
    exception it raised."""
    barrier = threading.Barrier(len(jobs))
    results: list[object] = [None] * len(jobs)

    def run(i: int) -> None:
        try:
            barrier.wait()
            results[i] = jobs[i]()
        except Exception as err:  # noqa: BLE001 - the test inspects it
            results[i] = err
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(jobs))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results
