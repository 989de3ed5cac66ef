"""The well-formed inputs mutations start from, one per reader, all made from the demo
manual (so they exist in a fresh checkout)."""

from __future__ import annotations

import io
import zipfile
from functools import cache

from folio.demo import DEMO_TEXT
from folio.manuals.jsonio import manual_to_json
from folio.manuals.load import load_manual
from folio.manuals.model import Manual

#: Reader kind → the file suffix it is read under.
SUFFIXES = {"text": ".txt", "docx": ".docx", "pdf": ".pdf", "bpmn": ".bpmn", "json": ".json"}


@cache
def demo_manual() -> Manual:
    return load_manual(DEMO_TEXT)


@cache
def base(kind: str) -> bytes:
    if kind == "text":
        return DEMO_TEXT.read_bytes()
    if kind == "json":
        return manual_to_json(demo_manual()).encode()
    if kind == "bpmn":
        from folio.render.bpmn import export_bpmn

        return export_bpmn(demo_manual().procedures[0]).encode()
    if kind == "docx":
        from folio.render.document import render_docx

        return render_docx(demo_manual())
    if kind == "pdf":
        from folio.render.document import render_pdf

        return render_pdf(demo_manual())
    raise KeyError(kind)


@cache
def docx_document_xml() -> bytes:
    with zipfile.ZipFile(io.BytesIO(base("docx"))) as archive:
        return archive.read("word/document.xml")


def docx_with_document(xml: bytes) -> bytes:
    """The demo DOCX with its ``word/document.xml`` replaced by ``xml``."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(base("docx"))) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for item in src.infolist():
            data = xml if item.filename == "word/document.xml" else src.read(item.filename)
            dst.writestr(item.filename, data)
    return out.getvalue()
