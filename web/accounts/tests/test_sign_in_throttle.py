"""Sign-in throttling (django-axes): ten failed sign-ins from one address lock that
address out, the right password included; other addresses still sign in."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from web.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def sign_in(client: Client, username: str, password: str, address: str) -> Any:
    return client.post(
        reverse("accounts:login"),
        {"username": username, "password": password},
        REMOTE_ADDR=address,
    )


@pytest.fixture
def person(db: None) -> User:
    return User.objects.create_user("persona", password=PASSWORD)


def test_it_refuses_the_right_password_after_ten_wrong_ones_from_one_address(
    person: User,
) -> None:
    attacker = Client()
    for _ in range(10):
        wrong = sign_in(attacker, "persona", "no-es-la-contraseña", "203.0.113.7")
        assert wrong.status_code in (200, 429)
    refused = sign_in(attacker, "persona", PASSWORD, "203.0.113.7")
    assert refused.status_code == 429
    assert "_auth_user_id" not in attacker.session
    page = refused.content.decode()
    assert "Acceso bloqueado" in page
    assert "30 minutos" in page
    assert "quien administra Folio" in page

    elsewhere = Client()
    signed = sign_in(elsewhere, "persona", PASSWORD, "198.51.100.20")
    assert signed.status_code == 302
    assert elsewhere.session["_auth_user_id"] == str(person.pk)


def test_it_still_signs_in_after_nine_wrong_ones_and_then_forgets_them(person: User) -> None:
    client = Client()
    for _ in range(9):
        assert sign_in(client, "persona", "mal", "203.0.113.8").status_code == 200
    assert sign_in(client, "persona", PASSWORD, "203.0.113.8").status_code == 302
    client.logout()
    for _ in range(9):
        assert sign_in(client, "persona", "mal", "203.0.113.8").status_code == 200
    assert sign_in(client, "persona", PASSWORD, "203.0.113.8").status_code == 302


def test_it_says_how_long_the_configured_cool_off_lasts(person: User, settings: Any) -> None:
    settings.AXES_COOLOFF_TIME = timedelta(minutes=45)
    client = Client()
    for _ in range(10):
        sign_in(client, "persona", "mal", "203.0.113.9")
    refused = sign_in(client, "persona", PASSWORD, "203.0.113.9")
    assert refused.status_code == 429
    assert "45 minutos" in refused.content.decode()


def test_it_counts_the_address_the_https_proxy_saw(person: User, settings: Any) -> None:
    settings.FOLIO_HTTPS = True
    settings.SECURE_SSL_REDIRECT = False
    client = Client()
    for n in range(10):
        # The client forges a new first address each time; the proxy appends the real one.
        client.post(
            reverse("accounts:login"),
            {"username": "persona", "password": "mal"},
            REMOTE_ADDR="10.0.0.2",
            HTTP_X_FORWARDED_FOR=f"192.0.2.{n}, 203.0.113.10",
        )
    refused = client.post(
        reverse("accounts:login"),
        {"username": "persona", "password": PASSWORD},
        REMOTE_ADDR="10.0.0.2",
        HTTP_X_FORWARDED_FOR="192.0.2.99, 203.0.113.10",
    )
    assert refused.status_code == 429
    other = Client().post(
        reverse("accounts:login"),
        {"username": "persona", "password": PASSWORD},
        REMOTE_ADDR="10.0.0.2",
        HTTP_X_FORWARDED_FOR="198.51.100.30",
    )
    assert other.status_code == 302
