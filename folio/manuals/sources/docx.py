"""DOCX manuals read with python-docx into the common row stream.

The body is walked in document order (paragraphs and tables, also inside content
controls): a paragraph is a one-cell row, a table row a row of its cells. A cell
spanning several grid columns (``gridSpan``) appears once; the continuation of a
vertically merged cell (``vMerge``) is an empty string, as a blank cell in a text
manual is, so "same responsible as the row above" reads the same in every format.
Tables nested in a cell are flattened into the cell's text. The paragraphs of a text box
(the shapes of a flow diagram) follow, as rows of their own, the block that anchors it.

``SourceRef.page`` counts pages: when Word saved its own pagination
(``w:lastRenderedPageBreak``) that is used; otherwise explicit page breaks
(``w:br w:type="page"``, "page break before" and new-page section breaks).
``SourceRef.line`` is the row's 1-based position in the document.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zipfile import BadZipFile, ZipFile

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn

from folio.manuals.blocks import ParseError, Row
from folio.manuals.model import SourceRef
from folio.manuals.sources.docxparts import heading_styles, paragraph_style, section_headers
from folio.manuals.sources.docxtoc import TocFields, is_toc_control, toc_styles

#: Elements that wrap blocks, rows or cells without being one (content controls,
#: custom XML): their content is read as if they were not there.
_SDT = qn("w:sdt")
_WRAPPERS = {_SDT, qn("w:sdtContent"), qn("w:customXml")}
#: The content of a text box (a flow-diagram shape, say): read as blocks of their own.
_TEXT_BOX = qn("w:txbxContent")
#: Subtrees whose text is not part of the paragraph or cell: the fallback copy of a
#: drawing, text moved away or deleted, text boxes.
_HIDDEN = {
    "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback",
    qn("w:moveFrom"),
    qn("w:del"),
    _TEXT_BOX,
}
_P, _TBL, _TR, _TC, _T = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc"), qn("w:t")
_TEXT = {_T: None, qn("w:tab"): " ", qn("w:cr"): " ", qn("w:noBreakHyphen"): "-"}
_BR, _RENDERED = qn("w:br"), qn("w:lastRenderedPageBreak")
_VAL, _TYPE = qn("w:val"), qn("w:type")

_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0"


def read_docx_rows(path: Path) -> list[Row]:
    """Read a Word manual. Raises ``ParseError`` for a file that is empty, not a
    DOCX (an old .doc included), damaged, or without any text."""
    _check_signature(path)
    _check_archive(path)
    try:
        document = docx.Document(str(path))
        body = document.element.body
    except ValueError as err:  # a valid package of another kind (a spreadsheet...)
        raise ParseError(
            f"{path.name}: no es un documento de Word, sino otro tipo de archivo de Office.",
            SourceRef(path.name),
        ) from err
    except (
        PackageNotFoundError,
        BadZipFile,
        KeyError,
        SyntaxError,
        zlib.error,
        EOFError,
        OSError,
    ) as err:
        raise _damaged(path) from err
    walk = _Walk(path.name, body.find(f".//{_RENDERED}") is not None, _section_breaks(body))
    walk.styles = heading_styles(document)
    walk.index.styles = toc_styles(document)
    sections = _sections(body)
    walk.headers = dict(zip(map(id, sections), section_headers(document, sections), strict=True))
    walk.section_start(sections[0] if sections else None)
    walk.blocks(body)
    if all(row.is_blank for row in walk.rows):
        raise ParseError(f"{path.name}: el documento no contiene texto.", SourceRef(path.name))
    return walk.rows


#: What a DOCX may hold once unpacked: manuals with photos stay far below; a zip bomb
#: (kilobytes that unpack to gigabytes) is refused before anything is unpacked.
MAX_UNPACKED = 256 * 1024 * 1024
#: A part bigger than this must not be compressed more than ``MAX_RATIO`` to 1.
BIG_PART = 16 * 1024 * 1024
MAX_RATIO = 100


def _check_archive(path: Path) -> None:
    """Refuse an archive that is damaged or would unpack to more than Folio reads, from
    the sizes its directory declares (Python's zipfile never unpacks past them)."""
    try:
        with ZipFile(path) as archive:
            members = archive.infolist()
    except (BadZipFile, OSError, EOFError, ValueError) as err:
        raise _damaged(path) from err
    total = sum(member.file_size for member in members)
    bombs = [
        m
        for m in members
        if m.file_size > BIG_PART and m.file_size > MAX_RATIO * max(m.compress_size, 1)
    ]
    if total > MAX_UNPACKED or bombs:
        megabytes = total // (1024 * 1024)
        raise ParseError(
            f"{path.name}: el archivo DOCX se descomprime en {megabytes} MB, más de lo que "
            f"tiene un manual (máximo {MAX_UNPACKED // (1024 * 1024)} MB); no se leyó.",
            SourceRef(path.name),
        )


def _damaged(path: Path) -> ParseError:
    return ParseError(
        f"{path.name}: el archivo DOCX está dañado o incompleto y no se puede leer.",
        SourceRef(path.name),
    )


def _check_signature(path: Path) -> None:
    with path.open("rb") as handle:
        head = handle.read(8)
    if not head:
        raise ParseError(f"{path.name}: el archivo está vacío.", SourceRef(path.name))
    if head.startswith(_OLE_SIGNATURE):
        raise ParseError(
            f"{path.name}: es un documento de Word antiguo (.doc); guárdelo como .docx "
            "y vuelva a subirlo.",
            SourceRef(path.name),
        )
    if not head.startswith(b"PK"):
        raise ParseError(
            f"{path.name}: no es un archivo DOCX (no es un paquete de Word).",
            SourceRef(path.name),
        )


def _sections(body: Any) -> list[Any]:
    """The section properties elements in body order (the last is the body's own)."""
    owners = {qn("w:pPr"), body.tag}  # not the old properties of a tracked change
    return [s for s in body.iter(qn("w:sectPr")) if s.getparent().tag in owners]


def _section_breaks(body: Any) -> dict[Any, bool]:
    """For each section properties element that ends a section inside the body,
    whether the next section starts on a new page (its ``w:type`` is not
    ``continuous``)."""
    sections = _sections(body)
    breaks = {}
    for current, following in zip(sections, sections[1:], strict=False):
        kind = following.find(_TYPE)
        breaks[current] = kind is None or kind.get(_VAL) != "continuous"
    return breaks


@dataclass
class _Walk:
    """The walk through the body: the rows so far and the current page."""

    file: str
    rendered: bool
    section_breaks: dict[Any, bool]
    page: int = 1
    rows: list[Row] = field(default_factory=list)
    styles: dict[str, str] = field(default_factory=dict)
    #: id(section properties) → the blocks of that section's page header.
    headers: dict[int, list[Any]] = field(default_factory=dict)
    tables: int = 0
    #: The index (a TOC field's result), whose paragraphs are skipped.
    index: TocFields = field(default_factory=TocFields)

    def blocks(self, container: Any) -> None:
        for block in _children(container, {_P, _TBL}):
            if block.tag == _P and self.index.in_index(block):
                self.page += sum(self.paragraph_breaks(block))
            elif block.tag == _P:
                style = paragraph_style(block, self.styles)
                self.emit((_text(block),), *self.paragraph_breaks(block), style=style)
            if block.tag == _P:
                ppr = block.find(qn("w:pPr"))
                section = ppr.find(qn("w:sectPr")) if ppr is not None else None
                if section is not None and id(section) in self.headers:
                    self.section_start(section.getparent().getparent().getnext())
            else:
                self.table(block, "")
            for box in _text_boxes(block):
                self.blocks(box)

    def table(self, block: Any, style: str) -> None:
        self.tables += 1
        for row in _children(block, {_TR}):
            self.emit(_row_cells(row), *self.row_breaks(row), table=self.tables, style=style)

    def section_start(self, anchor: Any) -> None:
        """Give the page header of the section that starts at ``anchor`` (the next
        block), as rows styled ``page-header``."""
        section = _owning_section(anchor, self.headers)
        for block in self.headers.get(id(section), []) if section is not None else []:
            if block.tag == _P and _text(block):
                self.emit((_text(block),), 0, 0, style="page-header")
            elif block.tag == _TBL:
                self.table(block, "page-header")

    def emit(
        self,
        cells: tuple[str, ...],
        before: int,
        after: int,
        *,
        table: int | None = None,
        style: str = "",
    ) -> None:
        self.page += before
        source = SourceRef(self.file, self.page, len(self.rows) + 1)
        self.rows.append(Row(cells, source, table=table, style=style))
        self.page += after

    def paragraph_breaks(self, paragraph: Any) -> tuple[int, int]:
        before, after = _breaks(paragraph, _RENDERED if self.rendered else _BR)
        if self.rendered:
            return before, after
        ppr = paragraph.find(qn("w:pPr"))
        if ppr is not None:
            flag = ppr.find(qn("w:pageBreakBefore"))
            if flag is not None and flag.get(_VAL) not in ("0", "false", "off"):
                before += 1
            section = ppr.find(qn("w:sectPr"))
            after += int(self.section_breaks.get(section, False))
        return before, after

    def row_breaks(self, row: Any) -> tuple[int, int]:
        """A row starts on a new page when a cell's text starts after a break (Word
        may record it in the first cell only); breaks inside its cells (a row split
        over two pages) count after it."""
        kind = _RENDERED if self.rendered else _BR
        counts = [_breaks(cell, kind) for cell in _children(row, {_TC}) if _text(cell)]
        if not counts:
            return 0, 0
        before = max(lead for lead, _ in counts)
        return before, max(0, max(lead + rest for lead, rest in counts) - before)


def _owning_section(anchor: Any, headers: dict[int, list[Any]]) -> Any:
    """The section properties that close the section starting at block ``anchor``:
    the first ``w:sectPr`` at or after it in the body (the body's own, last)."""
    node = anchor
    while node is not None:
        if node.tag == qn("w:sectPr"):
            return node
        found = node.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") if node.tag == _P else None
        if found is not None and id(found) in headers:
            return found
        node = node.getnext()
    return None


def _children(element: Any, tags: set[str]) -> Iterator[Any]:
    """The children of ``element`` with one of ``tags``, looking through wrappers."""
    for child in element.iterchildren():
        if child.tag in tags:
            yield child
        elif child.tag in _WRAPPERS and not (child.tag == _SDT and is_toc_control(child)):
            yield from _children(child, tags)


def _visible(element: Any) -> Iterator[Any]:
    """``element`` and its descendants in document order, less hidden subtrees."""
    yield element
    for child in element.iterchildren():
        if child.tag not in _HIDDEN:
            yield from _visible(child)


def _text_boxes(element: Any) -> Iterator[Any]:
    """The outermost text boxes anchored in ``element``."""
    for child in element.iterchildren():
        if child.tag == _TEXT_BOX:
            yield child
        elif child.tag not in _HIDDEN:
            yield from _text_boxes(child)


def _breaks(element: Any, kind: str) -> tuple[int, int]:
    """Page breaks of one kind in ``element``: (before any of its text, after)."""
    before = after = 0
    seen_text = False
    for node in _visible(element):
        if node.tag == kind and (kind == _RENDERED or node.get(_TYPE) == "page"):
            if seen_text:
                after += 1
            else:
                before += 1
        elif node.tag == _T and node.text and node.text.strip():
            seen_text = True
    return before, after


def _text(element: Any) -> str:
    """The visible text of a paragraph or cell, whitespace collapsed; nested tables
    are read row by row, cell by cell."""
    parts = []
    for node in _visible(element):
        if node.tag in _TEXT:
            parts.append(_TEXT[node.tag] or node.text or "")
        elif node.tag in (_BR, _P):
            parts.append(" ")
    return " ".join("".join(parts).split())


def _row_cells(row: Any) -> tuple[str, ...]:
    cells: list[str] = []
    properties = row.find(qn("w:trPr"))
    skipped = properties.find(qn("w:gridBefore")) if properties is not None else None
    if skipped is not None:
        cells.extend([""] * int(skipped.get(_VAL, "0")))
    for cell in _children(row, {_TC}):
        tcpr = cell.find(qn("w:tcPr"))
        legacy = tcpr.find(qn("w:hMerge")) if tcpr is not None else None
        if legacy is not None and legacy.get(_VAL) != "restart":
            continue
        vmerge = tcpr.find(qn("w:vMerge")) if tcpr is not None else None
        continued = vmerge is not None and vmerge.get(_VAL) != "restart"
        cells.append("" if continued else _text(cell))
    return tuple(cells)
