"""The office calendar: días inhábiles that deadlines skip."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from web.cases.actions import add_closed_day
from web.cases.models import ClosedDay


class ClosedDayForm(forms.Form):
    date = forms.DateField(label=gettext_lazy("Date"), widget=forms.DateInput({"type": "date"}))
    reason = forms.CharField(label=gettext_lazy("Reason"), max_length=200, required=False)


@login_required
def closedday_list(request: HttpRequest) -> HttpResponse:
    form = ClosedDayForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and isinstance(request.user, User):
        try:
            add_closed_day(request.user, form.cleaned_data["date"], form.cleaned_data["reason"])
        except PermissionDenied as err:
            messages.error(request, str(err))
        else:
            messages.success(request, _("Día inhábil added."))
        return redirect("cases:closedday-list")
    days = ClosedDay.objects.order_by("-date")
    return render(request, "cases/closedday_list.html", {"form": form, "days": days})
