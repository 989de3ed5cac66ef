"""What must hold for every input: read, or refused with one sentence (``ParseError``;
``ValueError`` for JSON, as ``manual_from_json`` documents); and whatever is read lints and
exports in every format without an exception, its XML outputs well-formed."""

from __future__ import annotations

import io
import tempfile
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

from folio.manuals.blocks import ParseError
from folio.manuals.jsonio import manual_from_json
from folio.manuals.lint import lint_manual
from folio.manuals.load import load_manual
from folio.manuals.model import Manual
from folio.render.export import export_manual
from tests.fuzz.bases import SUFFIXES

#: Formats every read manual is exported to; PDF and DOCX are slower, asked for apart.
QUICK_FORMATS = ("json", "svg", "bpmn", "html")
SLOW_FORMATS = ("docx", "pdf")


def read(kind: str, data: bytes) -> Manual | None:
    """The manual read from ``data``, or None when it is refused the documented way."""
    if kind == "json":
        try:
            return manual_from_json(data.decode("utf-8"))
        except (ValueError, UnicodeDecodeError):
            return None
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"fuzz{SUFFIXES[kind]}"
        path.write_bytes(data)
        try:
            return load_manual(path)
        except ParseError as err:
            assert str(err).strip() and "\n" not in str(err).strip(), repr(str(err))
            return None


def check(kind: str, data: bytes, slow: bool = False) -> str:
    """Run one input through reading, lint and export; "read" or "refused". Any other
    outcome raises (the failure the fuzzer reports)."""
    manual = read(kind, data)
    if manual is None:
        return "refused"
    lint_manual(manual)
    if manual.kind != "procedimientos" or not manual.procedures:
        return "read"
    for fmt in QUICK_FORMATS + (SLOW_FORMATS if slow else ()):
        for output in export_manual(manual, fmt):
            well_formed(fmt, output.content)
    return "read"


def well_formed(fmt: str, content: bytes) -> None:
    if fmt in ("svg", "bpmn"):
        ET.fromstring(content)
    elif fmt == "docx":
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            ET.fromstring(archive.read("word/document.xml"))
    elif fmt == "pdf":
        assert content.startswith(b"%PDF-")
