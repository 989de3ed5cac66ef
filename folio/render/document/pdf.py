"""The manual as PDF: the HTML page laid out by WeasyPrint with its print rules, then
every diagram page drawn as vector graphics into the box left for it.

Headings become PDF bookmarks and index entries internal links, so the PDF is
navigable; the index shows page numbers (``target-counter``). The diagrams are drawn by
cairosvg and placed with pypdfium2 (see ``diagrams.py`` for why not by WeasyPrint)."""

from __future__ import annotations

import io

import pypdfium2  # type: ignore[import-untyped]

from folio.manuals.model import Manual
from folio.render.document.diagrams import manual_sheets, sheet_anchor
from folio.render.document.drawing import start_drawing
from folio.render.document.htmlpage import page_html
from folio.render.document.outline import Part, outline

PT_PER_PX = 0.75


def render_pdf(manual: Manual) -> bytes:
    """``manual`` as PDF bytes (Letter pages)."""
    from weasyprint import HTML  # type: ignore[import-untyped]

    parts = outline(manual)
    sheets = manual_sheets(parts)
    drawings = start_drawing([svg for pages in sheets.values() for svg in pages], "pdf")
    document = HTML(string=page_html(manual, parts, sheets)).render()
    boxes = {
        name: (index, box)
        for index, page in enumerate(document.pages)
        for name, box in page.anchors.items()
    }
    pdf = pypdfium2.PdfDocument(document.write_pdf())
    slots = [
        sheet_anchor(anchor, n)
        for anchor, pages in sheets.items()
        for n in range(1, len(pages) + 1)
    ]
    sources = [
        place(pdf, *boxes[slot], drawing) for slot, drawing in zip(slots, drawings(), strict=True)
    ]
    buffer = io.BytesIO()
    pdf.save(buffer)
    for source in sources:
        source.close()
    pdf.close()
    return buffer.getvalue()


#: Print rules that make the PDF's pages hold what the Word document's do (see
#: ``word.py``: Letter, margins 2.5/2/2/2 cm, Arial 10 pt, cells padded 0.19 cm).
WORD_LIKE = (
    "@page { margin: 25mm 20mm 20mm 20mm }"
    "@media print { html { font-size: 10pt; line-height: 1.2 } th, td { padding: 0 0.19cm } }"
)


def page_numbers(
    manual: Manual, parts: tuple[Part, ...], sheets: dict[str, list[str]]
) -> dict[str, int]:
    """The page (from 1, the cover) each part and procedure starts on, by anchor: the
    PDF laid out (not drawn) with the Word document's margins, font size and cell
    padding, so that it breaks pages about where Word and LibreOffice do (within a page
    or two over seed 004's 245)."""
    from weasyprint import HTML

    html = page_html(manual, parts, sheets).replace("</style>", WORD_LIKE + "</style>", 1)
    document = HTML(string=html).render()
    wanted = {part.anchor for part in parts} | {e.anchor for part in parts for e in part.entries}
    found: dict[str, int] = {}
    for number, page in enumerate(document.pages, 1):
        for name in page.anchors:
            if name in wanted:
                found.setdefault(name, number)
    return found


def place(
    pdf: pypdfium2.PdfDocument,
    index: int,
    box: tuple[float, float, float, float],
    drawing: bytes,
) -> pypdfium2.PdfDocument:
    """Draw the first page of ``drawing`` into ``box`` (CSS px from the top-left corner)
    of page ``index``; returns the source document, to be closed after saving."""
    source = pypdfium2.PdfDocument(drawing)
    width, _ = source[0].get_size()
    page = pdf[index]
    _, page_height = page.get_size()
    x1, _, x2, y2 = box
    scale = (x2 - x1) * PT_PER_PX / width
    drawn = source.page_as_xobject(0, pdf).as_pageobject()
    matrix = pypdfium2.PdfMatrix().scale(scale, scale)
    drawn.transform(matrix.translate(x1 * PT_PER_PX, page_height - y2 * PT_PER_PX))
    page.insert_obj(drawn)
    page.gen_content()
    return source
