"""Open311 GeoReport v2 bodies in XML (required by the spec) and JSON, from one Python
structure: dictionaries become elements in key order, lists repeat their item element
(``services`` → ``service``…), ``None`` is an empty element, booleans are true/false."""

from __future__ import annotations

import json
from datetime import date, datetime, time
from typing import Any
from xml.etree import ElementTree as ET

from django.http import HttpResponse
from django.utils import timezone

#: The element each list's items are written as.
ITEM = {
    "services": "service",
    "attributes": "attribute",
    "values": "value",
    "service_requests": "request",
    "errors": "error",
    "endpoints": "endpoint",
    "formats": "format",
    "notes": "note",
}
XML_TYPE = "text/xml; charset=utf-8"
JSON_TYPE = "application/json; charset=utf-8"


def iso(moment: datetime | None) -> str | None:
    """ISO 8601 with the offset, in the office's time zone (``2026-12-07T09:15:00-06:00``)."""
    if moment is None:
        return None
    return timezone.localtime(moment).isoformat(timespec="seconds")


def end_of(day: date | None) -> str | None:
    if day is None:
        return None
    return iso(timezone.make_aware(datetime.combine(day, time(23, 59, 59))))


def respond(fmt: str, root: str, data: Any, status: int = 200) -> HttpResponse:
    if fmt == "json":
        body = json.dumps(data, ensure_ascii=False)
        return HttpResponse(body.encode(), content_type=JSON_TYPE, status=status)
    return HttpResponse(to_xml(root, data), content_type=XML_TYPE, status=status)


def error(fmt: str, code: int, description: str) -> HttpResponse:
    """The spec's error body: ``<errors><error><code/><description/></error></errors>``."""
    return respond(fmt, "errors", [{"code": code, "description": description}], status=code)


def to_xml(root: str, data: Any) -> bytes:
    element = ET.Element(root)
    _fill(element, data)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(element, encoding="utf-8")


def _fill(element: ET.Element, data: Any) -> None:
    if isinstance(data, dict):
        for key, value in data.items():
            _fill(ET.SubElement(element, key), value)
    elif isinstance(data, list):
        for item in data:
            _fill(ET.SubElement(element, ITEM.get(element.tag, "item")), item)
    elif data is None:
        return
    elif isinstance(data, bool):
        element.text = "true" if data else "false"
    else:
        element.text = str(data)
