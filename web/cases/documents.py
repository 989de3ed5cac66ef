"""Case documents on disk: checked for size, type and content (``web.uploads``), stored
once per content under ``MEDIA_ROOT/documents/<sha256[:2]>/<sha256>``."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from pathlib import PurePath

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils.text import slugify
from django.utils.translation import gettext as _

from web.cases.errors import DocumentRefused
from web.cases.models import DocumentKind
from web.uploads import ContentRefused, check_content

ZIP = b"PK\x03\x04"
#: Extension → (content type, how the file starts; None for plain text).
ACCEPTED: dict[str, tuple[str, bytes | None]] = {
    ".pdf": ("application/pdf", b"%PDF-"),
    ".png": ("image/png", b"\x89PNG\r\n\x1a\n"),
    ".jpg": ("image/jpeg", b"\xff\xd8\xff"),
    ".jpeg": ("image/jpeg", b"\xff\xd8\xff"),
    ".docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ZIP,
    ),
    ".xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ZIP),
    ".odt": ("application/vnd.oasis.opendocument.text", ZIP),
    ".txt": ("text/plain", None),
}


#: Types whose kind's value is not their name slugified (it is kept under 20 letters).
_SHORTENED = {
    "analisis_de_viabilidad": DocumentKind.ANALISIS_VIABILIDAD,
    "identificacion_oficial": DocumentKind.IDENTIFICACION,
}


def kind_of_type(type_name: str) -> str:
    """The kind a document of the manual's normalized type (``DocumentRef.type``:
    "Reporte", "Vale de salida"...) is kept as; "other" for a type with no kind."""
    slug = slugify(type_name).replace("-", "_")
    if slug in _SHORTENED:
        return str(_SHORTENED[slug])
    return slug if slug in DocumentKind.values else str(DocumentKind.OTHER)


@dataclass(frozen=True)
class NewDocument:
    """A document as received (a view builds it from the uploaded file); without
    ``content`` (and ``name``) it is registered by its number and date alone."""

    kind: str
    name: str
    content: bytes
    number: str = ""
    date: date | None = None


def checked_type(document: NewDocument) -> str:
    """The document's content type (empty for a reference with no file); raises
    ``DocumentRefused`` with the reason."""
    if document.kind not in DocumentKind.values:
        raise DocumentRefused(_("Unknown document kind «%(kind)s».") % {"kind": document.kind})
    if is_reference(document):
        if not document.number.strip() and document.date is None:
            raise DocumentRefused(_("A document with no file needs its number or its date."))
        return ""
    if not document.content:
        raise DocumentRefused(_("The file «%(name)s» is empty.") % {"name": document.name})
    limit = settings.FOLIO_MAX_UPLOAD
    if len(document.content) > limit:
        raise DocumentRefused(
            _("The file «%(name)s» is larger than %(mb)s MB.")
            % {"name": document.name, "mb": limit // (1024 * 1024)}
        )
    accepted = ACCEPTED.get(PurePath(document.name).suffix.lower())
    if accepted is None or not _looks_like(document.content, accepted[1]):
        raise DocumentRefused(
            _("The file «%(name)s» is not a PDF, image, Word, Excel, OpenDocument or text file.")
            % {"name": document.name}
        )
    try:
        check_content(document.name, document.content)
    except ContentRefused as err:
        raise DocumentRefused(str(err)) from err
    return accepted[0]


def is_reference(document: NewDocument) -> bool:
    """Registered by number and date alone: no file at all."""
    return not document.content and not document.name


def _looks_like(content: bytes, magic: bytes | None) -> bool:
    """How the file starts; plain text is read whole by ``check_content``."""
    return magic is None or content.startswith(magic)


def store_content(content: bytes) -> tuple[str, str]:
    """Write the bytes unless the same content is already stored; returns the storage
    name and the SHA-256. A rolled-back action leaves the file behind, harmlessly: it is
    addressed by content and reused by the next upload of the same bytes."""
    sha = hashlib.sha256(content).hexdigest()
    name = f"documents/{sha[:2]}/{sha}"
    if not default_storage.exists(name):
        name = default_storage.save(name, ContentFile(content))
    return name, sha
