"""The JSON export of a manual: a versioned public contract (``docs/manual-format.md``,
``manual.schema.json``).

The shape follows the model one to one: every dataclass becomes an object whose keys are
its field names, tuples become arrays, ``None`` becomes ``null``. The top level adds
``format_version``; its ``diagnostics`` are the manual's own plus any passed in (lint's).

Loading checks ``format_version`` and every value against the model's type hints, so a
damaged or foreign file fails with a ``ValueError`` that names the offending key.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from collections.abc import Mapping, Sequence
from importlib import resources
from typing import Any

from folio.manuals.model import Diagnostic, Manual
from folio.manuals.textsafe import safe_text

FORMAT_VERSION = "1.1"
# Files of the same major version and a minor up to ours load (minor versions only add).
_MAJOR, _MINOR = (int(part) for part in FORMAT_VERSION.split("."))


def manual_to_dict(manual: Manual, diagnostics: Sequence[Diagnostic] = ()) -> dict[str, Any]:
    """The export of ``manual`` as plain JSON-ready values, ``format_version`` first."""
    data: dict[str, Any] = {"format_version": FORMAT_VERSION}
    data.update(_encode_dataclass(manual))
    data["diagnostics"] = [_encode_dataclass(d) for d in (*manual.diagnostics, *diagnostics)]
    return data


def manual_to_json(manual: Manual, diagnostics: Sequence[Diagnostic] = ()) -> str:
    """The export as JSON text: UTF-8 friendly (accents kept), indented by 2."""
    data = manual_to_dict(manual, diagnostics)
    return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def manual_from_dict(data: Mapping[str, Any]) -> Manual:
    """Rebuild a ``Manual`` from :func:`manual_to_dict` output.

    Raises ``ValueError`` when ``format_version`` is missing or not readable by this
    version of Folio, or when a key or value does not fit the model."""
    if not isinstance(data, Mapping):
        raise ValueError("El manual en JSON debe ser un objeto.")
    _check_format_version(data.get("format_version"))
    fields = {k: v for k, v in data.items() if k != "format_version"}
    manual = _decode_dataclass(Manual, fields, "$")
    assert isinstance(manual, Manual)
    return manual


def manual_from_json(text: str) -> Manual:
    """Parse JSON text written by :func:`manual_to_json`. Raises ``ValueError``
    (``json.JSONDecodeError`` is one) on malformed text or a wrong shape."""
    return manual_from_dict(json.loads(text))


def manual_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the current ``format_version``."""
    text = resources.files("folio.manuals").joinpath("manual.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def _check_format_version(version: object) -> None:
    if version is None:
        raise ValueError(
            "Falta 'format_version': el archivo no parece una exportación de manual de Folio."
        )
    parts = _version_parts(version) if isinstance(version, str) else None
    if parts is not None and parts[0] == _MAJOR and parts[1] > _MINOR:
        raise ValueError(
            f"format_version {version!r} es más reciente que esta versión de Folio "
            f"(lee hasta {FORMAT_VERSION}): actualice Folio para abrir el archivo."
        )
    if parts is None or parts[0] != _MAJOR:
        raise ValueError(
            f"format_version {version!r} no es compatible: esta versión de Folio lee "
            f"de {_MAJOR}.0 a {FORMAT_VERSION}."
        )


def _version_parts(version: str) -> tuple[int, int] | None:
    major, _, minor = version.partition(".")
    if not (major.isdigit() and minor.isdigit()):
        return None
    return int(major), int(minor)


def _encode_dataclass(obj: Any) -> dict[str, Any]:
    return {f.name: _encode(getattr(obj, f.name)) for f in dataclasses.fields(obj)}


def _encode(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _encode_dataclass(value)
    if isinstance(value, tuple):
        return [_encode(item) for item in value]
    return value


_FIELD_TYPES: dict[type[Any], dict[str, Any]] = {}


def _field_types(cls: type[Any]) -> dict[str, Any]:
    """Field name → resolved type hint, computed once per class."""
    if cls not in _FIELD_TYPES:
        hints = typing.get_type_hints(cls)
        _FIELD_TYPES[cls] = {f.name: hints[f.name] for f in dataclasses.fields(cls)}
    return _FIELD_TYPES[cls]


def _decode_dataclass(cls: type[Any], data: Any, path: str) -> Any:
    if not isinstance(data, Mapping):
        raise ValueError(f"{path}: se esperaba un objeto ({cls.__name__}).")
    types_by_name = _field_types(cls)
    unknown = sorted(set(data) - set(types_by_name))
    if unknown:
        raise ValueError(f"{path}: clave desconocida {unknown[0]!r} en {cls.__name__}.")
    required = {
        f.name
        for f in dataclasses.fields(cls)
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
    }
    missing = sorted(required - set(data))
    if missing:
        raise ValueError(f"{path}: falta la clave {missing[0]!r} en {cls.__name__}.")
    kwargs = {
        name: _decode(types_by_name[name], value, f"{path}.{name}") for name, value in data.items()
    }
    return cls(**kwargs)


def _decode(hint: Any, value: Any, path: str) -> Any:
    origin = typing.get_origin(hint)
    if origin is typing.Union or origin is types.UnionType:
        return _decode_optional(hint, value, path)
    if origin is typing.Literal:
        if value not in typing.get_args(hint):
            allowed = ", ".join(repr(a) for a in typing.get_args(hint))
            raise ValueError(f"{path}: valor {value!r} no admitido (se admite {allowed}).")
        return value
    if origin is tuple:
        if not isinstance(value, list):
            raise ValueError(f"{path}: se esperaba una lista.")
        item = typing.get_args(hint)[0]
        return tuple(_decode(item, v, f"{path}[{i}]") for i, v in enumerate(value))
    if dataclasses.is_dataclass(hint):
        return _decode_dataclass(typing.cast(type[Any], hint), value, path)
    return _decode_scalar(hint, value, path)


def _decode_optional(hint: Any, value: Any, path: str) -> Any:
    args = [a for a in typing.get_args(hint) if a is not type(None)]
    if len(args) != 1:
        raise TypeError(f"{path}: tipo no soportado por el formato JSON: {hint!r}")
    if value is None:
        return None
    return _decode(args[0], value, path)


_SCALAR_NAMES = {str: "texto", int: "un entero", float: "un número", bool: "true o false"}


def _decode_scalar(hint: Any, value: Any, path: str) -> Any:
    if hint not in _SCALAR_NAMES:
        raise TypeError(f"{path}: tipo no soportado por el formato JSON: {hint!r}")
    is_bool = isinstance(value, bool)
    if hint is float and isinstance(value, int | float) and not is_bool:
        return float(value)
    if hint is str and isinstance(value, str):
        return safe_text(value)  # no control character reaches an export
    if isinstance(value, hint) and (hint is bool or not is_bool):
        return value
    raise ValueError(f"{path}: se esperaba {_SCALAR_NAMES[hint]}, se encontró {value!r}.")
