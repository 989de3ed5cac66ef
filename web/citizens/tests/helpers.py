"""Helpers of the citizens tests."""

from __future__ import annotations

import io
import time

from django.core import signing
from PIL import Image

from web.citizens import limits


def aged_token(seconds: int = 10) -> str:
    """A form's time token as if the form had been shown ``seconds`` ago."""
    return signing.TimestampSigner(salt=limits.SALT).sign(str(int(time.time()) - seconds))


def jpeg_with_exif() -> bytes:
    image = Image.new("RGB", (40, 30), (200, 30, 30))
    exif = Image.Exif()
    exif[0x010F] = "CamaraDePrueba"  # Make
    exif[0x010E] = "Casa de Eustolia, 19.0432 -98.1987"  # ImageDescription
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif.tobytes())
    return out.getvalue()
