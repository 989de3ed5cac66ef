"""PDFs of the MIR and of a ficha técnica (also used by ``folio mir export``)."""

from __future__ import annotations

from django.template.loader import render_to_string

from web.evaluation.fichas import ficha_context
from web.evaluation.matrix import check_program, placed_rows
from web.evaluation.models import Indicator, Program


def matrix_html(program: Program) -> str:
    placed = placed_rows(program)
    context = {"program": program, "placed": placed, "findings": check_program(program, placed)}
    return render_to_string("evaluation/pdf/mir.html", context)


def _pdf(html: str) -> bytes:
    from weasyprint import HTML  # type: ignore[import-untyped]

    pdf: bytes = HTML(string=html).write_pdf()
    return pdf


def matrix_pdf(program: Program) -> bytes:
    return _pdf(matrix_html(program))


def ficha_pdf(indicator: Indicator) -> bytes:
    return _pdf(render_to_string("evaluation/pdf/ficha.html", ficha_context(indicator)))
