"""The page image of an imported PDF, with a step's row marked, for logged-in users;
drawn once and kept under ``MEDIA_ROOT/source-pages/``."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.cache import patch_cache_control
from pypdfium2 import PdfiumError  # type: ignore[import-untyped]

from web.catalog.models import ManualVersion
from web.catalog.source import pdfpage
from web.catalog.sources import source_format, source_version

PAGES_DIR = "source-pages"
#: Kept files never change (their name is their hash): browsers may keep the image a day.
MAX_AGE = 24 * 3600


@login_required
def source_page(request: HttpRequest, pk: int, page: int) -> FileResponse:
    version = get_object_or_404(ManualVersion, pk=pk)
    step = _marked_step(version, request.GET.get("marca", ""), page)
    source = (step or {}).get("source")
    origin = source_version(
        version, str(source.get("file") or "") if isinstance(source, dict) else ""
    )
    origin = origin or source_version(version, version.source_name)
    if origin is None:
        raise Http404("no PDF kept for this version")
    path = Path(default_storage.path(origin.source_file.name))
    if source_format(path) != "pdf":
        raise Http404("the kept file is not a PDF")
    try:
        image = _drawn(path, page, step)
    except (LookupError, PdfiumError) as err:
        raise Http404(str(err)) from err
    response = FileResponse(image.open("rb"), content_type="image/png")
    patch_cache_control(response, private=True, max_age=MAX_AGE)
    return response


def _marked_step(version: ManualVersion, mark: str, page: int) -> dict[str, object] | None:
    """The step named by ``marca=<procedure position>-<step index>``, when it was read
    from this page."""
    first, _, second = mark.partition("-")
    if not (first.isdigit() and second.isdigit()):
        return None
    procedures = version.data.get("procedures", [])
    if int(first) >= len(procedures) or int(second) >= len(procedures[int(first)]["steps"]):
        return None
    step: dict[str, object] = procedures[int(first)]["steps"][int(second)]
    source = step.get("source")
    return step if isinstance(source, dict) and source.get("page") == page else None


def _drawn(path: Path, page: int, step: dict[str, object] | None) -> Path:
    """The page image (marked when the step's row is found), drawn when not kept yet."""
    band = None
    if step is not None:
        band = pdfpage.locate_step(path, page, str(step["number"]), str(step["activity"]))
    name = f"p{page}-{band.key()}.png" if band else f"p{page}.png"
    target = Path(settings.MEDIA_ROOT) / PAGES_DIR / path.stem / name
    if not target.is_file():
        _write(target, pdfpage.render_page(path, page, band))
    return target


def _write(target: Path, data: bytes) -> None:
    """Write beside ``target`` and rename: a reader never sees half an image."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".part-")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
