"""Uploaded files checked by their content, beyond the first bytes: a PDF must open as a
PDF, a Word, Excel or OpenDocument file must be a zip archive holding its main part, an
image must decode, a text must read as UTF-8 or Latin-1 without binary control bytes.

Shared by the case documents (``web.cases.documents``) and the manual upload
(``web.catalog.forms``); each turns the refusal into its own error.
"""

from __future__ import annotations

import io
import re
import warnings
import zipfile
import zlib
from collections.abc import Callable
from pathlib import PurePath

from django.utils.translation import gettext as _

#: An archive that would unpack past this is refused without unpacking it.
MAX_UNZIPPED = 256 * 1024 * 1024
#: Control bytes no text file holds (tab, line feed, form feed and carriage return pass).
BINARY = re.compile(rb"[\x00-\x08\x0b\x0e-\x1f\x7f]")
#: Zip-based formats: the part every such file has, and the mimetype entry OpenDocument has.
ZIP_PARTS = {
    ".docx": ("word/document.xml", None),
    ".xlsx": ("xl/workbook.xml", None),
    ".odt": ("content.xml", b"application/vnd.oasis.opendocument.text"),
}
IMAGE_FORMATS = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG"}


class ContentRefused(ValueError):
    """The file's content is not what its name says; the message names the file."""


def check_content(name: str, content: bytes) -> None:
    """Raise ``ContentRefused`` unless ``content`` is a sound file of the kind the
    extension of ``name`` says. Kinds this module does not know pass unchecked."""
    suffix = PurePath(name).suffix.lower()
    check = _check_for(suffix)
    if check is None or check(content, suffix):
        return
    kinds = {
        ".pdf": _("a PDF"),
        ".docx": _("a Word document"),
        ".xlsx": _("an Excel workbook"),
        ".odt": _("an OpenDocument text"),
        ".png": _("a PNG image"),
        ".jpg": _("a JPEG image"),
        ".jpeg": _("a JPEG image"),
    }
    if suffix in kinds:
        message = _(
            "The file «%(name)s» does not open as %(kind)s: it is damaged or of another kind."
        )
        raise ContentRefused(message % {"name": name, "kind": kinds[suffix]})
    raise ContentRefused(
        _("The file «%(name)s» is not text: it holds binary data.") % {"name": name}
    )


def _check_for(suffix: str) -> Callable[[bytes, str], bool] | None:
    if suffix == ".pdf":
        return _pdf_opens
    if suffix in ZIP_PARTS:
        return _zip_holds_main_part
    if suffix in IMAGE_FORMATS:
        return _image_decodes
    if suffix in {".txt", ".md"}:
        return _is_text
    return None


def _pdf_opens(content: bytes, suffix: str) -> bool:
    import pypdfium2 as pdfium  # type: ignore[import-untyped]

    try:
        pdf = pdfium.PdfDocument(content)
    except pdfium.PdfiumError:
        return False
    try:
        return len(pdf) > 0
    finally:
        pdf.close()


def _zip_holds_main_part(content: bytes, suffix: str) -> bool:
    part, mimetype = ZIP_PARTS[suffix]
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            infos = archive.infolist()
            if sum(info.file_size for info in infos) > MAX_UNZIPPED:
                return False
            if mimetype is not None and archive.read("mimetype").strip() != mimetype:
                return False
            # Reading checks the part's compressed stream and its CRC.
            return archive.read(part).lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<")
    except (zipfile.BadZipFile, zlib.error, KeyError, OSError, EOFError, RuntimeError):
        return False
    except NotImplementedError:  # a compression method zipfile does not know
        return False


def _image_decodes(content: bytes, suffix: str) -> bool:
    from PIL import Image

    try:
        with warnings.catch_warnings():
            # An image of more pixels than Pillow's bomb limit is refused, not decoded.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(content)) as image:
                if image.format != IMAGE_FORMATS[suffix]:
                    return False
                image.verify()
            with Image.open(io.BytesIO(content)) as image:
                image.load()
    except Exception:  # noqa: BLE001 — a decoder fails in many ways; each means "no image"
        return False
    return True


def _is_text(content: bytes, suffix: str) -> bool:
    """UTF-8, or else Latin-1 (Windows-1252 too): any byte decodes as Latin-1, so the
    test that matters is that no control byte of a binary file is there."""
    return BINARY.search(content) is None
