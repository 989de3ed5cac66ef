"""Any version of a manual can be viewed: who made it, its note and its procedures."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User

from web.catalog.models import ManualVersion
from web.catalog.tests.test_version_list import edited
from web.conftest import signed_in

pytestmark = pytest.mark.django_db


def test_it_shows_an_earlier_version(pruebas_dge: ManualVersion, alicia: User) -> None:
    # given
    edited(pruebas_dge, alicia, "Se renombra P1.")
    old_p1 = pruebas_dge.procedures.get(code="P1")
    # when
    url = f"/catalogo/manuales/{pruebas_dge.manual_id}/versiones/1/"
    body = signed_in(alicia).get(url).content.decode()
    # then: version 1 with its own procedure rows, not marked current
    assert "Versión 1" in body and "vigente" not in body
    assert f'href="/catalogo/procedimientos/{old_p1.pk}/"' in body
    assert "asignación de cuentas de usuario" in body


def test_it_marks_the_current_version(pruebas_dge: ManualVersion, bruno: User) -> None:
    url = f"/catalogo/manuales/{pruebas_dge.manual_id}/versiones/1/"
    assert "vigente" in signed_in(bruno).get(url).content.decode()


def test_it_is_404_for_a_version_that_does_not_exist(
    pruebas_dge: ManualVersion, bruno: User
) -> None:
    url = f"/catalogo/manuales/{pruebas_dge.manual_id}/versiones/7/"
    assert signed_in(bruno).get(url).status_code == 404
