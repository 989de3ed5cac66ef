"""The supervisor dashboard in Chromium: a head opens it from the indicators page, reads
the open work of the DGE on Fri 27 March 2026, follows the overdue number to its two
cases, and the page fits a phone (``FOLIO_E2E_SHOTS=docs/img`` keeps the pictures as
``tablero.png`` and ``tablero-phone.png``)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from django.contrib.auth.models import User

from web.cases.tests.conftest import SetClock
from web.e2e.conftest import SignIn
from web.indicators.tests.conftest import World, clock, cuentas_2_a_5, march

__all__ = ["clock", "cuentas_2_a_5", "march"]

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_head_reads_the_dashboard_and_opens_the_overdue_cases(
    march: World,
    alicia: User,
    clock: SetClock,
    sign_in: SignIn,
    live_server: object,
    shots: Path,
) -> None:
    clock(datetime(2026, 3, 27, 10))
    page = sign_in(alicia)
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(f"{live_server.url}/indicadores/")  # type: ignore[attr-defined]
    page.get_by_role("link", name="Tablero de supervisión").click()
    page.wait_for_url("**/indicadores/tablero/")
    assert page.get_by_role("heading", name="Tablero de supervisión").is_visible()
    person = page.get_by_role("row", name="Carla Méndez")
    assert person.inner_text().split()[-3:] == ["1", "0", "1"]
    page.screenshot(path=str(shots / "tablero.png"), full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    wide = page.evaluate("document.documentElement.scrollWidth")
    page.screenshot(path=str(shots / "tablero-phone.png"), full_page=True)
    assert wide <= 390
    page.get_by_role("link", name="2 vencidos").click()
    page.wait_for_url("**/casos/buscar/**")
    listed = page.locator("main").inner_text()
    for name in ("H", "F"):
        assert march.cases[name].folio in listed
    for name in ("A", "G"):
        assert march.cases[name].folio not in listed
