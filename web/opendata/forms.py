"""Forms of the staff pages: a dataset's registration (FORM.317's metadata), a resource
with its data dictionary, a new version of a resource."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from web.accounts.models import Unit
from web.opendata.models import Format, Frequency, Licence, Theme
from web.opendata.tables import FIELD_TYPES

MAX_UPLOAD = 50 * 1024 * 1024


class DatasetRequestForm(forms.Form):
    unit = forms.ModelChoiceField(
        Unit.objects.order_by("name"), label=gettext_lazy("Unit (dependencia)")
    )
    title = forms.CharField(label=gettext_lazy("Title"), max_length=200)
    description = forms.CharField(
        label=gettext_lazy("Description"), widget=forms.Textarea(attrs={"rows": 5})
    )
    theme = forms.ChoiceField(label=gettext_lazy("Theme"), choices=Theme.choices)
    keywords = forms.CharField(
        label=gettext_lazy("Keywords"),
        required=False,
        help_text=gettext_lazy("Separated by commas."),
    )
    frequency = forms.ChoiceField(label=gettext_lazy("Update frequency"), choices=Frequency.choices)
    licence = forms.ChoiceField(label=gettext_lazy("Licence"), choices=Licence.choices)
    spatial = forms.CharField(
        label=gettext_lazy("Geographic coverage"), max_length=200, required=False
    )
    coverage_start = forms.DateField(
        label=gettext_lazy("First date covered"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    coverage_end = forms.DateField(
        label=gettext_lazy("Last date covered"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def keyword_list(self) -> tuple[str, ...]:
        return tuple(w.strip() for w in self.cleaned_data["keywords"].split(",") if w.strip())


class ResourceForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Resource name"), max_length=200)
    description = forms.CharField(
        label=gettext_lazy("Description"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    format = forms.ChoiceField(label=gettext_lazy("Format"), choices=Format.choices)
    dictionary = forms.CharField(
        label=gettext_lazy("Data dictionary"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=gettext_lazy("One line per field: name | type | description | unit (optional)."),
    )
    file = forms.FileField(label=gettext_lazy("File"))

    def clean_dictionary(self) -> dict[str, Any]:
        return parse_dictionary(self.cleaned_data["dictionary"])

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD:
            raise forms.ValidationError(_("The file is larger than 50 MB."))
        return upload


class VersionForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("File"))
    note = forms.CharField(label=gettext_lazy("What changed"), max_length=300, required=False)


def parse_dictionary(text: str) -> dict[str, Any]:
    """``name | type | description | unit`` lines as a Table Schema; errors name the line."""
    fields, errors = [], []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        cells = [c.strip() for c in line.split("|")]
        if len(cells) < 3 or not all(cells[:3]):
            errors.append(_("Line %(n)s: write name | type | description | unit.") % {"n": number})
            continue
        if cells[1] not in FIELD_TYPES:
            words = {"n": number, "type": cells[1], "known": ", ".join(FIELD_TYPES)}
            errors.append(_("Line %(n)s: type «%(type)s» is not one of %(known)s.") % words)
            continue
        field = {"name": cells[0], "type": cells[1], "description": cells[2]}
        if len(cells) > 3 and cells[3]:
            field["unit"] = cells[3]
        fields.append(field)
    if errors:
        raise forms.ValidationError(errors)
    if not fields:
        raise forms.ValidationError(_("The data dictionary lists no fields."))
    return {"fields": fields}
