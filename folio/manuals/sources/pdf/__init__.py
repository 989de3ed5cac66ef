"""PDF manuals with a text layer, read into the common row stream.

PDFium (pypdfium2) reads each page's characters and drawn paths; they are handed to
pdfplumber's table finder and text clustering as the objects pdfplumber itself would
have made (``pdfium.py``), and the page is laid out as rows (``layout.py``). Reading
with pdfplumber alone (``engine="pdfplumber"``) gives the same rows at a fraction of the
speed; it stays as the reference the fast reader is tested against.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Literal

from folio.manuals.blocks import ParseError, Row
from folio.manuals.model import SourceRef
from folio.manuals.sources.pdf.layout import sheet_rows
from folio.manuals.sources.pdf.sheet import Sheet

__all__ = ["Engine", "read_pdf_rows"]

Engine = Literal["pdfium", "pdfplumber"]

#: Fewer visible characters than this per page on average: no usable text layer.
MIN_CHARS_PER_PAGE = 10


def read_pdf_rows(path: Path, engine: Engine = "pdfium") -> list[Row]:
    """Read a PDF manual. Raises ``ParseError`` for a file that is empty, not a PDF,
    damaged, protected by a password, or without a text layer (a scan)."""
    _check_signature(path)
    rows: list[Row] = []
    visible = pages = 0
    for sheet in _sheets(path, engine):
        visible += sheet.visible_chars()
        pages += 1
        rows.extend(sheet_rows(sheet, path.name))
    if visible < MIN_CHARS_PER_PAGE * max(pages, 1):
        raise ParseError(
            f"{path.name}: el PDF no tiene capa de texto; parece un documento escaneado "
            "(aplíquele reconocimiento de texto, OCR, antes de importarlo).",
            SourceRef(path.name),
        )
    return rows


def _sheets(path: Path, engine: Engine) -> Iterable[Sheet]:
    if engine == "pdfplumber":
        from folio.manuals.sources.pdf import plumber

        return plumber.read_sheets(path)
    from folio.manuals.sources.pdf import pdfium

    return pdfium.read_sheets(path)


def _check_signature(path: Path) -> None:
    with path.open("rb") as handle:
        head = handle.read(1024)
    if not head.strip():
        raise ParseError(f"{path.name}: el archivo está vacío.", SourceRef(path.name))
    if b"%PDF-" not in head:
        raise ParseError(
            f"{path.name}: no es un archivo PDF (no empieza con la cabecera %PDF).",
            SourceRef(path.name),
        )
