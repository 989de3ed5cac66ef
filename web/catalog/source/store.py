"""The imported file kept as uploaded, once per content, under
``MEDIA_ROOT/manual-sources/<sha[:2]>/<sha256><ext>``."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

SOURCES_DIR = "manual-sources"
#: Suffixes kept as they are; anything else is stored without one.
KNOWN_SUFFIXES = (".txt", ".md", ".docx", ".pdf", ".bpmn", ".xml")


def source_name(file_name: str, sha256: str) -> str:
    """The storage name of a file with this name and content."""
    suffix = Path(file_name).suffix.lower()
    suffix = suffix if suffix in KNOWN_SUFFIXES else ""
    return f"{SOURCES_DIR}/{sha256[:2]}/{sha256}{suffix}"


def store_source(file_name: str, content: bytes, sha256: str) -> str:
    """Keep ``content`` (whose SHA-256 is ``sha256``) and return its storage name. The
    same content is written once; a file is never seen half-written (it is written
    beside its place and renamed into it)."""
    name = source_name(file_name, sha256)
    if default_storage.exists(name) and default_storage.size(name) == len(content):
        return name
    try:
        target = Path(default_storage.path(name))
    except NotImplementedError:  # a storage without local paths writes its own way
        default_storage.delete(name)
        return default_storage.save(name, ContentFile(content))
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".part-")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(content)
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return name
