"""The public forms: a report (with its spam defences) and an ARCO request."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from web.citizens import limits
from web.citizens.models import ArcoRight, Datatype, ServiceAttribute, ServiceType


class SpamGuarded(forms.Form):
    #: A field people never see (hidden by the stylesheet); bots fill it.
    website = forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    started = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["started"].initial = limits.form_token()

    def looks_like_spam(self) -> bool:
        website = str(self.data.get("website", "")).strip()
        return bool(website) or not limits.token_is_fresh(str(self.data.get("started", "")))


class ReportForm(SpamGuarded):
    service = forms.ModelChoiceField(
        queryset=ServiceType.objects.filter(active=True), label=_("What do you report?")
    )
    description = forms.CharField(
        label=_("Describe the problem"), widget=forms.Textarea(attrs={"rows": 4}), max_length=4000
    )
    address = forms.CharField(
        label=_("Address or reference"),
        required=False,
        max_length=300,
        help_text=_("Street, number, between streets. Needed if you do not mark the map."),
    )
    colonia = forms.CharField(label=_("Colonia"), required=False, max_length=150)
    lat = forms.DecimalField(
        required=False,
        max_digits=9,
        decimal_places=6,
        min_value=Decimal(-90),
        max_value=Decimal(90),
        label=_("Latitude"),
    )
    long = forms.DecimalField(
        required=False,
        max_digits=9,
        decimal_places=6,
        min_value=Decimal(-180),
        max_value=Decimal(180),
        label=_("Longitude"),
    )
    photo = forms.FileField(label=_("Photo (optional, JPEG or PNG, up to 5 MB)"), required=False)
    first_name = forms.CharField(label=_("Your name (optional)"), required=False, max_length=100)
    email = forms.EmailField(label=_("Email (optional)"), required=False)
    phone = forms.CharField(label=_("Phone (optional)"), required=False, max_length=30)
    wants_updates = forms.BooleanField(
        label=_("Send me the folio and news of my report by email"), required=False
    )
    privacy = forms.BooleanField(label=_("I read the privacy notice"), required=True)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.groups: list[tuple[ServiceType, list[str]]] = []
        services = ServiceType.objects.filter(active=True).prefetch_related("attributes")
        for service in services:
            names = []
            for attribute in service.attributes.all():
                name = attribute_field_name(service, attribute.code)
                self.fields[name] = attribute_field(attribute)
                names.append(name)
            if names:
                self.groups.append((service, names))

    def group_fields(self) -> list[tuple[ServiceType, list[forms.BoundField]]]:
        return [(service, [self[name] for name in names]) for service, names in self.groups]

    def answers(self) -> dict[str, Any]:
        """The chosen type's answers, by attribute code (Open311's ``attribute[code]``)."""
        service = self.cleaned_data["service"]
        prefix = attribute_field_name(service, "")
        answers: dict[str, Any] = {}
        for name, value in self.cleaned_data.items():
            if name.startswith(prefix) and value not in (None, "", []):
                answers[name[len(prefix) :]] = (
                    value.isoformat()
                    if hasattr(value, "isoformat")
                    else ([str(v) for v in value] if isinstance(value, list) else str(value))
                )
        return answers

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        has_point = data.get("lat") is not None and data.get("long") is not None
        if not has_point and not str(data.get("address") or "").strip():
            self.add_error("address", _("Mark the place on the map or write an address."))
        if data.get("wants_updates") and not data.get("email"):
            self.add_error("email", _("Give an email to receive news."))
        return data


def attribute_field_name(service: ServiceType, code: str) -> str:
    return f"a_{service.pk}_{code}"


def attribute_field(attribute: ServiceAttribute) -> forms.Field:
    """The form field of an attribute; its requiredness is checked by ``file_report``
    for the chosen type only."""
    label, kind = attribute.description, attribute.datatype
    help_text = attribute.datatype_description
    choices = [(str(k), str(n)) for k, n in attribute.values]
    if kind == Datatype.SINGLE:
        return forms.ChoiceField(
            label=label, required=False, choices=[("", "—"), *choices], help_text=help_text
        )
    if kind == Datatype.MULTI:
        return forms.MultipleChoiceField(
            label=label,
            required=False,
            choices=choices,
            widget=forms.CheckboxSelectMultiple,
            help_text=help_text,
        )
    if kind == Datatype.NUMBER:
        return forms.DecimalField(label=label, required=False, help_text=help_text)
    if kind == Datatype.DATETIME:
        moment = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
        return forms.DateTimeField(label=label, required=False, widget=moment, help_text=help_text)
    widget: forms.Widget = (
        forms.Textarea(attrs={"rows": 3}) if kind == Datatype.TEXT else forms.TextInput()
    )
    return forms.CharField(
        label=label, required=False, max_length=2000, widget=widget, help_text=help_text
    )


class LookupForm(forms.Form):
    folio = forms.CharField(label=_("Folio"), max_length=40)


class ArcoForm(SpamGuarded):
    right = forms.ChoiceField(label=_("Right you exercise"), choices=ArcoRight.choices)
    about_folio = forms.CharField(label=_("Folio of your report (if any)"), required=False)
    details = forms.CharField(label=_("What you ask"), widget=forms.Textarea(attrs={"rows": 4}))
    first_name = forms.CharField(label=_("Full name"), max_length=100)
    email = forms.EmailField(label=_("Email"), required=False)
    phone = forms.CharField(label=_("Phone"), required=False, max_length=30)
