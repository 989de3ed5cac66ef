"""Permission names in the operators' language. Django stores the names of its built-in
permissions in English in the database ("Can add unit", written at ``migrate`` from the
model's untranslated name) and ships no translation of them; the admin shows them as
stored. Here they are said again from the codename and the model's translated name."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.models import Permission
from django.utils.translation import gettext as _

_VERBS = {
    "add": lambda thing: _("Can add %(thing)s") % {"thing": thing},
    "change": lambda thing: _("Can change %(thing)s") % {"thing": thing},
    "delete": lambda thing: _("Can delete %(thing)s") % {"thing": thing},
    "view": lambda thing: _("Can view %(thing)s") % {"thing": thing},
}


def permission_label(permission: Permission) -> str:
    """``"Catálogo de manuales | rol | Puede agregar rol"``."""
    model = permission.content_type.model_class()
    if model is None:
        return str(permission)
    thing = str(model._meta.verbose_name)
    verb, _sep, rest = permission.codename.partition("_")
    say = _VERBS.get(verb) if rest == model._meta.model_name else None
    name = say(thing) if say else _(permission.name)
    return f"{model._meta.app_config.verbose_name} | {thing} | {name}"


class PermissionChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return permission_label(obj)
