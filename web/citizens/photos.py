"""A report's photo: checked as an image (``web.uploads``), at most ``MAX_BYTES``, and
re-encoded from its pixels so no metadata (EXIF: GPS position, camera, date) is kept."""

from __future__ import annotations

import io
import secrets
from pathlib import PurePath

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

from web.uploads import ContentRefused, check_content

MAX_BYTES = 5 * 1024 * 1024
MAX_SIDE = 2048


class PhotoRefused(ValueError):
    pass


def store_photo(upload: UploadedFile) -> str:
    """Store the photo without metadata; return its name under ``MEDIA_ROOT``."""
    name = upload.name or "foto"
    if upload.size is not None and upload.size > MAX_BYTES:
        raise PhotoRefused(_("The photo «%(name)s» is over 5 MB.") % {"name": name})
    content = upload.read()
    suffix = PurePath(name).suffix.lower()
    if suffix not in (".jpg", ".jpeg", ".png"):
        raise PhotoRefused(_("The photo «%(name)s» must be a JPEG or PNG image.") % {"name": name})
    try:
        check_content(name, content)
    except ContentRefused as err:
        raise PhotoRefused(str(err)) from err
    clean = strip_metadata(content)
    return default_storage.save(f"citizens/{secrets.token_hex(12)}.jpg", ContentFile(clean))


def strip_metadata(content: bytes) -> bytes:
    """The pixels alone, as a JPEG (turned upright first, as the camera said)."""
    from PIL import Image, ImageOps

    with Image.open(io.BytesIO(content)) as image:
        upright = ImageOps.exif_transpose(image)
        pixels = Image.new("RGB", upright.size)
        pixels.paste(upright.convert("RGB"))
    pixels.thumbnail((MAX_SIDE, MAX_SIDE))
    out = io.BytesIO()
    pixels.save(out, "JPEG", quality=85)
    return out.getvalue()
