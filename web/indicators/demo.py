"""The indicators' demo: last month's value of the first indicator kept by hand that a
head may capture (with an invented evidence note), and the informe mensual of the
Dirección de Gobierno Electrónico for last month, stored with its hash in the log. A
second run adds nothing. Every figure and text here is invented."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Protocol

from django.contrib.auth.models import User
from django.utils import timezone

from folio.indicators import map_indicator
from web.accounts.models import Unit
from web.cases.flow import procedure_model
from web.catalog.models import Procedure
from web.indicators.capture import Entry, capture_indicator_value, may_capture
from web.indicators.capture_models import IndicatorCapture
from web.indicators.report.actions import generate_monthly_report
from web.indicators.report.models import StoredReport

EVIDENCE = (
    "Concentrado de la medición del mes (datos inventados para la demostración de Folio).\n"
    "Se revisaron los registros del área y se contaron los casos del periodo.\n"
)


class Report(Protocol):
    def add(self, text: str) -> None: ...


def seed_demo(report: Report) -> None:
    month = timezone.localdate().replace(day=1) - timedelta(days=1)
    month = month.replace(day=1)
    _capture(report, month)
    _monthly_report(report, month)


def _heads() -> list[User]:
    return list(User.objects.filter(profile__is_head=True, is_active=True).order_by("pk"))


def _kept_by_hand() -> list[tuple[Procedure, str]]:
    found = []
    procedures = Procedure.objects.filter(
        retired_at__isnull=True, version__manual__retired_at__isnull=True
    ).select_related("version__manual")
    for row in procedures.order_by("pk"):
        for indicator in procedure_model(row).indicators:
            if map_indicator(indicator).manual_entry:
                found.append((row, indicator.name))
    return found


def _capture(report: Report, month: date) -> None:
    for procedure, name in _kept_by_hand():
        head = next((h for h in _heads() if may_capture(h, procedure)), None)
        if head is None:
            continue
        same = IndicatorCapture.objects.filter(
            manual_id=procedure.version.manual_id, procedure_code=procedure.code, month=month
        )
        if not same.exists():
            indicator = next(i for i in procedure_model(procedure).indicators if i.name == name)
            fraction = bool(indicator.numerator and indicator.denominator)
            entry = Entry(
                Decimal(18) if fraction else None,
                Decimal(20) if fraction else None,
                None if fraction else Decimal(12),
                "",
                "medicion-del-mes.txt",
                EVIDENCE.encode("utf-8"),
            )
            made = capture_indicator_value(head, procedure, name, month, entry)
            report.add(
                f"Indicador de captura manual «{name}» ({procedure.code}), {month:%Y-%m}: "
                f"{made.value.normalize():f}, capturado por {head.username}."
            )
        return


def _monthly_report(report: Report, month: date) -> None:
    unit = Unit.objects.filter(folio_prefix="DGE").first()
    head = next((h for h in _heads() if h.profile.unit_id == getattr(unit, "pk", None)), None)
    if unit is None or head is None:
        return
    if StoredReport.objects.filter(unit=unit, month=month, format="pdf").exists():
        return
    stored, _content = generate_monthly_report(head, unit, month, "pdf")
    report.add(
        f"Informe mensual de {unit.name}, {month:%Y-%m}: {stored.filename} "
        f"(SHA-256 {stored.sha256[:16]}…) en /indicadores/informes/."
    )
