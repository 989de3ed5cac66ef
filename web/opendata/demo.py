"""The open-data part of the demo office: the open-data manual (DGE), who plays its
roles, the datasets Folio makes, one dataset uploaded by hand (both published through
their cases) and one still in review. Running it again adds nothing."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib.auth.models import User
from django.db import transaction

from folio.demo import DEMO_DIR
from web.accounts.models import Unit
from web.catalog.actions import ensure_role, import_manual_file
from web.opendata.actions import DatasetFields, add_resource, publish_dataset, request_dataset
from web.opendata.actions.datasets import attach_case
from web.opendata.actions.refresh import RefreshResult, refresh_sources
from web.opendata.models import Dataset, Format
from web.opendata.review import approve_review

MANUAL = DEMO_DIR / "manual-datos-abiertos.txt"

#: role → username (the demo's people, ``web/demo.py``).
ROLES = {
    "Responsable de Datos de la Dependencia": "bruno",
    "Revisor/a de Apertura de Datos": "carla",
    "Administrador/a del Portal de Datos Abiertos": "alicia",
}

LUMINARIAS = """colonia,mes,reportes,reparadas,dias_promedio
Centro,2026-10,14,13,2.1
Centro,2026-11,11,11,1.8
La Loma,2026-10,6,5,3.4
La Loma,2026-11,9,9,2.7
San Miguel,2026-10,4,4,1.5
San Miguel,2026-11,7,6,2.9
"""
LUMINARIAS_SCHEMA: dict[str, Any] = {
    "fields": [
        {"name": "colonia", "type": "string", "description": "Colonia donde estaba la luminaria."},
        {"name": "mes", "type": "yearmonth", "description": "Mes del reporte."},
        {
            "name": "reportes",
            "type": "integer",
            "description": "Reportes recibidos.",
            "unit": "reportes",
        },
        {
            "name": "reparadas",
            "type": "integer",
            "description": "Luminarias reparadas.",
            "unit": "luminarias",
        },
        {
            "name": "dias_promedio",
            "type": "number",
            "description": "Tiempo promedio de reparación.",
            "unit": "días hábiles",
        },
    ]
}
AREAS_VERDES = (
    b'{"type":"FeatureCollection","features":['
    b'{"type":"Feature","geometry":{"type":"Point","coordinates":[-98.21,19.04]},'
    b'"properties":{"nombre":"Parque Central","superficie_m2":5400}},'
    b'{"type":"Feature","geometry":{"type":"Point","coordinates":[-98.19,19.06]},'
    b'"properties":{"nombre":"Jardin de La Loma","superficie_m2":1250}}]}'
)
AREAS_SCHEMA = {
    "fields": [
        {"name": "nombre", "type": "string", "description": "Nombre del parque o jardín."},
        {"name": "superficie_m2", "type": "integer", "description": "Superficie.", "unit": "m²"},
    ]
}


def seed_demo(report: Any) -> None:
    dge = Unit.objects.filter(name="Dirección de Gobierno Electrónico").first()
    people = {u.username: u for u in User.objects.filter(username__in=ROLES.values())}
    if dge is None or len(people) < len(ROLES):
        report.add("Datos abiertos: falta la oficina de demostración; no se agregó nada.")
        return
    _, created = import_manual_file(MANUAL, unit=dge)
    for role, username in ROLES.items():
        ensure_role(role, dge).members.add(people[username])
    if created:
        report.add(f"{MANUAL.name}: manual de datos abiertos importado.")
    _report_errors(refresh_sources(), report)
    for dataset in Dataset.objects.filter(source__gt="", case__isnull=True):
        _publish(attach_case(dataset, people["bruno"]), people)
    _uploaded(people)
    # the publication cases just opened count in the indicators too
    _report_errors(refresh_sources(), report)
    public = Dataset.objects.filter(published_at__isnull=False).count()
    report.add(f"Datos abiertos: {public} conjuntos publicados en /datos/.")


def _report_errors(result: RefreshResult, report: Any) -> None:
    for error in result.errors:
        report.add(f"Datos abiertos: {error}")


def _publish(dataset: Dataset, people: dict[str, User]) -> None:
    approve_review(dataset, people["carla"])
    publish_dataset(dataset, people["alicia"])


@transaction.atomic
def _uploaded(people: dict[str, User]) -> None:
    alumbrado = Unit.objects.filter(name="Departamento de Alumbrado Público").first()
    dge = Unit.objects.get(name="Dirección de Gobierno Electrónico")
    if not Dataset.objects.filter(name="luminarias-reparadas").exists():
        fields = DatasetFields(
            name="luminarias-reparadas",
            title="Luminarias reparadas por colonia",
            description="Reportes de alumbrado público recibidos y luminarias reparadas por "
            "colonia y mes, con el tiempo promedio de reparación (datos de demostración).",
            unit=alumbrado or dge,
            theme="infraestructura",
            frequency="mensual",
            keywords=("alumbrado", "servicios públicos", "colonias"),
            spatial="Municipio de San Isidro del Valle",
            coverage_start=date(2026, 10, 1),
            coverage_end=date(2026, 11, 30),
        )
        dataset = request_dataset(fields, people["bruno"])
        add_resource(
            dataset,
            people["bruno"],
            name="Luminarias reparadas (CSV)",
            fmt=Format.CSV,
            schema=LUMINARIAS_SCHEMA,
            filename="luminarias.csv",
            content=LUMINARIAS.encode(),
        )
        _publish(dataset, people)
    if not Dataset.objects.filter(name="areas-verdes").exists():
        fields = DatasetFields(
            name="areas-verdes",
            title="Áreas verdes del municipio",
            description="Parques y jardines con su superficie (en revisión).",
            unit=dge,
            theme="medio-ambiente",
            frequency="anual",
            keywords=("áreas verdes", "parques"),
        )
        dataset = request_dataset(fields, people["bruno"])
        add_resource(
            dataset,
            people["bruno"],
            name="Áreas verdes (GeoJSON)",
            fmt=Format.GEOJSON,
            schema=AREAS_SCHEMA,
            filename="areas-verdes.geojson",
            content=AREAS_VERDES,
        )
