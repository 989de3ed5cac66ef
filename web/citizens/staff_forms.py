"""Forms of the administrators' pages: report types, their attributes, applications."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from web.citizens.models import ServiceAttribute, ServiceType


def parse_pairs(text: str, what: str) -> list[list[str]]:
    """Lines «key = name»; a line without «=» is refused naming its number."""
    pairs = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        key, sep, name = line.partition("=")
        if not sep or not key.strip() or not name.strip():
            message = gettext("%(what)s, line %(line)s: write «key = name».")
            raise forms.ValidationError(message % {"what": what, "line": number})
        pairs.append([key.strip(), name.strip()])
    return pairs


class ServiceForm(forms.ModelForm):
    stages_text = forms.CharField(
        label=_("Public states"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One a line: activity number = state (3 = asignada)."),
    )

    class Meta:
        model = ServiceType
        fields = [
            "code",
            "name",
            "description",
            "group",
            "keywords",
            "procedure",
            "unit",
            "opened_as",
            "active",
        ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        stages = self.instance.stages or {}
        self.fields["stages_text"].initial = "\n".join(f"{k} = {v}" for k, v in stages.items())

    def clean_stages_text(self) -> dict[str, str]:
        pairs = parse_pairs(self.cleaned_data["stages_text"], gettext("Public states"))
        return dict(pairs)


class AttributeForm(forms.ModelForm):
    values_text = forms.CharField(
        label=_("Values"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For lists, one a line: key = name."),
    )

    class Meta:
        model = ServiceAttribute
        fields = ["code", "description", "datatype", "datatype_description", "required", "order"]

    def clean_values_text(self) -> list[list[str]]:
        return parse_pairs(self.cleaned_data["values_text"], gettext("Values"))


class ClientForm(forms.Form):
    name = forms.CharField(label=_("Application"), max_length=200)
    contact = forms.EmailField(label=_("Contact email"), required=False)
    per_minute = forms.IntegerField(label=_("Requests per minute"), min_value=1, initial=60)


class NoteForm(forms.Form):
    text = forms.CharField(label=_("Public note"), widget=forms.Textarea(attrs={"rows": 3}))
