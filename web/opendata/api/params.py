"""Reading an action's parameters as CKAN does: integers, booleans, JSON lists and
dictionaries given as strings in a query string or as values in a JSON body."""

from __future__ import annotations

import json
from typing import Any

from web.opendata.api.errors import invalid


def integer(params: dict[str, Any], key: str, default: int, low: int = 0, high: int = 10**9) -> int:
    value = params.get(key, default)
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise invalid(key, "Invalid integer") from None
    if number < low:
        raise invalid(key, f"Must be a natural number ≥ {low}")
    return min(number, high)


def boolean(params: dict[str, Any], key: str, default: bool) -> bool:
    value = params.get(key, default)
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() in ("true", "1", "yes", "on")


def json_value(params: dict[str, Any], key: str, default: Any) -> Any:
    value = params.get(key, default)
    if isinstance(value, str):
        try:
            return json.loads(value)
        except json.JSONDecodeError:
            raise invalid(key, "Could not parse as valid JSON") from None
    return value


def string_list(params: dict[str, Any], key: str) -> list[str]:
    """A JSON list, or a comma-separated string."""
    value = params.get(key)
    if value is None or value == "":
        return []
    if isinstance(value, str):
        text = value.strip()
        if text.startswith("["):
            value = json_value(params, key, [])
        else:
            return [part.strip() for part in text.split(",") if part.strip()]
    if not isinstance(value, list):
        raise invalid(key, "Not a list")
    return [str(v) for v in value]


def required(params: dict[str, Any], key: str) -> str:
    value = params.get(key)
    if value is None or str(value).strip() == "":
        raise invalid(key, "Missing value")
    return str(value).strip()
