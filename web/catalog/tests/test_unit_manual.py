"""The unit a manual belongs to: chosen on upload (the uploader's by default), kept by
new versions, set or changed by administrators (logged); a manual with no unit asks for
one on its page."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile

from folio.demo import DEMO_TEXT
from web.accounts.models import Unit
from web.cases.log import verify_log
from web.cases.models import Event, EventKind
from web.catalog.models import CatalogManual, ManualVersion
from web.catalog.versions.actions import set_manual_unit
from web.conftest import PRUEBAS_DGE, signed_in

pytestmark = pytest.mark.django_db


def upload(user: User, name: str, content: bytes, **data: object) -> str:
    response = signed_in(user).post(
        "/catalogo/", {"file": SimpleUploadedFile(name, content), **data}, follow=True
    )
    return response.content.decode()


def test_it_stores_the_unit_chosen_on_upload(alicia: User, ingenieria: Unit) -> None:
    upload(alicia, DEMO_TEXT.name, DEMO_TEXT.read_bytes(), unit=ingenieria.pk)
    assert CatalogManual.objects.get().unit == ingenieria


def test_it_offers_the_uploaders_unit_first(alicia: User, dge: Unit, ingenieria: Unit) -> None:
    body = signed_in(alicia).get("/catalogo/").content.decode()
    assert f'<option value="{dge.pk}" selected>' in body
    assert f'<option value="{ingenieria.pk}">' in body


def test_a_new_version_keeps_the_manuals_unit(
    pruebas_dge: ManualVersion, alicia: User, dge: Unit, ingenieria: Unit
) -> None:
    changed = PRUEBAS_DGE.read_text().replace("Programa la copia", "Agenda la copia")
    upload(alicia, "manual-v2.txt", changed.encode(), unit=ingenieria.pk)
    manual = CatalogManual.objects.get()
    assert manual.versions.count() == 2 and manual.unit == dge


def test_it_sets_the_unit_and_logs_it(
    pruebas_dge: ManualVersion, alicia: User, ingenieria: Unit
) -> None:
    set_manual_unit(pruebas_dge.manual, ingenieria, user=alicia)
    assert CatalogManual.objects.get().unit == ingenieria
    entry = Event.objects.get(kind=EventKind.MANUAL_UNIT_SET)
    assert entry.actor == alicia and entry.payload["unit"] == ingenieria.name
    assert verify_log().ok


def test_it_lets_only_administrators_set_it(
    pruebas_dge: ManualVersion, bruno: User, ingenieria: Unit
) -> None:
    with pytest.raises(PermissionDenied):
        set_manual_unit(pruebas_dge.manual, ingenieria, user=bruno)
    signed_in(bruno).post(
        f"/catalogo/manuales/{pruebas_dge.manual_id}/unidad/", {"unit": ingenieria.pk}
    )
    assert CatalogManual.objects.get().unit != ingenieria


def test_a_manual_with_no_unit_asks_for_one(
    pruebas_dge: ManualVersion, alicia: User, bruno: User, ingenieria: Unit
) -> None:
    # given: a manual imported before units were asked
    CatalogManual.objects.update(unit=None)
    pk = pruebas_dge.manual_id
    # then: its page says so; administrators get the way to set it
    assert (
        "Pida a un administrador"
        in signed_in(bruno).get(f"/catalogo/manuales/{pk}/").content.decode()
    )
    client = signed_in(alicia)
    body = client.get(f"/catalogo/manuales/{pk}/").content.decode()
    assert "solo los administradores pueden iniciar sus casos" in body
    assert f'href="/catalogo/manuales/{pk}/versiones/#unidad"' in body
    # when
    client.post(f"/catalogo/manuales/{pk}/unidad/", {"unit": ingenieria.pk})
    # then
    body = client.get(f"/catalogo/manuales/{pk}/").content.decode()
    assert "Departamento de Ingeniería de Aplicaciones" in body
    assert "solo los administradores" not in body
