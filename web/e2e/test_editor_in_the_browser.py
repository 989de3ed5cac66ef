"""The procedure editor in a real browser: the Directora opens a procedure the importer
marked "revisar" (a row it could not place, a jump to a step that does not exist), sees
the source beside the step, fixes the jump and splits a responsible while the swimlane
and the findings refresh in place (htmx), ticks the checklist and saves with a note. The
editor is screenshot at 1366 and 390 px."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import expect

from web.catalog.actions import import_manual_upload
from web.catalog.tests.test_procedure_detail import UNPLACED_ROW
from web.e2e.conftest import SignIn

pytestmark = pytest.mark.django_db(transaction=True)

#: P2 of the demo manual read wrong twice: a stray row, and "regresa a la actividad 15".
MISREAD = UNPLACED_ROW.replace("No: regresa a la actividad 5.", "No: regresa a la actividad 15.")
BOTH = "Director/a de Atención Ciudadana y Auxiliar Administrativo/a"


def fits(page: Any, width: int) -> None:
    overflow = page.evaluate("document.documentElement.scrollWidth")
    assert overflow <= width, f"the page is {overflow} px wide in a {width} px window"


def test_it_fixes_a_misread_procedure_in_place(
    sign_in: SignIn, alicia: User, live_server: Any, shots: Path
) -> None:
    # given: the manual imported with P2 to review, the Directora on P2's page
    version, _ = import_manual_upload("manual-demo.txt", MISREAD.encode(), user=alicia)
    p2 = version.procedures.get(code="P2")
    page = sign_in(alicia)
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(f"{live_server.url}/catalogo/procedimientos/{p2.pk}/")
    expect(page.get_by_text("Por revisar").first).to_be_visible()
    # when: she opens the editor and follows the finding about step 6 to its row
    page.get_by_role("link", name="Editar", exact=True).click()
    expect(page.get_by_role("heading", name="Revise lo que encontró la lectura")).to_be_visible()
    findings = page.locator("#findings")
    expect(findings).to_contain_text("FOL201")
    findings.get_by_role("link", name="Paso 6").first.click()
    expect(page.locator(".source .is-step")).to_contain_text("regresa a la actividad 15")
    row = page.locator("[id='paso-6']")
    # and points the "No" branch at step 5, saving the row in place
    url_before = page.url
    row.locator("select[name=target]").first.select_option("5")
    row.get_by_role("button", name="Guardar paso").click()
    expect(findings).not_to_contain_text("FOL201")
    assert page.url == url_before  # htmx swapped the row; no reload
    # and types a compound responsible for step 7, then splits it
    row7 = page.locator("[id='paso-7']")
    row7.locator("input[name=responsible]").first.fill(BOTH)
    row7.get_by_role("button", name="Guardar paso").click()
    expect(row7.get_by_role("button", name="Dividir")).to_be_visible()
    row7.get_by_role("button", name="Dividir").click()
    responsible = page.locator("[id='paso-7'] input[name=responsible]")
    expect(responsible.nth(0)).to_have_value("Director/a de Atención Ciudadana")
    expect(responsible.nth(1)).to_have_value("Auxiliar Administrativo/a")
    # and the Tiempo Promedio de Gestión is read as she types it
    page.get_by_label("Tiempo Promedio de Gestión").fill("De 3 a 5 días hábiles")
    expect(page.locator("#tpg-parse")).to_contain_text("Leído como: 3 – 5 días hábiles")
    # then: the screenshots, wide and on a phone, with nothing off the screen
    page.goto(f"{page.url.split('?')[0]}?paso=6#paso-6")
    fits(page, 1366)
    page.evaluate("window.scrollTo(0, 0)")
    top = {"x": 0, "y": 0, "width": 1366, "height": 1450}
    page.screenshot(path=str(shots / "editor.png"), full_page=True, clip=top)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{page.url.split('?')[0]}?paso=6#paso-6")
    fits(page, 390)
    page.screenshot(path=str(shots / "editor-phone.png"))
    # when: she ticks the import finding and saves with a note
    page.set_viewport_size({"width": 1366, "height": 900})
    page.get_by_label("FOL001", exact=False).check()
    page.get_by_role("button", name="Guardar la revisión").click()
    expect(page.get_by_text("el procedimiento queda sin observaciones")).to_be_visible()
    page.get_by_label("Qué cambió").fill(
        "El rechazo del paso 6 regresa al 5; paso 7 con dos puestos."
    )
    page.get_by_role("button", name="Guardar el manual").click()
    # then: version 2's P2 page, reviewed, with the corrected jump
    expect(page.get_by_text("Se guardó como versión 2.")).to_be_visible()
    expect(page.get_by_text("Sin observaciones").first).to_be_visible()
    new_p2 = version.manual.versions.get(number=2).procedures.get(code="P2")
    assert new_p2.data["steps"][5]["next"][0] == {"to": "5", "when": "No"}
    assert "No: regresa a la actividad 5." in new_p2.data["steps"][5]["activity"]
    assert new_p2.data["steps"][6]["responsible"] == [
        "Director/a de Atención Ciudadana",
        "Auxiliar Administrativo/a",
    ]
