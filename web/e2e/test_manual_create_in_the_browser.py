"""Writing a manual in a real browser, without JavaScript needed: the Directora opens
"Nuevo manual", fills the header, two authorizations and a glossary term on a phone, and
lands on the new manual; and the source pane of an imported PDF's step shows its page
with the row marked, scaled to the width of a desktop or a phone."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.template.loader import render_to_string
from playwright.sync_api import expect

from web.accounts.models import Unit
from web.catalog.actions import import_manual_upload
from web.catalog.models import CatalogManual
from web.catalog.sources import source_context
from web.e2e.conftest import SignIn

pytestmark = pytest.mark.django_db(transaction=True)

CORPUS = Path(__file__).resolve().parents[2] / "tests" / "corpus" / "docs"


def fits(page: Any, width: int) -> None:
    """Nothing on the page is wider than the window."""
    overflow = page.evaluate("document.documentElement.scrollWidth")
    assert overflow <= width, f"the page is {overflow} px wide in a {width} px window"


def test_it_writes_a_manual_from_scratch_on_a_phone(
    sign_in: SignIn, alicia: User, dge: Unit, shots: Path
) -> None:
    # given: the Directora signed in, on the manual list
    page = sign_in(alicia)
    page.set_viewport_size({"width": 1366, "height": 900})
    page.get_by_role("link", name="Manuales").first.click()
    page.get_by_role("link", name="Nuevo manual").click()
    # when: she writes the header at desktop width and screenshots it
    page.get_by_label("Título").fill("Manual de Procedimientos de Gobierno Electrónico")
    page.get_by_label("Unidad").select_option(label=dge.name)
    page.get_by_label("Registro").fill("MP-DGE-2026")
    page.get_by_label("Revisión").fill("01")
    page.get_by_label("Fecha de elaboración").fill("Enero de 2026")
    page.get_by_label("Introducción").fill("Procedimientos de la Dirección, escritos en Folio.")
    names, positions = page.get_by_label("Nombre"), page.get_by_label("Cargo")
    names.nth(0).fill("Persona Uno")
    positions.nth(0).fill("Jefa de Departamento")
    page.get_by_label("Acción", exact=False).nth(0).fill("Elabora")
    names.nth(1).fill("Persona Dos")
    page.get_by_label("Acción", exact=False).nth(1).fill("Autoriza")
    page.get_by_label("Término").nth(0).fill("DGE")
    page.get_by_label("Definición").nth(0).fill("Dirección de Gobierno Electrónico")
    fits(page, 1366)
    page.screenshot(path=str(shots / "manual-new.png"), full_page=True)
    # and on a phone every field stays on screen
    page.set_viewport_size({"width": 390, "height": 844})
    fits(page, 390)
    page.screenshot(path=str(shots / "manual-new-390.png"), full_page=True)
    page.get_by_role("button", name="Crear el manual").click()
    # then: the manual's page, with a link to edit its details
    expect(page.locator("h1")).to_have_text("Manual de Procedimientos de Gobierno Electrónico")
    expect(page.get_by_role("link", name="Editar datos del manual")).to_be_visible()
    manual = CatalogManual.objects.get(code="MP-DGE-2026")
    version = manual.current
    assert manual.unit == dge and version is not None
    assert [a.person for a in version.model().authorizations] == ["Persona Uno", "Persona Dos"]


def test_it_shows_a_pdf_steps_page_scaled_to_the_window(
    sign_in: SignIn, alicia: User, shots: Path
) -> None:
    # given: a PDF manual imported, and the source pane of its step 2
    path = CORPUS / "san-jeronimo-mobiliario.pdf"
    version, _ = import_manual_upload(path.name, path.read_bytes())
    source = source_context(version, "P1", "2")
    pane = render_to_string("catalog/_source.html", {"source": source})
    page = sign_in(alicia)
    for width in (1366, 390):
        # when: the pane is shown in a page of the site (its stylesheet, its session)
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(page.url)
        page.set_content(
            '<!doctype html><html lang="es-MX"><head><meta name="viewport" '
            'content="width=device-width, initial-scale=1"><link rel="stylesheet" '
            f'href="/static/css/folio.css"></head><body><main style="max-width:40rem">{pane}'
            "</main></body></html>"
        )
        image = page.locator("img.source-page")
        expect(image).to_be_visible()
        # (a function evaluated by the driver: string predicates polled in the page are
        # eval, which the Content-Security-Policy refuses)
        image.evaluate(
            "img => img.complete || new Promise(done => img.addEventListener('load', done))"
        )
        # then: the page image loaded and fits the window
        assert page.evaluate("document.querySelector('img.source-page').naturalWidth") == 918
        box = image.bounding_box()
        assert box is not None and box["x"] + box["width"] <= width
        fits(page, width)
        page.screenshot(path=str(shots / f"source-pane-{width}.png"), full_page=True)
