"""The versions page of a manual: its history (number, origin, who, when, note, file),
links to each version and to what changed; the administrators' unit and retire forms."""

from __future__ import annotations

from dataclasses import replace

import pytest
from django.contrib.auth.models import User

from web.catalog.actions import save_manual_version
from web.catalog.models import ManualVersion
from web.conftest import signed_in

pytestmark = pytest.mark.django_db


def edited(version: ManualVersion, user: User, note: str) -> ManualVersion:
    """The next version of ``version``'s manual with P1 renamed."""
    manual = version.model()
    p1 = replace(manual.procedures[0], name="Alta de cuentas de usuario")
    changed = replace(manual, procedures=(p1, *manual.procedures[1:]))
    return save_manual_version(version.manual, changed, user=user, note=note, based_on=version)


def test_it_lists_the_versions_newest_first(pruebas_dge: ManualVersion, alicia: User) -> None:
    # given
    edited(pruebas_dge, alicia, "Se renombra P1.")
    pk = pruebas_dge.manual_id
    # when
    body = signed_in(alicia).get(f"/catalogo/manuales/{pk}/versiones/").content.decode()
    # then
    assert body.index("Versión 2") < body.index("Versión 1")
    assert "Editado en Folio" in body and "Importado de un archivo" in body
    assert "Alicia Ramos" in body and "Se renombra P1." in body
    assert "manual-pruebas-dge.txt" in body
    assert f'href="/catalogo/manuales/{pk}/versiones/1/"' in body
    assert f'href="/catalogo/manuales/{pk}/cambios/?a=1&amp;b=2"' in body


def test_it_shows_the_administration_forms_to_administrators_only(
    pruebas_dge: ManualVersion, alicia: User, bruno: User
) -> None:
    url = f"/catalogo/manuales/{pruebas_dge.manual_id}/versiones/"
    assert "Retirar este manual" in signed_in(alicia).get(url).content.decode()
    body = signed_in(bruno).get(url).content.decode()
    assert "Retirar este manual" not in body and "Establecer la unidad" not in body


def test_it_is_linked_from_the_manual_page(pruebas_dge: ManualVersion, bruno: User) -> None:
    pk = pruebas_dge.manual_id
    body = signed_in(bruno).get(f"/catalogo/manuales/{pk}/").content.decode()
    assert f'href="/catalogo/manuales/{pk}/versiones/"' in body


def test_it_is_404_for_an_unknown_manual(bruno: User) -> None:
    assert signed_in(bruno).get("/catalogo/manuales/999/versiones/").status_code == 404
