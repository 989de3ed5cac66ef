"""Retiring a procedure: of the current version, by administrators with a reason; logged;
later versions of the manual keep it retired."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User

from web.cases.log import verify_log
from web.cases.models import Event, EventKind
from web.catalog.errors import CatalogError
from web.catalog.models import ManualVersion, Procedure
from web.catalog.tests.test_version_list import edited
from web.catalog.versions.actions import retire_procedure
from web.conftest import signed_in

pytestmark = pytest.mark.django_db


def test_it_retires_and_logs_it(respaldos: Procedure, alicia: User) -> None:
    row = retire_procedure(respaldos, user=alicia, reason="Lo hace el proveedor.")
    assert row.retired_at is not None and row.retired_note == "Lo hace el proveedor."
    entry = Event.objects.get(kind=EventKind.PROCEDURE_RETIRED)
    assert (entry.payload["code"], entry.payload["version"]) == ("P2", 1)
    assert verify_log().ok


def test_later_versions_keep_it_retired(
    pruebas_dge: ManualVersion, respaldos: Procedure, alicia: User
) -> None:
    retire_procedure(respaldos, user=alicia, reason="Lo hace el proveedor.")
    second = edited(pruebas_dge, alicia, "Se renombra P1.")
    carried = second.procedures.get(code="P2")
    assert carried.retired_at is not None and carried.retired_note == "Lo hace el proveedor."
    assert second.procedures.get(code="P1").retired_at is None


def test_it_only_retires_a_procedure_of_the_current_version(
    pruebas_dge: ManualVersion, respaldos: Procedure, alicia: User
) -> None:
    edited(pruebas_dge, alicia, "Se renombra P1.")
    with pytest.raises(CatalogError, match="versión vigente"):
        retire_procedure(respaldos, user=alicia, reason="Tarde.")


def test_the_page_retires_it_and_shows_it(respaldos: Procedure, alicia: User) -> None:
    client = signed_in(alicia)
    url = f"/catalogo/procedimientos/{respaldos.pk}/"
    assert "Retirar este procedimiento" in client.get(url).content.decode()
    response = client.post(f"{url}retirar/", {"reason": "Lo hace el proveedor."}, follow=True)
    body = response.content.decode()
    assert "Retirado" in body and "Lo hace el proveedor." in body
    manual = client.get(f"/catalogo/manuales/{respaldos.version.manual_id}/").content.decode()
    assert "Procedimientos retirados" in manual


def test_the_page_offers_no_retiring_to_non_administrators(
    respaldos: Procedure, bruno: User
) -> None:
    client = signed_in(bruno)
    body = client.get(f"/catalogo/procedimientos/{respaldos.pk}/").content.decode()
    assert "Retirar este procedimiento" not in body
    client.post(f"/catalogo/procedimientos/{respaldos.pk}/retirar/", {"reason": "No."})
    assert Procedure.objects.get(pk=respaldos.pk).retired_at is None
