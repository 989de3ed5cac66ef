"""Every Open311 answer checked against the schemas written from the spec: JSON against
``schemas/open311.schema.json`` (one definition per response), XML against
``schemas/open311.xsd`` (and its root element)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema  # type: ignore[import-untyped]
from lxml import etree  # type: ignore[import-untyped]

SCHEMAS = Path(__file__).resolve().parent / "schemas"
#: Response kind → (JSON definition, XML root element).
KINDS = {
    "services": ("services", "services"),
    "definition": ("service_definition", "service_definition"),
    "post": ("post_response", "service_requests"),
    "token": ("token_response", "service_requests"),
    "requests": ("service_requests", "service_requests"),
    "errors": ("errors", "errors"),
    "discovery": ("discovery", "discovery"),
}


@cache
def _json_schema() -> dict[str, Any]:
    return json.loads((SCHEMAS / "open311.schema.json").read_text())


@cache
def _xsd() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMAS / "open311.xsd")))


def check(response: Any, kind: str, fmt: str) -> Any:
    """Validate ``response`` (a ``requests`` response) and return its parsed body."""
    definition, root = KINDS[kind]
    if fmt == "json":
        assert response.headers["Content-Type"].startswith("application/json")
        body = response.json()
        schema = {**_json_schema(), "$ref": f"#/$defs/{definition}"}
        jsonschema.validate(body, schema, format_checker=jsonschema.FormatChecker())
        return body
    assert response.headers["Content-Type"].startswith("text/xml")
    assert response.content.startswith(b'<?xml version="1.0" encoding="UTF-8"?>')
    document = etree.fromstring(response.content)
    assert document.tag == root, document.tag
    _xsd().assertValid(document)
    return document
