"""``folio manual export`` and ``folio org export``: a manual in any output format.

JSON, HTML, PDF and DOCX give one document for the whole manual; SVG and BPMN give one
file per procedure, or one procedure when it is chosen by number (1-based position) or
code ("P4", "TecNM-AC-PO-001").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from folio.manuals.blocks import ParseError
from folio.manuals.model import Diagnostic, Manual, Procedure
from folio.manuals.textsafe import safe_model

FORMATS = ("json", "svg", "bpmn", "html", "pdf", "docx")
PER_PROCEDURE = ("svg", "bpmn")


@dataclass(frozen=True)
class Output:
    """One file to write: its name (used inside a directory) and its content."""

    name: str
    content: bytes


def export_manual(
    manual: Manual, fmt: str, diagnostics: Sequence[Diagnostic] = (), procedure: str = ""
) -> list[Output]:
    manual = safe_model(manual)  # a control character would break every XML output
    stem = _slug(Path(manual.source.file).stem or "manual")
    if fmt in PER_PROCEDURE:
        chosen = [choose_procedure(manual, procedure)] if procedure else list(manual.procedures)
        return [_per_procedure(p, fmt) for p in chosen]
    if procedure:
        raise ParseError(f"--procedure sólo aplica a los formatos {', '.join(PER_PROCEDURE)}.")
    return [Output(f"{stem}.{fmt}", _whole(manual, fmt, diagnostics))]


def export_org(manual: Manual) -> Output:
    from folio.render.orgchart import render_org_svg

    if manual.organization is None:
        raise ParseError(f"{manual.source.file}: no es un manual de organización.")
    stem = _slug(Path(manual.source.file).stem or "organigrama")
    return Output(f"{stem}-organigrama.svg", render_org_svg(manual).encode())


def choose_procedure(manual: Manual, key: str) -> Procedure:
    found = manual.procedure(key)
    if found is None and key.isdigit() and 1 <= int(key) <= len(manual.procedures):
        found = manual.procedures[int(key) - 1]
    if found is None:
        codes = ", ".join(p.code for p in manual.procedures)
        raise ParseError(f"{manual.source.file}: no hay procedimiento «{key}» (hay: {codes}).")
    return found


def _per_procedure(procedure: Procedure, fmt: str) -> Output:
    if fmt == "svg":
        from folio.render.svg import render_svg

        return Output(f"{_slug(procedure.code)}.svg", render_svg(procedure).encode())
    from folio.render.bpmn import export_bpmn

    return Output(f"{_slug(procedure.code)}.bpmn", export_bpmn(procedure).encode())


def _whole(manual: Manual, fmt: str, diagnostics: Sequence[Diagnostic]) -> bytes:
    if fmt == "json":
        from folio.manuals.jsonio import manual_to_json

        return (manual_to_json(manual, diagnostics) + "\n").encode()
    from folio.render.document import render_docx, render_html, render_pdf

    if fmt == "html":
        return render_html(manual).encode()
    if fmt == "pdf":
        return render_pdf(manual)
    return render_docx(manual)


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-") or "manual"
