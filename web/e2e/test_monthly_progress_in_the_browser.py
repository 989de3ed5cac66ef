"""Monthly progress in Chromium: the DAC's Enlace captures November's value with its
evidence (a case with a folio opens), the planning institute returns it with an
observation from its inbox, the Enlace corrects it, the institute validates it, and the
Informe del Nivel de Avance Mensual shows it — at 1366 px and at 390 px with nothing
wider than the phone (``FOLIO_E2E_SHOTS=docs/img`` keeps ``avance-*.png``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User

from web.e2e.conftest import SignIn
from web.planning.models import Goal, Progress, ProgressState
from web.planning.tests.conftest import enlace_dac, goal, implan, mariana

__all__ = ["enlace_dac", "goal", "implan", "mariana"]

pytestmark = pytest.mark.django_db(transaction=True)


def phone_fits(page: Any, shots: Path, name: str) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    wide = page.evaluate("document.documentElement.scrollWidth")
    page.screenshot(path=str(shots / f"avance-{name}-phone.png"), full_page=True)
    assert wide <= 390, name
    page.set_viewport_size({"width": 1366, "height": 900})


def test_capture_return_correct_validate_report(
    goal: Goal,
    enlace_dac: User,
    mariana: User,
    sign_in: SignIn,
    live_server: Any,
    shots: Path,
    tmp_path: Path,
) -> None:
    evidence = tmp_path / "bitacora-noviembre.txt"
    evidence.write_text("Bitácora de reportes atendidos, noviembre.\n", encoding="utf-8")
    enlace = sign_in(enlace_dac)
    enlace.set_viewport_size({"width": 1366, "height": 900})
    enlace.goto(f"{live_server.url}/planeacion/meta/{goal.pk}/")
    enlace.get_by_label("Mes").select_option(label="Noviembre")
    enlace.get_by_label("Valor alcanzado").fill("37")
    enlace.get_by_label("Narrativa").fill("Se atendieron 37 reportes de alumbrado.")
    enlace.get_by_label("Evidencia").set_input_files(str(evidence))
    enlace.get_by_role("button", name="Enviar a revisión").click()
    enlace.get_by_text("Avance enviado al instituto de planeación").wait_for()
    progress = Progress.objects.get()
    folio = progress.case.folio
    assert folio.startswith("DAC-2026-")
    assert enlace.get_by_role("link", name=folio).is_visible()
    enlace.screenshot(path=str(shots / "avance-captura-desk.png"), full_page=True)

    institute = sign_in(mariana)
    institute.set_viewport_size({"width": 1366, "height": 900})
    institute.goto(f"{live_server.url}/")
    assert folio in institute.content()  # the review waits in the institute's inbox
    institute.goto(f"{live_server.url}/planeacion/avance/{progress.pk}/")
    institute.get_by_role("link", name="bitacora-noviembre.txt").wait_for()
    institute.get_by_label("Observaciones").fill("Falta la bitácora firmada por la titular.")
    institute.get_by_role("button", name="Devolver con observaciones").click()
    institute.get_by_text("Avance devuelto al enlace").wait_for()
    phone_fits(institute, shots, "revision")

    enlace.goto(f"{live_server.url}/")
    assert folio in enlace.content()  # the correction waits in the Enlace's inbox
    enlace.goto(f"{live_server.url}/planeacion/")
    returned = enlace.get_by_role("heading", name="Devueltos a usted con observaciones")
    assert returned.is_visible() and folio in enlace.content()
    phone_fits(enlace, shots, "inicio-enlace")
    enlace.goto(f"{live_server.url}/planeacion/avance/{progress.pk}/")
    assert "Falta la bitácora firmada" in enlace.locator(".observations").inner_text()
    enlace.get_by_label("Valor alcanzado").fill("38")
    enlace.get_by_label("Narrativa").fill("Se atendieron 38; se adjunta la bitácora firmada.")
    enlace.get_by_label("Evidencia").set_input_files(str(evidence))
    enlace.get_by_role("button", name="Reenviar a revisión").click()
    enlace.get_by_text("Corrección enviada").wait_for()

    institute.goto(f"{live_server.url}/planeacion/avance/{progress.pk}/")
    institute.get_by_role("button", name="Validar").click()
    institute.get_by_text("Avance validado.").wait_for()
    progress.refresh_from_db()
    assert progress.state == ProgressState.VALIDATED
    institute.screenshot(path=str(shots / "avance-validado-desk.png"), full_page=True)

    unit = goal.project.program.pat.unit_id
    institute.goto(f"{live_server.url}/planeacion/informe/mensual/?month=2026-11&unit={unit}")
    row = institute.get_by_role("row", name="Reportes de alumbrado atendidos")
    text = row.inner_text()
    assert "38" in text and "Validado" in text and folio in text and "Verde" in text
    institute.screenshot(path=str(shots / "avance-informe-desk.png"), full_page=True)
    phone_fits(institute, shots, "informe")
    institute.goto(f"{live_server.url}/planeacion/pat/{goal.project.program.pat_id}/")
    assert "DAC-01" in institute.locator("#main").inner_text()
    phone_fits(institute, shots, "pat")
    institute.goto(f"{live_server.url}/planeacion/proyecto/{goal.project_id}/meta/{goal.pk}/")
    assert institute.get_by_label("Noviembre").input_value() == "40"
    phone_fits(institute, shots, "meta-form")


def test_pmd_import_names_the_bad_rows(
    mariana: User, sign_in: SignIn, live_server: Any, shots: Path, tmp_path: Path
) -> None:
    from openpyxl import Workbook  # type: ignore[import-untyped]

    from folio.planning.pmd_import import COLUMNS
    from web.planning.models import Pmd

    pmd = Pmd.objects.create(name="Plan Municipal de Desarrollo", start_year=2025, end_year=2027)
    rows = [
        ["Eje", "1", "Municipio ordenado", "", "", "", "", ""],
        [
            "Objetivo",
            "1.1",
            "Mejor movilidad",
            "Tiempo de traslado",
            "",
            "11.2",
            "PED 3: Movilidad",
            "",
        ],
        ["Estrategia", "1.2.1", "Sin su objetivo", "", "", "", "", ""],
        ["Línea de acción", "1.1.1.1", "Ciclovías", "Km", "140", "19.1", "", ""],
    ]
    book = Workbook()
    for row in [list(COLUMNS), *rows]:
        book.active.append(row)
    bad = tmp_path / "pmd.xlsx"
    book.save(bad)
    page = sign_in(mariana)
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(f"{live_server.url}/planeacion/pmd/{pmd.pk}/importar/")
    page.get_by_label("Hoja de cálculo (XLSX o CSV)").set_input_files(str(bad))
    page.get_by_role("button", name="Importar").click()
    errors = page.locator(".import-errors li").all_inner_texts()
    assert errors[0].startswith(
        "fila 4, columna 'Clave': no hay una fila anterior con la clave 1.2"
    )
    assert any(e.startswith("fila 5, columna 'Nivel de implementación (%)'") for e in errors)
    assert any(e.startswith("fila 5, columna 'Metas ODS'") for e in errors)
    assert not pmd.elements.exists()
    page.screenshot(path=str(shots / "pmd-import-errors-desk.png"), full_page=True)
    phone_fits(page, shots, "pmd-import")
    rows[2][1], rows[3][4], rows[3][5] = "1.1.1", "40", "11.2; 11.6"
    book = Workbook()
    for row in [list(COLUMNS), *rows]:
        book.active.append(row)
    book.save(bad)
    page.get_by_label("Hoja de cálculo (XLSX o CSV)").set_input_files(str(bad))
    page.get_by_role("button", name="Importar").click()
    page.get_by_text("4 filas importadas").wait_for()
    assert "ODS 11.6" in page.locator("#main").inner_text()
    page.screenshot(path=str(shots / "pmd-desk.png"), full_page=True)
    phone_fits(page, shots, "pmd")
    page.get_by_role("link", name="editar").last.click()
    assert page.get_by_label("Metas ODS").input_value() == "11.2; 11.6"
    phone_fits(page, shots, "linea-form")
