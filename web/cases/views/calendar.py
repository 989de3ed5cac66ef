"""The office calendar: the federal holidays that deadlines skip and the office's días
inhábiles, which administrators declare and delete."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from folio.calendar import federal_holidays
from web.cases.actions import add_closed_day, remove_closed_day
from web.cases.models import ClosedDay
from web.cases.recompute import Moved
from web.cases.views.common import REFUSALS, refusal_text, user_of


class ClosedDayForm(forms.Form):
    date = forms.DateField(label=gettext_lazy("Date"), widget=forms.DateInput({"type": "date"}))
    reason = forms.CharField(label=gettext_lazy("Reason"), max_length=200, required=False)


class DayForm(forms.Form):
    date = forms.DateField()


class YearForm(forms.Form):
    year = forms.IntegerField(min_value=1900, max_value=2200)


@login_required
def closedday_list(request: HttpRequest) -> HttpResponse:
    form = ClosedDayForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            _closed, moved = add_closed_day(user_of(request), data["date"], data["reason"])
        except REFUSALS as err:
            messages.error(request, refusal_text(err))
        else:
            messages.success(request, _("Día inhábil added.") + _moved(moved))
        return redirect("cases:closedday-list")
    asked = YearForm(request.GET)
    year = asked.cleaned_data["year"] if asked.is_valid() else timezone.localdate().year
    context = {
        "form": form,
        "days": ClosedDay.objects.order_by("-date"),
        "year": year,
        "holidays": federal_holidays(year),
    }
    return render(request, "cases/closedday_list.html", context)


@login_required
@require_POST
def closedday_delete(request: HttpRequest) -> HttpResponse:
    form = DayForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say which día inhábil to delete."))
        return redirect("cases:closedday-list")
    try:
        moved = remove_closed_day(user_of(request), form.cleaned_data["date"])
    except REFUSALS as err:
        messages.error(request, refusal_text(err))
    else:
        messages.success(request, _("Día inhábil deleted.") + _moved(moved))
    return redirect("cases:closedday-list")


def _moved(moved: Moved) -> str:
    """What moved, said after the confirmation (nothing when nothing moved)."""
    if not moved.cases and not moved.tasks:
        return ""
    words = {"cases": len(moved.cases), "tasks": len(moved.tasks)}
    return " " + _("Due dates moved: %(cases)s cases, %(tasks)s activities.") % words
