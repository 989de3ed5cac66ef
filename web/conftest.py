"""The shared world of the web tests: the Dirección de Gobierno Electrónico of seed 004,
with invented people in positions the manual names."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client

from web.accounts.models import Profile, Unit

PASSWORD = "folio-pruebas-2026"


@pytest.fixture
def dge(db: None) -> Unit:
    return Unit.objects.create(name="Dirección de Gobierno Electrónico", folio_prefix="DGE")


def person(username: str, full_name: str, unit: Unit, position: str, **flags: bool) -> User:
    first, _, last = full_name.partition(" ")
    user = User.objects.create_user(
        username,
        f"{username}@example.org",
        PASSWORD,
        first_name=first,
        last_name=last,
        is_staff=flags.pop("is_staff", False),
    )
    Profile.objects.create(user=user, unit=unit, position=position, **flags)
    return user


@pytest.fixture
def alicia(dge: Unit) -> User:
    """Directora de Gobierno Electrónico; administers the catalog."""
    return person("alicia", "Alicia Ramos", dge, "Director/a de Gobierno Electrónico",
                  is_head=True, is_staff=True)  # fmt: skip


@pytest.fixture
def bruno(dge: Unit) -> User:
    """Analista Consultivo A; no administration rights."""
    return person("bruno", "Bruno Téllez", dge, "Analista Consultivo A")


def signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client
