"""The planning demo: a PMD, two PATs with a year of progress as cases; run twice, the
second run adds nothing."""

from __future__ import annotations

import pytest

from folio.demo import DEMO_TEXT
from web.catalog.actions import import_manual_file
from web.demo import Report, ensure_people, ensure_units
from web.planning.demo import seed_demo
from web.planning.models import Enlace, Pat, Pmd, Progress, ProgressState
from web.planning.reports import monthly_report


@pytest.mark.django_db
def test_demo_is_complete_and_idempotent() -> None:
    units = ensure_units()
    import_manual_file(DEMO_TEXT, unit=units["DAC"])
    ensure_people(units)
    first = Report()
    seed_demo(first)
    counts = (
        Pmd.objects.count(),
        Pat.objects.count(),
        Enlace.objects.count(),
        Progress.objects.count(),
    )
    assert counts[:3] == (1, 2, 4)
    states = set(Progress.objects.values_list("state", flat=True))
    assert states == {ProgressState.VALIDATED, ProgressState.RETURNED, ProgressState.SUBMITTED}
    assert Pmd.objects.get().elements.filter(level="linea").count() == 7
    november = {r.unit.name: r for r in monthly_report(2026, 10)}
    assert november["Dirección de Atención Ciudadana"].count("verde") >= 1
    seed_demo(Report())
    again = (
        Pmd.objects.count(),
        Pat.objects.count(),
        Enlace.objects.count(),
        Progress.objects.count(),
    )
    assert again == counts
