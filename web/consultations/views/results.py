"""Results: the public page (once published; staff preview it before) and its CSV and
JSON downloads, which hold approved open answers only and nothing about who answered."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from web.consultations.exports import results_csv, results_json
from web.consultations.models import Consultation
from web.consultations.permissions import can_read
from web.consultations.results import consultation_results
from web.consultations.views.common import public_consultation


def _visible(request: HttpRequest, pk: int) -> tuple[Consultation, bool]:
    """The consultation and whether this is a staff preview of unpublished results."""
    consultation = public_consultation(pk)
    if consultation.results_published_at is not None:
        return consultation, False
    if can_read(request.user, consultation):
        return consultation, True
    raise Http404


def results_page(request: HttpRequest, pk: int) -> HttpResponse:
    consultation, preview = _visible(request, pk)
    context = {
        "consultation": consultation,
        "results": consultation_results(consultation),
        "preview": preview,
        "is_open": consultation.is_open(),
    }
    return render(request, "consultations/results.html", context)


def results_download(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    consultation, _preview = _visible(request, pk)
    results = consultation_results(consultation)
    return results_csv(results) if fmt == "csv" else results_json(results)
