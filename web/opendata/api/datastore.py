"""``datastore_search`` over the rows of a tabular resource's current version, stored in
``DataRow`` (indexed by resource and row number): ``filters`` (field → value or list),
``q`` (words anywhere in the row, or field → text), ``fields``, ``sort``, ``limit``,
``offset`` and ``include_total``."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.db.models import F, QuerySet
from django.db.models.fields.json import KeyTextTransform, KeyTransform

from folio.manuals.cleaning import fold
from web.opendata.api.errors import invalid, not_found
from web.opendata.api.params import boolean, integer, json_value, required, string_list
from web.opendata.models import DataRow, Resource
from web.opendata.queries import public_resource

DATASTORE_TYPES = {
    "string": "text",
    "integer": "int",
    "number": "numeric",
    "boolean": "bool",
    "date": "date",
    "datetime": "timestamp",
    "year": "int",
    "yearmonth": "text",
}


def datastore_search(params: dict[str, Any], base: str) -> dict[str, Any]:
    resource_id = required(params, "resource_id")
    resource = public_resource(resource_id)
    if resource is None or not any(True for _ in resource.versions.all()):
        raise not_found(f'Resource "{resource_id}" was not found.')
    schema_fields = {f["name"]: f for f in resource.schema.get("fields", [])}
    limit = integer(params, "limit", 100, 0, 32000)
    offset = integer(params, "offset", 0)
    fields = string_list(params, "fields") or list(schema_fields)
    for name in fields:
        if name not in schema_fields and name != "_id":
            raise invalid("fields", f'field "{name}" not in resource')
    rows = DataRow.objects.filter(resource=resource)
    filters = json_value(params, "filters", {}) or {}
    rows = _filtered(rows, filters, schema_fields)
    rows = _searched(rows, params.get("q"), schema_fields)
    rows = _ordered(rows, str(params.get("sort") or ""), schema_fields)
    page = list(rows.values_list("number", "data")[offset : offset + limit])
    records = [{"_id": n, **{k: d.get(k) for k in fields if k != "_id"}} for n, d in page]
    result: dict[str, Any] = {
        "resource_id": str(resource.pk),
        "fields": [{"id": "_id", "type": "int"}]
        + [_field(schema_fields[n]) for n in fields if n != "_id"],
        "records": records,
        "limit": limit,
        "offset": offset,
        "filters": filters,
        "_links": _links(params, resource, limit, offset),
    }
    if params.get("q"):
        result["q"] = params.get("q")
    if params.get("sort"):
        result["sort"] = params.get("sort")
    if boolean(params, "include_total", True):
        result["total"] = rows.count()
        result["total_was_estimated"] = False
    return result


def _field(field: dict[str, Any]) -> dict[str, Any]:
    info = {"label": field.get("description", ""), "unit": field.get("unit", "")}
    return {"id": field["name"], "type": DATASTORE_TYPES.get(field["type"], "text"), "info": info}


def _filtered(
    rows: QuerySet[DataRow], filters: Any, schema: dict[str, dict[str, Any]]
) -> QuerySet[DataRow]:
    if not isinstance(filters, dict):
        raise invalid("filters", "Not a JSON object")
    for i, (name, wanted) in enumerate(filters.items()):
        if name not in schema:
            raise invalid("filters", f'field "{name}" not in resource')
        values = wanted if isinstance(wanted, list) else [wanted]
        typed = [_typed(schema[name], v) for v in values]
        key = f"f{i}"
        rows = rows.alias(**{key: KeyTransform(name, "data")}).filter(**{f"{key}__in": typed})
    return rows


def _typed(field: dict[str, Any], value: Any) -> Any:
    kind = field["type"]
    try:
        if kind in ("integer", "year"):
            return int(value)
        if kind == "number":
            return float(value)
    except (TypeError, ValueError):
        raise invalid("filters", f'invalid value for "{field["name"]}": {value}') from None
    if kind == "boolean":
        return value if isinstance(value, bool) else str(value).lower() in ("true", "1")
    return str(value)


def _searched(
    rows: QuerySet[DataRow], q: Any, schema: dict[str, dict[str, Any]]
) -> QuerySet[DataRow]:
    if not q:
        return rows
    if isinstance(q, str) and q.strip().startswith("{"):
        q = json_value({"q": q}, "q", {})
    if isinstance(q, dict):
        for i, (name, text) in enumerate(q.items()):
            if name not in schema:
                raise invalid("q", f'field "{name}" not in resource')
            key = f"q{i}"
            rows = rows.alias(**{key: KeyTextTransform(name, "data")})
            rows = rows.filter(**{f"{key}__icontains": str(text)})
        return rows
    for word in fold(str(q)).split():
        rows = rows.filter(text__contains=word)
    return rows


def _ordered(
    rows: QuerySet[DataRow], sort: str, schema: dict[str, dict[str, Any]]
) -> QuerySet[DataRow]:
    order: list[Any] = []
    for part in sort.split(","):
        words = part.split()
        if not words:
            continue
        name = words[0].strip('"')
        desc = len(words) > 1 and words[1].lower() == "desc"
        if name == "_id":
            order.append(F("number").desc() if desc else F("number").asc())
            continue
        if name not in schema:
            raise invalid("sort", f'field "{name}" not in resource')
        key = KeyTransform(name, "data")
        order.append(key.desc() if desc else key.asc())
    return rows.order_by(*order, "number")


def _links(params: dict[str, Any], resource: Resource, limit: int, offset: int) -> dict[str, str]:
    kept = {k: v for k, v in params.items() if k not in ("offset", "resource_id")}
    kept = {k: v if isinstance(v, str) else _json(v) for k, v in kept.items()}
    start = {"resource_id": str(resource.pk), **kept}
    path = "/api/3/action/datastore_search?"
    return {
        "start": path + urlencode(start),
        "next": path + urlencode({**start, "offset": offset + limit}),
    }


def _json(value: Any) -> str:
    import json

    return json.dumps(value, ensure_ascii=False)
