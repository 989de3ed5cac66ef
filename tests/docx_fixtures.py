"""Builds DOCX test files at test time from a real seed manual read at run time.

``read_seed_procedure`` takes one procedure of a plain-text seed (label rows such as
"Nombre del Procedimiento:" and the step tables after a ``Responsable | No. |
Actividad | Formato o Documento | Tantos`` header); the ``write_*`` functions lay it out
as Word would, in several variants. Nothing of the seed is stored in the repository.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.document import Document
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.table import Table

HEADER = ("Responsable", "No.", "Actividad", "Formato o Documento", "Tantos")
REORDERED_HEADER = ("No.", "Descripción de la Actividad", "Puesto y Área", "Insumo", "Salida")

_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class SeedProcedure:
    """One procedure of a seed: the line above its step tables, its label rows
    ("Objetivo:", text) and its step tables (rows of five cells, header excluded)."""

    page_header: str
    labels: tuple[tuple[str, str], ...]
    tables: tuple[tuple[tuple[str, ...], ...], ...]

    @property
    def steps(self) -> tuple[tuple[str, ...], ...]:
        return tuple(row for table in self.tables for row in table)


def clean(cell: str) -> str:
    """A seed cell without its HTML and markdown markup."""
    text = html.unescape(_TAG.sub(" ", cell)).replace("**", " ").strip("*# ")
    return " ".join(text.split())


def read_seed_procedure(seed: Path, index: int = 0) -> SeedProcedure:
    """The ``index``-th procedure of ``seed`` that has a step table."""
    lines = [[clean(cell) for cell in line.split("\t")] for line in seed.read_text().splitlines()]
    starts = [i for i, cells in enumerate(lines) if cells[0] == "Nombre del Procedimiento:"]
    for start, end in zip(starts, [*starts[1:], len(lines)], strict=True):
        procedure = _procedure(lines[start:end])
        if procedure.tables:
            if index == 0:
                return procedure
            index -= 1
    raise LookupError(f"{seed.name} has no procedure number {index} with a step table")


def _procedure(lines: list[list[str]]) -> SeedProcedure:
    labels = []
    for cells in lines:
        if len(cells) != 2 or not cells[0].endswith(":"):
            break
        labels.append((cells[0], cells[1]))
    tables: list[tuple[tuple[str, ...], ...]] = []
    page_header = ""
    for i, cells in enumerate(lines):
        if tuple(cells[:5]) != HEADER:
            continue
        if not page_header:
            page_header = next(c[0] for c in reversed(lines[:i]) if len(c) == 1 and c[0])
        rows = []
        for row in lines[i + 1 :]:
            if len(row) < 5:
                break
            rows.append(tuple(row[:5]))
        tables.append(tuple(rows))
    return SeedProcedure(page_header, tuple(labels), tuple(tables))


# --- writers ------------------------------------------------------------------------


def write_word_tables(path: Path, procedure: SeedProcedure) -> Path:
    """(a) As Word writes it: label paragraphs, then one table with a repeating header
    row; a blank Responsable cell means "same as above"."""
    document = _front_matter(procedure)
    _add_table(document, HEADER, procedure.steps)
    document.save(str(path))
    return path


def write_merged_responsible(path: Path, procedure: SeedProcedure) -> Path:
    """(b) Like (a), but each blank Responsable cell is vertically merged with the
    cell above instead of left blank."""
    document = _front_matter(procedure)
    table = _add_table(document, HEADER, procedure.steps)
    for index, row in enumerate(procedure.steps, start=1):
        if not row[0] and index > 1:
            table.cell(index - 1, 0).merge(table.cell(index, 0))
    document.save(str(path))
    return path


def write_split_by_page_break(path: Path, procedure: SeedProcedure) -> Path:
    """(c) The steps in two tables, the second on a new page after the manual's page
    header and with the header row repeated."""
    document = _front_matter(procedure)
    steps = procedure.steps
    half = len(steps) // 2
    _add_table(document, HEADER, steps[:half])
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    document.add_paragraph(procedure.page_header)
    _add_table(document, HEADER, steps[half:])
    document.save(str(path))
    return path


def write_without_step_table(path: Path, procedure: SeedProcedure) -> Path:
    """(d) Only paragraphs: the labels and each step's activity as a numbered line."""
    document = _front_matter(procedure)
    for row in procedure.steps:
        document.add_paragraph(f"{row[1]}. {row[2]}" if row[1] else row[2])
    document.save(str(path))
    return path


def write_reordered_columns(path: Path, procedure: SeedProcedure) -> Path:
    """(e) Another institution's layout: No. | Descripción de la Actividad | Puesto y
    Área | Insumo | Salida, where a step's input is the previous step's output."""
    document = _front_matter(procedure)
    rows = []
    previous = "N/A"
    for responsible, number, activity, output, _copies in procedure.steps:
        rows.append((number, activity, responsible, previous, output))
        previous = output or previous
    _add_table(document, REORDERED_HEADER, rows)
    document.save(str(path))
    return path


def _front_matter(procedure: SeedProcedure) -> Document:
    document = docx.Document()
    document.add_paragraph(procedure.page_header)
    for label, text in procedure.labels:
        paragraph = document.add_paragraph()
        paragraph.add_run(label).bold = True
        paragraph.add_run(f" {text}")
    return document


def _add_table(
    document: Document, header: tuple[str, ...], rows: Sequence[tuple[str, ...]]
) -> Table:
    table: Table = document.add_table(rows=1 + len(rows), cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.paragraphs[0].add_run(text).bold = True
    repeat = OxmlElement("w:tblHeader")
    table.rows[0]._tr.get_or_add_trPr().append(repeat)
    for table_row, row in zip(table.rows[1:], rows, strict=True):
        for cell, text in zip(table_row.cells, row, strict=True):
            cell.text = text
    return table


def add_rendered_break_before(document: Document, paragraph_index: int) -> None:
    """Mark paragraph ``paragraph_index`` as the first on a new page the way Word
    records its own pagination (``w:lastRenderedPageBreak`` in the first run)."""
    paragraph = document.paragraphs[paragraph_index]
    run = paragraph.runs[0] if paragraph.runs else paragraph.add_run()
    run._r.insert(0, OxmlElement("w:lastRenderedPageBreak"))


def set_grid_span(table: Table, row: int, first: int, last: int) -> None:
    """Merge cells ``first``..``last`` of ``row`` horizontally (one ``gridSpan`` cell)."""
    merged = table.cell(row, first).merge(table.cell(row, last))
    assert merged._tc.tcPr is not None
    assert merged._tc.tcPr.find(qn("w:gridSpan")) is not None
