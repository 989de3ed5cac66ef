"""The monthly report as PDF (WeasyPrint, Letter pages numbered "Página n de m"), XLSX
(a cover sheet, then one sheet per table) and CSV (the tables one after another)."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from typing import Any

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from web.charts import Chart, bar_chart, line_chart
from web.indicators.report.content import MonthlyReport, month_label
from web.indicators.report.tables import Table, report_tables
from web.spreadsheets import NUMBER, inert

#: Tables a chart stands for whole (its own table carries the same numbers).
CHART_REPLACES = {"tendencia", "antiguedad"}
#: Rows of a table the PDF prints (a municipality's overdue cases can run to thousands).
PDF_ROWS = 300


def report_charts(report: MonthlyReport) -> dict[str, Chart]:
    """The charts of the report, by the key of the table they illustrate."""
    trend = report.trend
    charts = {
        "tendencia": line_chart(
            _("Received, completed and overdue cases, last six months"),
            [t.label for t in trend],
            {
                _("Received"): [t.received for t in trend],
                _("Completed"): [t.completed for t in trend],
                _("Overdue"): [t.overdue for t in trend],
            },
            label_header=_("Month"),
        ),
        "antiguedad": bar_chart(
            _("Open cases by age (días hábiles)"),
            list(report.measures.backlog),
            {_("Cases"): list(report.measures.backlog.values())},
            label_header=_("Días hábiles open"),
        ),
    }
    waits = [w for w in report.waits.by_activity if w.wait.median is not None][:12]
    if waits:
        charts["esperas"] = bar_chart(
            _("Median wait per activity (días hábiles)"),
            # The activity's number and words: a procedure's code («DEMO/MP/DGE/DA/001»)
            # fills the label's room; the table below names it, in the same order.
            [f"{w.key[1]} · {w.activity}" if w.activity else w.key[1] for w in waits],
            {_("Median"): [w.wait.median for w in waits]},
            label_header=_("Activity"),
            horizontal=True,
        )
    if report.workload:
        people = report.workload[:12]
        charts["carga"] = bar_chart(
            _("Workload: tasks completed and held"),
            [w.name for w in people],
            {_("Completed"): [w.completed for w in people], _("Held"): [w.held for w in people]},
            label_header=_("Person"),
            horizontal=True,
        )
    return charts


def title_of(report: MonthlyReport) -> str:
    return _("Monthly report of %(unit)s, %(month)s") % {
        "unit": report.unit.name,
        "month": month_label(report.period.start),
    }


def render_html(report: MonthlyReport) -> str:
    charts = report_charts(report)
    sections: list[dict[str, object]] = []
    for table in report_tables(report):
        section: dict[str, object] = {
            "table": table,
            "chart": charts.get(table.key),
            "replaced": table.key in CHART_REPLACES,
        }
        if len(table.rows) > PDF_ROWS:
            section["table"] = replace(table, rows=table.rows[:PDF_ROWS])
            section["more"] = _(
                "Only the first %(shown)s of %(total)s rows are printed here: the XLSX and the "
                "CSV hold them all."
            ) % {"shown": PDF_ROWS, "total": len(table.rows)}
        sections.append(section)
    context = {"report": report, "title": title_of(report), "sections": sections}
    return render_to_string("indicators/report/monthly.html", context)


def render_pdf(report: MonthlyReport) -> bytes:
    from weasyprint import HTML  # type: ignore[import-untyped]

    pdf: bytes = HTML(string=render_html(report)).write_pdf()
    return pdf


def render_xlsx(report: MonthlyReport) -> bytes:
    from openpyxl import Workbook  # type: ignore[import-untyped]
    from openpyxl.styles import Font  # type: ignore[import-untyped]

    book = Workbook()
    cover = book.active
    assert cover is not None  # a new workbook has one sheet
    cover.title = _("report")
    cover.append([title_of(report)])
    cover["A1"].font = Font(bold=True, size=14)
    cover.append([_("Unit"), report.unit.name])
    cover.append([_("Month"), report.month])
    cover.append([_("Open cases judged on"), f"{report.measures.as_of:%d/%m/%Y}"])
    cover.append([_("Generated"), f"{timezone.localtime(report.generated_at):%d/%m/%Y %H:%M}"])
    for table in report_tables(report):
        sheet = book.create_sheet(table.key)
        sheet.append([table.title])
        sheet["A1"].font = Font(bold=True)
        sheet.append(list(table.headers))
        for cell in sheet[2]:
            cell.font = Font(bold=True)
        for row in table.rows:
            sheet.append([_cell(value) for value in row])
        if not table.rows and table.empty:
            sheet.append([table.empty])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _cell(text: str) -> str | int | float:
    """Numbers as numbers, so a spreadsheet sums them; everything else as text."""
    if NUMBER.match(text):
        return float(text) if "." in text else int(text)
    return inert(text)


def render_csv(report: MonthlyReport) -> bytes:
    """UTF-8 with a byte-order mark (spreadsheets then read the accents right); each
    table starts with its title on a line of its own and ends with an empty line."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([title_of(report)])
    writer.writerow([])
    for table in report_tables(report):
        _csv_table(writer, table)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _csv_table(writer: Any, table: Table) -> None:
    writer.writerow([table.title])
    writer.writerow(table.headers)
    writer.writerows([inert(cell) for cell in row] for row in table.rows)
    if not table.rows and table.empty:
        writer.writerow([table.empty])
    writer.writerow([])


RENDERERS = {"pdf": render_pdf, "xlsx": render_xlsx, "csv": render_csv}
