"""Small sound files of each kind the uploads accept, built in memory for the tests."""

from __future__ import annotations

import io
import zipfile


def tiny_pdf(width: int = 200, height: int = 100) -> bytes:
    """A one-page PDF, written by PDFium."""
    import pypdfium2 as pdfium  # type: ignore[import-untyped]

    pdf = pdfium.PdfDocument.new()
    pdf.new_page(width, height)
    out = io.BytesIO()
    pdf.save(out)
    pdf.close()
    return out.getvalue()


def tiny_image(format: str = "PNG") -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (12, 8), (200, 30, 30)).save(out, format=format)
    return out.getvalue()


def office_zip(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


XML = b'<?xml version="1.0" encoding="UTF-8"?><root/>'
#: The main part of each zip-based kind.
MAIN_PARTS = {
    "docx": {"[Content_Types].xml": XML, "word/document.xml": XML},
    "xlsx": {"[Content_Types].xml": XML, "xl/workbook.xml": XML},
    "odt": {"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": XML},
}
