"""Everyone signed in changes their own password from the top bar, in Spanish."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User

from web.conftest import PASSWORD, signed_in

pytestmark = pytest.mark.django_db


def test_it_changes_the_password(bruno: User) -> None:
    client = signed_in(bruno)
    page = client.get("/cuentas/contrasena/").content.decode()
    assert "Cambiar su contraseña" in page and "Contraseña antigua" in page
    form = {
        "old_password": PASSWORD,
        "new_password1": "Cholula-en-2026",
        "new_password2": "Cholula-en-2026",
    }
    response = client.post("/cuentas/contrasena/", form)
    assert response["Location"] == "/cuentas/contrasena/cambiada/"
    bruno.refresh_from_db()
    assert bruno.check_password("Cholula-en-2026")
    assert "Se cambió su contraseña." in client.get(response["Location"]).content.decode()


def test_it_refuses_a_wrong_current_password(bruno: User) -> None:
    form = {
        "old_password": "otra",
        "new_password1": "Cholula-en-2026",
        "new_password2": "Cholula-en-2026",
    }
    body = signed_in(bruno).post("/cuentas/contrasena/", form).content.decode()
    assert "La antigua contraseña introducida es incorrecta." in body
    bruno.refresh_from_db()
    assert bruno.check_password(PASSWORD)


def test_it_asks_to_sign_in_first(db: None) -> None:
    from django.test import Client

    response = Client().get("/cuentas/contrasena/")
    assert response.status_code == 302 and "/cuentas/entrar/" in response["Location"]
