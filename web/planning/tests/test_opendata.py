"""The monthly progress as open data: validated values only, no personal data."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.contrib.auth.models import User

from web.datasets import source
from web.planning.actions import capture_progress, validate_progress
from web.planning.models import Goal
from web.planning.opendata import progress_rows


def test_rows_of_closed_months(goal: Goal, enlace_dac: User, mariana: User) -> None:
    validate_progress(capture_progress(goal, 2, enlace_dac, Decimal(36), "Febrero."), mariana)
    capture_progress(goal, 3, enlace_dac, Decimal(50), "Marzo, sin validar.")
    rows = list(progress_rows(date(2026, 4, 10)))
    assert [r["mes"] for r in rows] == [1, 2, 3]
    february, march = rows[1], rows[2]
    assert (
        february["alcanzado"] == 36
        and february["cumplimiento"] == 90
        and february["semaforo"] == "verde"
    )
    assert march["alcanzado"] is None and march["semaforo"] == "sin dato"
    names = {f["name"] for f in source("avance-mensual-pat").schema["fields"]}
    assert set(february) == names
    assert "Febrero." not in str(rows) and "gabriela" not in str(rows).lower()
