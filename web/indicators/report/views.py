"""The monthly reports' page: generate one (heads for their subtree, the auditor for
any unit), list those generated, download each exactly as it was, check its hash."""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db.models import F
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from web.indicators.forms import ReportForm, first_day
from web.indicators.permissions import units_to_measure
from web.indicators.report.actions import (
    ReportError,
    check_report,
    generate_monthly_report,
    read_stored,
)
from web.indicators.report.models import StoredReport


@login_required
def reports(request: HttpRequest) -> HttpResponse:
    units = units_to_measure(request.user)
    if not units.exists():
        raise PermissionDenied(_("Only heads of unit and the auditor read the indicators."))
    last_month = timezone.localdate().replace(day=1) - timedelta(days=1)
    # the top unit first (SQLite and PostgreSQL sort a null parent differently)
    first = units.order_by(F("parent_id").asc(nulls_first=True), "name").first()
    initial = {"month": f"{last_month:%Y-%m}", "unit": first.pk if first else None}
    # after a report, the form keeps its unit, month and format (another format next)
    initial.update({k: request.GET[k] for k in ("unit", "month", "format") if k in request.GET})
    form = ReportForm(request.POST or None, initial=initial)
    form.fields["unit"].queryset = units  # type: ignore[attr-defined]
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        assert isinstance(request.user, User)  # login_required
        try:
            stored, _content = generate_monthly_report(
                request.user, data["unit"], first_day(data["month"]), data["format"]
            )
        except ReportError as err:
            form.add_error("month", str(err))
        else:
            messages.success(request, _("Report generated: %(name)s.") % {"name": stored.filename})
            kept = {"unit": data["unit"].pk, "month": data["month"], "format": data["format"]}
            return redirect(f"{reverse('indicators:reports')}?{urlencode(kept)}")
    listed = StoredReport.objects.filter(unit__in=units).select_related("unit", "generated_by")
    context = {"form": form, "reports": listed[:200]}
    return render(request, "indicators/report/reports.html", context)


def _visible(request: HttpRequest, pk: int) -> StoredReport:
    units = units_to_measure(request.user)
    return get_object_or_404(StoredReport.objects.select_related("unit"), pk=pk, unit__in=units)


@login_required
@require_GET
def download(request: HttpRequest, pk: int) -> HttpResponse:
    report = _visible(request, pk)
    content = read_stored(report)
    if content is None:
        raise Http404(_("The report's file is missing."))
    response = HttpResponse(content, content_type=report.content_type)
    response["Content-Disposition"] = content_disposition_header(True, report.filename) or ""
    response["X-Folio-SHA256"] = report.sha256
    return response


@login_required
@require_GET
def check(request: HttpRequest, pk: int) -> HttpResponse:
    report = _visible(request, pk)
    context = {"report": report, "check": check_report(report)}
    return render(request, "indicators/report/check.html", context)
