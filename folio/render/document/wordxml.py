"""The bits of WordprocessingML that python-docx has no API for: bookmarks, internal
hyperlinks, page-number fields, cell shading and repeated table header rows."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import RGBColor
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph


def bookmark_name(anchor: str) -> str:
    """A Word bookmark name (letters, digits, underscores; starts with a letter)."""
    return ("b_" + re.sub(r"\W", "_", anchor))[:40]


def add_bookmark(paragraph: Paragraph, anchor: str, number: int) -> None:
    """Wrap the whole of ``paragraph`` in the bookmark named after ``anchor``."""
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), str(number))
    start.set(qn("w:name"), bookmark_name(anchor))
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), str(number))
    p = paragraph._p
    ppr = p.pPr
    if ppr is None:
        p.insert(0, start)
    else:
        ppr.addnext(start)
    p.append(end)


def add_internal_link(paragraph: Paragraph, text: str, anchor: str, bold: bool = False) -> None:
    """Append ``text`` to ``paragraph`` as a link to the bookmark of ``anchor``."""
    link = OxmlElement("w:hyperlink")
    link.set(qn("w:anchor"), bookmark_name(anchor))
    link.set(qn("w:history"), "1")
    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    color = OxmlElement("w:color")
    color.set(qn("w:val"), "1F3A5F")
    rpr.append(color)
    if bold:
        rpr.append(OxmlElement("w:b"))
    run.append(rpr)
    t = OxmlElement("w:t")
    t.text = text
    t.set(qn("xml:space"), "preserve")
    run.append(t)
    link.append(run)
    paragraph._p.append(link)


def add_field(paragraph: Paragraph, instruction: str, placeholder: str = "1") -> None:
    """Append a simple field (``PAGE``, ``NUMPAGES``) that Word computes when it lays out."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = placeholder
    run.append(t)
    field.append(run)
    paragraph._p.append(field)


def shade(cell: _Cell, fill: str) -> None:
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shd)


def header_row(table: Table, fill: str = "1F3A5F") -> None:
    """Style the first row as a header repeated on every page."""
    row = table.rows[0]
    trpr = row._tr.get_or_add_trPr()
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    trpr.append(flag)
    for cell in row.cells:
        shade(cell, fill)
        for paragraph in cell.paragraphs:
            for run in paragraph.runs:
                run.font.bold = True
                run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)


def keep_row_together(table: Table) -> None:
    """Rows may not split across pages."""
    for row in table.rows:
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


TWIPS_PER_CM = 1440 / 2.54


def fix_widths(table: Table, widths_cm: Sequence[float]) -> None:
    """Give ``table`` a fixed layout whose grid (``w:tblGrid``) and total width say the
    same as its cells' widths, so that every reader (LibreOffice goes by the grid) draws
    the columns as wide as asked."""
    twips = [round(w * TWIPS_PER_CM) for w in widths_cm]
    tbl = table._tbl
    grid = tbl.tblGrid
    for col in list(grid):
        grid.remove(col)
    for width in twips:
        col = OxmlElement("w:gridCol")
        col.set(qn("w:w"), str(width))
        grid.append(col)
    tblpr = tbl.tblPr
    for tag in ("w:tblW", "w:tblLayout"):
        for old in tblpr.findall(qn(tag)):
            tblpr.remove(old)
    total = OxmlElement("w:tblW")
    total.set(qn("w:w"), str(sum(twips)))
    total.set(qn("w:type"), "dxa")
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    _insert_in_order(
        tblpr,
        total,
        (
            "w:tblStyle",
            "w:tblpPr",
            "w:tblOverlap",
            "w:bidiVisual",
            "w:tblStyleRowBandSize",
            "w:tblStyleColBandSize",
        ),
    )
    _insert_in_order(
        tblpr,
        layout,
        (
            "w:tblStyle",
            "w:tblpPr",
            "w:tblOverlap",
            "w:bidiVisual",
            "w:tblStyleRowBandSize",
            "w:tblStyleColBandSize",
            "w:tblW",
            "w:jc",
            "w:tblCellSpacing",
            "w:tblInd",
            "w:tblBorders",
            "w:shd",
        ),
    )
    for tr in tbl.tr_lst:  # every w:tc, merged ones too
        for tc, width in zip(tr.tc_lst, twips, strict=False):
            tcw = tc.get_or_add_tcPr().get_or_add_tcW()
            tcw.set(qn("w:w"), str(width))
            tcw.set(qn("w:type"), "dxa")


def _insert_in_order(parent: Any, child: Any, before: Sequence[str]) -> None:
    """Insert ``child`` after the last child of ``parent`` whose tag is in ``before`` (the
    elements the schema puts ahead of it), else first."""
    anchor = None
    for element in parent:
        if element.tag in {qn(tag) for tag in before}:
            anchor = element
    if anchor is None:
        parent.insert(0, child)
    else:
        anchor.addnext(child)
