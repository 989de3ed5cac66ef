"""Finding the step tables of a row stream: runs of table rows whose columns read as a
step table (``columns.assign``), with their header rows set aside and split where the
numbering starts again at 1 (a new procedure). Narrative procedures ("Paso 1: La
Oficialía de Partes recibe…") are read as one-column tables.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from folio.manuals.blocks import Row
from folio.manuals.cleaning import fold, plain
from folio.manuals.columns import assign, hint_of, is_header_row
from folio.manuals.fields import match_label
from folio.manuals.furniture import is_diagram_heading
from folio.manuals.prose import subject_of
from folio.manuals.table import Columns, TableRow, header_columns, read_row

_NARRATIVE = re.compile(
    r"^\s*(?:paso|actividad)\s*(?:n[oº°]\.?\s*)?(\d{1,3}(?:\.\d{1,3})?)\s*[:.)-]\s*\S",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class StepTable:
    """Rows ``start``…``end - 1`` of the stream (headers included) and the body rows
    read into their columns. ``narrative``: steps written as paragraphs."""

    start: int
    end: int
    columns: Columns
    rows: tuple[TableRow, ...]
    narrative: bool = False
    guessed: bool = False  # no header row named the columns
    numbered_here: bool = False  # the table has no step numbers: Folio counted its rows

    @property
    def first_number(self) -> str:
        return next((r.number for r in self.rows if r.number), "")


def find_tables(body: list[Row]) -> list[StepTable]:
    tables: list[StepTable] = []
    for start, end in _runs(body):
        tables.extend(_read_run(body, start, end))
    tables.extend(_narratives(body))
    return sorted(tables, key=lambda t: t.start)


def is_table_row(row: Row) -> bool:
    """A row of several cells that is not a labelled field ("Objetivo:\t…") nor a
    diagram heading; a header row whose first word is also a label ("REGISTROS |
    TIEMPO DE RETENCIÓN | …") is still a table row."""
    if len(row.cells) < 2 or row.style == "page-header" or is_diagram_heading(row):
        return False
    return match_label(row) is None or (row.table is not None and _is_header(row))


def _runs(body: list[Row]) -> list[tuple[int, int]]:
    """Maximal runs of table rows; two source tables of different widths meeting are
    two runs (a header box above a step table)."""
    runs: list[tuple[int, int]] = []
    start: int | None = None
    for i, row in enumerate(body):
        inside = is_table_row(row)
        if start is not None and (not inside or _new_table(body[i - 1], row)):
            runs.append((start, i))
            start = None
        if inside and start is None:
            start = i
    if start is not None:
        runs.append((start, len(body)))
    return runs


def _new_table(previous: Row, row: Row) -> bool:
    if row.table is None or previous.table is None or row.table == previous.table:
        return False
    return len(row.cells) != len(previous.cells)


def _is_header(row: Row) -> bool:
    return header_columns(row) is not None or is_header_row(row.cells)


def _read_run(body: list[Row], start: int, end: int) -> list[StepTable]:
    """The step tables of one run: a header row (any wording) starts a new table when
    its columns differ; repeated headers are skipped."""
    tables: list[StepTable] = []
    header: Row | None = None
    rows: list[tuple[int, Row]] = []
    table_start = start
    for i in range(start, end):
        row = body[i]
        if _is_header(row):
            if header is not None and rows and _same_header(header, row):
                continue
            tables.extend(_make(body, table_start, i, header, rows))
            header, rows, table_start = row, [], i
            continue
        rows.append((i, row))
    tables.extend(_make(body, table_start, end, header, rows))
    return tables


def _same_header(a: Row, b: Row) -> bool:
    return [fold(plain(c)) for c in a.cells] == [fold(plain(c)) for c in b.cells] or (
        len(a.cells) == len(b.cells)
        and [hint_of(c) for c in a.cells] == [hint_of(c) for c in b.cells]
    )


def _make(
    body: list[Row], start: int, end: int, header: Row | None, rows: list[tuple[int, Row]]
) -> list[StepTable]:
    if not rows:
        return []
    cols = assign(header.cells if header else None, [r.cells for _, r in rows])
    if cols is None and header is not None:
        cols = header_columns(header)
    if cols is None:
        return []
    read = [(i, read_row(r, cols)) for i, r in rows]
    unnumbered = cols.number is None
    if unnumbered:
        read = _count(read)
    pieces = _restarts(read)
    tables = []
    for k, piece in enumerate(pieces):
        first = start if k == 0 else piece[0][0]
        last = pieces[k + 1][0][0] if k + 1 < len(pieces) else end
        steps = tuple(t for _, t in piece)
        tables.append(
            StepTable(first, last, cols, steps, guessed=not header, numbered_here=unnumbered)
        )
    return tables


def _count(read: list[tuple[int, TableRow]]) -> list[tuple[int, TableRow]]:
    """Number the rows of a table that has no step numbers: a row opens a step when it
    names a responsible or its activity starts a sentence; other rows continue one."""
    counted = []
    n = 0
    for i, tr in read:
        if tr.responsible or plain(tr.activity)[:1].isupper():
            n += 1
            tr = replace(tr, number=str(n))
        counted.append((i, tr))
    return counted


def _restarts(read: list[tuple[int, TableRow]]) -> list[list[tuple[int, TableRow]]]:
    """Split where the numbering starts again at 1 after higher numbers."""
    pieces: list[list[tuple[int, TableRow]]] = [[]]
    highest = 0
    for i, tr in read:
        top = _top(tr.number)
        if top == 1 and highest > 1 and re.fullmatch(r"1[.)]?", plain(tr.number) or ""):
            pieces.append([])
            highest = 0
        if top:
            highest = max(highest, top)
        pieces[-1].append((i, tr))
    return [p for p in pieces if p]


def _top(number: str) -> int:
    m = re.match(r"\s*(\d{1,3})", plain(number))
    return int(m.group(1)) if m else 0


# --- narrative procedures ---------------------------------------------------------


_ONE_CELL = Columns(number=0, responsible=None, activity=0, documents=(), copies=None, width=1)


def _narratives(body: list[Row]) -> list[StepTable]:
    """Runs of paragraphs opened by "Paso N:" (two or more), with the paragraphs
    between them continuing the step above."""
    tables: list[StepTable] = []
    i = 0
    while i < len(body):
        if not _narrative_step(body[i]):
            i += 1
            continue
        start, rows = i, list[TableRow]()
        while i < len(body) and _continues_narrative(body[i], bool(rows)):
            row = body[i]
            m = _NARRATIVE.match(plain(row.cells[0]))
            number, text = (m.group(1), plain(row.cells[0])[m.end() - 1 :]) if m else ("", "")
            text = text or plain(row.cells[0])
            responsible = subject_of(text) if number else ""
            rows.append(TableRow(number, responsible, text, "", "", row))
            i += 1
        while rows and not rows[-1].number:
            rows.pop()
            i -= 1
        if sum(1 for r in rows if r.number) >= 2:
            tables.append(StepTable(start, i, _ONE_CELL, tuple(rows), narrative=True))
    return tables


def _narrative_step(row: Row) -> bool:
    return len(row.cells) == 1 and _NARRATIVE.match(plain(row.cells[0])) is not None


def _continues_narrative(row: Row, started: bool) -> bool:
    if _narrative_step(row):
        return True
    if not started or len(row.cells) != 1 or match_label(row) is not None or row.style:
        return False
    text = plain(row.cells[0])
    return bool(text) and not text.isupper() and len(text) > 40
