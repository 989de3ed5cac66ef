"""The Informe del Nivel de Avance Mensual (page, PDF, XLSX) and the PMD annual report."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from web.planning.forms import ReportForm
from web.planning.models import Pmd
from web.planning.render import render_pdf, render_pmd_pdf, render_xlsx, report_title
from web.planning.reports import monthly_report, pmd_progress
from web.planning.views import reader

TYPES = {
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@reader
def monthly(request: HttpRequest) -> HttpResponse:
    form = ReportForm(request.GET or {"month": f"{timezone.localdate():%Y-%m}"})
    context: dict[str, object] = {"form": form}
    if form.is_valid():
        year, month = map(int, form.cleaned_data["month"].split("-"))
        unit = form.cleaned_data["unit"]
        reports = monthly_report(year, month, unit)
        fmt = request.GET.get("format", "")
        if fmt in TYPES:
            render_file = render_pdf if fmt == "pdf" else render_xlsx
            body = render_file(reports, year, month, unit is None)
            response = HttpResponse(body, content_type=TYPES[fmt])
            name = f"avance-mensual-{year}-{month:02d}.{fmt}"
            response["Content-Disposition"] = f'attachment; filename="{name}"'
            return response
        context |= {
            "reports": reports,
            "title": report_title(reports, year, month, unit is None),
            "query": request.GET.urlencode(),
        }
    return render(request, "planning/report_monthly.html", context)


@reader
def pmd_report(request: HttpRequest, pk: int) -> HttpResponse:
    pmd = get_object_or_404(Pmd, pk=pk)
    if request.GET.get("format") == "pdf":
        response = HttpResponse(render_pmd_pdf(pmd), content_type=TYPES["pdf"])
        response["Content-Disposition"] = f'attachment; filename="avance-pmd-{pmd.pk}.pdf"'
        return response
    return render(request, "planning/report_pmd.html", {"pmd": pmd, "axes": pmd_progress(pmd)})
