"""The rows of a DOCX or text manual around a step, read again from the kept file with
the importer's own readers, so that the row numbers are the ones ``Step.source.line``
names (a DOCX paragraph or table row; a line of a text file)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from folio.manuals.blocks import Row
from folio.manuals.sources.docx import read_docx_rows
from folio.manuals.sources.text import read_text_rows

#: Rows shown before and after the step's own rows.
CONTEXT = 3
#: At most this many rows are the step's own (a step continues until the next one).
MAX_STEP_ROWS = 8


@dataclass(frozen=True)
class SourceRow:
    line: int
    cells: tuple[str, ...]
    is_step: bool


def rows_around(path: Path, is_docx: bool, first: int, following: int | None) -> list[SourceRow]:
    """The non-blank rows from ``CONTEXT`` before line ``first`` to ``CONTEXT`` after the
    step's last row; the step's rows run from ``first`` to the row before ``following``
    (the next step's line, when it is further down), at most ``MAX_STEP_ROWS``."""
    rows = _read(str(path), is_docx)
    last = first
    if following is not None and following > first:
        last = min(following - 1, first + MAX_STEP_ROWS - 1)
    shown = []
    for row in rows:
        line = row.source.line or 0
        if first - CONTEXT <= line <= last + CONTEXT and not row.is_blank:
            cells = tuple(cell for cell in row.cells if cell.strip()) or row.cells
            shown.append(SourceRow(line, cells, first <= line <= last))
    return shown


@lru_cache(maxsize=8)
def _read(path: str, is_docx: bool) -> tuple[Row, ...]:
    """The file's rows; kept files never change (their name is their content's hash)."""
    reader = read_docx_rows if is_docx else read_text_rows
    return tuple(reader(Path(path)))
