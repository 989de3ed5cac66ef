"""The PDF adapter: ruled tables and text lines of each page, in reading order, with
header rows merged and cells aligned on the data columns."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

import pypdf
import pytest
from pypdf.generic import (
    ArrayObject,
    ContentStream,
    DictionaryObject,
    FloatObject,
    NameObject,
    StreamObject,
)

from folio.manuals.blocks import Row
from folio.manuals.sources.pdf import read_pdf_rows

from .conftest import SAMPLES, needs_shared

TECNM = ("TecNM-AC-PO-001.pdf", "TecNM-AC-PO-002.pdf", "TecNM-AC-PO-003.pdf")
STEP_HEADER = ("SECUENCIA DE ETAPAS", "ACTIVIDAD", "RESPONSABLE")

# --- a tiny PDF drawer: text and ruling lines, in top-left coordinates ---------------


@dataclass
class Sketch:
    """One page: text at (x, top) in Helvetica 9 pt, and straight ruling lines."""

    ops: list[str] = field(default_factory=list)

    def text(self, x: float, top: float, text: str) -> None:
        escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        self.ops.append(f"BT /F1 9 Tf {x} {792 - top - 9} Td ({escaped}) Tj ET")

    def line(self, x0: float, top0: float, x1: float, top1: float) -> None:
        self.ops.append(f"{x0} {792 - top0} m {x1} {792 - top1} l S")

    def grid(self, xs: list[float], tops: list[float]) -> None:
        for top in tops:
            self.line(xs[0], top, xs[-1], top)
        for x in xs:
            self.line(x, tops[0], x, tops[-1])


def write_pdf(path: Path, pages: list[Sketch], rotate: int = 0, in_form: bool = False) -> Path:
    """The sketches as a PDF; each page turned by ``rotate`` (its /Rotate), and with
    ``in_form`` drawn through a scaled and moved form XObject."""
    writer = pypdf.PdfWriter()
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
            NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
        }
    )
    for sketch in pages:
        page = writer.add_blank_page(612, 792)
        fonts = DictionaryObject({NameObject("/F1"): font})
        resources = DictionaryObject({NameObject("/Font"): fonts})
        data = "\n".join(sketch.ops).encode("cp1252")
        if in_form:
            resources, data = as_form(writer, resources, data)
        page[NameObject("/Resources")] = resources
        content = ContentStream(None, writer)
        content.set_data(data)
        page.replace_contents(content)
        if rotate:
            page.rotate(rotate)
    writer.write(path)
    return path


def as_form(
    writer: pypdf.PdfWriter, resources: DictionaryObject, data: bytes
) -> tuple[DictionaryObject, bytes]:
    """Page resources and content that draw ``data`` as a form XObject."""
    form = StreamObject()
    form.set_data(data)
    form.update(
        {
            NameObject("/Type"): NameObject("/XObject"),
            NameObject("/Subtype"): NameObject("/Form"),
            NameObject("/BBox"): ArrayObject(FloatObject(v) for v in (0, 0, 612, 792)),
            NameObject("/Matrix"): ArrayObject(FloatObject(v) for v in (0.9, 0, 0, 0.9, 30, 40)),
            NameObject("/Resources"): resources,
        }
    )
    forms = DictionaryObject({NameObject("/Fm1"): writer._add_object(form)})
    return DictionaryObject({NameObject("/XObject"): forms}), b"q 1 0 0 1 -5 10 cm /Fm1 Do Q"


def stacked_header_pages() -> list[Sketch]:
    """A step table whose header is split over two rows (like the TecNM manuals: the
    first header cell is flanked by thin spacer cells, so header and data cells sit in
    different grid columns), continued on a second page by a row whose first and last
    cells are empty."""
    first = Sketch()
    first.text(60, 40, "5. DESCRIPCIÓN DEL PROCEDIMIENTO")
    first.grid([60, 160, 400, 540], [60, 100, 140, 180])
    first.line(66, 60, 66, 100)
    first.line(155, 60, 155, 100)
    first.line(66, 80, 155, 80)
    first.text(70, 64, "SECUENCIA DE")
    first.text(70, 84, "ETAPAS")
    first.text(165, 74, "ACTIVIDAD")
    first.text(405, 74, "RESPONSABLE")
    first.text(64, 104, "1. Recibe solicitud")
    first.text(165, 104, "1.1 Recibe la solicitud y revisa que el")
    first.text(165, 116, "expediente esté completo.")
    first.text(405, 104, "Ventanilla de trámites")
    first.text(64, 144, "2. Verifica el trámite")
    first.text(165, 144, "2.1 Verifica el desa-")
    first.text(165, 156, "rrollo del trámite con el formato FORM-")
    first.text(165, 168, "PR-012.")
    first.text(405, 144, "Jefatura de")
    first.text(405, 156, "Departamento")
    first.text(60, 200, "Texto después de la tabla")
    second = Sketch()
    second.grid([60, 160, 400, 540], [60, 100, 140])
    second.text(165, 64, "y lo turna al área que corresponde.")
    second.text(64, 104, "3. Responde")
    second.text(165, 104, "3.1 Responde por escrito al solicitante.")
    second.text(405, 104, "Ventanilla de trámites")
    return [first, second]


def spacing_page() -> Sketch:
    """Words whose spacing PDFium reads otherwise than pdfminer: a space drawn as a text
    object of its own, a kerning gap inside a word, a kerning gap before a space in a
    small font, a word continued after a hyphen in a new text object, and two text
    objects drawn right to left."""
    page = Sketch()
    page.ops += [
        "BT /F1 9 Tf 60 700 Td (Código:) Tj ET",
        "BT /F1 9 Tf 91 700 Td ( ) Tj ET",
        "BT /F1 9 Tf 92.5 700 Td (TecNM-AC-PO-001) Tj ET",
        "BT /F1 9 Tf 60 680 Td [(Acad) -250 (émico)] TJ ET",
        "BT /F1 6 Tf 60 660 Td [(uno) -150 ( dos)] TJ ET",
        "BT /F1 9 Tf 60 640 Td (Académico-) Tj ET",
        "BT /F1 9 Tf 109.8 640 Td (Administrativos) Tj ET",
        "BT /F1 9 Tf 200 620 Td (derecha) Tj ET",
        "BT /F1 9 Tf 60 620 Td (izquierda) Tj ET",
    ]
    return page


def table_rows(rows: list[Row]) -> list[tuple[str, ...]]:
    return [row.cells for row in rows if len(row.cells) > 1]


# --- invented PDFs ------------------------------------------------------------------


def test_it_merges_a_header_split_over_two_rows_into_one_row(tmp_path: Path) -> None:
    rows = read_pdf_rows(write_pdf(tmp_path / "pasos.pdf", stacked_header_pages()))

    assert table_rows(rows)[0] == STEP_HEADER


def test_it_aligns_every_data_row_on_the_header_columns(tmp_path: Path) -> None:
    rows = read_pdf_rows(write_pdf(tmp_path / "pasos.pdf", stacked_header_pages()))

    assert table_rows(rows)[1:3] == [
        (
            "1. Recibe solicitud",
            "1.1 Recibe la solicitud y revisa que el expediente esté completo.",
            "Ventanilla de trámites",
        ),
        (
            "2. Verifica el trámite",
            "2.1 Verifica el desarrollo del trámite con el formato FORM-PR-012.",
            "Jefatura de Departamento",
        ),
    ]


def test_it_keeps_the_cell_count_of_a_row_continued_on_the_next_page(tmp_path: Path) -> None:
    rows = read_pdf_rows(write_pdf(tmp_path / "pasos.pdf", stacked_header_pages()))

    second_page = [row.cells for row in rows if row.source.page == 2]
    assert second_page == [
        ("", "y lo turna al área que corresponde.", ""),
        ("3. Responde", "3.1 Responde por escrito al solicitante.", "Ventanilla de trámites"),
    ]


def test_it_interleaves_text_lines_and_tables_by_their_position(tmp_path: Path) -> None:
    rows = read_pdf_rows(write_pdf(tmp_path / "pasos.pdf", stacked_header_pages()))

    first_page = [row for row in rows if row.source.page == 1]
    assert first_page[0].cells == ("5. DESCRIPCIÓN DEL PROCEDIMIENTO",)
    assert first_page[1].cells == STEP_HEADER
    assert first_page[-1].cells == ("Texto después de la tabla",)
    assert [row.source.line for row in first_page] == list(range(1, len(first_page) + 1))
    assert {row.source.file for row in rows} == {"pasos.pdf"}


def test_it_spreads_a_group_header_over_its_sub_columns(tmp_path: Path) -> None:
    # given a "Documento" header over "Entrada" and "Salida", and a data row whose
    # last cell spans both
    page = Sketch()
    page.grid([60, 200, 300, 540], [60, 100, 140, 180, 220, 260])
    page.line(300, 80, 540, 80)
    page.line(400, 80, 400, 220)
    for top, text in [(64, "Documento"), (84, "Entrada")]:
        page.text(305, top, text)
    page.text(405, 84, "Salida")
    page.text(65, 74, "Responsable")
    page.text(205, 74, "Actividad")
    for index, top in enumerate([104, 144, 184], start=1):
        page.text(65, top, "Jefatura")
        page.text(205, top, f"Paso {index}")
        page.text(305, top, "Oficio")
        page.text(405, top, "Acuse")
    page.text(65, 224, "Jefatura")
    page.text(205, 224, "Archiva")
    page.text(305, 224, "Sin documento")

    # when
    rows = read_pdf_rows(write_pdf(tmp_path / "grupos.pdf", [page]))

    # then
    assert table_rows(rows)[0] == (
        "Responsable",
        "Actividad",
        "Documento Entrada",
        "Documento Salida",
    )
    assert table_rows(rows)[-1] == ("Jefatura", "Archiva", "Sin documento", "")
    assert {len(cells) for cells in table_rows(rows)} == {4}


def test_it_drops_diagram_boxes_but_keeps_their_text(tmp_path: Path) -> None:
    # given a swimlane drawn as a table, with boxes drawn inside its lanes
    page = Sketch()
    page.grid([40, 200, 360, 520], [60, 80, 400])
    page.text(45, 64, "Ventanilla")
    page.text(205, 64, "Jefatura")
    page.text(365, 64, "Solicitante")
    page.grid([60, 150], [120, 160])
    page.text(65, 125, "Recibe")
    page.text(65, 137, "solicitud")
    page.grid([220, 310], [200, 240])
    page.text(225, 205, "Revisa")
    page.grid([100, 115], [300, 315])
    page.text(104, 303, "3")

    # when
    rows = read_pdf_rows(write_pdf(tmp_path / "diagrama.pdf", [page]))

    # then
    assert table_rows(rows) == []
    assert ("Recibe",) in [row.cells for row in rows]


def test_it_drops_a_table_whose_cells_are_all_empty(tmp_path: Path) -> None:
    page = Sketch()
    page.text(60, 40, "Una tabla sin texto se dibuja a continuación")
    page.grid([60, 200, 300], [60, 80, 100])

    rows = read_pdf_rows(write_pdf(tmp_path / "vacia.pdf", [page]))

    assert [row.cells for row in rows] == [("Una tabla sin texto se dibuja a continuación",)]


def test_it_drops_a_lane_table_of_fragments_on_a_diagram_page(tmp_path: Path) -> None:
    page = Sketch()
    page.grid([40, 200, 360, 520], [60, 80, 400])
    for column, words in enumerate(["Inicio|Recibe|solicitud", "Revisa|Fin", "Entrega|pago"]):
        for line, word in enumerate(words.split("|")):
            page.text(50 + 160 * column, 100 + 40 * line + 13 * column, word)

    rows = read_pdf_rows(write_pdf(tmp_path / "carriles.pdf", [page]))

    assert table_rows(rows) == []
    assert ("Revisa",) in [row.cells for row in rows]


# --- the PDFium reader reads the rows the pdfplumber reader reads -------------------
# Cells, page and line numbers: the same ``Row`` list, whichever library read the file.


def test_pdfium_keeps_the_word_spaces_pdfplumber_sees_and_no_others(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "espacios.pdf", [spacing_page()])

    rows = read_pdf_rows(path)

    assert [row.cells for row in rows] == [
        ("Código: TecNM-AC-PO-001",),
        ("Académico",),
        ("uno dos",),
        ("Académico-Administrativos",),
        ("izquierda derecha",),
    ]
    assert rows == read_pdf_rows(path, engine="pdfplumber")


@pytest.mark.parametrize("rotate", [0, 90, 180, 270])
def test_pdfium_reads_the_rows_pdfplumber_reads_on_a_turned_page(
    tmp_path: Path, rotate: int
) -> None:
    path = write_pdf(tmp_path / "girada.pdf", stacked_header_pages(), rotate=rotate)

    assert read_pdf_rows(path) == read_pdf_rows(path, engine="pdfplumber")


def test_pdfium_reads_the_rows_pdfplumber_reads_from_a_form_xobject(tmp_path: Path) -> None:
    pages = [*stacked_header_pages(), spacing_page()]
    path = write_pdf(tmp_path / "formulario.pdf", pages, in_form=True)

    rows = read_pdf_rows(path)

    assert table_rows(rows)[0] == STEP_HEADER
    assert rows == read_pdf_rows(path, engine="pdfplumber")


@needs_shared
@pytest.mark.parametrize("name", TECNM)
def test_pdfium_reads_the_rows_pdfplumber_reads_from_a_tecnm_manual(name: str) -> None:
    reference = read_pdf_rows(SAMPLES / "pdf" / name, engine="pdfplumber")

    assert sample_rows(name) == reference


# --- the TecNM samples ----------------------------------------------------------------


@cache
def sample_rows(name: str) -> list[Row]:
    return read_pdf_rows(SAMPLES / "pdf" / name)


@needs_shared
@pytest.mark.parametrize("name", TECNM)
def test_it_reads_the_step_table_of_a_tecnm_manual(name: str) -> None:
    rows = sample_rows(name)

    headers = [
        i for i, row in enumerate(rows) if tuple(c.upper() for c in row.cells) == STEP_HEADER
    ]
    assert len(headers) == 1
    stages = [
        int(match.group(1))
        for row in rows[headers[0] + 1 :]
        if len(row.cells) == 3 and (match := re.match(r"(\d+)\.", row.cells[0]))
    ]
    assert stages == list(range(1, len(stages) + 1))
    assert len(stages) >= 7


@needs_shared
@pytest.mark.parametrize("name", TECNM)
def test_it_reads_the_page_header_table_of_every_page(name: str) -> None:
    rows = sample_rows(name)

    pages = {row.source.page for row in rows}
    for page in pages:
        cells = [cell for row in rows if row.source.page == page for cell in row.cells]
        assert f"Código: {name[:-4]}" in cells
        assert any(re.fullmatch(rf"Página:? {page} de \d+", cell) for cell in cells)


@needs_shared
@pytest.mark.parametrize("name", TECNM)
def test_it_makes_no_table_rows_of_the_flow_diagram(name: str) -> None:
    rows = sample_rows(name)

    diagram_page = next(row.source.page for row in rows if "DIAGRAMA" in row.text)
    diagram_tables = table_rows([row for row in rows if row.source.page == diagram_page])
    assert len(diagram_tables) == 3  # the page header: name and code, revision, page
    assert all(len(row) == 3 for row in diagram_tables)


@needs_shared
def test_it_reads_a_pdf_encrypted_without_a_user_password(tmp_path: Path) -> None:
    writer = pypdf.PdfWriter(clone_from=SAMPLES / "pdf" / TECNM[1])
    writer.encrypt(user_password="", owner_password="propietario", algorithm="AES-128")
    writer.write(tmp_path / "restringido.pdf")

    rows = read_pdf_rows(tmp_path / "restringido.pdf")

    assert rows == [
        replace(row, source=replace(row.source, file="restringido.pdf"))
        for row in sample_rows(TECNM[1])
    ]
