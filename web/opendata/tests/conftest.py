"""The open-data world: the DGE runs the open-data manual (``folio/demo``); Bruno is the
Responsable de Datos who requests, Carla the Revisora, Alicia the Administradora del
Portal who publishes. ``published`` is a dataset that went through all of it."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User

from web.accounts.models import Unit
from web.catalog.actions import ensure_role, import_manual_file
from web.catalog.models import ManualVersion
from web.opendata.actions import DatasetFields, add_resource, publish_dataset, request_dataset
from web.opendata.demo import MANUAL
from web.opendata.models import Dataset, Format
from web.opendata.review import approve_review

CSV = b"colonia,mes,reportes,promedio\nCentro,2026-10,14,2.5\nLa Loma,2026-10,6,3.0\n"
SCHEMA: dict[str, Any] = {
    "fields": [
        {"name": "colonia", "type": "string", "description": "Colonia."},
        {"name": "mes", "type": "yearmonth", "description": "Mes."},
        {"name": "reportes", "type": "integer", "description": "Reportes.", "unit": "reportes"},
        {"name": "promedio", "type": "number", "description": "Días.", "unit": "días hábiles"},
    ]
}


@pytest.fixture
def opendata_manual(dge: Unit, alicia: User, bruno: User, carla: User) -> ManualVersion:
    version, _ = import_manual_file(MANUAL, unit=dge)
    ensure_role("Responsable de Datos de la Dependencia", dge).members.add(bruno)
    ensure_role("Revisor/a de Apertura de Datos", dge).members.add(carla)
    ensure_role("Administrador/a del Portal de Datos Abiertos", dge).members.add(alicia)
    return version


def fields(dge: Unit, **changes: Any) -> DatasetFields:
    values: dict[str, Any] = {
        "title": "Reportes de alumbrado por colonia",
        "description": "Reportes recibidos por colonia y mes.",
        "unit": dge,
        "theme": "infraestructura",
        "frequency": "mensual",
        "keywords": ("alumbrado", "colonias"),
        "spatial": "Municipio de San Isidro del Valle",
    }
    values.update(changes)
    return DatasetFields(**values)


@pytest.fixture
def requested(opendata_manual: ManualVersion, dge: Unit, bruno: User) -> Dataset:
    dataset = request_dataset(fields(dge), bruno)
    add_resource(
        dataset,
        bruno,
        name="Reportes (CSV)",
        fmt=Format.CSV,
        schema=SCHEMA,
        filename="reportes.csv",
        content=CSV,
    )
    return dataset


@pytest.fixture
def published(requested: Dataset, carla: User, alicia: User) -> Dataset:
    approve_review(requested, carla)
    return publish_dataset(requested, alicia)
