"""Refusals answer a Spanish page that says what was refused and why, with a way back;
a signed-in person is never sent to the sign-in page for lack of rights."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client

from web.catalog.models import ManualVersion, Procedure
from web.conftest import signed_in

pytestmark = pytest.mark.django_db


def test_it_answers_a_spanish_page_with_the_reason(pruebas_dge: ManualVersion, bruno: User) -> None:
    url = f"/catalogo/manuales/{pruebas_dge.manual_id}/unidad/"
    response = signed_in(bruno).post(url, {"unit": ""})
    body = response.content.decode()
    assert response.status_code == 403
    assert "403 Forbidden" not in body and '<html lang="es-MX">' in body
    assert "No puede hacer esto" in body
    assert "Solo los administradores de Folio pueden hacer esto." in body
    assert "Entró como Bruno Téllez" in body and 'href="/"' in body


def test_it_shows_the_reason_a_view_gives(cuentas: Procedure, bruno: User) -> None:
    response = signed_in(bruno).get(f"/catalogo/procedimientos/{cuentas.pk}/editar/")
    body = response.content.decode()
    assert response.status_code == 403 and "403 Forbidden" not in body
    assert "Solo los administradores editan manuales." in body


def test_anonymous_people_are_still_sent_to_sign_in(pruebas_dge: ManualVersion) -> None:
    url = f"/catalogo/manuales/{pruebas_dge.manual_id}/unidad/"
    response = Client().post(url, {"unit": ""})
    assert response.status_code == 302 and "/cuentas/entrar/" in response["Location"]
