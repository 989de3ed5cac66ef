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
    return TableRow(
        number=cell(cols.number).strip(),
        responsible=cell(cols.responsible).strip(),
        activity=cell(cols.activity),
        documents=docs,
        copies=cell(cols.copies).strip(),
        row=row,
    )


def _align(cells: tuple[str, ...], cols: Columns) -> tuple[str, ...]:
    # A text export sometimes drops trailing empty cells; pad so indexes hold.
    if len(cells) < cols.width:
        return cells + ("",) * (cols.width - len(cells))
    return cells
