"""The MIR and a ficha técnica as PDF (WeasyPrint), from the same context as the pages."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse

from web.evaluation.export import ficha_pdf, matrix_pdf
from web.evaluation.views.common import get_indicator, get_program, reader


def _pdf(data: bytes, name: str) -> HttpResponse:
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{name}"'
    return response


@login_required
def mir_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    reader(request)
    program = get_program(pk)
    return _pdf(matrix_pdf(program), f"mir-{program.code}-{program.year}.pdf")


@login_required
def indicator_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    reader(request)
    indicator = get_indicator(pk)
    return _pdf(ficha_pdf(indicator), f"ficha-tecnica-{indicator.pk}.pdf")
