"""The monthly report counts validated progress only, with its semáforo, and renders as
PDF and XLSX; the PMD report averages the líneas de acción per eje."""

from __future__ import annotations

import io
from decimal import Decimal

from django.contrib.auth.models import User
from openpyxl import load_workbook  # type: ignore[import-untyped]

from web.planning.actions import capture_progress, validate_progress
from web.planning.models import Goal, PlanElement, Pmd
from web.planning.render import render_pdf, render_xlsx
from web.planning.reports import monthly_report, pmd_progress


def test_only_validated_progress_counts(goal: Goal, enlace_dac: User, mariana: User) -> None:
    validated = capture_progress(goal, 10, enlace_dac, Decimal(38), "Octubre.")
    validate_progress(validated, mariana)
    capture_progress(goal, 11, enlace_dac, Decimal(20), "Noviembre, sin validar.")
    (october,) = monthly_report(2026, 10)
    row = october.rows[0]
    assert row.reached == Decimal(38) and row.programmed == Decimal(40)
    assert row.light.color == "verde" and round(row.light.achievement or 0) == 95
    assert row.programmed_to_date == Decimal(400) and row.reached_to_date == Decimal(38)
    assert row.light_to_date.color == "rojo"
    (november,) = monthly_report(2026, 11)
    pending = november.rows[0]
    assert pending.reached is None and pending.light.color == "sin dato"
    assert pending.folio == validated.case.folio.replace("000001", "000002")


def test_pdf_and_xlsx(goal: Goal, enlace_dac: User, mariana: User) -> None:
    narrative = '=HYPERLINK("http://example.invalid","clic")'
    validate_progress(capture_progress(goal, 1, enlace_dac, Decimal(25), narrative), mariana)
    reports = monthly_report(2026, 1)
    pdf = render_pdf(reports, 2026, 1, consolidated=True)
    assert pdf.startswith(b"%PDF")
    book = load_workbook(io.BytesIO(render_xlsx(reports, 2026, 1, consolidated=True)))
    rows = list(book.active.iter_rows(values_only=True))
    assert rows[2][0] == "Dependencia"
    assert rows[3][6] == 25 and rows[3][8] == "rojo"  # 25 of 40 is 62.5 %
    narrative_cell = book.active.cell(row=4, column=15)
    assert narrative_cell.value == narrative and narrative_cell.data_type == "s"


def test_pmd_progress_per_axis(db: None) -> None:
    pmd = Pmd.objects.create(name="PMD", start_year=2025, end_year=2027)
    eje = PlanElement.objects.create(pmd=pmd, level="eje", key="1", title="Eje")
    obj = PlanElement.objects.create(pmd=pmd, parent=eje, level="objetivo", key="1.1", title="O")
    est = PlanElement.objects.create(
        pmd=pmd, parent=obj, level="estrategia", key="1.1.1", title="E"
    )
    for key, level in (("1.1.1.1", 30), ("1.1.1.2", 60), ("1.1.1.3", None)):
        PlanElement.objects.create(
            pmd=pmd, parent=est, level="linea", key=key, title=key, implementation=level
        )
    (axis,) = pmd_progress(pmd)
    assert axis.implementation == Decimal(45) and axis.lines == 3 and axis.lines_measured == 2
    assert axis.objectives[0][1] == Decimal(45)
