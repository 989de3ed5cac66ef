"""Reading an uploaded resource against its data dictionary (a Frictionless Table
Schema): every error named by row and field, in Spanish; the rows as JSON values when it
passes. CSV and XLSX are read by frictionless from the file; JSON (an array of objects)
and GeoJSON (a FeatureCollection, its features' ``properties`` checked) are parsed here
and checked by frictionless as inline rows."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from frictionless import FrictionlessException, Resource, Schema

from web.datasets import Row

#: Field types a data dictionary may use (a subset of Table Schema's).
FIELD_TYPES = (
    "string",
    "integer",
    "number",
    "boolean",
    "date",
    "datetime",
    "year",
    "yearmonth",
)
MAX_ERRORS = 20


class InvalidResource(ValueError):
    """The file or its dictionary is wrong; ``errors`` are Spanish sentences, each naming
    the place (file, row, field)."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("\n".join(errors))
        self.errors = errors


def check_schema(schema: dict[str, Any]) -> Schema:
    """The dictionary as a frictionless Schema; refused unless every field has a name, a
    known type and a description (``unit`` is optional)."""
    fields = schema.get("fields") if isinstance(schema, dict) else None
    if not isinstance(fields, list) or not fields:
        raise InvalidResource([_("The data dictionary lists no fields.")])
    errors, names = [], set()
    for i, field in enumerate(fields, start=1):
        name = str(field.get("name", "")).strip() if isinstance(field, dict) else ""
        where = _("Data dictionary, field %(n)s (%(name)s)") % {"n": i, "name": name or "—"}
        if not name:
            errors.append(_("%(where)s: it has no name.") % {"where": where})
        elif name in names:
            errors.append(_("%(where)s: the name is repeated.") % {"where": where})
        names.add(name)
        kind = field.get("type") if isinstance(field, dict) else None
        if kind not in FIELD_TYPES:
            known = ", ".join(FIELD_TYPES)
            errors.append(
                _("%(where)s: type «%(type)s» is not one of %(known)s.")
                % {"where": where, "type": kind, "known": known}
            )
        if isinstance(field, dict) and not str(field.get("description", "")).strip():
            errors.append(_("%(where)s: it has no description.") % {"where": where})
    if errors:
        raise InvalidResource(errors)
    try:
        return Schema.from_descriptor(schema)
    except FrictionlessException as err:
        raise InvalidResource([_("Data dictionary: %(e)s") % {"e": err.error.note}]) from err


def read_rows(filename: str, fmt: str, content: bytes, schema: dict[str, Any]) -> list[Row]:
    """The rows of ``content`` (a ``Format`` value) when it matches ``schema``; raises
    ``InvalidResource`` otherwise."""
    table_schema = check_schema(schema)
    if fmt in ("JSON", "GeoJSON"):
        rows = _json_rows(filename, fmt, content)
        _refuse_unknown_keys(filename, rows, table_schema)
        return _checked(filename, lambda: Resource(data=rows, schema=table_schema))
    suffix = {"CSV": ".csv", "XLSX": ".xlsx"}[fmt]
    with tempfile.TemporaryDirectory() as tmp:
        Path(tmp, "datos" + suffix).write_bytes(content)
        options: dict[str, Any] = {"encoding": "utf-8"} if fmt == "CSV" else {}
        return _checked(
            filename,
            lambda: Resource(path="datos" + suffix, basepath=tmp, schema=table_schema, **options),
        )


def _checked(filename: str, make: Callable[[], Resource]) -> list[Row]:
    report = make().validate(limit_errors=MAX_ERRORS)
    if not report.valid:
        raise InvalidResource([_message(filename, error) for error in report.flatten(_KEYS)])
    with make() as resource:
        return [{k: _plain(v) for k, v in row.to_dict().items()} for row in resource.row_stream]


def _plain(value: Any) -> Any:
    """A cell as a JSON value: numbers as numbers, dates as ISO text, year-months as
    AAAA-MM."""
    if isinstance(value, Decimal):
        return (
            int(value)
            if value == value.to_integral_value() and "." not in str(value)
            else float(value)
        )
    if isinstance(value, date | datetime | time):
        return value.isoformat()
    if isinstance(value, tuple) and hasattr(value, "month") and hasattr(value, "year"):
        return f"{value.year:04d}-{value.month:02d}"
    return value


_KEYS = ["type", "rowNumber", "fieldName", "note", "message"]

_KINDS = {
    "type-error": gettext_noop("the value does not have the dictionary's type (%(note)s)"),
    "constraint-error": gettext_noop("the value breaks a rule of the dictionary (%(note)s)"),
    "missing-cell": gettext_noop("the value is missing"),
    "extra-cell": gettext_noop("the row has more values than the dictionary has fields"),
    "blank-row": gettext_noop("the row is empty"),
    "primary-key": gettext_noop("the key is repeated"),
    "incorrect-label": gettext_noop("the column title does not match the dictionary"),
    "missing-label": gettext_noop("the column is missing"),
    "extra-label": gettext_noop("the column is not in the dictionary"),
    "duplicate-label": gettext_noop("the column title is repeated"),
    "blank-label": gettext_noop("the column has no title"),
}


def _message(filename: str, error: list[Any]) -> str:
    kind, row, field, note, message = error
    words = {"file": filename, "row": row, "field": field, "note": note}
    what = _(_KINDS[kind]) % words if kind in _KINDS else str(message)
    if row and field:
        return _("%(file)s, row %(row)s, field «%(field)s»: ") % words + what + "."
    if row:
        return _("%(file)s, row %(row)s: ") % words + what + "."
    if field:
        return _("%(file)s, column «%(field)s»: ") % words + what + "."
    return _("%(file)s: the file could not be read (%(note)s).") % words


def _json_rows(filename: str, fmt: str, content: bytes) -> list[Row]:
    try:
        data = json.loads(content.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise InvalidResource(
            [_("%(file)s is not valid JSON: %(e)s.") % _w(filename, err)]
        ) from err
    if fmt == "GeoJSON":
        if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
            raise InvalidResource(
                [_("%(file)s is not a GeoJSON FeatureCollection.") % _w(filename)]
            )
        features = data.get("features") or []
        found: list[Any] | None = [
            f.get("properties") if isinstance(f, dict) else None for f in features
        ]
    else:
        found = data if isinstance(data, list) else None
    rows = found
    if rows is None or not all(isinstance(r, dict) for r in rows):
        raise InvalidResource(
            [_("%(file)s must hold a list of objects, one per row.") % _w(filename)]
        )
    return [r for r in rows if isinstance(r, dict)]


def _refuse_unknown_keys(filename: str, rows: list[Row], schema: Schema) -> None:
    known = set(schema.field_names)
    errors = []
    for number, row in enumerate(rows, start=1):
        for key in row:
            if key not in known:
                words = {"file": filename, "row": number, "field": key}
                errors.append(
                    _("%(file)s, row %(row)s, field «%(field)s»: not in the dictionary.") % words
                )
    if errors:
        raise InvalidResource(errors[:MAX_ERRORS])


def _w(filename: str, err: Exception | None = None) -> dict[str, str]:
    return {"file": filename, "e": str(err) if err else ""}
