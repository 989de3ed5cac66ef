"""Forms of the indicators pages: a month's captured value and the monthly report."""

from __future__ import annotations

from datetime import date

from django import forms
from django.utils.translation import gettext_lazy

from web.accounts.models import Unit
from web.indicators.report.models import ReportFormat

MONTH_PATTERN = r"^\d{4}-(0[1-9]|1[0-2])$"


def month_field() -> forms.RegexField:
    return forms.RegexField(
        regex=MONTH_PATTERN,
        label=gettext_lazy("Month"),
        error_messages={"invalid": gettext_lazy("Write the month as YYYY-MM, e.g. 2026-03.")},
        widget=forms.TextInput({"type": "month"}),
    )


def first_day(text: str) -> date:
    year, month = map(int, text.split("-"))
    return date(year, month, 1)


class CaptureForm(forms.Form):
    month = month_field()
    numerator = forms.DecimalField(
        label=gettext_lazy("Numerator"), required=False, max_digits=16, decimal_places=4
    )
    denominator = forms.DecimalField(
        label=gettext_lazy("Denominator"), required=False, max_digits=16, decimal_places=4
    )
    value = forms.DecimalField(
        label=gettext_lazy("Or the value itself"),
        required=False,
        max_digits=16,
        decimal_places=4,
    )
    note = forms.CharField(
        label=gettext_lazy("Note (required to correct a value already captured)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea({"rows": 2}),
    )
    evidence = forms.FileField(label=gettext_lazy("Evidence (PDF, image, Word or Excel)"))


class ReportForm(forms.Form):
    unit = forms.ModelChoiceField(queryset=Unit.objects.none(), label=gettext_lazy("Unit"))
    month = month_field()
    format = forms.ChoiceField(
        label=gettext_lazy("Format"), choices=ReportFormat.choices, initial=ReportFormat.PDF
    )
