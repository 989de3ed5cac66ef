"""The manual as a Word document (python-docx): fixed-width tables, Heading styles (so
Word's navigation pane lists every part and procedure), an index that is a TOC field
(``wordtoc.py``), "Página n de m" in the footer, and the diagram sheets of the PDF as
SVG pictures with a 200 dpi PNG fallback (``wordsvg.py``), on landscape sections when
they print larger that way. Read back by Folio's DOCX importer, it gives the same
procedures (``tests/test_render_docx_roundtrip.py``)."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.section import _Header
from docx.shared import Cm, Length, Pt, RGBColor
from docx.text.paragraph import Paragraph

from folio.manuals.model import Manual
from folio.render.document import wordparts
from folio.render.document.diagrams import (
    MAX_SCALE,
    is_wide,
    manual_sheets,
    sheet_anchor,
    svg_size,
)
from folio.render.document.drawing import draw_shared
from folio.render.document.outline import Part, cover_facts, outline, running_header
from folio.render.document.pdf import page_numbers
from folio.render.document.wordsvg import add_svg
from folio.render.document.wordtoc import TocEntry, add_toc, update_fields_on_open
from folio.render.document.wordxml import (
    add_bookmark,
    add_field,
)
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
        self.pictures: dict[str, tuple[bytes, str, bool]] = {}

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
        """The prepared picture ``key`` on a page of its own, as large as fits (up to
        ``MAX_SCALE``), on a landscape section when it prints larger so; drawn from its
        SVG where the reader can, else from its PNG."""
        png, svg, wide = self.pictures[key]
        w, h = svg_size(svg)
        # a page break of its own would leave an empty line above the picture, which
        # then no longer fits: the first paragraph starts the page instead
        break_before = new_page and self.landscape == wide
        if new_page and not break_before:
            self.new_section(wide)
        first = None
        if caption:
            first = self.doc.add_paragraph()
            first.add_run(caption).bold = True
            first.paragraph_format.space_after = Pt(4)
        section = self.doc.sections[-1]
        assert section.page_width is not None and section.page_height is not None
        assert section.left_margin is not None and section.right_margin is not None
        assert section.top_margin is not None and section.bottom_margin is not None
        room_w = section.page_width - section.left_margin - section.right_margin
        room_h = section.page_height - section.top_margin - section.bottom_margin - Cm(1.2)
        scale = min(EMU_PER_PX * MAX_SCALE, room_w / w, room_h / h)
        shape = self.doc.add_picture(io.BytesIO(png), width=int(w * scale))
        add_svg(self.doc, shape, svg)
        holder = self.doc.paragraphs[-1]
        holder.alignment = WD_ALIGN_PARAGRAPH.CENTER
        spacing = holder.paragraph_format  # single: "multiple" spacing would grow the line
        spacing.space_before, spacing.space_after, spacing.line_spacing = Pt(0), Pt(0), 1.0
        (first or holder).paragraph_format.page_break_before = break_before

    def new_section(self, landscape: bool) -> None:
        section = self.doc.add_section(WD_SECTION.NEW_PAGE)
        section.different_first_page_header_footer = False
        section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = PAGE[::-1] if landscape else PAGE
        # landscape pages hold diagram sheets: narrower margins let ``SHEET_PX`` print
        # at ``MIN_SCALE``
        margins = (
            (Cm(1.2), Cm(1.7), Cm(1.4)) if landscape else (MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM)
        )
        section.left_margin = section.right_margin = margins[0]
        section.top_margin, section.bottom_margin = margins[1], margins[2]
        section.header_distance = Cm(0.8) if landscape else Cm(1.25)
        section.footer_distance = Cm(0.6) if landscape else Cm(1.25)
        self.landscape = landscape


def render_docx(manual: Manual) -> bytes:
    """``manual`` as the bytes of a .docx file."""
    b = Builder(manual)
    parts = outline(manual)
    sheets = prepare_pictures(b, parts)
    setup(b.doc, manual)
    cover(b)
    authorizations(b)
    index(b, parts, page_numbers(manual, parts, sheets))
    for part in parts:
        b.start_page(landscape=part.kind == "orgchart" and b.pictures["organigrama"][2])
        b.heading(part.title, 1, part.anchor)
        PARTS[part.kind](b, part)
    buffer = io.BytesIO()
    b.doc.save(buffer)
    return buffer.getvalue()


def prepare_pictures(b: Builder, parts: Sequence[Part]) -> dict[str, list[str]]:
    """Rasterize every diagram sheet (and the organigrama); returns the sheets."""
    svgs: dict[str, str] = {}
    sheets = manual_sheets(parts)
    for anchor, pages in sheets.items():
        for n, svg in enumerate(pages, 1):
            svgs[sheet_anchor(anchor, n)] = svg
    if any(part.kind == "orgchart" for part in parts):
        svgs["organigrama"] = render_org_svg(b.manual)
    pngs = draw_shared(list(svgs.values()), "png")
    for (key, svg), png in zip(svgs.items(), pngs, strict=True):
        b.pictures[key] = (png, svg, is_wide(svg))
    return sheets


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
    running(section.header, manual)
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
    for label, value in cover_facts(manual):  # "Label: value", as manuals print them
        fact = b.doc.add_paragraph()
        fact.alignment = WD_ALIGN_PARAGRAPH.CENTER
        fact.add_run(f"{label}: ").bold = True
        fact.add_run(value)


def running(header: _Header, manual: Manual) -> None:
    """The page header: the title, then registro and revision, on lines of their own so
    that each reads back apart."""
    left, right = running_header(manual)
    title = header.paragraphs[0]
    title.add_run(left).font.size = Pt(7.5)
    title.paragraph_format.space_after = Pt(0)
    if right:
        line = header.add_paragraph()
        line.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        line.paragraph_format.space_after = Pt(0)
        line.add_run(right.replace("\n", " | ")).font.size = Pt(7.5)


def authorizations(b: Builder) -> None:
    if not b.manual.authorizations:
        return
    b.start_page()
    b.heading("Autorizaciones", 1, "autorizaciones")
    rows = [(a.action, a.person, a.position, "") for a in b.manual.authorizations]
    wordparts.table(b.doc, ("Acción", "Nombre", "Cargo", "Firma"), rows, (3, 5, 6, 3.5))


def index(b: Builder, parts: Sequence[Part], pages: dict[str, int] | None = None) -> None:
    """The index: a TOC field over the headings, showing ``pages`` (by anchor) until a
    reader updates it."""
    b.start_page()
    heading = b.doc.add_paragraph(
        "Índice", style="TOC Heading" if _has_style(b, "TOC Heading") else "Title"
    )  # not a Heading: the index does not list itself
    b.bookmarks += 1
    add_bookmark(heading, "indice", b.bookmarks)
    known = pages or {}
    entries = [
        TocEntry(level, title, anchor, known.get(anchor))
        for part in parts
        for level, title, anchor in [(1, part.title, part.anchor)]
        + [(2, e.title, e.anchor) for e in part.entries]
    ]
    add_toc(b.doc, entries, Length(PAGE[0] - 2 * MARGIN_X).cm)
    update_fields_on_open(b.doc)


def _has_style(b: Builder, name: str) -> bool:
    return any(style.name == name for style in b.doc.styles)


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
