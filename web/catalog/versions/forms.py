from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from web.accounts.models import Unit


class VersionPairForm(forms.Form):
    """The two versions the diff page compares (``?a=&b=``, version numbers)."""

    a = forms.TypedChoiceField(label=_("From version"), coerce=int)
    b = forms.TypedChoiceField(label=_("To version"), coerce=int)

    def __init__(self, *args: object, numbers: list[int], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        choices = [(n, str(n)) for n in numbers]
        self.fields["a"].choices = choices  # type: ignore[attr-defined]
        self.fields["b"].choices = choices  # type: ignore[attr-defined]


class RetireForm(forms.Form):
    reason = forms.CharField(
        label=_("Why it is retired"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000
    )


class UnitForm(forms.Form):
    unit = forms.ModelChoiceField(
        queryset=Unit.objects.order_by("name"), label=_("Unit the manual belongs to")
    )
