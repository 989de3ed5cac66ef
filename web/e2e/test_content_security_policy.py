"""The Content-Security-Policy holds in a real browser: the inbox, a case with its flow
chart, the catalog, a procedure page with its diagram and the editor load without one
violation, and htmx still swaps the editor's rows in place. An inline script injected at
the end is refused and reported, so the listener does hear violations."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import expect

from web.cases.actions.cases import open_case
from web.catalog.actions import import_manual_upload
from web.catalog.models import Procedure
from web.catalog.tests.test_procedure_detail import UNPLACED_ROW
from web.e2e.conftest import SignIn

pytestmark = pytest.mark.django_db(transaction=True)

MISREAD = UNPLACED_ROW.replace("No: regresa a la actividad 5.", "No: regresa a la actividad 15.")
#: Playwright's init scripts run outside the page's policy: this one records every
#: violation the page reports, before any of its own scripts run.
LISTEN = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__violations.push(e.violatedDirective + " " + (e.blockedURI || "inline"));
});
"""


def violations(page: Any) -> list[str]:
    return list(page.evaluate("window.__violations"))


def test_it_keeps_the_policy_on_the_main_pages(
    sign_in: SignIn, alicia: User, bruno: User, cuentas: Procedure, live_server: Any
) -> None:
    case = open_case(cuentas, bruno, "Cuenta para el sistema de nómina")
    version, _ = import_manual_upload("manual-demo.txt", MISREAD.encode(), user=alicia)
    p2 = version.procedures.get(code="P2")
    page = sign_in(alicia)
    page.add_init_script(LISTEN)
    console: list[str] = []
    page.on("console", lambda m: console.append(m.text))
    pages = {
        "bandeja": "/casos/",
        "caso": f"/casos/{case.pk}/",
        "catálogo": "/catalogo/",
        "procedimiento": f"/catalogo/procedimientos/{p2.pk}/",
        "editor": f"/catalogo/procedimientos/{p2.pk}/editar/",
    }
    for name, path in pages.items():
        response = page.goto(f"{live_server.url}{path}")
        assert response.status == 200, name
        policy = response.headers["content-security-policy"]
        assert "script-src 'self'" in policy and "frame-ancestors 'none'" in policy
        page.wait_for_load_state("load")
        assert violations(page) == [], name
    assert page.locator(".swimlane svg").count() >= 1
    # htmx works under the policy: the editor saves a row in place, without a reload
    findings = page.locator("#findings")
    expect(findings).to_contain_text("FOL201")
    row = page.locator("[id='paso-6']")
    row.locator("select[name=target]").first.select_option("5")
    url_before = page.url
    row.get_by_role("button", name="Guardar paso").click()
    expect(findings).not_to_contain_text("FOL201")
    assert page.url == url_before
    assert violations(page) == []
    assert not [text for text in console if "Content Security Policy" in text]
    # the listener hears a violation: an inline script is refused
    page.evaluate(
        "() => { const s = document.createElement('script');"
        " s.textContent = 'window.__ran = true'; document.body.append(s); }"
    )
    for _ in range(50):
        if violations(page):
            break
        page.wait_for_timeout(100)
    assert violations(page) == ["script-src-elem inline"]
    assert page.evaluate("window.__ran === undefined")
