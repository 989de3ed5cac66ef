"""Generated downloads kept on disk: versions never change, so a file rendered once for a
version (by its SHA-256), a procedure and a format is served again as it is. The key also
holds Folio's version, so an upgrade renders afresh. Files are written to a temporary
name and renamed, so a reader never sees half a file.

The PDF or Word file of a big manual can take minutes on a busy server, longer than a
proxy waits for an answer: the file is rendered in a background thread, the request
waits for it a while (``FOLIO_EXPORT_WAIT`` seconds) and otherwise answers "being
prepared" so the page can ask again. One render per file runs at a time in a process.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

from django.conf import settings

import folio

logger = logging.getLogger(__name__)
_running: dict[Path, threading.Thread] = {}
_lock = threading.Lock()


class RenderFailed(Exception):
    """The last attempt to render the file failed (the error is in the log)."""


def export_path(sha256: str, procedure: str, name: str) -> Path:
    """Where the file ``name`` of ``procedure`` ("" for the whole manual) is kept."""
    part = "manual" if not procedure else "p-" + hashlib.sha1(procedure.encode()).hexdigest()[:16]
    root = Path(settings.MEDIA_ROOT) / "exports"
    return root / f"folio-{folio.__version__}" / sha256[:2] / sha256 / part / name


def wait_seconds() -> float:
    return float(getattr(settings, "FOLIO_EXPORT_WAIT", 20.0))


def fetch(path: Path, build: Callable[[], bytes], wait: float | None = None) -> bytes | None:
    """The bytes at ``path``; else those ``build`` gives, rendered in the background and
    waited for up to ``wait`` seconds. ``None`` while still rendering; ``RenderFailed``
    when the render failed (the next call tries again)."""
    if path.is_file():
        return path.read_bytes()
    _raise_if_failed(path)
    with _lock:
        thread = _running.get(path)
        if thread is None:
            thread = threading.Thread(target=_render, args=(path, build), daemon=True)
            _running[path] = thread
            thread.start()
    thread.join(wait_seconds() if wait is None else wait)
    if path.is_file():
        return path.read_bytes()
    _raise_if_failed(path)
    return None


def _raise_if_failed(path: Path) -> None:
    failed = _failed(path)
    if failed.exists():
        failed.unlink(missing_ok=True)
        raise RenderFailed(str(path))


def _failed(path: Path) -> Path:
    return path.with_name(path.name + ".failed")


def _render(path: Path, build: Callable[[], bytes]) -> None:
    try:
        write_atomically(path, build())
    except Exception:  # reported to the person by the next request, logged here
        logger.exception("Rendering %s failed", path)
        _failed(path).parent.mkdir(parents=True, exist_ok=True)
        _failed(path).touch()
    finally:
        with _lock:
            _running.pop(path, None)


def write_atomically(path: Path, content: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(content)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
