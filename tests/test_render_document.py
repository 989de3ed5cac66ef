"""The manual as a document: one self-contained HTML page, a navigable PDF and a Word
file, for the demo manual always and for the seeds when ../shared is present."""

from __future__ import annotations

import io
import re
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import pdfplumber
import pypdfium2
from docx import Document
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn

from folio.demo import DEMO_TEXT as DEMO
from folio.manuals.load import load_manual
from folio.manuals.model import Authorization, Manual, Procedure, Step, Term
from folio.render.document import render_docx, render_html, render_pdf
from folio.render.document.diagrams import manual_sheets, svg_size
from folio.render.document.drawing import MIN_BATCH, start_drawing
from folio.render.document.outline import outline, procedure_title

from .conftest import SEED_002, SEED_004, needs_shared
from .test_render_docx_roundtrip import assert_same_manual
from .test_render_print_sheets import min_font_pt


class Page(HTMLParser):
    """What the tests need from an HTML page: ids, links, figures, outside references."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []
        self.links: list[str] = []
        self.outside: list[str] = []
        self.figures: list[str] = []
        self.svgs_in_figures = 0
        self.open_figure = False
        self.in_style = False
        self.text: list[str] = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.in_style = tag == "style"
        if a.get("id"):
            self.ids.append(a["id"] or "")
        href = a.get("href") or ""
        if tag == "a" and href.startswith("#"):
            self.links.append(href[1:])
        elif href or a.get("src") or tag in ("link", "script", "img", "iframe"):
            self.outside.append(f"{tag} {href or a.get('src')}")
        if tag == "figure":
            self.figures.append(a.get("class") or "")
            self.open_figure = True
        if tag == "svg" and self.open_figure:
            self.svgs_in_figures += 1
            self.open_figure = False

    def handle_endtag(self, tag: str) -> None:
        self.in_style = False

    def handle_data(self, data: str) -> None:
        if not self.in_style:
            self.text.append(data)


def words(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@cache
def demo() -> Manual:
    return load_manual(DEMO)


@cache
def seed(path: Path) -> Manual:
    return load_manual(path)


@cache
def pdf_of(manual: Manual) -> bytes:
    return render_pdf(manual)


def check_html(manual: Manual) -> Page:
    page = Page(render_html(manual))
    assert len(page.ids) == len(set(page.ids)), "duplicate ids"
    assert set(page.links) <= set(page.ids), "index links that lead nowhere"
    assert page.outside == []
    diagrams = [f for f in page.figures if f.startswith("diagram")]
    assert len(diagrams) == len(manual.procedures)
    assert page.svgs_in_figures == len(page.figures)
    for part in outline(manual):
        assert part.anchor in page.links
        assert {e.anchor for e in part.entries} <= set(page.links)
    return page


def check_pdf(manual: Manual, data: bytes) -> None:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        pages = len(pdf.pages)
        text = words(" ".join(p.extract_text() or "" for p in pdf.pages))
        links = [
            a["data"].get("Dest")
            for p in pdf.pages[:4]
            for a in p.annots
            if a["data"].get("Subtype") and a["data"]["Subtype"].name == "Link"
        ]
    assert 3 + len(manual.procedures) <= pages <= 12 + 8 * len(manual.procedures)
    assert "Página 1 de" in text
    assert f"Página {pages} de {pages}" in text
    for proc in manual.procedures:
        assert words(procedure_title(proc)) in text
    assert len(links) >= len(manual.procedures)  # the index links to every procedure
    assert text.count("Inicio") >= len(manual.procedures)  # every diagram is drawn
    doc = pypdfium2.PdfDocument(data)
    bookmarks = [item.get_title() for item in doc.get_toc()]
    doc.close()
    assert len(bookmarks) >= len(manual.procedures) + 2


def check_docx(manual: Manual, data: bytes) -> None:
    doc = Document(io.BytesIO(data))
    assert len(doc.tables) >= 2 * len(manual.procedures)
    assert len(doc.inline_shapes) >= len(manual.procedures)  # long diagrams take sheets
    headings = [
        p.text for p in doc.paragraphs if p.style is not None and p.style.name.startswith("Heading")
    ]
    for proc in manual.procedures:
        assert procedure_title(proc) in headings
    footer = doc.sections[0].footer._element.xml
    assert "Página" in footer and "NUMPAGES" in footer
    check_docx_index(doc, manual)
    check_docx_tables(doc)
    check_docx_pictures(doc)


def check_docx_index(doc: DocxDocument, manual: Manual) -> None:
    """The index is a TOC field over the headings, to be updated on opening, showing
    every procedure with a page number meanwhile."""
    body = doc.element.body.xml
    assert 'TOC \\o "1-3" \\h \\z \\u' in body
    assert 'w:fldCharType="begin" w:dirty="true"' in body
    assert doc.settings.element.find(qn("w:updateFields")).get(qn("w:val")) == "true"
    index = [p.text for p in doc.paragraphs if p.style is not None and p.style.name == "TOC 2"]
    assert len(index) == len(manual.procedures)
    assert all(re.search(r"\t\d+$", line) for line in index), index


def check_docx_tables(doc: DocxDocument) -> None:
    """Every table's grid says what its cells say, in a fixed layout: LibreOffice draws
    the columns as wide as Word does."""
    for table in doc.tables:
        tbl = table._tbl
        grid = [int(col.get(qn("w:w"))) for col in tbl.tblGrid.findall(qn("w:gridCol"))]
        for tr in tbl.tr_lst:
            widths = [int(tc.tcPr.find(qn("w:tcW")).get(qn("w:w"))) for tc in tr.tc_lst]
            assert widths == grid
        assert tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"


def check_docx_pictures(doc: DocxDocument) -> None:
    """Every picture carries its SVG (``asvg:svgBlip``) and a PNG of 200 dpi or more at
    the size it prints."""
    svg_blip = "{http://schemas.microsoft.com/office/drawing/2016/SVG/main}svgBlip"
    for shape in doc.inline_shapes:
        blip = shape._inline.graphic.graphicData.pic.blipFill.blip
        svg = blip.find(f".//{svg_blip}")
        assert svg is not None
        part = doc.part.related_parts[svg.get(qn("r:embed"))]
        assert part.content_type == "image/svg+xml" and part.blob.startswith(b"<?xml")
        texts = re.findall(rb"<text\b[^>]*>", part.blob)  # styled one by one for Office
        assert texts and all(b"font-size" in text for text in texts)
        png = doc.part.related_parts[blip.get(qn("r:embed"))].blob
        px_wide = int.from_bytes(png[16:20], "big")
        inches = shape.width / 914400
        assert px_wide / inches >= 200 or px_wide >= 4000


def test_it_renders_the_demo_manual_as_one_self_contained_page() -> None:
    page = check_html(demo())
    text = words(" ".join(page.text))
    assert "Tiempo Promedio de Gestión" in text and "Formato o Documento" in text
    assert "Página " not in text  # page numbers belong to print CSS only


def test_it_renders_the_demo_manual_as_a_navigable_pdf() -> None:
    check_pdf(demo(), pdf_of(demo()))


def test_it_renders_the_demo_manual_as_word() -> None:
    check_docx(demo(), render_docx(demo()))


def test_it_escapes_the_manual_text_everywhere() -> None:
    # given
    hostile = '<script>alert("x")</script> & </style>'
    manual = Manual(
        kind="procedimientos",
        title=hostile,
        code='REG/"1"\\</style>',
        authorizations=(Authorization("Persona Inventada", hostile, "Autoriza"),),
        glossary=(Term(hostile, hostile),),
        procedures=(
            Procedure("P1", hostile, steps=(Step("1", ("Área <1>",), hostile, copies="1"),)),
        ),
    )
    # when
    html = render_html(manual)
    # then
    assert "<script>" not in html and "&lt;/style&gt;" in html
    assert html.count("</style>") == html.count("<style")
    assert Page(html).outside == []
    check_docx(manual, render_docx(manual))


def test_it_keeps_each_diagrams_styles_and_ids_to_itself() -> None:
    html = render_html(demo())
    svg_styles = re.findall(r"<svg\b.*?<style>(.*?)</style>", html, re.S)
    assert len(svg_styles) == len(demo().procedures)
    for css in svg_styles:
        selectors = [rule.split("{")[0] for rule in css.split("}") if "{" in rule]
        assert all(sel.startswith("#") for group in selectors for sel in group.split(","))
    assert len(re.findall(r'id="[^"]*arrow"', html)) == len(demo().procedures)


def test_it_leaves_out_the_parts_a_manual_does_not_have() -> None:
    html = render_html(demo())
    for absent in (
        "Simbología",
        "Registro de ediciones",
        "Distribución",
        "Formatos e instructivos",
    ):
        assert absent not in html
    assert "Glosario de términos" in html


@needs_shared
def test_it_renders_seed_004_as_html_with_every_diagram() -> None:
    page = check_html(seed(SEED_004))
    assert len(seed(SEED_004).forms) >= 1
    assert "Instrucciones de llenado" in words(" ".join(page.text))


@needs_shared
def test_it_renders_seed_004_as_pdf() -> None:
    data = pdf_of(seed(SEED_004))
    check_pdf(seed(SEED_004), data)
    smallest, landscape = min_font_pt(data)
    assert smallest >= 7.0  # P29's twelve lanes printed at 1.9 pt before
    assert landscape >= 31


@needs_shared
def test_it_renders_seed_004_as_word_that_reads_back(tmp_path: Path) -> None:
    manual = seed(SEED_004)
    data = render_docx(manual)
    check_docx(manual, data)
    (tmp_path / "manual.docx").write_bytes(data)
    assert_same_manual(manual, load_manual(tmp_path / "manual.docx"))


@needs_shared
def test_it_renders_the_organization_manual_with_its_chart() -> None:
    manual = seed(SEED_002)
    page = Page(render_html(manual))
    assert page.figures == ["orgchart"]
    assert set(page.links) <= set(page.ids)
    doc = Document(io.BytesIO(render_docx(manual)))
    assert len(doc.inline_shapes) == 1


def test_it_draws_diagrams_in_a_second_process_in_order() -> None:
    # given: more sheets than the smallest batch worth a process
    sheets = [svg for pages in manual_sheets(outline(demo())).values() for svg in pages]
    batch = (sheets * MIN_BATCH)[: MIN_BATCH + 1]
    # when
    drawings = start_drawing(batch, "pdf")()
    # then
    assert len(drawings) == len(batch)
    for svg, drawing in zip(batch, drawings, strict=True):
        doc = pypdfium2.PdfDocument(drawing)
        width, height = doc[0].get_size()
        doc.close()
        assert (round(width), round(height)) == tuple(round(v * 0.75) for v in svg_size(svg))


def test_it_renders_the_same_page_every_time() -> None:
    assert render_html(demo()) == render_html(demo())
