"""The indicators' demo on the March world (P2's indicator is kept by hand): last
month's value captured by the DGE's head and the DGE's informe mensual stored and
logged; a second run adds nothing."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from web.cases.models import Event, EventKind
from web.cases.tests.conftest import SetClock
from web.demo import Report
from web.indicators.capture_models import IndicatorCapture
from web.indicators.demo import seed_demo
from web.indicators.report.models import StoredReport
from web.indicators.tests.conftest import World
from web.indicators.tests.manual_world import INDICATOR, cuentas_2_a_5

__all__ = ["cuentas_2_a_5"]
pytestmark = pytest.mark.django_db


def test_the_demo_is_complete_and_idempotent(march: World, clock: SetClock) -> None:
    clock(datetime(2026, 4, 15, 10))
    first = Report()
    seed_demo(first)
    capture = IndicatorCapture.objects.get()
    assert (capture.indicator_name, capture.month) == (INDICATOR, date(2026, 3, 1))
    assert capture.value == 90  # 18 ÷ 20 × 100
    stored = StoredReport.objects.get()
    assert (stored.unit.folio_prefix, stored.month, stored.format) == (
        "DGE",
        date(2026, 3, 1),
        "pdf",
    )
    assert "informe-mensual-dge-2026-03.pdf" in first.text()
    again = Report()
    seed_demo(again)
    assert again.lines == []
    assert IndicatorCapture.objects.count() == 1 and StoredReport.objects.count() == 1
    assert Event.objects.filter(kind=EventKind.REPORT_GENERATED).count() == 1
