"""Word tables and paragraphs of each part of the manual (see ``word.py``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from docx.document import Document as DocxDocument
from docx.shared import Cm, Pt
from docx.table import Table

from folio.manuals.fields import Field
from folio.manuals.indicators import parse_indicators
from folio.manuals.model import Indicator, Manual, Procedure, SourceRef
from folio.render.document.outline import (
    STEP_HEADERS,
    edition_table,
    form_users,
    header_rows,
    paragraphs,
    position_fields,
    procedure_title,
    step_rows,
)
from folio.render.document.wordxml import fix_widths, header_row, keep_row_together, shade
from folio.render.orgchart import chart_units

STEP_WIDTHS = (3.4, 1.1, 7.6, 3.2, 2.2)  # cm; 17.5 cm of printable width


def table(
    doc: DocxDocument,
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[float],
) -> Table:
    """A grid table with a repeated, shaded header row; ``widths`` in cm."""
    out: Table = doc.add_table(rows=1, cols=len(headers))
    out.style = "Table Grid"
    out.autofit = False
    for cell, text in zip(out.rows[0].cells, headers, strict=True):
        cell.text = text
    for row in rows:
        cells = out.add_row().cells  # type: ignore[no-untyped-call]
        for cell, text in zip(cells, row, strict=False):
            cell.text = text
    fix_widths(out, widths)
    header_row(out)
    keep_row_together(out)
    return out


Value = str | tuple[str, ...] | list[str]


def labelled(doc: DocxDocument, rows: Sequence[tuple[str, Value]]) -> Table:
    """A two-column identification table: shaded labels, values (a tuple is a numbered
    list; a list, lines each in a row of its own under one label cell)."""
    out: Table = doc.add_table(rows=0, cols=2)
    out.style = "Table Grid"
    out.autofit = False
    for label, value in rows:
        lines = value if isinstance(value, list) else [value]
        first = None
        for line in lines or [""]:
            left, right = out.add_row().cells  # type: ignore[no-untyped-call]
            if isinstance(line, tuple):
                right.text = "\n".join(f"{i}. {v}" for i, v in enumerate(line, 1))
            else:
                right.text = line
            if first is None:
                first = left
                left.text = label
                left.paragraphs[0].runs[0].bold = True
                shade(left, "E6EDF5")
            else:
                first = first.merge(left)
    fix_widths(out, (4.2, 13.3))
    return out


def _header(proc: Procedure) -> list[tuple[str, Value]]:
    """The identification rows as Word shows them: an empty field left blank (the
    HTML's "—" would read back as text), the indicators in the lines the importer
    reads them from."""
    rows: list[tuple[str, Value]] = []
    for label, value in header_rows(proc):
        if label == "Formatos":  # gathered from the steps, where they read back from
            continue
        if label == "Indicadores":
            rows.append((label, [line for i in proc.indicators for line in indicator_lines(i)]))
        else:
            rows.append((label, "" if value == "—" else value))
    return rows


def indicator_lines(indicator: Indicator) -> list[str]:
    """The indicator's text cut into the lines it was read from, as far as its parts
    tell: the fraction's numerator line, then its denominator alone."""
    text, cuts = indicator.text, set()
    if indicator.numerator and indicator.denominator:
        start = text.find(indicator.numerator)
        end = text.find(indicator.denominator, start + len(indicator.numerator))
        if start >= 0 and end >= 0:
            cuts = {start, end, end + len(indicator.denominator)}
    bounds = [0, *sorted(c for c in cuts if 0 < c < len(text)), len(text)]
    lines = [text[a:b].strip() for a, b in zip(bounds, bounds[1:], strict=False)]
    lines = [line for line in lines if line]
    if " ".join(lines) != text or parse_indicators(Field("indicators", "", lines)) != (
        replace(indicator, source=SourceRef()),
    ):
        return [text]
    return lines


def procedure_tables(doc: DocxDocument, proc: Procedure) -> None:
    labelled(doc, _header(proc))
    label = doc.add_paragraph()
    label.paragraph_format.space_before = Pt(8)
    label.add_run("Descripción del procedimiento").bold = True
    rows = [(r.responsible, r.number, r.activity, r.documents, r.copies) for r in step_rows(proc)]
    steps = table(doc, STEP_HEADERS, rows, STEP_WIDTHS)
    for row in steps.rows[1:]:
        for paragraph in row.cells[0].paragraphs + row.cells[1].paragraphs:
            for run in paragraph.runs:
                run.bold = True


def introduction(doc: DocxDocument, manual: Manual) -> None:
    for text in paragraphs(manual.introduction):
        doc.add_paragraph(text)


def structure(doc: DocxDocument, manual: Manual) -> None:
    assert manual.organization is not None
    units = chart_units(manual.organization)
    parent = {u.number: u.parent for u in units}
    for u in units:
        depth, node = 0, u.parent
        while node is not None:
            depth, node = depth + 1, parent.get(node)
        paragraph = doc.add_paragraph()
        paragraph.paragraph_format.left_indent = Cm(0.8 * depth)
        paragraph.add_run(f"{u.number}  ").bold = True
        paragraph.add_run(u.name)


def positions(doc: DocxDocument, manual: Manual) -> None:
    assert manual.organization is not None
    for p in manual.organization.positions:
        doc.add_heading(f"{p.number} {p.title}", 2)
        labelled(doc, position_fields(p))


def forms(doc: DocxDocument, manual: Manual) -> None:
    for form in manual.forms:
        doc.add_heading(f"{form.code} — {form.name}" if form.name else form.code, 2)
        users = form_users(manual, form.code)
        if users:
            paragraph = doc.add_paragraph()
            paragraph.add_run("Se utiliza en: ").bold = True
            paragraph.add_run("; ".join(procedure_title(p) for p in users))
        if not (form.has_instructivo or form.fields):
            doc.add_paragraph("El manual no reproduce las instrucciones de llenado del formato.")
            continue
        doc.add_paragraph().add_run(instructivo_title(form.code, form.name)).bold = True
        if form.fields:
            rows = [(f"{i}.", f) for i, f in enumerate(form.fields, 1)]
            table(doc, ("No.", "Instrucciones de llenado"), rows, (1.5, 16))


def instructivo_title(code: str, name: str) -> str:
    """ "FORM.1/X/2 Instructivo de llenado del Formato …": the code first, so that it is
    the one read back even when the name quotes another."""
    if not name:
        return f"{code} Instructivo de llenado"
    article = "del" if name.casefold().startswith("formato") else "de"
    return f"{code} Instructivo de llenado {article} {name}"


def glossary(doc: DocxDocument, manual: Manual) -> None:
    for term in manual.glossary:
        paragraph = doc.add_paragraph()
        paragraph.add_run(f"{term.term}: ").bold = True
        paragraph.add_run(term.definition)


def symbols(doc: DocxDocument, manual: Manual) -> None:
    rows = [(t.term, t.definition) for t in manual.symbols]
    table(doc, ("Símbolo", "Significado"), rows, (5, 12.5))


def editions(doc: DocxDocument, manual: Manual) -> None:
    headers, rows = edition_table(manual)
    table(doc, headers, rows, (3, 3, 11.5) if len(headers) == 3 else (17.5,))


def distribution(doc: DocxDocument, manual: Manual) -> None:
    for line in manual.distribution:
        doc.add_paragraph(line, style="List Bullet")
