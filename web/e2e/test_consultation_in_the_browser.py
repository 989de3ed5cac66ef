"""A consultation in Chromium at phone size: a citizen asks for a code, types it and
answers; staff approve the open answer and publish the results; the results page shows
the charts and the approved answer at 390 px and at 1366 px (``FOLIO_E2E_SHOTS=docs/img``
keeps ``consulta-resultados.png`` and ``consulta-resultados-390.png``)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.core.cache import cache
from django.test import Client

from web.accounts.models import Unit
from web.consultations.tests.conftest import answer_form, make_consultation, prove
from web.e2e.conftest import SignIn

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 390, "height": 844}
#: Records every Content-Security-Policy violation the pages report.
LISTEN = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__violations.push(e.violatedDirective + " " + (e.blockedURI || "inline"));
});
"""


def test_a_citizen_answers_and_staff_publish_the_results(
    alicia: User,
    dge: Unit,
    browser: Any,
    sign_in: SignIn,
    live_server: Any,
    shots: Path,
    settings: Any,
) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    cache.clear()
    consulta = make_consultation(alicia, dge)
    for n, (single, multiple, scale) in enumerate([(0, (0, 1), 5), (0, (1,), 3), (2, (2,), 2)]):
        neighbour = Client()
        prove(neighbour, consulta, f"vecino{n}@correo.mx")
        neighbour.post(
            f"/consultas/{consulta.pk}/responder/", answer_form(consulta, single, multiple, scale)
        )
    # A citizen on a phone, no account.
    context = browser.new_context(viewport=PHONE, locale="es-MX", is_mobile=True)
    context.add_init_script(LISTEN)
    phone = context.new_page()
    phone.set_default_timeout(20_000)
    phone.goto(f"{live_server.url}/consultas/{consulta.pk}/")
    phone.screenshot(path=str(shots / "consulta-390.png"), full_page=True)
    phone.get_by_label("Su correo electrónico").first.fill("ciudadana@correo.mx")
    phone.get_by_role("button", name="Enviarme el código").first.click()
    phone.wait_for_url(re.compile(r"/verificar/respuesta/$"))
    code = re.search(r"\b(\d{6})\b", str(mail.outbox[-1].body))
    assert code is not None
    phone.get_by_label("Su código").fill(code.group(1))
    phone.get_by_role("button", name="Continuar").click()
    phone.wait_for_url(re.compile(r"/responder/$"))
    phone.get_by_label("Banquetas").check()
    phone.get_by_label("Biblioteca").check()
    phone.get_by_label("Mercado").check()
    phone.get_by_label("4", exact=True).check()
    phone.get_by_label("¿Algo más?").fill("Que reparen las banquetas de la calle Hidalgo.")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    phone.screenshot(path=str(shots / "consulta-responder-390.png"), full_page=True)
    phone.get_by_role("button", name="Enviar mis respuestas").click()
    phone.get_by_role("heading", name="Gracias por participar").wait_for()
    # Staff approve the open answer and publish the results.
    desk = sign_in(alicia)
    desk.goto(f"{live_server.url}/consultas/gestion/{consulta.pk}/moderacion/")
    assert "calle Hidalgo" in desk.content()
    desk.get_by_role("button", name="Aprobar").click()
    desk.get_by_text("Respuesta aprobada.").wait_for()
    desk.goto(f"{live_server.url}/consultas/gestion/{consulta.pk}/")
    desk.get_by_role("button", name="Publicar los resultados").click()
    desk.get_by_text("Resultados publicados.").first.wait_for()
    # The citizen reads the results on the phone.
    phone.goto(f"{live_server.url}/consultas/{consulta.pk}/resultados/")
    phone.get_by_text("Respondieron 4 personas.").wait_for()
    charts = phone.locator("figure.chart img")
    assert charts.count() == 3
    assert phone.evaluate("document.querySelector('figure.chart img').naturalWidth") > 0
    assert "calle Hidalgo" in phone.content()
    assert "Promedio 3.5 de 5" in phone.content()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    assert phone.evaluate("window.__violations") == []
    phone.screenshot(path=str(shots / "consulta-resultados-390.png"), full_page=True)
    desk.set_viewport_size({"width": 1366, "height": 900})
    desk.goto(f"{live_server.url}/consultas/{consulta.pk}/resultados/")
    desk.screenshot(path=str(shots / "consulta-resultados.png"), full_page=True)
    # The staff pages fit a phone too.
    desk.set_viewport_size(PHONE)
    for url in (
        f"/consultas/gestion/{consulta.pk}/",
        f"/consultas/gestion/{consulta.pk}/moderacion/?estado=approved",
        "/consultas/gestion/",
        "/consultas/gestion/propuestas/",
        f"/consultas/gestion/{consulta.pk}/propuestas/nueva/",
    ):
        desk.goto(live_server.url + url)
        assert desk.evaluate("document.documentElement.scrollWidth") <= 390, url
    desk.goto(f"{live_server.url}/consultas/gestion/{consulta.pk}/")
    desk.screenshot(path=str(shots / "consulta-gestion-390.png"), full_page=True)
    context.close()
