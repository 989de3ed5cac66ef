"""The sign-in page offers the way back in for whoever forgot their password."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_it_links_to_the_password_reset() -> None:
    page = Client().get("/cuentas/entrar/").content.decode()
    assert "¿Olvidó su contraseña?" in page
    assert 'href="/cuentas/contrasena/' in page
