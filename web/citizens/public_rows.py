"""The public list, map and open data of citizen reports: type, dates, state and colonia;
coordinates rounded to three decimals (about 100 m). Never the reporter, the address
or the description (people write names and phone numbers in them)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.db.models import Prefetch, QuerySet

from web.cases.models import Task
from web.citizens.models import Report
from web.citizens.status import public_status

STEP = Decimal("0.001")


def rounded(value: Decimal | None) -> float | None:
    return None if value is None else float(value.quantize(STEP, rounding=ROUND_HALF_UP))


def public_reports() -> QuerySet[Report]:
    """Every report, newest first, with what its public row reads (a few queries for
    any slice of it)."""
    tasks = Prefetch("case__tasks", queryset=Task.objects.order_by("created_at", "pk"))
    reports = Report.objects.select_related("case", "service__unit").prefetch_related(
        tasks, "public_notes"
    )
    return reports.order_by("-requested_at", "-pk")


def public_rows(reports: Iterable[Report] | None = None) -> list[dict[str, Any]]:
    """The public rows of ``reports`` (a page, a slice of ``public_reports()``), or of
    every report."""
    return [row(report) for report in (public_reports() if reports is None else reports)]


def row(report: Report) -> dict[str, Any]:
    status = public_status(report, report.case.tasks.all())
    closed: datetime | None = report.case.ended_at
    return {
        "folio": report.case.folio,
        "tipo": report.service.name,
        "codigo_tipo": report.service.code,
        "dependencia": report.service.unit.name,
        "fecha_reporte": report.requested_at,
        "fecha_actualizacion": status.updated_at,
        "fecha_cierre": closed,
        "estado": status.state,
        "estatus": status.status,
        "colonia": report.colonia,
        "latitud": rounded(report.lat),
        "longitud": rounded(report.long),
    }


def map_points(rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {"lat": r["latitud"], "lng": r["longitud"], "label": f"{r['tipo']} · {r['estado']}"}
        for r in rows
        if r["latitud"] is not None
    ]
