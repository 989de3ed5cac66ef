"""Text that every output can hold: no control characters.

No manual means a control character (a stray ``\\x01`` from a conversion, a vertical tab
from Word), and XML — SVG, BPMN, DOCX — cannot hold most of them at all, so one in a
cell would break every export. They become spaces wherever text enters the model:
rows read from a file, JSON loaded (the web keeps manuals as JSON), and, as a last
guard, a manual handed to an exporter.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any, TypeVar

#: C0 and C1 controls but tab and newline, DEL, and the two non-characters XML refuses.
CONTROLS = re.compile("[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x9f\\ufffe\\uffff]")
#: Lone surrogates (from a file decoded with ``surrogateescape``) cannot be encoded.
_SURROGATES = re.compile("[\\ud800-\\udfff]")

T = TypeVar("T")


def safe_text(text: str) -> str:
    if CONTROLS.search(text):
        text = CONTROLS.sub(" ", text)
    if _SURROGATES.search(text):
        text = _SURROGATES.sub("\ufffd", text)
    return text


def safe_data(value: Any) -> Any:
    """``value`` (parsed JSON: dicts, lists, strings…) with every string made safe."""
    if isinstance(value, str):
        return safe_text(value)
    if isinstance(value, dict):
        return {safe_data(k): safe_data(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [safe_data(v) for v in value]
    return value


def safe_model(value: T) -> T:
    """A model object (any frozen dataclass of the manual model) with every string in it
    made safe; the same object when nothing needed it."""
    return _safe(value)  # type: ignore[no-any-return]


def _safe(value: Any) -> Any:
    if isinstance(value, str):
        return safe_text(value)
    if isinstance(value, tuple):
        items = tuple(_safe(v) for v in value)
        return value if all(a is b for a, b in zip(items, value, strict=True)) else items
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {}
        for field in dataclasses.fields(value):
            before = getattr(value, field.name)
            after = _safe(before)
            if after is not before:
                changes[field.name] = after
        return dataclasses.replace(value, **changes) if changes else value
    return value
