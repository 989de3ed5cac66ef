"""The person form (create and edit), and the small forms of the person page."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.models import User
from django.contrib.auth.password_validation import validate_password
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.utils.translation import gettext_lazy as _

from web.accounts.models import Unit
from web.accounts.people.actions import PersonData
from web.accounts.people.queries import ACTIVE, EVERYONE, INACTIVE, roles

SEND_LINK, SET_PASSWORD = "enlace", "contrasena"


class PersonForm(forms.Form):
    username = forms.CharField(
        label=_("User name"),
        max_length=150,
        validators=[UnicodeUsernameValidator()],
        help_text=_("Letters, digits and @ . + - _ only; used to sign in."),
    )
    first_name = forms.CharField(label=_("First names"), max_length=150)
    last_name = forms.CharField(label=_("Last names"), max_length=150, required=False)
    email = forms.EmailField(label=_("Email"), required=False)
    unit = forms.ModelChoiceField(
        label=_("Unit"), queryset=Unit.objects.all(), required=False, empty_label="—"
    )
    position = forms.CharField(label=_("Position"), max_length=200, required=False)
    is_head = forms.BooleanField(
        label=_("Head of the unit"),
        required=False,
        help_text=_("Sees the cases of the unit and the units below it, and may reassign them."),
    )
    is_auditor = forms.BooleanField(
        label=_("Auditor (Contraloría)"),
        required=False,
        help_text=_("Reads every case and changes none."),
    )
    is_staff = forms.BooleanField(
        label=_("Administrator"),
        required=False,
        help_text=_("Manages people, manuals, roles and the calendar."),
    )

    def __init__(self, *args: Any, person: User | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.person = person

    def clean_username(self) -> str:
        name = str(self.cleaned_data["username"]).strip()
        taken = User.objects.filter(username__iexact=name)
        if self.person is not None:
            taken = taken.exclude(pk=self.person.pk)
        if taken.exists():
            raise forms.ValidationError(_("This user name is taken."))
        return name

    def data_for_action(self) -> PersonData:
        d = self.cleaned_data
        return PersonData(
            username=d["username"],
            first_name=d["first_name"].strip(),
            last_name=d["last_name"].strip(),
            email=d["email"],
            unit=d["unit"],
            position=d["position"].strip(),
            is_head=d["is_head"],
            is_auditor=d["is_auditor"],
            is_staff=d["is_staff"],
        )

    @classmethod
    def initial_for(cls, person: User) -> dict[str, Any]:
        profile = getattr(person, "profile", None)
        return {
            "username": person.username,
            "first_name": person.first_name,
            "last_name": person.last_name,
            "email": person.email,
            "is_staff": person.is_staff,
            "unit": profile.unit_id if profile else None,
            "position": profile.position if profile else "",
            "is_head": profile.is_head if profile else False,
            "is_auditor": profile.is_auditor if profile else False,
        }


class PersonCreateForm(PersonForm):
    roles = forms.ModelMultipleChoiceField(
        label=_("Roles"),
        queryset=roles(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The responsibles of the procedures this person acts as."),
    )
    password_choice = forms.ChoiceField(
        label=_("Password"),
        choices=[
            (SEND_LINK, _("Email a link to choose a password")),
            (SET_PASSWORD, _("Set a first password now")),
        ],
        initial=SEND_LINK,
        widget=forms.RadioSelect,
    )
    password = forms.CharField(
        label=_("First password"),
        required=False,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("Only when setting a first password; tell it to the person in private."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["roles"].queryset = roles()  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("password_choice") == SEND_LINK and not data.get("email"):
            self.add_error("email", _("Needed to email the link."))
        if data.get("password_choice") == SET_PASSWORD:
            password = data.get("password", "")
            if not password:
                self.add_error("password", _("Write the first password."))
            else:
                try:
                    validate_password(password)
                except forms.ValidationError as err:
                    self.add_error("password", err)
        return data

    def password_for_action(self) -> str | None:
        if self.cleaned_data["password_choice"] == SET_PASSWORD:
            return str(self.cleaned_data["password"])
        return None


class PeopleSearchForm(forms.Form):
    q = forms.CharField(label=_("Name, user name or unit"), required=False)
    estado = forms.ChoiceField(
        label=_("Show"),
        required=False,
        choices=[(ACTIVE, _("Active")), (INACTIVE, _("Inactive")), (EVERYONE, _("Everyone"))],
    )


class DeactivateForm(forms.Form):
    release = forms.BooleanField(required=False)
