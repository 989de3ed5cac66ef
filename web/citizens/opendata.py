"""The citizen reports as a publishable table (``web.datasets``), for the open-data app:
type, dates, state, colonia and a point rounded to about 100 m. No reporter, address or
description: people write names and phone numbers in them."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from web.datasets import DataSource, Row

FIELDS = [
    ("folio", "string", "Folio del reporte (service_request_id de Open311)"),
    ("tipo", "string", "Tipo de reporte"),
    ("codigo_tipo", "string", "Código del tipo (service_code de Open311)"),
    ("dependencia", "string", "Dependencia responsable"),
    ("fecha_reporte", "datetime", "Fecha y hora del reporte (ISO 8601 con zona)"),
    ("fecha_actualizacion", "datetime", "Último cambio de estado o nota pública"),
    ("fecha_cierre", "datetime", "Fecha y hora de cierre (vacía si sigue abierto)"),
    ("estado", "string", "Estado: recibida, asignada, en proceso, verificada, cerrada"),
    ("estatus", "string", "open o closed (Open311)"),
    ("colonia", "string", "Colonia"),
    ("latitud", "number", "Latitud redondeada a tres decimales (unos 100 m)"),
    ("longitud", "number", "Longitud redondeada a tres decimales (unos 100 m)"),
]


def rows() -> Iterator[Row]:
    from web.citizens.open311.render import iso
    from web.citizens.public_rows import public_rows

    for item in public_rows():
        out: dict[str, Any] = dict(item)
        for key in ("fecha_reporte", "fecha_actualizacion", "fecha_cierre"):
            out[key] = iso(item[key])
        yield out


SOURCE = DataSource(
    slug="reportes-ciudadanos",
    title="Reportes ciudadanos de servicios públicos (072)",
    description=(
        "Reportes de servicios públicos recibidos por el 072, la página de reportes y "
        "aplicaciones Open311: tipo, fechas, estado y colonia. Sin datos personales; la "
        "ubicación, redondeada a unos 100 m."
    ),
    schema={
        "fields": [{"name": n, "type": t, "description": d} for n, t, d in FIELDS],
        "primaryKey": ["folio"],
    },
    rows=rows,
    keywords=("reportes", "072", "servicios públicos", "Open311"),
    theme="servicios públicos",
    frequency="diaria",
)
