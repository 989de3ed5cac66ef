"""Retiring a manual: administrators only, with a reason; logged; shown as retired."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied

from web.cases.log import verify_log
from web.cases.models import Event, EventKind
from web.catalog.errors import CatalogError
from web.catalog.models import CatalogManual, ManualVersion
from web.catalog.versions.actions import retire_manual
from web.conftest import signed_in

pytestmark = pytest.mark.django_db


def test_it_retires_with_the_reason_and_logs_it(pruebas_dge: ManualVersion, alicia: User) -> None:
    manual = retire_manual(pruebas_dge.manual, user=alicia, reason="Lo sustituye el de 2027.")
    assert manual.retired_at is not None and manual.retired_note == "Lo sustituye el de 2027."
    entry = Event.objects.get(kind=EventKind.MANUAL_RETIRED)
    assert entry.actor == alicia and entry.payload["reason"] == "Lo sustituye el de 2027."
    assert verify_log().ok


def test_it_needs_a_reason(pruebas_dge: ManualVersion, alicia: User) -> None:
    with pytest.raises(CatalogError, match="motivo"):
        retire_manual(pruebas_dge.manual, user=alicia, reason="   ")
    assert CatalogManual.objects.get().retired_at is None


def test_it_is_for_administrators_only(pruebas_dge: ManualVersion, bruno: User) -> None:
    with pytest.raises(PermissionDenied):
        retire_manual(pruebas_dge.manual, user=bruno, reason="No sirve.")
    assert not Event.objects.filter(kind=EventKind.MANUAL_RETIRED).exists()


def test_it_retires_once(pruebas_dge: ManualVersion, alicia: User) -> None:
    retire_manual(pruebas_dge.manual, user=alicia, reason="Sustituido.")
    with pytest.raises(CatalogError, match="ya fue retirado"):
        retire_manual(pruebas_dge.manual, user=alicia, reason="Otra vez.")


def test_the_page_retires_it_and_shows_it_retired(pruebas_dge: ManualVersion, alicia: User) -> None:
    client = signed_in(alicia)
    pk = pruebas_dge.manual_id
    response = client.post(f"/catalogo/manuales/{pk}/retirar/", {"reason": "Sustituido."})
    assert response.status_code == 302
    body = client.get(f"/catalogo/manuales/{pk}/").content.decode()
    assert "Retirado" in body and "Sustituido." in body
    assert "no se inician casos nuevos" in body


def test_the_page_tells_a_missing_reason(pruebas_dge: ManualVersion, alicia: User) -> None:
    pk = pruebas_dge.manual_id
    response = signed_in(alicia).post(
        f"/catalogo/manuales/{pk}/retirar/", {"reason": ""}, follow=True
    )
    assert "Diga por qué se retira" in response.content.decode()
    assert CatalogManual.objects.get().retired_at is None


def test_the_page_tells_non_administrators_why_in_spanish(
    pruebas_dge: ManualVersion, bruno: User
) -> None:
    pk = pruebas_dge.manual_id
    response = signed_in(bruno).post(f"/catalogo/manuales/{pk}/retirar/", {"reason": "No."})
    assert response.status_code == 403  # signed in already: not sent to the sign-in page
    assert "Solo los administradores de Folio pueden hacer esto." in response.content.decode()
    assert CatalogManual.objects.get().retired_at is None


def test_the_catalog_marks_it_retired(pruebas_dge: ManualVersion, alicia: User) -> None:
    client = signed_in(alicia)
    assert "Retirado" not in client.get("/catalogo/").content.decode()
    retire_manual(pruebas_dge.manual, user=alicia, reason="Sustituido.")
    assert "Retirado" in client.get("/catalogo/").content.decode()
