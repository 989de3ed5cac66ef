"""Loading a manual file of any supported format into the model."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from folio.manuals.blocks import ParseError, Row
from folio.manuals.model import Manual
from folio.manuals.organization import parse_organization_manual
from folio.manuals.parser import parse_rows
from folio.manuals.sources.quality import check_text_quality
from folio.manuals.sources.text import read_text_rows
from folio.manuals.textsafe import CONTROLS, safe_text

#: Namespace of BPMN 2.0 models (kept here so that plain manuals never load lxml).
_BPMN_MODEL = b"http://www.omg.org/spec/BPMN/20100524/MODEL"

SUFFIXES = (".txt", ".md", ".docx", ".pdf", ".bpmn")


def read_rows(path: Path) -> list[Row]:
    """The row stream of ``path``, choosing the adapter by content and suffix, with
    control characters (which no manual means and XML cannot hold) made spaces."""
    return [_without_controls(row) for row in _read_rows(path)]


def _without_controls(row: Row) -> Row:
    if not any(CONTROLS.search(cell) for cell in row.cells):
        return row
    return replace(row, cells=tuple(safe_text(cell) for cell in row.cells))


def _read_rows(path: Path) -> list[Row]:
    if not path.is_file():
        raise ParseError(f"{path}: el archivo no existe.")
    head = path.read_bytes()[:8]
    suffix = path.suffix.lower()
    if head.startswith(b"%PDF") or suffix == ".pdf":
        from folio.manuals.sources.pdf import read_pdf_rows

        return read_pdf_rows(path)
    if suffix == ".docx" or (head.startswith(b"PK") and suffix != ".txt"):
        from folio.manuals.sources.docx import read_docx_rows

        return read_docx_rows(path)
    return read_text_rows(path)


def load_manual(path: Path) -> Manual:
    """Parse ``path`` as a procedure or organization manual, or as BPMN 2.0 (a ``.bpmn``
    or ``.xml`` file, or any file whose content is a BPMN ``definitions``: one procedure
    per pool); ``ParseError`` (one sentence naming the file) when it is not a readable
    manual."""
    if _is_bpmn(path):
        from folio.render.bpmn.read import import_bpmn_manual

        return import_bpmn_manual(path.read_bytes(), file=path.name)
    rows = read_rows(path)
    check_text_quality(rows, path.name)
    org = parse_organization_manual(rows, path.name)
    return org if org is not None else parse_rows(rows, path.name)


def _is_bpmn(path: Path) -> bool:
    """BPMN by suffix, or by content: XML whose root is BPMN 2.0 ``definitions``."""
    if path.suffix.lower() in {".bpmn", ".xml"}:
        return path.is_file()
    if not path.is_file():
        return False
    with path.open("rb") as handle:
        head = handle.read(4096)
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    return text.startswith(b"<") and b"definitions" in text and _BPMN_MODEL in text
