"""The open-data catalogue in Chromium, with no account and no JavaScript needed: the
demo's catalogue (its datasets published through their cases), a theme facet, a search,
a dataset page with its dictionary, first rows and download, at 1366 px and 390 px with
nothing wider than the phone; then Bruno requests a dataset from the staff form
(``FOLIO_E2E_SHOTS=docs/img`` keeps the pictures as ``datos-*.png``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User

from web.conftest import PASSWORD
from web.demo import Report, ensure_people, ensure_units
from web.e2e.conftest import SignIn
from web.opendata.demo import seed_demo
from web.opendata.models import Dataset

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def demo_catalogue(db: None) -> None:
    ensure_people(ensure_units())
    seed_demo(Report())


def _fits_the_phone(page: Any) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_anyone_browses_searches_and_downloads(
    demo_catalogue: None, browser: Any, live_server: Any, shots: Path
) -> None:
    context = browser.new_context(
        viewport={"width": 1366, "height": 900}, locale="es-MX", java_script_enabled=False
    )
    page = context.new_page()
    page.set_default_timeout(20_000)
    page.goto(f"{live_server.url}/datos/")
    assert page.get_by_role("heading", name="Datos abiertos").is_visible()
    assert page.get_by_role("link", name="Luminarias reparadas por colonia").is_visible()
    assert page.get_by_role("link", name="Áreas verdes del municipio").count() == 0  # in review
    page.screenshot(path=str(shots / "datos-catalogo-1366.png"), full_page=True)
    _fits_the_phone(page)
    page.screenshot(path=str(shots / "datos-catalogo-390.png"), full_page=True)
    page.set_viewport_size({"width": 1366, "height": 900})
    # a theme facet, then a search
    page.get_by_role("link", name="Infraestructura y servicios públicos").click()
    assert page.get_by_role("link", name="Luminarias reparadas por colonia").is_visible()
    assert (
        page.get_by_role("link", name="Indicadores mensuales por procedimiento y unidad").count()
        == 0
    )
    page.get_by_label("Buscar en el catálogo").fill("indicadores")
    page.get_by_role("button", name="Buscar").click()
    assert "Ningún conjunto de datos coincide" in page.content()  # the facet still applies
    page.get_by_role("link", name="Quitar filtros").click()
    page.get_by_role("link", name="Indicadores mensuales por procedimiento y unidad").click()
    # the dataset page: dictionary, first rows, download
    assert page.get_by_role("heading", name="Diccionario de datos").is_visible()
    assert page.get_by_role("cell", name="capacidad_respuesta").is_visible()
    page.goto(f"{live_server.url}/datos/conjunto/luminarias-reparadas/")
    assert page.get_by_role("heading", name="Primeras filas").is_visible()
    assert page.get_by_role("cell", name="San Miguel").first.is_visible()
    page.screenshot(path=str(shots / "datos-conjunto-1366.png"), full_page=True)
    with page.expect_download() as download:
        page.get_by_role("link", name="Descargar CSV").click()
    assert Path(download.value.path()).read_bytes().startswith(b"colonia,mes")
    _fits_the_phone(page)
    page.screenshot(path=str(shots / "datos-conjunto-390.png"), full_page=True)
    page.goto(f"{live_server.url}/datos/api/")
    assert page.get_by_role("heading", name="API de datos abiertos").is_visible()
    _fits_the_phone(page)
    page.screenshot(path=str(shots / "datos-api-390.png"), full_page=True)
    context.close()


def test_staff_request_a_dataset_from_the_form(
    demo_catalogue: None, sign_in: SignIn, live_server: Any
) -> None:
    bruno = User.objects.get(username="bruno")
    bruno.set_password(PASSWORD)  # the demo's people have the demo's password
    bruno.save()
    page = sign_in(bruno)
    page.get_by_role("link", name="Datos abiertos").click()
    page.get_by_role("link", name="Administrar conjuntos de datos").click()
    page.get_by_role("link", name="Solicitar la publicación de un conjunto de datos").click()
    page.get_by_label("Dependencia").select_option(label="Dirección de Gobierno Electrónico")
    page.get_by_label("Título").fill("Trámites en línea por mes")
    page.get_by_label("Descripción").fill("Trámites iniciados en línea, por mes.")
    page.get_by_label("Tema").select_option(label="Gobierno abierto")
    page.get_by_label("Palabras clave").fill("trámites, en línea")
    page.get_by_label("Frecuencia de actualización").select_option(label="mensual")
    page.get_by_role("button", name="Solicitar").click()
    assert page.get_by_text("Solicitado; caso DGE-").is_visible()
    assert page.get_by_text("En revisión").is_visible()
    _fits_the_phone(page)
    dataset = Dataset.objects.get(title="Trámites en línea por mes")
    assert dataset.case is not None and dataset.published_at is None
