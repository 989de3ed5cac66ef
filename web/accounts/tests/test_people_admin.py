"""The Django admin, for operators: a person's page lists units, profiles and
permissions in Spanish (Django stores its permission names in English)."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import Permission, User

from web.accounts.permission_names import permission_label
from web.conftest import PASSWORD, signed_in

pytestmark = pytest.mark.django_db


def test_it_shows_permission_names_in_spanish(bruno: User) -> None:
    root = User.objects.create_superuser("raiz", "raiz@example.org", PASSWORD)
    body = signed_in(root).get(f"/admin/auth/user/{bruno.pk}/change/").content.decode()
    assert "Cuentas y unidades | unidad | Puede agregar unidad" in body
    assert "Catálogo de manuales | rol | Puede modificar rol" in body
    assert "Casos | caso | Puede consultar caso" in body
    assert "titular de la unidad" in body.lower()  # the profile inline
    options = re.findall(r"<option value=\"\d+\"[^>]*>([^<]*)</option>", body)
    assert options and not [o for o in options if "Can " in o]


#: English words that would betray an untranslated permission or model name.
ENGLISH = re.compile(r"\b(Can|add|change|delete|view|access|draft|entry|log)\b")


def test_it_names_every_permission_in_spanish(db: None) -> None:
    labels = [permission_label(p) for p in Permission.objects.select_related("content_type")]
    assert len(labels) > 80
    assert [label for label in labels if ENGLISH.search(label)] == []
