"""The Word index as a real table-of-contents field (``TOC \\o "1-3" \\h \\z \\u`` over the
Heading styles) that Word and LibreOffice update, marked dirty and with
``w:updateFields`` in the settings so that Word refreshes it on opening. Until a reader
updates it, the field shows the result written here: every entry linked to its heading's
bookmark, with the page number it is expected on (``PAGEREF`` fields, computed again by
any reader that updates fields)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Cm, Pt
from docx.text.paragraph import Paragraph

from folio.render.document.wordxml import bookmark_name

INSTRUCTION = ' TOC \\o "1-3" \\h \\z \\u '


@dataclass(frozen=True)
class TocEntry:
    level: int  # 1 for a part, 2 for a procedure
    title: str
    anchor: str  # the heading's bookmark
    page: int | None = None  # where it is expected, if known


def _run(*children: BaseOxmlElement, text: str | None = None) -> BaseOxmlElement:
    run = OxmlElement("w:r")
    for child in children:
        run.append(child)
    if text is not None:
        t = OxmlElement("w:t")
        t.text = text
        t.set(qn("xml:space"), "preserve")
        run.append(t)
    return run


def _char(kind: str, dirty: bool = False) -> BaseOxmlElement:
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    if dirty:
        char.set(qn("w:dirty"), "true")
    return char


def _instr(text: str) -> BaseOxmlElement:
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = text
    return instr


def _styles(doc: DocxDocument, width: float) -> None:
    """The "TOC 1" and "TOC 2" paragraph styles: a dotted tab to the right margin."""
    names = {s.name for s in doc.styles}
    for level in (1, 2, 3):
        name = f"TOC {level}"
        if name in names:
            continue
        style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = doc.styles["Normal"]
        fmt = style.paragraph_format
        fmt.left_indent = Cm(0.8 * (level - 1))
        fmt.space_after = Pt(2)
        fmt.tab_stops.add_tab_stop(Cm(width), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
        style.font.bold = level == 1


def _entry(paragraph: Paragraph, entry: TocEntry) -> None:
    link = OxmlElement("w:hyperlink")
    link.set(qn("w:anchor"), bookmark_name(entry.anchor))
    link.set(qn("w:history"), "1")
    link.append(_run(text=entry.title))
    link.append(_run(OxmlElement("w:tab")))
    link.append(_run(_char("begin")))
    link.append(_run(_instr(f" PAGEREF {bookmark_name(entry.anchor)} \\h ")))
    link.append(_run(_char("separate")))
    link.append(_run(text=str(entry.page) if entry.page else ""))
    link.append(_run(_char("end")))
    paragraph._p.append(link)


def add_toc(doc: DocxDocument, entries: Sequence[TocEntry], width_cm: float) -> None:
    """The TOC field with ``entries`` as its current result, one paragraph each."""
    _styles(doc, width_cm)
    if not entries:
        entries = [TocEntry(1, "", "")]
    paragraphs = [doc.add_paragraph(style=f"TOC {min(e.level, 3)}") for e in entries]
    first, last = paragraphs[0]._p, paragraphs[-1]._p
    begin = [_run(_char("begin", dirty=True)), _run(_instr(INSTRUCTION)), _run(_char("separate"))]
    ppr = first.pPr
    for run in reversed(begin):
        if ppr is None:
            first.insert(0, run)
        else:
            ppr.addnext(run)
    for paragraph, entry in zip(paragraphs, entries, strict=True):
        if entry.anchor:
            _entry(paragraph, entry)
    last.append(_run(_char("end")))


def update_fields_on_open(doc: DocxDocument) -> None:
    """Ask the reader to update every field when it opens the document."""
    settings = doc.settings.element
    for old in settings.findall(qn("w:updateFields")):
        settings.remove(old)
    flag = OxmlElement("w:updateFields")
    flag.set(qn("w:val"), "true")
    later = next((e for e in settings if e.tag.rsplit("}", 1)[-1] in _AFTER_UPDATE_FIELDS), None)
    if later is None:
        settings.append(flag)
    else:
        later.addprevious(flag)


#: The settings the schema puts after ``w:updateFields`` (Word refuses them out of order).
_AFTER_UPDATE_FIELDS = frozenset(
    (
        "hdrShapeDefaults",
        "footnotePr",
        "endnotePr",
        "compat",
        "docVars",
        "rsids",
        "mathPr",
        "attachedSchema",
        "themeFontLang",
        "clrSchemeMapping",
        "doNotIncludeSubdocsInStats",
        "doNotAutoCompressPictures",
        "forceUpgrade",
        "captions",
        "readModeInkLockDown",
        "smartTagType",
        "schemaLibrary",
        "shapeDefaults",
        "doNotEmbedSmartTags",
        "decimalSymbol",
        "listSeparator",
    )  # fmt: skip
)
