"""The supervisor dashboard page (``/indicadores/tablero/``), read-only."""

from __future__ import annotations

from datetime import date

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from web.charts import line_chart
from web.indicators.dashboard import Dashboard, build_dashboard, dashboard_scope
from web.indicators.permissions import units_to_measure


class DashboardForm(forms.Form):
    month = forms.RegexField(
        regex=r"^\d{4}-(0[1-9]|1[0-2])$",
        label=gettext_lazy("Month"),
        required=False,
        error_messages={"invalid": gettext_lazy("Write the month as YYYY-MM, e.g. 2026-03.")},
        widget=forms.TextInput({"type": "month"}),
    )


@login_required
@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    units = units_to_measure(request.user)
    if not units.exists():
        raise PermissionDenied(_("Only heads of unit and the auditor read the indicators."))
    today = timezone.localdate()
    month = today.replace(day=1)
    form = DashboardForm(request.GET or None, initial={"month": f"{month:%Y-%m}"})
    if form.is_valid() and form.cleaned_data["month"]:
        year, number = map(int, form.cleaned_data["month"].split("-"))
        month = date(year, number, 1)
    board = build_dashboard(dashboard_scope(units), month, today)
    context = {"form": form, "board": board, "month": month, "chart": trend_chart(board)}
    return render(request, "indicators/dashboard.html", context)


def trend_chart(board: Dashboard) -> object:
    labels = [f"{m.month:%Y-%m}" for m in board.trend]
    series = {
        _("Received"): [m.received for m in board.trend],
        _("Completed"): [m.completed for m in board.trend],
        _("Overdue at the month's end"): [m.overdue for m in board.trend],
    }
    title = _("Cases in the last twelve months")
    return line_chart(title, labels, series, label_header=_("Month"))
