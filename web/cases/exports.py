"""The case list as a file: every case the filters find (not only the page shown), as
CSV (UTF-8 with a BOM, so Excel reads the accents right; streamed) or XLSX (openpyxl in
write-only mode, row by row). Same columns in both."""

from __future__ import annotations

import csv
import tempfile
from collections.abc import Iterator
from datetime import date, datetime
from itertools import islice

from django.db.models import QuerySet
from django.http import FileResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook  # type: ignore[import-untyped]

from web.cases.case_search import with_list_data
from web.cases.deadlines import office_calendar
from web.cases.models import Case
from web.cases.queries import case_deadlines
from web.spreadsheets import inert

#: Read this many cases per query while writing a file.
BATCH = 500

Cell = str | date | None


def headers() -> list[str]:
    return [
        _("Folio"),
        _("Subject"),
        _("Procedure"),
        _("Unit"),
        _("State"),
        _("Deadline"),
        _("Due date"),
        _("Current activity"),
        _("Held by"),
        _("Started"),
        _("Ended"),
    ]


def export_rows(found: QuerySet[Case]) -> Iterator[list[Cell]]:
    """One row per case, in the list's order; a few queries per ``BATCH`` cases."""
    cases = with_list_data(found).iterator(chunk_size=BATCH)
    today, calendar = timezone.localdate(), office_calendar()
    while batch := list(islice(cases, BATCH)):
        for row in case_deadlines(batch, today, calendar):
            yield _row(row.case, row.deadline.label if row.deadline else "")


def _row(case: Case, deadline: str) -> list[Cell]:
    tasks = getattr(case, "active_tasks", [])
    holders = [t.assignee.get_full_name() or t.assignee.username for t in tasks if t.assignee]
    return [
        case.folio,
        case.subject,
        f"{case.procedure.code}. {case.procedure.name}",
        case.unit.name,
        case.get_state_display(),
        deadline,
        case.due_date,
        ", ".join(dict.fromkeys(t.step_number for t in tasks)),
        ", ".join(dict.fromkeys(holders)),
        _local_day(case.started_at),
        _local_day(case.ended_at),
    ]


def _local_day(moment: datetime | None) -> date | None:
    return timezone.localdate(moment) if moment is not None else None


def file_name(extension: str) -> str:
    return f"casos-{timezone.localdate().isoformat()}.{extension}"


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_response(found: QuerySet[Case]) -> StreamingHttpResponse:
    writer = csv.writer(_Echo())

    def lines() -> Iterator[str]:
        yield "\ufeff" + writer.writerow(headers())
        for row in export_rows(found):
            yield writer.writerow(["" if v is None else _text(v) for v in row])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{file_name("csv")}"'
    return response


def _text(value: Cell) -> Cell:
    """Subjects come from citizens: text that looks like a formula stays text."""
    return inert(value) if isinstance(value, str) else value


def xlsx_response(found: QuerySet[Case]) -> FileResponse:
    """Written row by row to a temporary file (write-only: memory stays flat)."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet(_("Cases"))
    sheet.append(headers())
    for row in export_rows(found):
        sheet.append([_text(v) for v in row])
    handle = tempfile.TemporaryFile()  # noqa: SIM115 -- FileResponse closes it when sent
    book.save(handle)
    handle.seek(0)
    return FileResponse(
        handle,
        as_attachment=True,
        filename=file_name("xlsx"),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
