"""The informe mensual of the DGE for March 2026 (the world of conftest.py, figures
computed by hand in test_measure_cases.py), with P2's indicator captured by hand:
its tables, the XLSX read back, the CSV, the PDF's text, the stored copy and its hash
in the log.

Overdue on Tue 31 March (días hábiles late counted after the due date; the weekends,
Mon 16 and Fri 20 March do not count):
  H due Mon 2 Mar: 3–6, 9–13, 17–19, 23–27, 30–31 → 19
  F due Wed 11 Mar: 12–13, 17–19, 23–27, 30–31 → 12
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from openpyxl import load_workbook  # type: ignore[import-untyped]
from pypdf import PdfReader

from web.accounts.models import Unit
from web.cases.models import Event, EventKind
from web.cases.tests.conftest import SetClock
from web.indicators.capture import Entry, capture_indicator_value
from web.indicators.report.actions import check_report, generate_monthly_report
from web.indicators.report.content import build_report
from web.indicators.report.render import render_csv, render_xlsx
from web.indicators.report.tables import report_tables
from web.indicators.tests.conftest import World
from web.indicators.tests.manual_world import INDICATOR, copia, cuentas_2_a_5
from web.tests.files import tiny_pdf

__all__ = ["cuentas_2_a_5"]
pytestmark = pytest.mark.django_db

MARCH = date(2026, 3, 1)
APRIL_15 = date(2026, 4, 15)


@pytest.fixture
def captured(march: World, alicia: User, clock: SetClock) -> World:
    clock(datetime(2026, 4, 2, 9))
    entry = Entry(Decimal(45), Decimal(50), None, "", "encuestas.pdf", tiny_pdf())
    capture_indicator_value(alicia, copia(march.procedure), INDICATOR, MARCH, entry)
    clock(datetime(2026, 4, 15, 10))
    return march


def by_key(unit: Unit) -> dict[str, tuple[tuple[str, ...], ...]]:
    report = build_report(unit, MARCH, APRIL_15)
    return {t.key: t.rows for t in report_tables(report)}


def test_the_tables_hold_the_hand_computed_figures(captured: World, dge: Unit) -> None:
    tables = by_key(dge)
    cases = {row[0]: row[1] for row in tables["casos"]}
    assert (cases["Recibidos"], cases["Concluidos"], cases["Cancelados"]) == ("7", "4", "1")
    assert (cases["En proceso"], cases["Vencidos"], cases["En riesgo"]) == ("3", "2", "1")
    assert cases["Capacidad de respuesta (concluidos ÷ recibidos × 100)"] == "57.1 %"
    assert cases["Concluidos en plazo"] == "75 %"
    assert cases["Tiempo de gestión, mediana (días hábiles)"] == "1.5"
    overdue = [(row[0], row[5]) for row in tables["vencidos"]]
    assert overdue == [("DGE-2026-000001", "19"), ("DGE-2026-000004", "12")]
    assert tables["antiguedad"] == (("0–5", "1"), ("6–10", "0"), ("11–20", "1"), ("> 20", "1"))
    indicators = {row[1]: row for row in tables["indicadores"]}
    assert indicators["capacidad de respuesta"][3] == "57.1 %"
    assert indicators["capacidad de respuesta"][4] == "calculado de los casos"
    manual = indicators[INDICATOR]
    assert manual[2] == (
        "Número de encuestas con calificación favorable ÷ Número de encuestas aplicadas × 100"
    )
    assert manual[3] == "90 %"
    assert manual[4] == "capturado por Alicia Ramos el 02/04/2026"
    trend = tables["tendencia"]
    assert [row[0] for row in trend] == [
        "oct 2025",
        "nov 2025",
        "dic 2025",
        "ene 2026",
        "feb 2026",
        "mar 2026",
    ]
    assert trend[-1] == ("mar 2026", "7", "4", "2")
    assert trend[-2] == ("feb 2026", "1", "0", "0")  # H opened 23 Feb, due 2 Mar


def test_the_xlsx_reads_back(captured: World, dge: Unit) -> None:
    book = load_workbook(io.BytesIO(render_xlsx(build_report(dge, MARCH, APRIL_15))))
    assert book.sheetnames[:3] == ["informe", "casos", "tiempos"]
    assert "vencidos" in book.sheetnames
    assert book["informe"]["A1"].value == (
        "Informe mensual de Dirección de Gobierno Electrónico, mar 2026"
    )
    casos = {row[0]: row[1] for row in book["casos"].iter_rows(min_row=3, values_only=True)}
    assert casos["Recibidos"] == 7 and casos["Concluidos"] == 4
    vencidos = list(book["vencidos"].iter_rows(min_row=3, values_only=True))
    assert [(r[0], r[5]) for r in vencidos] == [("DGE-2026-000001", 19), ("DGE-2026-000004", 12)]


def test_the_csv_has_every_table(captured: World, dge: Unit) -> None:
    content = render_csv(build_report(dge, MARCH, APRIL_15))
    assert content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    assert rows[0] == ["Informe mensual de Dirección de Gobierno Electrónico, mar 2026"]
    assert ["Recibidos", "7"] in rows
    assert ["Casos vencidos al 31/03/2026"] in rows
    first = rows.index(["Casos vencidos al 31/03/2026"])
    assert rows[first + 2][0] == "DGE-2026-000001"


def test_the_pdf_is_stored_with_its_hash_in_the_log(
    captured: World, alicia: User, dge: Unit
) -> None:
    stored, content = generate_monthly_report(alicia, dge, MARCH, "pdf", APRIL_15)
    assert content.startswith(b"%PDF-")
    if os.environ.get("FOLIO_REPORT_PDF"):  # to look at it: pdftoppm -png it
        Path(os.environ["FOLIO_REPORT_PDF"]).write_bytes(content)
    assert stored.sha256 == hashlib.sha256(content).hexdigest()
    with default_storage.open(stored.file, "rb") as handle:
        assert handle.read() == content
    event = Event.objects.get(kind=EventKind.REPORT_GENERATED)
    assert event.payload["sha256"] == stored.sha256 and event.actor == alicia
    assert check_report(stored).intact
    reader = PdfReader(io.BytesIO(content))
    first = reader.pages[0].extract_text()
    assert "Informe mensual de Dirección de Gobierno Electrónico, mar 2026" in " ".join(
        first.split()
    )
    assert "Página 1 de" in first
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert "DGE-2026-000001" in text and "DGE-2026-000004" in text
    assert "capturado por Alicia Ramos" in text
    assert "57.1 %" in text


def test_an_altered_file_is_told(captured: World, alicia: User, dge: Unit) -> None:
    stored, _ = generate_monthly_report(alicia, dge, MARCH, "csv", APRIL_15)
    path = default_storage.path(stored.file)
    with open(path, "ab") as handle:
        handle.write(b"x")
    check = check_report(stored)
    assert not check.intact and check.logged == stored.sha256 != check.found


def test_only_readers_of_the_unit_generate(
    captured: World, bruno: User, carla: User, dge: Unit
) -> None:
    for who in (bruno, carla):  # staff; the head of a unit below the DGE
        with pytest.raises(PermissionDenied):
            generate_monthly_report(who, dge, MARCH, "pdf", APRIL_15)
    assert not Event.objects.filter(kind=EventKind.REPORT_GENERATED).exists()


def test_the_pdf_prints_a_long_table_in_part(
    captured: World, dge: Unit, monkeypatch: pytest.MonkeyPatch
) -> None:
    from web.indicators.report import render

    monkeypatch.setattr(render, "PDF_ROWS", 1)
    html = render.render_html(build_report(dge, MARCH, APRIL_15))
    assert "DGE-2026-000001" in html and "DGE-2026-000004" not in html
    assert "Aquí se imprimen solo las primeras 1 de 2 filas" in html


def test_a_manual_indicator_without_a_fraction_shows_its_words() -> None:
    from folio.indicators import map_indicator
    from folio.manuals.model import Indicator
    from web.indicators.manual import IndicatorValue
    from web.indicators.report.tables import manual_formula

    words = Indicator("duración estimada", "Duración estimada del proyecto en semanas.")
    value = IndicatorValue(words, map_indicator(words), None)
    assert manual_formula(value) == "Duración estimada del proyecto en semanas."


def test_a_subject_written_as_a_formula_stays_text(captured: World, dge: Unit) -> None:
    captured.cases["H"].subject = '=HYPERLINK("http://ejemplo.invalid","ver")'
    captured.cases["H"].save(update_fields=["subject"])
    report = build_report(dge, MARCH, APRIL_15)
    sheet = load_workbook(io.BytesIO(render_xlsx(report)))["vencidos"]
    cell = sheet.cell(row=3, column=2)
    assert cell.data_type == "s" and cell.value == "'" + captured.cases["H"].subject
    rows = list(csv.reader(io.StringIO(render_csv(report).decode("utf-8-sig"))))
    assert [row[1] for row in rows if row and row[0] == "DGE-2026-000001"] == [
        '\'=HYPERLINK("http://ejemplo.invalid","ver")'
    ]
