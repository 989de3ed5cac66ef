"""The manual as a Word document (python-docx): real tables, Heading styles (so Word's
navigation pane lists every part and procedure), an index of internal links,
"Página n de m" in the footer, and the diagrams as PNG pictures, on landscape
sections when they print larger that way."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_TAB_ALIGNMENT
from docx.shared import Cm, Pt, RGBColor
from docx.text.paragraph import Paragraph

from folio.manuals.model import Manual
from folio.render.document import wordparts
from folio.render.document.diagrams import (
    is_wide,
    manual_sheets,
    sheet_anchor,
    svg_size,
)
from folio.render.document.drawing import draw_shared
from folio.render.document.outline import Part, cover_facts, outline, running_header
from folio.render.document.wordxml import add_bookmark, add_field, add_internal_link, shade
from folio.render.orgchart import render_org_svg

PAGE = (Cm(21.59), Cm(27.94))  # Letter
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = Cm(2), Cm(2.5), Cm(2)
NAVY = RGBColor(0x1F, 0x3A, 0x5F)
EMU_PER_PX = 9525


class Builder:
    """Appends the parts of one manual to a python-docx document."""

    def __init__(self, manual: Manual) -> None:
        self.manual = manual
        self.doc: DocxDocument = Document()
        self.bookmarks = 0
        self.landscape = False
        self.pictures: dict[str, tuple[bytes, tuple[float, float], bool]] = {}

    def heading(self, text: str, level: int, anchor: str = "") -> Paragraph:
        paragraph: Paragraph = self.doc.add_heading(text, level)
        if anchor:
            self.bookmarks += 1
            add_bookmark(paragraph, anchor, self.bookmarks)
        return paragraph

    def start_page(self, landscape: bool = False) -> None:
        """Start a new page of the given orientation."""
        if self.landscape != landscape:
            self.new_section(landscape)
        else:
            self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def picture(self, key: str, caption: str, new_page: bool = True) -> None:
        """The prepared picture ``key`` on a page of its own, as large as fits (but not
        larger than life), on a landscape section when it prints larger so."""
        png, (w, h), wide = self.pictures[key]
        if new_page:
            self.start_page(landscape=wide)
        if caption:
            self.doc.add_paragraph().add_run(caption).bold = True
        section = self.doc.sections[-1]
        assert section.page_width is not None and section.page_height is not None
        room_w = section.page_width - 2 * MARGIN_X
        room_h = section.page_height - MARGIN_TOP - MARGIN_BOTTOM - Cm(2.5)
        scale = min(EMU_PER_PX, room_w / w, room_h / h)
        self.doc.add_picture(io.BytesIO(png), width=int(w * scale))
        self.doc.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER

    def new_section(self, landscape: bool) -> None:
        section = self.doc.add_section(WD_SECTION.NEW_PAGE)
        section.different_first_page_header_footer = False
        section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = PAGE[::-1] if landscape else PAGE
        self.landscape = landscape


def render_docx(manual: Manual) -> bytes:
    """``manual`` as the bytes of a .docx file."""
    b = Builder(manual)
    parts = outline(manual)
    prepare_pictures(b, parts)
    setup(b.doc, manual)
    cover(b)
    authorizations(b)
    index(b, parts)
    for part in parts:
        b.start_page(landscape=part.kind == "orgchart" and b.pictures["organigrama"][2])
        b.heading(part.title, 1, part.anchor)
        PARTS[part.kind](b, part)
    buffer = io.BytesIO()
    b.doc.save(buffer)
    return buffer.getvalue()


def prepare_pictures(b: Builder, parts: Sequence[Part]) -> None:
    """Rasterize every diagram sheet (and the organigrama)."""
    svgs: dict[str, str] = {}
    for anchor, pages in manual_sheets(parts).items():
        for n, svg in enumerate(pages, 1):
            svgs[sheet_anchor(anchor, n)] = svg
    if any(part.kind == "orgchart" for part in parts):
        svgs["organigrama"] = render_org_svg(b.manual)
    pngs = draw_shared(list(svgs.values()), "png")
    for (key, svg), png in zip(svgs.items(), pngs, strict=True):
        b.pictures[key] = (png, svg_size(svg), is_wide(svg))


def setup(doc: DocxDocument, manual: Manual) -> None:
    """Fonts, heading colours, Letter pages and the running header and footer."""
    normal = doc.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(10)
    for level in (1, 2, 3):
        doc.styles[f"Heading {level}"].font.color.rgb = NAVY
    section = doc.sections[0]
    section.page_width, section.page_height = PAGE
    section.left_margin = section.right_margin = MARGIN_X
    section.top_margin, section.bottom_margin = MARGIN_TOP, MARGIN_BOTTOM
    section.different_first_page_header_footer = True  # the cover has none
    left, right = running_header(manual)
    head = section.header.paragraphs[0]
    head.paragraph_format.tab_stops.add_tab_stop(PAGE[0] - 2 * MARGIN_X, WD_TAB_ALIGNMENT.RIGHT)
    right_line = right.replace("\n", " · ")
    run = head.add_run(f"{left}\t{right_line}")
    run.font.size = Pt(7.5)
    foot = section.footer.paragraphs[0]
    foot.alignment = WD_ALIGN_PARAGRAPH.CENTER
    foot.add_run("Página ")
    add_field(foot, "PAGE")
    foot.add_run(" de ")
    add_field(foot, "NUMPAGES")


def cover(b: Builder) -> None:
    manual = b.manual
    for _ in range(6):
        b.doc.add_paragraph()
    if manual.unit:
        unit = b.doc.add_paragraph()
        unit.alignment = WD_ALIGN_PARAGRAPH.CENTER
        unit.add_run(manual.unit.upper()).bold = True
    title = b.doc.add_paragraph(manual.title or "Manual", style="Title")
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    facts = cover_facts(manual)
    if facts:
        table = b.doc.add_table(rows=0, cols=2)
        table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        for label, value in facts:
            cells = table.add_row().cells
            cells[0].text, cells[1].text = label, value
            cells[0].paragraphs[0].runs[0].bold = True
            shade(cells[0], "E6EDF5")


def authorizations(b: Builder) -> None:
    if not b.manual.authorizations:
        return
    b.start_page()
    b.heading("Autorizaciones", 1, "autorizaciones")
    rows = [(a.action, a.person, a.position, "") for a in b.manual.authorizations]
    wordparts.table(b.doc, ("Acción", "Nombre", "Cargo", "Firma"), rows, (3, 5, 6, 3.5))


def index(b: Builder, parts: Sequence[Part]) -> None:
    b.start_page()
    b.heading("Índice", 1, "indice")
    for part in parts:
        add_internal_link(b.doc.add_paragraph(), part.title, part.anchor, bold=True)
        for entry in part.entries:
            paragraph = b.doc.add_paragraph()
            paragraph.paragraph_format.left_indent = Cm(1)
            add_internal_link(paragraph, entry.title, entry.anchor)


def procedures(b: Builder, part: Part) -> None:
    for i, entry in enumerate(part.entries):
        if i:
            b.start_page()
        b.heading(entry.title, 2, entry.anchor)
        wordparts.procedure_tables(b.doc, entry.procedure)
        n = 1
        while sheet_anchor(entry.anchor, n) in b.pictures:
            b.picture(sheet_anchor(entry.anchor, n), "Diagrama de flujo" if n == 1 else "")
            n += 1


def orgchart(b: Builder, part: Part) -> None:
    b.picture("organigrama", "", new_page=False)


PARTS: dict[str, Callable[[Builder, Part], None]] = {
    "introduction": lambda b, part: wordparts.introduction(b.doc, b.manual),
    "procedures": procedures,
    "structure": lambda b, part: wordparts.structure(b.doc, b.manual),
    "orgchart": orgchart,
    "positions": lambda b, part: wordparts.positions(b.doc, b.manual),
    "forms": lambda b, part: wordparts.forms(b.doc, b.manual),
    "glossary": lambda b, part: wordparts.glossary(b.doc, b.manual),
    "symbols": lambda b, part: wordparts.symbols(b.doc, b.manual),
    "editions": lambda b, part: wordparts.editions(b.doc, b.manual),
    "distribution": lambda b, part: wordparts.distribution(b.doc, b.manual),
}
