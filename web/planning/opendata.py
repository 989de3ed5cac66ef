"""The monthly progress of the PATs as open data (the Informe del Nivel de Avance
Mensual that the transparency portal publishes): one row per year, month, dependencia and
meta with the value programmed, the value reached (validated captures and Folio measures
only) and the semáforo. Registered in ``PlanningConfig.ready()``; the open-data app
publishes it. No personal data: no Enlace, no narrative, no folio."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal

from django.utils import timezone

from web.datasets import DataSource, Row
from web.planning.models import Pat
from web.planning.reports import unit_report

FIELDS = [
    ("anio", "integer", "Ejercicio fiscal del Programa Anual de Trabajo.", ""),
    ("mes", "integer", "Mes del avance (1 a 12).", ""),
    ("dependencia", "string", "Dependencia responsable del programa.", ""),
    ("programa", "string", "Clave del programa (p. ej. IMP-04).", ""),
    ("proyecto", "string", "Nombre del proyecto.", ""),
    ("meta", "string", "Descripción de la meta.", ""),
    ("unidad_medida", "string", "Unidad de medida de la meta.", ""),
    ("programado", "number", "Valor programado para el mes; vacío si no hay.", ""),
    ("alcanzado", "number", "Valor alcanzado validado (o leído de los casos); vacío sin dato.", ""),
    ("cumplimiento", "number", "Alcanzado ÷ programado × 100; vacío sin dato.", "porcentaje"),
    ("semaforo", "string", "verde, amarillo, rojo o sin dato.", ""),
]

SCHEMA = {
    "fields": [
        {"name": name, "type": kind, "description": text, **({"unit": unit} if unit else {})}
        for name, kind, text, unit in FIELDS
    ],
    "primaryKey": ["anio", "mes", "dependencia", "programa", "proyecto", "meta"],
}


def progress_rows(today: date | None = None) -> Iterator[Row]:
    """Every closed month of every PAT (months after today's are left out)."""
    today = today or timezone.localdate()
    for pat in Pat.objects.select_related("unit").order_by("year", "unit__name"):
        last = 12 if pat.year < today.year else today.month - 1
        for month in range(1, last + 1) if pat.year <= today.year else ():
            for row in unit_report(pat, month).rows:
                project = row.goal.project
                yield {
                    "anio": pat.year,
                    "mes": month,
                    "dependencia": pat.unit.name,
                    "programa": project.program.code,
                    "proyecto": project.name,
                    "meta": row.goal.description,
                    "unidad_medida": row.goal.unit_of_measure,
                    "programado": _number(row.programmed),
                    "alcanzado": _number(row.reached),
                    "cumplimiento": _round(row.light.achievement),
                    "semaforo": row.light.color,
                }


def _number(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def progress_source() -> DataSource:
    return DataSource(
        slug="avance-mensual-pat",
        title="Avance mensual de los Programas Anuales de Trabajo",
        description=(
            "Informe del Nivel de Avance Mensual: por dependencia, programa, proyecto y "
            "meta, el valor programado y el alcanzado en cada mes (solo avances validados "
            "por el instituto de planeación, o leídos de los casos de Folio) y su semáforo. "
            "Sin datos personales."
        ),
        schema=SCHEMA,
        rows=progress_rows,
        keywords=("planeación", "programa anual de trabajo", "avance mensual", "desempeño"),
        theme="gobierno-abierto",
        frequency="mensual",
    )
