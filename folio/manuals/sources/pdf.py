"""PDF manuals with a text layer, read with pdfplumber into the common row stream.

Per page, every ruled table becomes one row per table row and every text line outside
the tables a one-cell row, in reading order (top to bottom). Table rows are aligned on
the table's data columns by x-position, not by pdfplumber's grid index, so that

* a header split over stacked rows ("SECUENCIA DE" / "ETAPAS") comes out as ONE row
  with one cell per data column;
* a cell spanning several grid columns appears once;
* a cell covered by a vertical span, or empty because the row continues from the
  previous page, is an empty string: every row of a table has as many cells as its
  data rows.

Flow-diagram pages draw boxes and swimlanes with rectangles that pdfplumber reports as
tables; those are dropped (their text stays, as one-cell rows). ``SourceRef.line`` is
the row's position within its page.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError
from pdfplumber.page import Page
from pdfplumber.table import Table
from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

from folio.manuals.blocks import ParseError, Row
from folio.manuals.model import SourceRef

Cells = tuple[str, ...]
Bbox = tuple[float, float, float, float]
Span = tuple[float, float]

#: Tables narrower or lower than this (points) are diagram connectors, never data.
MIN_TABLE_SIZE = 30.0, 8.0
#: A text line of at most this many words is a fragment (a diagram box label).
FRAGMENT_WORDS = 3
#: A page whose text lines are at least this share fragments holds a diagram...
FRAGMENT_PAGE_SHARE = 0.6
#: ...and its tables made almost only of fragments are diagram shapes.
FRAGMENT_TABLE_SHARE = 0.9
#: Fewer visible characters than this per page on average: no usable text layer.
MIN_CHARS_PER_PAGE = 10
#: How far (points) a row's outer cell edges may be from the table's edges.
EDGE_TOLERANCE = 2.0

_WORD_BREAK = re.compile(r"[^\W\d_][-_]$")


@dataclass(frozen=True)
class _Cell:
    x0: float
    x1: float
    lines: tuple[str, ...]

    @property
    def text(self) -> str:
        return _join_lines(self.lines)


@dataclass(frozen=True)
class _Table:
    bbox: Bbox
    grid: tuple[tuple[_Cell, ...], ...]


def read_pdf_rows(path: Path) -> list[Row]:
    """Read a PDF manual. Raises ``ParseError`` for a file that is empty, not a PDF,
    damaged, protected by a password, or without a text layer (a scan)."""
    _check_signature(path)
    try:
        with pdfplumber.open(path) as pdf:
            return _document_rows(pdf.pages, path.name)
    except (PdfminerException, MalformedPDFException) as err:
        raise _unreadable(err, path.name) from err


def _check_signature(path: Path) -> None:
    with path.open("rb") as handle:
        head = handle.read(1024)
    if not head.strip():
        raise ParseError(f"{path.name}: el archivo está vacío.", SourceRef(path.name))
    if b"%PDF-" not in head:
        raise ParseError(
            f"{path.name}: no es un archivo PDF (no empieza con la cabecera %PDF).",
            SourceRef(path.name),
        )


def _unreadable(err: Exception, file: str) -> ParseError:
    cause = err.args[0] if err.args else err
    if isinstance(cause, PDFEncryptionError):
        return ParseError(
            f"{file}: el PDF está protegido con contraseña; quite la protección y vuelva "
            "a subirlo.",
            SourceRef(file),
        )
    return ParseError(
        f"{file}: el PDF está dañado o incompleto y no se puede leer.", SourceRef(file)
    )


def _document_rows(pages: list[Page], file: str) -> list[Row]:
    rows: list[Row] = []
    visible = 0
    for page in pages:
        visible += sum(1 for char in page.chars if not char["text"].isspace())
        rows.extend(_page_rows(page, file))
        page.close()
    if visible < MIN_CHARS_PER_PAGE * max(len(pages), 1):
        raise ParseError(
            f"{file}: el PDF no tiene capa de texto; parece un documento escaneado "
            "(aplíquele reconocimiento de texto, OCR, antes de importarlo).",
            SourceRef(file),
        )
    return rows


def _page_rows(page: Page, file: str) -> list[Row]:
    tables = _kept_tables(page)
    blocks: list[tuple[float, list[Cells]]] = [
        (table.bbox[1], _table_rows(table)) for table in tables
    ]
    for line in _lines_outside(page, [table.bbox for table in tables]):
        blocks.append((float(line["top"]), [(str(line["text"]),)]))
    blocks.sort(key=lambda block: block[0])
    cells = [row for _, group in blocks for row in group]
    return [
        Row(row, SourceRef(file, page.page_number, number))
        for number, row in enumerate(cells, start=1)
    ]


def _lines_outside(page: Page, boxes: list[Bbox]) -> list[dict[str, Any]]:
    def outside(obj: dict[str, Any]) -> bool:
        return obj.get("object_type") != "char" or not any(_contains(box, obj) for box in boxes)

    view = page.filter(outside) if boxes else page
    return [
        line for line in view.extract_text_lines(return_chars=False) if str(line["text"]).strip()
    ]


def _contains(box: Bbox, obj: dict[str, Any]) -> bool:
    x = (float(obj["x0"]) + float(obj["x1"])) / 2
    y = (float(obj["top"]) + float(obj["bottom"])) / 2
    return box[0] - 1 <= x <= box[2] + 1 and box[1] - 1 <= y <= box[3] + 1


# --- which tables are data ----------------------------------------------------------


def _kept_tables(page: Page) -> list[_Table]:
    """The page's tables, less diagram shapes: tables nested in or holding another
    table, tiny connector boxes, tables with no text, and (on a diagram page) tables
    made of box-label fragments."""
    found = page.find_tables()
    nested = _nested(found)
    kept = []
    for index, table in enumerate(found):
        x0, top, x1, bottom = table.bbox
        if index in nested or x1 - x0 < MIN_TABLE_SIZE[0] or bottom - top < MIN_TABLE_SIZE[1]:
            continue
        candidate = _Table(table.bbox, _grid(table))
        if any(cell.lines for row in candidate.grid for cell in row):
            kept.append(candidate)
    if any(_is_fragment_table(table) for table in kept) and _is_fragment_page(page):
        kept = [table for table in kept if not _is_fragment_table(table)]
    return kept


def _nested(tables: list[Table]) -> set[int]:
    nested: set[int] = set()
    for i, outer in enumerate(tables):
        for j, inner in enumerate(tables):
            x0, top, x1, bottom = inner.bbox
            centre = {"x0": x0, "x1": x1, "top": top, "bottom": bottom}
            if i != j and _contains(outer.bbox, centre):
                nested.update((i, j))
    return nested


def _grid(table: Table) -> tuple[tuple[_Cell, ...], ...]:
    grid = []
    for row, texts in zip(table.rows, table.extract(), strict=True):
        grid.append(
            tuple(
                _Cell(box[0], box[2], _lines(text))
                for box, text in zip(row.cells, texts, strict=True)
                if box is not None
            )
        )
    return tuple(grid)


def _lines(text: str | None) -> tuple[str, ...]:
    return tuple(line.strip() for line in (text or "").split("\n") if line.strip())


def _is_fragment_table(table: _Table) -> bool:
    lines = [line for row in table.grid for cell in row for line in cell.lines]
    return _fragment_share(lines) >= FRAGMENT_TABLE_SHARE


def _is_fragment_page(page: Page) -> bool:
    lines = [str(line["text"]) for line in page.extract_text_lines(return_chars=False)]
    return _fragment_share(lines) >= FRAGMENT_PAGE_SHARE


def _fragment_share(lines: list[str]) -> float:
    if not lines:
        return 0.0
    return sum(len(line.split()) <= FRAGMENT_WORDS for line in lines) / len(lines)


# --- table rows aligned on the data columns ---------------------------------------


def _table_rows(table: _Table) -> list[Cells]:
    """One tuple of cell texts per table row, aligned on the data columns; header
    rows stacked above the first data row are merged into one."""
    columns = _data_columns(table)
    if columns is None:
        return [tuple(cell.text for cell in row) for row in table.grid]
    first_data = next(i for i, row in enumerate(table.grid) if _spans(row) == columns)
    rows: list[Cells] = []
    header: list[list[str]] = []
    for index, row in enumerate(table.grid):
        slots = _align(row, columns, spread=index < first_data)
        if index < first_data and slots is not None:
            header.append(slots)
            continue
        if header:
            rows.append(_merge(header))
            header = []
        rows.append(tuple(slots) if slots is not None else tuple(c.text for c in row))
    return rows


def _data_columns(table: _Table) -> tuple[Span, ...] | None:
    """The column spans of the most frequent full-width row layout (the finer, then
    the later, wins a tie): the data rows'. ``None`` when no row of two or more cells
    spans the table."""
    counts: Counter[tuple[Span, ...]] = Counter()
    latest: dict[tuple[Span, ...], int] = {}
    left, right = table.bbox[0], table.bbox[2]
    for index, row in enumerate(table.grid):
        spans = _spans(row)
        if (
            len(spans) >= 2
            and abs(spans[0][0] - left) <= EDGE_TOLERANCE
            and abs(spans[-1][1] - right) <= EDGE_TOLERANCE
        ):
            counts[spans] += 1
            latest[spans] = index
    if not counts:
        return None
    return max(counts, key=lambda spans: (counts[spans], len(spans), latest[spans]))


def _spans(row: tuple[_Cell, ...]) -> tuple[Span, ...]:
    return tuple((round(cell.x0, 1), round(cell.x1, 1)) for cell in row)


def _align(row: tuple[_Cell, ...], columns: tuple[Span, ...], spread: bool) -> list[str] | None:
    """The row's texts placed in the data columns. A cell across some of the columns
    goes to each of them when ``spread`` (a header over its sub-columns), else to the
    first. ``None`` when a cell with text lies across all the columns (a title or a
    note) or fits none."""
    slots: list[list[str]] = [[] for _ in columns]
    for cell in row:
        if not cell.lines:
            continue
        covered = _columns_of(cell, columns)
        if not covered or len(covered) == len(columns) > 1:
            return None
        for column in covered if spread else covered[:1]:
            slots[column].append(cell.text)
    return [" ".join(texts) for texts in slots]


def _columns_of(cell: _Cell, columns: tuple[Span, ...]) -> list[int]:
    """The columns a cell covers (over half of each), or the one holding most of a
    narrower cell; none when the cell is mostly outside every column."""
    overlaps = [min(cell.x1, x1) - max(cell.x0, x0) for x0, x1 in columns]
    covered = [k for k, (x0, x1) in enumerate(columns) if overlaps[k] >= 0.5 * (x1 - x0)]
    if len(covered) >= 2:
        return covered
    best = max(range(len(columns)), key=overlaps.__getitem__)
    return [best] if overlaps[best] >= 0.5 * max(cell.x1 - cell.x0, 0.1) else []


def _merge(rows: list[list[str]]) -> Cells:
    return tuple(" ".join(text for text in column if text) for column in zip(*rows, strict=True))


def _join_lines(lines: tuple[str, ...]) -> str:
    """A cell's lines as one line: a word hyphenated at a line end is rejoined
    ("desa-" + "rrollo"), a code broken after a hyphen is closed up ("TecNM-AC-PO-" +
    "001"), other lines are joined with a space."""
    joined = ""
    for line in lines:
        if not joined:
            joined = line
        elif _WORD_BREAK.search(joined) and line[0].islower():
            joined = joined[:-1] + line
        elif joined.endswith("-") and not joined.endswith(" -"):
            joined += line
        else:
            joined += " " + line
    return joined
