"""The Indicadores page in Chromium: a head reads March 2026 of the DGE at 1366 px and
at 390 px with nothing wider than the phone (``FOLIO_E2E_SHOTS=docs/img`` keeps the
pictures as ``indicators-*.png``)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from django.contrib.auth.models import User

from web.accounts.models import Unit
from web.cases.tests.conftest import SetClock
from web.e2e.conftest import SignIn
from web.indicators.tests.conftest import World, clock, cuentas_2_a_5, march

__all__ = ["clock", "cuentas_2_a_5", "march"]

pytestmark = pytest.mark.django_db(transaction=True)


def test_it_shows_a_units_month_on_a_desk_and_a_phone(
    march: World,
    alicia: User,
    dge: Unit,
    clock: SetClock,
    sign_in: SignIn,
    live_server: object,
    shots: Path,
) -> None:
    clock(datetime(2026, 4, 15, 10))
    page = sign_in(alicia)
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(f"{live_server.url}/indicadores/?unit={dge.pk}&month=2026-03")  # type: ignore[attr-defined]
    capacity = page.get_by_role("row", name="Capacidad de respuesta (").first
    assert "57.1\xa0%" in capacity.inner_text()
    page.screenshot(path=str(shots / "indicators-desk.png"), full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    wide = page.evaluate("document.documentElement.scrollWidth")
    page.screenshot(path=str(shots / "indicators-phone.png"), full_page=True)
    assert wide <= 390
