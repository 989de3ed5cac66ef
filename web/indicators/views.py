"""The indicators page: a unit's measures for a month, read-only."""

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

from folio.measures import Period
from web.accounts.models import Unit
from web.indicators.manual import unit_indicators
from web.indicators.measures import measure_cases
from web.indicators.permissions import units_to_measure
from web.indicators.scope import Scope
from web.indicators.tasks import measure_workload


class MonthForm(forms.Form):
    unit = forms.ModelChoiceField(queryset=Unit.objects.none(), label=gettext_lazy("Unit"))
    month = forms.RegexField(
        regex=r"^\d{4}-(0[1-9]|1[0-2])$",
        label=gettext_lazy("Month"),
        error_messages={"invalid": gettext_lazy("Write the month as YYYY-MM, e.g. 2026-03.")},
        widget=forms.TextInput({"type": "month"}),
    )


@login_required
def indicators(request: HttpRequest) -> HttpResponse:
    units = units_to_measure(request.user)
    first = units.order_by("parent_id", "name").first()
    if first is None:
        raise PermissionDenied(_("Only heads of unit and the auditor read the indicators."))
    today = timezone.localdate()
    initial = {"unit": first.pk, "month": f"{today:%Y-%m}"}
    form = MonthForm(request.GET or initial)
    form.fields["unit"].queryset = units  # type: ignore[attr-defined]
    context: dict[str, object] = {"form": form}
    if form.is_valid():
        unit = form.cleaned_data["unit"]
        year, month = map(int, form.cleaned_data["month"].split("-"))
        period = Period.of("month", date(year, month, 1))
        scope = Scope(unit=unit)
        context |= {
            "unit": unit,
            "period": period,
            "m": measure_cases(scope, period, today),
            "workload": measure_workload(scope, period, today),
            "indicators": unit_indicators(unit, period, today),
        }
    return render(request, "indicators/indicators.html", context)
