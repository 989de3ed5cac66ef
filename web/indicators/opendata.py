"""The indicators as open data: one row per month, unit and procedure with the case
measures of ``web/indicators/measures.py``. Registered in ``IndicatorsConfig.ready()``
as a ``DataSource``; the open-data app publishes it (``folio opendata refresh``).

No personal data: units, procedures and counts only (no folio, subject or person)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from django.db.models import Min
from django.utils import timezone

from folio.calendar import add_months
from folio.measures import Period
from web.cases.models import Case
from web.catalog.models import Procedure
from web.datasets import DataSource, Row
from web.indicators.measures import measure_cases
from web.indicators.scope import Scope, local_date

#: Months back from the current one that the dataset covers.
MONTHS = 36

FIELDS = [
    ("mes", "yearmonth", "Mes de los datos (AAAA-MM).", ""),
    ("unidad", "string", "Unidad administrativa que lleva los casos (con sus áreas).", ""),
    ("manual", "string", "Registro del manual de procedimientos.", ""),
    ("procedimiento", "string", "Código del procedimiento en su manual.", ""),
    ("nombre_procedimiento", "string", "Nombre del procedimiento.", ""),
    ("recibidos", "integer", "Casos iniciados en el mes.", "casos"),
    ("concluidos", "integer", "Casos concluidos en el mes.", "casos"),
    ("cancelados", "integer", "Casos cancelados en el mes.", "casos"),
    ("en_proceso", "integer", "Casos abiertos al cierre del mes.", "casos"),
    ("vencidos", "integer", "Casos abiertos con el plazo vencido al cierre del mes.", "casos"),
    (
        "capacidad_respuesta",
        "number",
        "Concluidos ÷ recibidos × 100; vacío si no se recibió ninguno.",
        "porcentaje",
    ),
    (
        "concluidos_a_tiempo",
        "number",
        "Concluidos dentro de su plazo ÷ concluidos con plazo × 100; vacío sin dato.",
        "porcentaje",
    ),
    (
        "tiempo_mediano",
        "number",
        "Mediana del tiempo de atención de los casos concluidos en el mes.",
        "días hábiles",
    ),
]

SCHEMA = {
    "fields": [
        {"name": name, "type": kind, "description": text, **({"unit": unit} if unit else {})}
        for name, kind, text, unit in FIELDS
    ],
    "primaryKey": ["mes", "unidad", "manual", "procedimiento"],
}


def indicator_rows(today: date | None = None) -> Iterator[Row]:
    today = today or timezone.localdate()
    first = Case.objects.aggregate(first=Min("started_at"))["first"]
    if first is None:
        return
    current = today.replace(day=1)
    month = max(local_date(first).replace(day=1), add_months(current, -(MONTHS - 1)))
    pairs = _pairs()
    while month <= current:
        period = Period.of("month", month)
        for procedure, unit in pairs:
            row = _row(procedure, unit, period, today)
            if row is not None:
                yield row
        month = add_months(month, 1)


def _pairs() -> list[tuple[Procedure, object]]:
    """One (procedure, unit) per procedure code and unit that has cases."""
    seen: dict[tuple[int, str, int], tuple[Procedure, object]] = {}
    cases = Case.objects.select_related("procedure__version__manual", "unit").defer(
        "procedure__version__data", "procedure__data"
    )
    for case in cases.order_by("-procedure__version__number"):
        key = (case.procedure.version.manual_id, case.procedure.code, case.unit_id)
        seen.setdefault(key, (case.procedure, case.unit))
    return sorted(seen.values(), key=lambda p: (str(p[1]), p[0].version.manual.code, p[0].code))


def _row(procedure: Procedure, unit: object, period: Period, today: date) -> Row | None:
    m = measure_cases(Scope(procedure=procedure, unit=unit), period, today)  # type: ignore[arg-type]
    if not (m.received or m.completed or m.cancelled or m.in_process):
        return None
    return {
        "mes": period.start.strftime("%Y-%m"),
        "unidad": str(unit),
        "manual": procedure.version.manual.code or procedure.version.manual.title,
        "procedimiento": procedure.code,
        "nombre_procedimiento": procedure.name,
        "recibidos": m.received,
        "concluidos": m.completed,
        "cancelados": m.cancelled,
        "en_proceso": m.in_process,
        "vencidos": m.overdue,
        "capacidad_respuesta": _round(m.response_capacity),
        "concluidos_a_tiempo": _round(m.on_time_rate),
        "tiempo_mediano": _round(m.lead_time.median),
    }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def indicators_source() -> DataSource:
    return DataSource(
        slug="indicadores-mensuales",
        title="Indicadores mensuales por procedimiento y unidad",
        description=(
            "Casos recibidos, concluidos, cancelados, en proceso y vencidos; capacidad de "
            "respuesta, casos concluidos a tiempo y tiempo mediano de atención, por mes, "
            "unidad administrativa y procedimiento. Calculado por Folio a partir de los "
            "casos que registra; sin datos personales."
        ),
        schema=SCHEMA,
        rows=indicator_rows,
        keywords=("indicadores", "trámites", "desempeño", "capacidad de respuesta"),
        theme="gobierno-abierto",
        frequency="mensual",
    )
