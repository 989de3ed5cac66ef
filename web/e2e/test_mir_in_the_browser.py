"""A MIR in Chromium: planning staff edit a ficha técnica (sentido and thresholds),
capture a quarter's values and see its semáforo turn; the matrix and the ficha read at
1366 px and at 390 px with nothing wider than the phone (``FOLIO_E2E_SHOTS=docs/img``
keeps the pictures as ``mir-*.png``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User

from web.e2e.conftest import SignIn
from web.evaluation.tests.conftest import Mir, mir

__all__ = ["mir"]

pytestmark = pytest.mark.django_db(transaction=True)


def at_both_widths(page: Any, shots: Path, name: str) -> None:
    page.set_viewport_size({"width": 1366, "height": 900})
    page.screenshot(path=str(shots / f"{name}-desk.png"), full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    wide = page.evaluate("document.documentElement.scrollWidth")
    page.screenshot(path=str(shots / f"{name}-phone.png"), full_page=True)
    assert wide <= 390, f"{name}: {wide} px wide on a 390 px phone"


def test_editing_a_ficha_turns_its_semaforo(
    mir: Mir, alicia: User, sign_in: SignIn, live_server: Any, shots: Path
) -> None:
    page = sign_in(alicia)
    page.goto(f"{live_server.url}/evaluacion/")
    at_both_widths(page, shots, "mir-programs")
    page.goto(f"{live_server.url}/evaluacion/mir/{mir.program.pk}/")
    assert page.get_by_role("row", name="Actividad 1.1").count() == 1
    at_both_widths(page, shots, "mir-matrix")
    page.set_viewport_size({"width": 1366, "height": 900})
    page.get_by_role("link", name="Solicitudes atendidas").click()
    page.get_by_role("link", name="Capturar metas y valores").click()
    at_both_widths(page, shots, "mir-values")
    page.set_viewport_size({"width": 1366, "height": 900})
    page.get_by_label("atendidas, Trimestre 1 2026").fill("60")
    page.get_by_label("recibidas, Trimestre 1 2026").fill("100")
    page.get_by_role("button", name="Guardar").click()
    first = page.get_by_role("row", name="Trimestre 1 2026")
    # 60 of a meta of 80 is 75 %: amarillo for an ascending indicator
    assert "Amarillo" in first.inner_text()
    page.get_by_role("link", name="Editar la ficha").click()
    at_both_widths(page, shots, "mir-ficha-form")
    page.set_viewport_size({"width": 1366, "height": 900})
    page.get_by_label("Sentido").select_option("descendente")
    page.get_by_label("Verde desde (% de la meta)").fill("95")
    page.get_by_role("button", name="Guardar").click()
    assert page.get_by_text("Ficha técnica guardada.").count() == 1
    # descending, 75 % of the meta is under it: verde (up to 105 % with green at 95)
    assert "Verde" in page.get_by_role("row", name="Trimestre 1 2026").inner_text()
    assert "Verde hasta 105" in page.content()
    at_both_widths(page, shots, "mir-ficha")


def test_the_pbr_sed_history_against_the_national_average(
    alicia: User, sign_in: SignIn, live_server: Any, shots: Path
) -> None:
    from web.evaluation.actions import save_assessment

    save_assessment(alicia, 2024, answers={"1.1": 40}, published_score=35.2, national_average=44.9)
    save_assessment(alicia, 2025, answers={"1.1": 55}, published_score=39.8, national_average=46.1)
    page = sign_in(alicia)
    page.goto(f"{live_server.url}/evaluacion/pbr-sed/2026/")
    page.get_by_label("Calificación publicada por la SHCP").fill("43.6")
    page.get_by_label("Promedio nacional").fill("47")
    page.get_by_label("5.1 Indicadores de desempeño").fill("70")
    page.get_by_role("button", name="Guardar").click()
    assert page.get_by_text("Autodiagnóstico PbR-SED guardado.").count() == 1
    row = page.get_by_role("row", name="2026").first
    assert "43.6" in row.inner_text() and "-3.4" in row.inner_text()
    at_both_widths(page, shots, "pbr-sed")
