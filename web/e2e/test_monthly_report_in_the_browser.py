"""The informe mensual in Chromium: a head captures the month's value of an indicator
kept by hand (with its evidence), sees it on the Indicadores page, generates the DGE's
report for March 2026 as PDF and as XLSX, downloads both (the bytes are the stored
ones; the XLSX is read back with openpyxl) and checks the PDF's hash. The pages fit a
390 px phone. ``FOLIO_E2E_SHOTS=docs/img`` keeps ``monthly-report-*.png``."""

from __future__ import annotations

import hashlib
import io
from datetime import datetime
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from openpyxl import load_workbook  # type: ignore[import-untyped]

from web.accounts.models import Unit
from web.cases.tests.conftest import SetClock
from web.e2e.conftest import SignIn
from web.indicators.report.models import StoredReport
from web.indicators.tests.conftest import World, clock, march
from web.indicators.tests.manual_world import cuentas_2_a_5
from web.tests.files import tiny_pdf

__all__ = ["clock", "cuentas_2_a_5", "march"]

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_head_captures_generates_and_downloads_the_report(
    march: World,
    alicia: User,
    dge: Unit,
    clock: SetClock,
    sign_in: SignIn,
    live_server: object,
    shots: Path,
    tmp_path: Path,
) -> None:
    clock(datetime(2026, 4, 15, 10))
    url = live_server.url  # type: ignore[attr-defined]
    page = sign_in(alicia)
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(f"{url}/indicadores/?unit={dge.pk}&month=2026-03")
    page.get_by_role("link", name="captura manual").click()
    evidence = tmp_path / "encuestas-marzo.pdf"
    evidence.write_bytes(tiny_pdf())
    page.get_by_label("Numerador").fill("45")
    page.get_by_label("Denominador").fill("50")
    page.get_by_label("Evidencia (PDF, imagen, Word o Excel)").set_input_files(str(evidence))
    page.get_by_role("button", name="Capturar").click()
    page.get_by_text("Valor 90 capturado para 2026-03.").wait_for()
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=str(shots / "monthly-report-capture-phone.png"), full_page=True)
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(f"{url}/indicadores/?unit={dge.pk}&month=2026-03")
    row = page.get_by_role("row", name="satisfacción de las dependencias")
    assert "90\xa0%" in row.inner_text() and "Alicia Ramos" in row.inner_text()
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=str(shots / "monthly-report-captured-phone.png"), full_page=True)
    page.set_viewport_size({"width": 1366, "height": 900})

    page.get_by_role("link", name="Informes mensuales (PDF, XLSX, CSV)").click()
    page.get_by_label("Unidad").select_option(str(dge.pk))
    page.get_by_label("Mes").fill("2026-03")
    page.get_by_label("Formato").select_option("pdf")
    page.get_by_role("button", name="Generar").click()
    # each post's answer before the next click: a click on a page about to be replaced
    # is lost (the PDF takes a while, longer on PostgreSQL under load)
    page.get_by_text("Informe generado: informe-mensual-dge-2026-03.pdf.").wait_for(timeout=60000)
    page.get_by_label("Formato").select_option("xlsx")
    page.get_by_role("button", name="Generar").click()
    page.get_by_text("Informe generado: informe-mensual-dge-2026-03.xlsx.").wait_for(timeout=60000)
    page.screenshot(path=str(shots / "monthly-report-desk.png"), full_page=True)

    with page.expect_download() as got:
        page.get_by_role("link", name="informe-mensual-dge-2026-03.xlsx").click()
    content = Path(got.value.path()).read_bytes()
    stored = StoredReport.objects.get(format="xlsx")
    assert hashlib.sha256(content).hexdigest() == stored.sha256
    book = load_workbook(io.BytesIO(content))
    casos = {r[0]: r[1] for r in book["casos"].iter_rows(min_row=3, values_only=True)}
    assert (casos["Recibidos"], casos["Concluidos"], casos["Vencidos"]) == (7, 4, 2)
    vencidos = [r[0] for r in book["vencidos"].iter_rows(min_row=3, values_only=True)]
    assert vencidos == ["DGE-2026-000001", "DGE-2026-000004"]

    with page.expect_download() as got:
        page.get_by_role("link", name="informe-mensual-dge-2026-03.pdf").click()
    pdf = Path(got.value.path()).read_bytes()
    assert pdf.startswith(b"%PDF-")
    assert hashlib.sha256(pdf).hexdigest() == StoredReport.objects.get(format="pdf").sha256
    page.get_by_role("link", name="Verificar").first.click()
    page.get_by_text("Íntegro").wait_for()

    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{url}/indicadores/informes/")
    wide = page.evaluate("document.documentElement.scrollWidth")
    page.screenshot(path=str(shots / "monthly-report-phone.png"), full_page=True)
    assert wide <= 390
