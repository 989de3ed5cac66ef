"""Generated downloads kept on disk: versions never change, so a file rendered once for a
version (by its SHA-256), a procedure and a format is served again as it is. The key also
holds Folio's version, so an upgrade renders afresh. Files are written to a temporary
name and renamed, so a reader never sees half a file."""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from django.conf import settings

import folio


def export_path(sha256: str, procedure: str, name: str) -> Path:
    """Where the file ``name`` of ``procedure`` ("" for the whole manual) is kept."""
    part = "manual" if not procedure else "p-" + hashlib.sha1(procedure.encode()).hexdigest()[:16]
    root = Path(settings.MEDIA_ROOT) / "exports"
    return root / f"folio-{folio.__version__}" / sha256[:2] / sha256 / part / name


def cached(path: Path, build: Callable[[], bytes]) -> tuple[bytes, bool]:
    """The bytes at ``path``, or those ``build`` gives, written there atomically.
    Returns them and whether they came from the cache."""
    try:
        return path.read_bytes(), True
    except FileNotFoundError:
        pass
    content = build()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(content)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return content, False
