"""The reference reader: pdfplumber (pdfminer.six) parses each page into characters and
ruling edges. Exact but slow (about 4 pages/s); kept to check the PDFium reader against
(``read_pdf_rows(path, engine="pdfplumber")``)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError
from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

from folio.manuals.sources.pdf.sheet import Sheet, damaged, protected


def read_sheets(path: Path) -> Iterator[Sheet]:
    """The pages of ``path``; ``ParseError`` when the file is damaged or protected."""
    try:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                bbox = tuple(float(value) for value in page.bbox)
                yield Sheet(
                    page.page_number, (bbox[0], bbox[1], bbox[2], bbox[3]), page.chars, page.edges
                )
                page.close()
    except (PdfminerException, MalformedPDFException) as err:
        cause = err.args[0] if err.args else err
        if isinstance(cause, PDFEncryptionError):
            raise protected(path.name) from err
        raise damaged(path.name) from err
