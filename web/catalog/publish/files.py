"""What a download holds: the file of one format for a procedure or a whole manual of a
version, its name and its content type. Pure rendering through ``folio.render``; the
disk cache is in ``cache.py``."""

from __future__ import annotations

import dataclasses
import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass

from django.utils.text import slugify

from folio.manuals.model import Manual
from folio.manuals.model import Procedure as CoreProcedure
from folio.render.export import export_manual, export_org
from web.catalog.models import ManualVersion, Procedure

#: Formats of one procedure: its diagram, its BPMN, and a manual holding only it.
PROCEDURE_FORMATS = ("svg", "bpmn", "html", "pdf", "docx", "json")
#: Formats of a whole manual: SVG and BPMN come as a ZIP of one file per procedure.
MANUAL_FORMATS = ("json", "html", "pdf", "docx", "svg", "bpmn")
#: Formats of an organization manual ("organigrama" is its org chart as SVG).
ORGANIZATION_FORMATS = ("organigrama", "json", "html", "pdf", "docx")

CONTENT_TYPES = {
    "svg": "image/svg+xml",
    "bpmn": "application/xml",
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "json": "application/json",
    "zip": "application/zip",
}


@dataclass(frozen=True)
class Download:
    """A file to send: ``build`` renders its bytes (slow for PDF and DOCX)."""

    filename: str
    extension: str
    build: Callable[[], bytes]

    @property
    def content_type(self) -> str:
        return CONTENT_TYPES[self.extension]


def manual_stem(version: ManualVersion) -> str:
    """``mp-dge-001-v3``: the manual's registro (or title) and the version number."""
    manual = version.manual
    name = slug(manual.code) or slug(manual.title)[:60].strip("-") or "manual"
    return f"{name}-v{version.number}"


def slug(text: str) -> str:
    """``PRUEBAS/MP/DGE 001`` → ``pruebas-mp-dge-001`` (ASCII, for a file name)."""
    return slugify(re.sub(r"[\\/.\s]+", "-", text))


def procedure_download(row: Procedure, fmt: str) -> Download:
    """``fmt`` of the procedure ``row`` (one of ``PROCEDURE_FORMATS``)."""
    code = slug(row.code) or f"procedimiento-{row.position + 1}"
    stem = f"{manual_stem(row.version)}-{code}"
    ext = "json" if fmt == "json" else fmt

    def build() -> bytes:
        manual = alone(row.version.model(), row.model())
        return export_manual(manual, fmt)[0].content

    return Download(f"{stem}.{ext}", ext, build)


def manual_download(version: ManualVersion, fmt: str) -> Download:
    """``fmt`` of the whole manual of ``version`` (one of ``MANUAL_FORMATS`` or, for an
    organization manual, ``ORGANIZATION_FORMATS``)."""
    stem = manual_stem(version)
    if fmt == "organigrama":
        return Download(
            f"{stem}-organigrama.svg", "svg", lambda: export_org(version.model()).content
        )
    if fmt in ("svg", "bpmn"):
        return Download(f"{stem}-{fmt}.zip", "zip", lambda: zipped(version.model(), fmt))
    return Download(f"{stem}.{fmt}", fmt, lambda: export_manual(version.model(), fmt)[0].content)


def alone(manual: Manual, procedure: CoreProcedure) -> Manual:
    """The manual's header fields around ``procedure`` only: the forms it uses and its own
    findings; no organization structure."""
    used = set(procedure.forms) | {
        d.form_code for s in procedure.steps for d in s.documents if d.form_code
    }
    return dataclasses.replace(
        manual,
        procedures=(procedure,),
        forms=tuple(f for f in manual.forms if f.code in used),
        organization=None,
        diagnostics=tuple(d for d in manual.diagnostics if d.procedure == procedure.code),
    )


def zipped(manual: Manual, fmt: str) -> bytes:
    """One ``fmt`` file per procedure in a ZIP (names made unique when codes collide)."""
    buffer = io.BytesIO()
    used: set[str] = set()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for position, output in enumerate(export_manual(manual, fmt), start=1):
            name = output.name if output.name not in used else f"{position:02d}-{output.name}"
            used.add(name)
            archive.writestr(name, output.content)
    return buffer.getvalue()
