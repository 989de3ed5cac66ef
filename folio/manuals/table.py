"""Finding step tables by their header words, in any column order, and reading their rows.

Header words vary by institution: ``Responsable | No. | Actividad | Formato o Documento |
Tantos`` (Puebla), ``No. | ÁREA RESPONSABLE | DESCRIPCIÓN DE LA ACTIVIDAD`` (Naucalpan),
``Secuencia de etapas | Actividad | Responsable`` (TecNM), ``No. | Descripción de la
Actividad | Puesto y Área | Insumo | Salida`` and ``Paso No. | Actor/Puesto | Descripción``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from folio.manuals.blocks import Row
from folio.manuals.cleaning import fold, plain

RESPONSIBLE, NUMBER, ACTIVITY, DOCUMENT, COPIES = "resp", "num", "act", "doc", "copies"

_HEADER_WORDS: dict[str, tuple[str, ...]] = {
    RESPONSIBLE: (
        "responsable",
        "responsables",
        "area responsable",
        "unidad responsable",
        "puesto y area",
        "actor/puesto",
        "actor / puesto",
        "actor",
        "puesto",
        "ejecutor",
    ),
    NUMBER: (
        "no",
        "no.",
        "num",
        "num.",
        "numero",
        "n°",
        "#",
        "paso",
        "paso no",
        "paso no.",
        "secuencia de etapas",
        "secuencia",
        "etapa",
        "actividad no",
        "actividad no.",
    ),
    ACTIVITY: (
        "actividad",
        "actividades",
        "descripcion de la actividad",
        "descripcion de actividades",
        "descripcion de las actividades",
        "descripcion",
    ),
    DOCUMENT: (
        "formato o documento",
        "formato y/o documento",
        "documento",
        "documentos",
        "formato",
        "formatos",
        "insumo",
        "insumos",
        "salida",
        "salidas",
        "registro",
    ),
    COPIES: ("tantos", "copias"),
}


def _header_kind(cell: str) -> str | None:
    key = re.sub(r"\s+", " ", fold(plain(cell))).strip(" :")
    if not key:
        return None
    for kind, words in _HEADER_WORDS.items():
        if key in words:
            return kind
    if key.startswith("secuencia de"):
        return NUMBER
    return None


@dataclass(frozen=True)
class Columns:
    """Column index of each role in a step table; ``documents`` may be several
    (Insumo and Salida)."""

    number: int | None
    responsible: int | None
    activity: int
    documents: tuple[int, ...]
    copies: int | None
    width: int


def header_columns(row: Row) -> Columns | None:
    """The table's columns if ``row`` is a step-table header row, else ``None``."""
    if len(row.cells) < 2:
        return None
    return _header_cells(row.cells)


@lru_cache(maxsize=1 << 14)
def _header_cells(cells: tuple[str, ...]) -> Columns | None:
    kinds: dict[str, list[int]] = {}
    filled = 0
    for i, cell in enumerate(cells):
        if not cell.strip():
            continue
        filled += 1
        kind = _header_kind(cell)
        if kind is None:
            return None
        kinds.setdefault(kind, []).append(i)
    if ACTIVITY not in kinds or filled < 2:
        return None
    if NUMBER not in kinds and RESPONSIBLE not in kinds:
        return None
    return Columns(
        number=kinds.get(NUMBER, [None])[0],
        responsible=kinds.get(RESPONSIBLE, [None])[0],
        activity=kinds[ACTIVITY][0],
        documents=tuple(kinds.get(DOCUMENT, [])),
        copies=kinds.get(COPIES, [None])[0],
        width=len(cells),
    )


@dataclass(frozen=True)
class TableRow:
    """One body row of a step table, its cells assigned to roles (raw text kept)."""

    number: str
    responsible: str
    activity: str
    documents: str
    copies: str
    row: Row


def read_row(row: Row, cols: Columns) -> TableRow:
    cells = _align(row.cells, cols)

    def cell(i: int | None) -> str:
        return cells[i] if i is not None and i < len(cells) else ""

    docs = " ".join(c for c in (cell(i) for i in cols.documents) if c.strip())
    number, responsible, activity = _split_number(
        cell(cols.number), cell(cols.responsible), cell(cols.activity), cols
    )
    return TableRow(
        number=number.strip(),
        responsible=responsible.strip(),
        activity=activity,
        documents=docs,
        copies=cell(cols.copies).strip(),
        row=row,
    )


_LEADING = re.compile(
    r"^\s*(\d{1,3}(?:\.\d{1,3}){0,3})(?:\s*(?:\.-|\.|\)|-|:)(?!\d))?\s*(.*)$", re.S
)
#: Words that stand alone; text leaked from the activity cell that is one of these ends
#: a word ("1 El" | "área recibe…"), any other fragment starts one ("1 Es" | "tablece").
_WHOLE_WORDS = frozenset({"el", "la", "los", "las", "se", "en", "un", "una", "al", "del", "y", "a"})


def _split_number(
    number: str, responsible: str, activity: str, cols: Columns
) -> tuple[str, str, str]:
    """The step number alone, with what else its cell holds given back: the role of
    "1) Promovente" (number written in the responsible cell), the activity of "1. Recibe…"
    in a table with no number column, or the start of the activity that leaked across
    the column rule ("1 Es" | "tablece…" → "Establece…")."""
    m = _LEADING.match(plain(number)) if cols.number is not None else None
    if m is None:
        return number, responsible, activity
    num, rest = m.group(1), m.group(2).strip()
    if cols.number == cols.responsible:
        return num, rest, activity
    if cols.number == cols.activity:
        return num, responsible, rest
    if not rest:
        return num, responsible, activity
    start = plain(activity)[:1]
    if start.islower() or (len(rest) <= 3 and start and not re.search(r"[.:)]$", number)):
        glue = " " if fold(rest.split()[-1]) in _WHOLE_WORDS or not start.islower() else ""
        return num, responsible, f"{rest}{glue}{activity.lstrip()}"
    return number, responsible, activity


def _align(cells: tuple[str, ...], cols: Columns) -> tuple[str, ...]:
    # A text export sometimes drops trailing empty cells; pad so indexes hold.
    if len(cells) < cols.width:
        return cells + ("",) * (cols.width - len(cells))
    return cells
