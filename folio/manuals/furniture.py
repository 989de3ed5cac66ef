"""Removing page furniture: headers and footers that a PDF/DOCX conversion repeats on
every page ("**Manual de Procedimientos de la Dirección …**" in six markdown styles, a
4-line "Registro: … / Fecha de elaboración: …" table, an "Elaboró / Revisó / Autorizó"
signature footer, "Página 3 de 5"), and flow-diagram leftovers (headings and swimlane
labels with no diagram)."""

from __future__ import annotations

import re
from collections import Counter

from folio.manuals.blocks import Row
from folio.manuals.cleaning import fold, plain
from folio.manuals.columns import is_header_row
from folio.manuals.fields import NAME, match_label
from folio.manuals.table import header_columns

#: A row seen this many times is furniture, unless it is a step-table row.
MIN_REPEATS = 3
_TAGS = re.compile(r"<[^>]{0,200}>")
_DIGITS = re.compile(r"\d+")
_NON_WORD = re.compile(r"[^\w#]+")
_DIAGRAM = re.compile(r"^(?:\d+(?:\.\d+)*\.?\s*)?diagrama(?:cion)?\s+de\s+(?:flujo|procedimiento)")


def furniture_key(row: Row) -> str:
    """Row text reduced to its words (markup, punctuation and digits ignored), so that
    "**Manual …**" and "### ***Manual …***" or "Página 2 de 5" and "Página 3 de 5" match."""
    raw = " ".join(row.cells)
    if len(raw) > 400:
        return raw  # page furniture is short; a long row is content, key it as itself
    text = _TAGS.sub(" ", raw).lower()
    return _NON_WORD.sub(" ", _DIGITS.sub("#", text)).strip()


def is_diagram_heading(row: Row) -> bool:
    text = fold(plain(" ".join(row.cells))).strip()
    return bool(_DIAGRAM.match(text)) or text in {"diagramacion", "diagrama de flujo:"}


def remove_furniture(rows: list[Row]) -> list[Row]:
    """``rows`` without repeated page headers/footers (and blank rows).
    Step-table header rows are kept: the table reader skips their repeats itself."""
    counts = Counter(furniture_key(r) for r in rows if not r.is_blank)
    kept = []
    for row in rows:
        if row.is_blank:
            continue
        if header_columns(row) is not None or is_header_row(row.cells):
            kept.append(row)
            continue
        if counts[furniture_key(row)] >= MIN_REPEATS and not _is_content(row):
            continue
        kept.append(row)
    return kept


def _is_content(row: Row) -> bool:
    """Rows that may legitimately repeat: step rows ("9 | Recibe … " twice in one
    procedure) and field rows ("Tiempo Promedio de Gestión: Variable." in many
    procedures). A repeated procedure *name* row is a page header, though."""
    label = match_label(row)
    if label is not None:
        return label[0] != NAME
    cells = [plain(c) for c in row.cells]
    has_number = any(re.fullmatch(r"\d+(?:\.\d+)*\.?", c) for c in cells)
    return has_number and any(len(c) > 30 for c in cells)
