"""A citizen reports a street light from a phone (390 px) with a point on the map, offline
(tiles are blocked: the click must still set the point), and follows the folio while the
072 staff move the case through the procedure; the lookup page shows each new state.
Screenshots of the form and the lookup at 390 and 1366 px (``FOLIO_E2E_SHOTS=docs/img``
keeps ``reporte-ciudadano*.png`` and ``consulta-folio*.png``)."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User

from web.cases.actions import complete_task
from web.cases.models import ACTIVE_TASK_STATES, Case
from web.citizens import limits
from web.citizens.models import Report, Reporter, ServiceType
from web.citizens.tests.conftest import (  # noqa: F401 — fixtures of the 072 world
    alumbrado,
    hugo,
    luminaria,
    manual_072,
    portal,
    ramon,
)

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 390, "height": 844}
DESK = {"width": 1366, "height": 900}


def offline(context: Any, server: str) -> None:
    """Nothing beyond the live server: the OpenStreetMap tiles fail as when offline."""
    context.route(
        re.compile(r"^https?://(?!127\.0\.0\.1|localhost).*"), lambda route: route.abort()
    )


def advance(case: Case, user: User, choice: str | None = None) -> None:
    complete_task(case.tasks.get(state__in=ACTIVE_TASK_STATES), user, choice)


def test_a_citizen_reports_with_the_map_and_follows_the_folio(
    browser: Any,
    live_server: Any,
    shots: Path,
    luminaria: ServiceType,  # noqa: F811
    gabriela: User,
    hugo: User,  # noqa: F811
    ramon: User,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(limits, "MIN_SECONDS", 0)
    context = browser.new_context(viewport=PHONE, locale="es-MX", is_mobile=True)
    offline(context, live_server.url)
    phone = context.new_page()
    phone.set_default_timeout(20_000)
    phone.goto(f"{live_server.url}/ciudadania/reportar/")
    phone.get_by_label("¿Qué reporta?").select_option(label="Luminaria apagada")
    phone.get_by_label("¿Cuántas lámparas están apagadas?").select_option(label="Varias")
    phone.get_by_label("Describa el problema").fill("Tres lámparas apagadas en el andador")
    assert phone.locator("#report-map").is_visible()
    phone.locator("#report-map").click(position={"x": 120, "y": 90})
    assert re.fullmatch(r"-?\d+\.\d{6}", phone.locator("#id_lat").input_value())
    assert re.fullmatch(r"-?\d+\.\d{6}", phone.locator("#id_long").input_value())
    assert "Punto marcado" in phone.locator("#point-chosen").inner_text()
    phone.get_by_label("Colonia").fill("Centro")
    phone.get_by_label("Correo electrónico (opcional)").fill("vecina@example.net")
    phone.get_by_label("Leí el aviso de privacidad").check()
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the form scrolls sideways at 390 px ({width} px)"
    phone.screenshot(path=str(shots / "reporte-ciudadano-390.png"), full_page=True)
    phone.get_by_role("button", name="Enviar reporte").click()
    phone.wait_for_url(re.compile(r"/ciudadania/folio/\?folio="))
    report = Report.objects.select_related("case").get()
    assert report.lat is not None and report.long is not None
    assert Reporter.objects.get(case=report.case).email == "vecina@example.net"
    assert report.case.folio in phone.locator("h2").first.inner_text()

    def state() -> str:
        phone.reload()
        return str(phone.locator("#report-state").inner_text())

    assert state() == "recibida"
    advance(report.case, gabriela)
    assert state() == "asignada"
    advance(report.case, hugo)
    assert state() == "en proceso"
    phone.screenshot(path=str(shots / "consulta-folio-390.png"), full_page=True)
    advance(report.case, ramon)
    advance(report.case, hugo, "En caso contrario")
    assert state() == "verificada"
    advance(report.case, gabriela)
    assert state() == "cerrada"
    page = phone.content()
    for name in ("Gabriela", "Hugo", "Ramón", "vecina@example.net"):
        assert name not in page
    desk = browser.new_context(viewport=DESK, locale="es-MX")
    offline(desk, live_server.url)
    wide = desk.new_page()
    wide.goto(f"{live_server.url}/ciudadania/reportar/")
    wide.screenshot(path=str(shots / "reporte-ciudadano.png"), full_page=True)
    wide.goto(f"{live_server.url}/ciudadania/folio/?folio={report.case.folio}")
    wide.screenshot(path=str(shots / "consulta-folio.png"), full_page=True)
    context.close()
    desk.close()


def test_the_public_pages_keep_the_policy_with_the_map(
    browser: Any,
    live_server: Any,
    luminaria: ServiceType,  # noqa: F811
) -> None:
    from web.citizens.actions import NewReport, PersonalData, file_report
    from web.e2e.test_content_security_policy import LISTEN, violations

    filed = file_report(
        NewReport(
            luminaria,
            "Poste sin luz",
            lat=Decimal("19.04"),
            long=Decimal("-98.2"),
            attributes={"lamparas": "una"},
        ),
        PersonalData(),
    )
    context = browser.new_context(viewport=PHONE, locale="es-MX", is_mobile=True)
    offline(context, live_server.url)
    page = context.new_page()
    page.add_init_script(LISTEN)
    for path in (
        "/ciudadania/reportar/",
        "/ciudadania/reportes/",
        f"/ciudadania/folio/?folio={filed.case.folio}",
        "/ciudadania/arco/",
    ):
        response = page.goto(f"{live_server.url}{path}")
        assert response is not None and response.status == 200, path
        page.wait_for_load_state("load")
        assert violations(page) == [], path
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], (path, width)
    assert page.locator("#reports-map").is_visible() is False  # the ARCO page has no map
    page.goto(f"{live_server.url}/ciudadania/reportes/")
    assert page.locator("#reports-map .leaflet-interactive").count() == 1
    context.close()
