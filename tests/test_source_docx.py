"""The DOCX adapter: paragraphs and table rows in document order, merged cells, pages."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn

from folio.manuals.blocks import Row
from folio.manuals.parser import parse_rows
from folio.manuals.sources.docx import read_docx_rows

from .conftest import SEED_004, needs_shared
from .docx_fixtures import (
    HEADER,
    REORDERED_HEADER,
    SeedProcedure,
    add_rendered_break_before,
    read_seed_procedure,
    set_grid_span,
    write_merged_responsible,
    write_reordered_columns,
    write_split_by_page_break,
    write_without_step_table,
    write_word_tables,
)


@pytest.fixture(scope="module")
def procedure() -> SeedProcedure:
    if not SEED_004.is_file():
        pytest.skip("the seed manuals are absent in this checkout")
    return read_seed_procedure(SEED_004)


def table_rows(rows: list[Row]) -> list[tuple[str, ...]]:
    return [row.cells for row in rows if len(row.cells) > 1]


# --- documents built from a real seed procedure --------------------------------------


@needs_shared
def test_it_reads_a_word_table_row_by_row(tmp_path: Path, procedure: SeedProcedure) -> None:
    rows = read_docx_rows(write_word_tables(tmp_path / "a.docx", procedure))

    assert table_rows(rows) == [HEADER, *procedure.steps]
    assert rows[0].cells == (procedure.page_header,)
    assert [row.source.line for row in rows] == list(range(1, len(rows) + 1))
    assert {(row.source.file, row.source.page) for row in rows} == {("a.docx", 1)}


@needs_shared
def test_it_reads_a_vertically_merged_responsible_as_empty_cells(
    tmp_path: Path, procedure: SeedProcedure
) -> None:
    # given the same procedure written with blank cells and with merged cells
    blank = read_docx_rows(write_word_tables(tmp_path / "blank.docx", procedure))
    path = write_merged_responsible(tmp_path / "merged.docx", procedure)
    assert docx.Document(str(path)).element.body.find(f".//{qn('w:vMerge')}") is not None

    # when
    merged = read_docx_rows(path)

    # then
    assert [row.cells for row in merged] == [row.cells for row in blank]


@needs_shared
def test_it_counts_a_page_after_an_explicit_page_break(
    tmp_path: Path, procedure: SeedProcedure
) -> None:
    rows = read_docx_rows(write_split_by_page_break(tmp_path / "c.docx", procedure))

    headers = [row for row in rows if row.cells == HEADER]
    assert [row.source.page for row in headers] == [1, 2]
    assert all(len(cells) == 5 for cells in table_rows(rows))
    pages = [row.source.page or 0 for row in rows]
    assert pages == sorted(pages)
    assert rows[-1].cells == procedure.steps[-1]


@needs_shared
def test_it_reads_a_document_without_tables_as_paragraphs(
    tmp_path: Path, procedure: SeedProcedure
) -> None:
    rows = read_docx_rows(write_without_step_table(tmp_path / "d.docx", procedure))

    assert table_rows(rows) == []
    assert len(rows) == 1 + len(procedure.labels) + len(procedure.steps)


@needs_shared
def test_it_keeps_another_institutions_column_order(
    tmp_path: Path, procedure: SeedProcedure
) -> None:
    rows = read_docx_rows(write_reordered_columns(tmp_path / "e.docx", procedure))

    tables = table_rows(rows)
    assert tables[0] == REORDERED_HEADER
    assert [cells[2] for cells in tables[1:]] == [step[0] for step in procedure.steps]
    assert all(len(cells) == 5 for cells in tables)


@needs_shared
def test_it_feeds_the_parser_the_steps_of_a_word_table(
    tmp_path: Path, procedure: SeedProcedure
) -> None:
    for write in (write_word_tables, write_merged_responsible, write_split_by_page_break):
        path = write(tmp_path / f"{write.__name__}.docx", procedure)

        manual = parse_rows(read_docx_rows(path), path.name)

        [parsed] = manual.procedures
        numbers = [step.number for step in parsed.steps]
        assert numbers == [step[1] for step in procedure.steps if step[1]], write.__name__
        assert all(step.responsible for step in parsed.steps), write.__name__


@needs_shared
def test_it_feeds_the_parser_a_reordered_table(tmp_path: Path, procedure: SeedProcedure) -> None:
    path = write_reordered_columns(tmp_path / "e.docx", procedure)

    manual = parse_rows(read_docx_rows(path), path.name)

    [parsed] = manual.procedures
    assert [step.number for step in parsed.steps][:3] == ["1", "2", "3"]
    assert parsed.steps[0].responsible_raw == procedure.steps[0][0]


# --- invented documents ------------------------------------------------------------


def test_it_reads_a_horizontally_merged_cell_once(tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=2, cols=3)
    for cell, text in zip(table.rows[1].cells, ["1", "Recibe el oficio", "Oficio"], strict=True):
        cell.text = text
    set_grid_span(table, 0, 0, 2)
    table.cell(0, 0).text = "Descripción del procedimiento"
    document.save(str(tmp_path / "span.docx"))

    rows = read_docx_rows(tmp_path / "span.docx")

    assert [row.cells for row in rows] == [
        ("Descripción del procedimiento",),
        ("1", "Recibe el oficio", "Oficio"),
    ]


def test_it_flattens_a_nested_table_into_its_cell(tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Jefatura de Área"
    outer = table.cell(0, 1)
    outer.text = "Revisa la solicitud:"
    inner = outer.add_table(rows=2, cols=1)
    inner.cell(0, 0).text = "Si procede, la turna."
    inner.cell(1, 0).text = "Si no, la devuelve."
    document.save(str(tmp_path / "anidada.docx"))

    rows = read_docx_rows(tmp_path / "anidada.docx")

    assert rows[0].cells == (
        "Jefatura de Área",
        "Revisa la solicitud: Si procede, la turna. Si no, la devuelve.",
    )


def test_it_counts_pages_at_section_breaks_but_not_continuous_ones(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Portada")
    document.add_section(WD_SECTION.NEW_PAGE)
    document.add_paragraph("Introducción")
    document.add_section(WD_SECTION.CONTINUOUS)
    document.add_paragraph("Objetivo")
    document.save(str(tmp_path / "secciones.docx"))

    rows = read_docx_rows(tmp_path / "secciones.docx")

    pages = {row.cells[0]: row.source.page for row in rows if row.cells[0]}
    assert pages == {"Portada": 1, "Introducción": 2, "Objetivo": 2}


def test_it_prefers_the_pagination_word_saved(tmp_path: Path) -> None:
    # given a document Word paginated, whose explicit break it also recorded
    document = docx.Document()
    document.add_paragraph("Primera página")
    document.add_paragraph("Sigue en la segunda")
    document.add_paragraph("Antes del salto").add_run().add_break(WD_BREAK.PAGE)
    document.add_paragraph("Tercera página")
    add_rendered_break_before(document, 1)
    add_rendered_break_before(document, 3)
    document.save(str(tmp_path / "paginado.docx"))

    # when
    rows = read_docx_rows(tmp_path / "paginado.docx")

    # then
    assert [row.source.page for row in rows] == [1, 2, 2, 3]


def test_it_reads_paragraphs_inside_content_controls(tmp_path: Path) -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("Nombre del Procedimiento: Alta de proveedores")
    control, content = OxmlElement("w:sdt"), OxmlElement("w:sdtContent")
    paragraph._p.addprevious(control)
    control.append(content)
    content.append(paragraph._p)
    document.add_paragraph("Objetivo: Registrar proveedores.")
    document.save(str(tmp_path / "control.docx"))

    rows = read_docx_rows(tmp_path / "control.docx")

    assert [row.cells[0] for row in rows] == [
        "Nombre del Procedimiento: Alta de proveedores",
        "Objetivo: Registrar proveedores.",
    ]


NAMESPACES = " ".join(
    [
        nsdecls("w"),
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"',
        'xmlns:v="urn:schemas-microsoft-com:vml"',
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"',
    ]
)


def text_box(text: str) -> str:
    """A run holding a drawing shape with ``text``, and the VML copy Word adds for old
    readers."""
    content = f"<w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent>"
    return (
        f"<w:r {NAMESPACES}><mc:AlternateContent>"
        f'<mc:Choice Requires="wps"><w:drawing><wps:txbx>{content}</wps:txbx></w:drawing>'
        f"</mc:Choice><mc:Fallback><w:pict><v:textbox>{content}</v:textbox></w:pict>"
        "</mc:Fallback></mc:AlternateContent></w:r>"
    )


def test_it_reads_diagram_shapes_as_rows_after_their_swimlane(tmp_path: Path) -> None:
    # given a swimlane table whose lanes hold shapes with text
    document = docx.Document()
    lanes = document.add_table(rows=2, cols=2)
    lanes.cell(0, 0).text = "Ventanilla"
    lanes.cell(0, 1).text = "Jefatura"
    lanes.cell(1, 0).paragraphs[0]._p.append(parse_xml(text_box("Recibe solicitud")))
    lanes.cell(1, 1).paragraphs[0]._p.append(parse_xml(text_box("Autoriza")))
    document.save(str(tmp_path / "carriles.docx"))

    # when
    rows = read_docx_rows(tmp_path / "carriles.docx")

    # then
    assert [row.cells for row in rows] == [
        ("Ventanilla", "Jefatura"),
        ("", ""),
        ("Recibe solicitud",),
        ("Autoriza",),
    ]


def test_it_counts_a_page_at_a_table_row_word_moved_to_the_next_page(tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=3, cols=2)
    for index, row in enumerate(table.rows, start=1):
        row.cells[0].text = str(index)
        row.cells[1].text = f"Actividad {index}"
    run = table.cell(1, 0).paragraphs[0].runs[0]
    run._r.insert(0, OxmlElement("w:lastRenderedPageBreak"))
    document.save(str(tmp_path / "filas.docx"))

    rows = read_docx_rows(tmp_path / "filas.docx")

    assert [(row.cells[0], row.source.page) for row in rows] == [("1", 1), ("2", 2), ("3", 2)]


def toc_field(document: docx.document.Document, entries: list[str]) -> None:
    """Paragraphs holding the result of a TOC field (begun in the first, ended in a
    paragraph of its own after the last), in no index style."""
    begin = (
        '<w:r {0}><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r {0}><w:instrText xml:space="preserve"> TOC \\o "1-3" \\h </w:instrText></w:r>'
        '<w:r {0}><w:fldChar w:fldCharType="separate"/></w:r>'
    ).format(nsdecls("w"))
    paragraphs = [document.add_paragraph(text) for text in entries]
    for run in reversed(list(parse_xml(f"<w:p {nsdecls('w')}>{begin}</w:p>"))):
        paragraphs[0]._p.insert(0, run)
    end = document.add_paragraph()._p
    end.append(parse_xml(f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="end"/></w:r>'))


def test_it_skips_the_result_of_a_toc_field(tmp_path: Path) -> None:
    # given an index that is a TOC field, then the introduction it lists
    document = docx.Document()
    document.add_paragraph("Índice")
    toc_field(document, ["I. Introducción\t3", "II. Dirección de Obras\t4"])
    document.add_heading("I. Introducción", 1)
    document.add_paragraph("Este manual describe los procedimientos.")
    document.save(str(tmp_path / "toc.docx"))
    # when
    rows = read_docx_rows(tmp_path / "toc.docx")
    # then the entries are not read as text
    assert [row.cells[0] for row in rows] == [
        "Índice",
        "I. Introducción",
        "Este manual describe los procedimientos.",
    ]


def test_it_skips_a_word_table_of_contents_control_and_index_styles(tmp_path: Path) -> None:
    # given Word's index: a "Table of Contents" content control; and "toc 1" paragraphs
    document = docx.Document()
    control = parse_xml(
        f"<w:sdt {nsdecls('w')}><w:sdtPr><w:docPartObj>"
        '<w:docPartGallery w:val="Table of Contents"/><w:docPartUnique/>'
        "</w:docPartObj></w:sdtPr><w:sdtContent>"
        "<w:p><w:r><w:t>Contenido</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>I. Introducción 3</w:t></w:r></w:p>"
        "</w:sdtContent></w:sdt>"
    )
    document.element.body.insert(0, control)
    document.add_paragraph("Glosario 9", style=document.styles.add_style("toc 1", 1))
    document.add_paragraph("Glosario")
    document.save(str(tmp_path / "control.docx"))
    # when
    rows = read_docx_rows(tmp_path / "control.docx")
    # then
    assert [row.cells[0] for row in rows] == ["Glosario"]
