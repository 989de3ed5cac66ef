"""A page's rows: every ruled table becomes one row per table row and every text line
outside the tables a one-cell row, in reading order (top to bottom).

Tables are found by pdfplumber's ``TableFinder`` on the sheet's edges, and text lines
are clustered by pdfplumber's text utilities, whichever library read the page. Table
rows are aligned on the table's data columns by x-position, not by the grid index, so
that

* a header split over stacked rows ("SECUENCIA DE" / "ETAPAS") comes out as ONE row
  with one cell per data column;
* a cell spanning several grid columns appears once;
* a cell covered by a vertical span, or empty because the row continues from the
  previous page, is an empty string: every row of a table has as many cells as its
  data rows.

Flow-diagram pages draw boxes and swimlanes with rectangles that the table finder
reports as tables; those are dropped (their text stays, as one-cell rows).
``SourceRef.line`` is the row's position within its page.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Any, cast

from pdfplumber.page import Page
from pdfplumber.table import CellGroup, Table, TableFinder
from pdfplumber.utils.text import chars_to_textmap, extract_text

from folio.manuals.blocks import Row
from folio.manuals.model import SourceRef
from folio.manuals.sources.pdf.sheet import Bbox, Obj, Sheet

Cells = tuple[str, ...]
#: A character with its centre (x, y).
Centred = tuple[float, float, Obj]
Span = tuple[float, float]

#: Tables narrower or lower than this (points) are diagram connectors, never data.
MIN_TABLE_SIZE = 30.0, 8.0
#: A text line of at most this many words is a fragment (a diagram box label).
FRAGMENT_WORDS = 3
#: A page whose text lines are at least this share fragments holds a diagram...
FRAGMENT_PAGE_SHARE = 0.6
#: ...and its tables made almost only of fragments are diagram shapes.
FRAGMENT_TABLE_SHARE = 0.9
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


def sheet_rows(sheet: Sheet, file: str) -> list[Row]:
    """The page's tables and the text lines outside them, top to bottom."""
    centred = [((c["x0"] + c["x1"]) / 2, (c["top"] + c["bottom"]) / 2, c) for c in sheet.chars]
    tables = _kept_tables(sheet, centred)
    # Table ids are unique within the file: the page number, then the table's index.
    blocks: list[tuple[float, int | None, list[Cells]]] = [
        (table.bbox[1], sheet.number * 1000 + index, _table_rows(table))
        for index, table in enumerate(tables, start=1)
    ]
    for line in _lines_outside(sheet, centred, [table.bbox for table in tables]):
        blocks.append((float(line["top"]), None, [(str(line["text"]),)]))
    blocks.sort(key=lambda block: block[0])
    cells = [(row, table) for _, table, group in blocks for row in group]
    return [
        Row(row, SourceRef(file, sheet.number, number), table=table)
        for number, (row, table) in enumerate(cells, start=1)
    ]


def _lines_outside(sheet: Sheet, centred: list[Centred], boxes: list[Bbox]) -> list[Obj]:
    """The text lines of the characters whose centre is outside every box (by more
    than a point)."""
    chars = [
        char
        for x, y, char in centred
        if not any(
            x0 - 1 <= x <= x1 + 1 and top - 1 <= y <= bottom + 1 for x0, top, x1, bottom in boxes
        )
    ]
    return [line for line in _text_lines(sheet, chars) if str(line["text"]).strip()]


def _text_lines(sheet: Sheet, chars: list[Obj]) -> list[Obj]:
    """The text lines of ``chars`` as pdfplumber's ``Page.extract_text_lines`` makes them."""
    textmap = chars_to_textmap(chars, layout_bbox=sheet.bbox)
    return textmap.extract_text_lines(return_chars=False)


def _contains(box: Bbox, obj: dict[str, Any]) -> bool:
    x = (float(obj["x0"]) + float(obj["x1"])) / 2
    y = (float(obj["top"]) + float(obj["bottom"])) / 2
    return box[0] - 1 <= x <= box[2] + 1 and box[1] - 1 <= y <= box[3] + 1


# --- which tables are data ----------------------------------------------------------


def _kept_tables(sheet: Sheet, centred: list[Centred]) -> list[_Table]:
    """The page's tables, less diagram shapes: tables nested in or holding another
    table, tiny connector boxes, tables with no text, and (on a diagram page) tables
    made of box-label fragments."""
    # the "lines" strategies read only their page's ``edges`` and ``bbox``
    found = TableFinder(cast(Page, sheet)).tables
    nested = _nested(found)
    kept = []
    for index, table in enumerate(found):
        x0, top, x1, bottom = table.bbox
        if index in nested or x1 - x0 < MIN_TABLE_SIZE[0] or bottom - top < MIN_TABLE_SIZE[1]:
            continue
        candidate = _Table(table.bbox, _grid(table, centred))
        if any(cell.lines for row in candidate.grid for cell in row):
            kept.append(candidate)
    if any(_is_fragment_table(table) for table in kept) and _is_fragment_page(sheet):
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


def _grid(table: Table, centred: list[Centred]) -> tuple[tuple[_Cell, ...], ...]:
    rows = table.rows
    grid = []
    for row, texts in zip(rows, _extract(rows, table.bbox, centred), strict=True):
        grid.append(
            tuple(
                _Cell(box[0], box[2], _lines(text))
                for box, text in zip(row.cells, texts, strict=True)
                if box is not None
            )
        )
    return tuple(grid)


def _extract(rows: list[CellGroup], bbox: Bbox, centred: list[Centred]) -> list[list[str | None]]:
    """What pdfplumber's ``Table.extract()`` returns (a cell's characters are those
    whose centre is in it, as text), testing each character against the table once
    rather than against every row."""
    inside = _within(centred, bbox)
    texts: list[list[str | None]] = []
    for row in rows:
        row_chars = _within(inside, row.bbox)
        texts.append(
            [
                None if cell is None else extract_text([c for _, _, c in _within(row_chars, cell)])
                for cell in row.cells
            ]
        )
    return texts


def _within(centred: list[Centred], box: Bbox) -> list[Centred]:
    x0, top, x1, bottom = box
    return [item for item in centred if x0 <= item[0] < x1 and top <= item[1] < bottom]


def _lines(text: str | None) -> tuple[str, ...]:
    return tuple(line.strip() for line in (text or "").split("\n") if line.strip())


def _is_fragment_table(table: _Table) -> bool:
    lines = [line for row in table.grid for cell in row for line in cell.lines]
    return _fragment_share(lines) >= FRAGMENT_TABLE_SHARE


def _is_fragment_page(sheet: Sheet) -> bool:
    lines = [str(line["text"]) for line in _text_lines(sheet, sheet.chars)]
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
