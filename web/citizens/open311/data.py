"""The Open311 structures of Folio's objects. A request never carries the reporter's
data: ``Reporter`` is not read here at all."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from django.conf import settings

from web.cases.models import Task
from web.citizens.models import Report, ServiceType
from web.citizens.open311.render import end_of, iso
from web.citizens.status import public_status

SPECIFICATION = "http://wiki.open311.org/GeoReport_v2"
FORMATS = ["text/xml", "application/json"]


def service(item: ServiceType) -> dict[str, Any]:
    return {
        "service_code": item.code,
        "service_name": item.name,
        "description": item.description,
        "metadata": item.attributes.exists(),
        "type": "realtime",
        "keywords": item.keywords,
        "group": item.group,
    }


def definition(item: ServiceType, fmt: str) -> dict[str, Any]:
    attributes = []
    for attribute in item.attributes.all():
        values = [{"key": str(k), "name": str(n)} for k, n in attribute.values]
        attributes.append(
            {
                "variable": True,
                "code": attribute.code,
                "datatype": attribute.datatype,
                "required": attribute.required,
                "datatype_description": attribute.datatype_description,
                "order": attribute.order,
                "description": attribute.description,
                "values": values,
            }
        )
    return {"service_code": item.code, "attributes": attributes}


def _number(value: Decimal | None, fmt: str) -> float | str | None:
    if value is None:
        return None
    return float(value) if fmt == "json" else str(value)


def request(
    report: Report, fmt: str, extensions: bool, tasks: Iterable[Task] | None = None
) -> dict[str, Any]:
    status = public_status(report, tasks)
    case = report.case
    data: dict[str, Any] = {
        "service_request_id": case.folio,
        "status": status.status,
        "status_notes": status.notes,
        "service_name": report.service.name,
        "service_code": report.service.code,
        "description": report.description,
        "agency_responsible": report.service.unit.name,
        "service_notice": "",
        "requested_datetime": iso(report.requested_at),
        "updated_datetime": iso(status.updated_at),
        "expected_datetime": end_of(case.due_date),
        "address": report.address,
        "address_id": report.address_id,
        "zipcode": report.zipcode,
        "lat": _number(report.lat, fmt),
        "long": _number(report.long, fmt),
        "media_url": report.media_url,
    }
    if extensions:
        notes = [
            {"datetime": iso(c.at), "state": c.state, "summary": c.note or c.state}
            for c in status.history
        ]
        data["extended_attributes"] = {
            "state": status.state,
            "channel": report.channel,
            "colonia": report.colonia,
            "notes": notes,
        }
    return data


def discovery(base: str) -> dict[str, Any]:
    changeset = iso(_changeset())
    return {
        "changeset": changeset,
        "contact": getattr(settings, "FOLIO_OPEN311_CONTACT", settings.DEFAULT_FROM_EMAIL),
        "key_service": getattr(
            settings, "FOLIO_OPEN311_KEY_SERVICE", "Solicite su api_key a la administración."
        ),
        "endpoints": [
            {
                "specification": SPECIFICATION,
                "url": base,
                "changeset": changeset,
                "type": "production",
                "formats": FORMATS,
            }
        ],
    }


def _changeset() -> datetime:
    """When the catalogue last changed (the discovery's ``changeset``)."""
    latest = ServiceType.objects.order_by("-updated_at").values_list("updated_at", flat=True)
    return latest.first() or datetime(2026, 1, 1, tzinfo=UTC)
