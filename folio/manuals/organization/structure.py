"""The numbered unit tree of "Estructura orgánica" and the organigram captions."""

from __future__ import annotations

import re
from collections.abc import Container
from dataclasses import dataclass

from folio.manuals.blocks import Row
from folio.manuals.model import SourceRef
from folio.manuals.organization.layout import numbered
from folio.manuals.organization.names import key_words, normalize_name


@dataclass(frozen=True)
class TreeLine:
    """One numbered line of the structure list or of the organigram captions."""

    number: str
    name: str
    source: SourceRef


def parse_tree(rows: list[Row]) -> list[TreeLine]:
    """The numbered lines, in order ("1. Titular …", "- 4.1 Coordinación …",
    "2.1.8 Jefatura …"); unnumbered lines are left out."""
    lines = []
    for row in rows:
        found = numbered(row)
        if found is not None:
            number, name = found
            lines.append(TreeLine(number, name.strip().rstrip("."), row.source))
    return lines


def numbering_parent(number: str, known: Container[str]) -> str | None:
    """The nearest number above ``number`` in the numbering that exists in ``known``:
    "2.1.3" → "2.1" (or "2" if there is no "2.1"); "1" → None."""
    parts = number.split(".")
    while len(parts) > 1:
        parts.pop()
        candidate = ".".join(parts)
        if candidate in known:
            return candidate
    return None


def caption_alias(unit_name: str, caption: str) -> str | None:
    """The caption's name for a unit when it is another spelling of ``unit_name``
    ("Oficina de la persona Titular de la Secretaría…" for "Titular de la
    Secretaría…"); None when the caption repeats the name or names something else.
    Captions often chain the parent and the unit with dashes ("Dirección General … –
    Dirección de Gobierno Digital"); each part is tried."""
    parts = [p.strip() for p in re.split(r"\s+[-–—]\s+", caption) if p.strip()]
    target = normalize_name(unit_name)
    if any(normalize_name(p) == target for p in parts):
        return None
    best = max(parts, key=lambda p: name_overlap(p, unit_name), default="")
    return best if best and name_overlap(best, unit_name) >= 0.8 else None


def name_overlap(name: str, unit_name: str) -> float:
    """Share of the unit name's words that ``name`` contains."""
    wa, wb = set(key_words(name)), set(key_words(unit_name))
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / len(wb)
