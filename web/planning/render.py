"""The Informe del Nivel de Avance Mensual as PDF (WeasyPrint) and XLSX (openpyxl), per
dependencia or consolidated (every dependencia with a PAT of the year)."""

from __future__ import annotations

import io
from decimal import Decimal

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from web.planning.models import Pmd
from web.planning.reports import GoalRow, UnitReport, month_name, pmd_progress

COLORS = {"verde": "Green", "amarillo": "Yellow", "rojo": "Red", "sin dato": "No data"}


def report_title(reports: list[UnitReport], year: int, month: int, consolidated: bool) -> str:
    words = {"month": month_name(month), "year": year}
    if consolidated or len(reports) != 1:
        return _("Monthly progress report, %(month)s %(year)s: consolidated") % words
    return _("Monthly progress report, %(month)s %(year)s: %(unit)s") % {
        **words,
        "unit": reports[0].unit.name,
    }


def render_html(reports: list[UnitReport], year: int, month: int, consolidated: bool) -> str:
    totals = {c: sum(r.count(c) for r in reports) for c in COLORS}
    context = {
        "title": report_title(reports, year, month, consolidated),
        "reports": reports,
        "totals": totals,
        "month_label": f"{month_name(month)} {year}",
        "generated": timezone.localtime(),
    }
    return render_to_string("planning/pdf/monthly.html", context)


def render_pdf(reports: list[UnitReport], year: int, month: int, consolidated: bool) -> bytes:
    from weasyprint import HTML  # type: ignore[import-untyped]

    pdf: bytes = HTML(string=render_html(reports, year, month, consolidated)).write_pdf()
    return pdf


HEADERS = (
    "Dependencia", "Programa", "Proyecto", "Meta", "Unidad de medida", "Programado del mes",
    "Alcanzado del mes", "% del mes", "Semáforo del mes", "Programado acumulado",
    "Alcanzado acumulado", "Semáforo acumulado", "Fuente", "Folio", "Narrativa",
)  # fmt: skip


def render_xlsx(reports: list[UnitReport], year: int, month: int, consolidated: bool) -> bytes:
    from openpyxl import Workbook  # type: ignore[import-untyped]
    from openpyxl.styles import Font  # type: ignore[import-untyped]

    book = Workbook()
    sheet = book.active
    assert sheet is not None  # a new workbook has one sheet
    sheet.title = "avance"
    sheet.append([report_title(reports, year, month, consolidated)])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([])
    sheet.append(list(HEADERS))
    for cell in sheet[3]:
        cell.font = Font(bold=True)
    for report in reports:
        for row in report.rows:
            sheet.append(xlsx_row(report, row))
            for cell in sheet[sheet.max_row]:
                if isinstance(cell.value, str):  # a narrative «=…» stays text, never a formula
                    cell.data_type = "s"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def xlsx_row(report: UnitReport, row: GoalRow) -> list[object]:
    project = row.goal.project
    return [
        report.unit.name,
        f"{project.program.code} {project.program.name}",
        project.name,
        row.goal.description,
        row.goal.unit_of_measure,
        _num(row.programmed),
        _num(row.reached),
        None if row.light.achievement is None else round(row.light.achievement, 1),
        row.light.color,
        _num(row.programmed_to_date),
        _num(row.reached_to_date),
        row.light_to_date.color,
        str(row.source),
        row.folio,
        row.narrative,
    ]


def _num(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def pmd_title(pmd: Pmd) -> str:
    return _("Annual progress of the plan") + f": {pmd.name}"


def render_pmd_pdf(pmd: Pmd) -> bytes:
    """The annual PMD progress report: nivel de implementación per eje and objetivo."""
    from weasyprint import HTML

    context = {
        "pmd": pmd,
        "axes": pmd_progress(pmd),
        "title": pmd_title(pmd),
        "generated": timezone.localtime(),
    }
    pdf: bytes = HTML(string=render_to_string("planning/pdf/pmd.html", context)).write_pdf()
    return pdf
