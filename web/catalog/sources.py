"""The source beside the data: what ``catalog/_source.html`` shows for one step.

Include it as ``{% include "catalog/_source.html" with source=source %}`` where
``source = source_context(version, procedure_code, step_number)``. The dict holds:

- ``kind``: ``"pdf"``, ``"rows"`` or ``"none"``;
- ``file``: the imported file's name (``""`` when there is none);
- ``location``: where the step was read, e.g. "página 3, renglón 6" (may be ``""``);
- ``note``: a sentence to show (why there is nothing to show, or that the row was not
  found on the page); ``""`` when everything is shown;
- for ``"pdf"``: ``image_url`` (the page as PNG, the step's row marked when found),
  ``page``, ``pages``, ``width`` and ``height`` (pixels), ``marked`` (bool);
- for ``"rows"``: ``rows``, a list of ``SourceRow`` (``line``, ``cells``, ``is_step``).

The file is the one kept when the version (or the version it was edited from) was
imported; versions written in Folio, BPMN diagrams and versions imported before files were
kept have none (``kind`` ``"none"`` with a note). Nothing here writes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils.translation import gettext as _
from pypdfium2 import PdfiumError  # type: ignore[import-untyped]

from folio.manuals.blocks import ParseError
from web.catalog.models import ManualVersion
from web.catalog.source import pdfpage
from web.catalog.source.rows import rows_around


def source_context(version: ManualVersion, procedure_code: str, step_number: str) -> dict[str, Any]:
    found = find_step(version, procedure_code, step_number)
    if found is None:
        return _nothing(_("This step is not in this version of the manual."))
    position, index, step = found
    ref = step.get("source") or {}
    origin = source_version(version, str(ref.get("file") or ""))
    if origin is None and not ref.get("file"):
        return _nothing(_("There is no source to show: this step was written in Folio."))
    if origin is None:
        return _nothing(_("There is no source to show: the imported file was not kept."))
    path = Path(default_storage.path(origin.source_file.name))
    base = {"file": origin.source_name, "location": _location(ref), "note": ""}
    kind = source_format(path)
    if kind == "pdf" and ref.get("page"):
        return {**base, **_pdf(version, path, ref, (position, index), step)}
    if kind in ("docx", "text") and ref.get("line"):
        return {**base, **_rows(path, kind, version, position, index, ref)}
    if kind == "bpmn":
        return {**base, **_none(_("There is no source to show: a BPMN diagram has no rows."))}
    return {**base, **_none(_("The source file has no rows to show for this step."))}


def find_step(
    version: ManualVersion, procedure_code: str, step_number: str
) -> tuple[int, int, dict[str, Any]] | None:
    """(procedure position, step index, step JSON) of a step of ``version``."""
    for position, procedure in enumerate(version.data.get("procedures", [])):
        if procedure.get("code") != procedure_code:
            continue
        for index, step in enumerate(procedure.get("steps", [])):
            if step.get("number") == step_number:
                return position, index, step
    return None


def source_version(version: ManualVersion, file_name: str) -> ManualVersion | None:
    """The version whose kept file the step was read from: ``version`` or the one it was
    edited from (and so on), when its file has the step's file name."""
    seen: set[int] = set()
    current: ManualVersion | None = version
    while current is not None and current.pk not in seen:
        seen.add(current.pk)
        if current.source_file and file_name and current.source_name == file_name:
            return current if default_storage.exists(current.source_file.name) else None
        current = current.based_on
    return None


def source_format(path: Path) -> str:
    """``pdf``, ``docx``, ``text`` or ``bpmn``: by suffix, else by content."""
    suffix = path.suffix.lower()
    if suffix in (".bpmn", ".xml"):
        return "bpmn"
    with path.open("rb") as handle:
        head = handle.read(8)
    if suffix == ".pdf" or head.startswith(b"%PDF"):
        return "pdf"
    if suffix == ".docx" or head.startswith(b"PK"):
        return "docx"
    return "text"


def _pdf(
    version: ManualVersion, path: Path, ref: dict[str, Any], mark: tuple[int, int], step: Any
) -> dict[str, Any]:
    page = int(ref["page"])
    try:
        shown = pdfpage.step_page(path, page, str(step["number"]), str(step["activity"]))
    except (LookupError, PdfiumError):
        return _none(_("The source PDF cannot be drawn."))
    url = reverse("catalog:source-page", args=[version.pk, page])
    return {
        "kind": "pdf",
        "image_url": f"{url}?marca={mark[0]}-{mark[1]}",
        "page": page,
        "pages": shown.pages,
        "width": shown.width,
        "height": shown.height,
        "marked": shown.band is not None,
        "note": "" if shown.band else _("The step's row was not found on this page; look for it."),
    }


def _rows(
    path: Path, kind: str, version: ManualVersion, position: int, index: int, ref: dict[str, Any]
) -> dict[str, Any]:
    steps = version.data["procedures"][position]["steps"]
    following = None
    if index + 1 < len(steps):
        following = (steps[index + 1].get("source") or {}).get("line")
    try:
        rows = rows_around(path, kind == "docx", int(ref["line"]), following)
    except ParseError:
        return _none(_("The source file cannot be read again."))
    return {"kind": "rows", "rows": rows}


def _location(ref: dict[str, Any]) -> str:
    parts = []
    if ref.get("page"):
        parts.append(_("page %(n)s") % {"n": ref["page"]})
    if ref.get("line"):
        parts.append(_("row %(n)s") % {"n": ref["line"]})
    return ", ".join(parts)


def _none(note: str) -> dict[str, Any]:
    return {"kind": "none", "note": note}


def _nothing(note: str) -> dict[str, Any]:
    return {"file": "", "location": "", **_none(note)}
