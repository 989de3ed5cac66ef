"""Writing a manual from scratch: "Nuevo manual" creates the catalog manual of a unit and
its version 1 (written in Folio, no procedures), logged."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.contrib.auth.models import User
from django.urls import reverse

from web.accounts.models import Unit
from web.catalog.models import CatalogManual, VersionOrigin
from web.conftest import signed_in

pytestmark = pytest.mark.django_db

URL = reverse("catalog:manual-create")


def form_data(of: Unit, **extra: str) -> dict[str, str]:
    data = {
        "title": "Manual de Procedimientos de la Dirección de Gobierno Electrónico",
        "unit": str(of.pk),
        "code": "MP-DGE-01",
        "elaborated": "Enero 2026",
        "updated": "",
        "revision": "01",
        "introduction": "Describe los procedimientos de la Dirección.",
        "note": "",
        "autorizaciones-TOTAL_FORMS": "3",
        "autorizaciones-INITIAL_FORMS": "0",
        "autorizaciones-0-person": "Persona Uno",
        "autorizaciones-0-position": "Jefa de Departamento",
        "autorizaciones-0-action": "Elabora",
        "autorizaciones-1-person": "Persona Dos",
        "autorizaciones-1-position": "Directora",
        "autorizaciones-1-action": "Autoriza",
        "glosario-TOTAL_FORMS": "3",
        "glosario-INITIAL_FORMS": "0",
        "glosario-0-term": "SECATI",
        "glosario-0-definition": "Secretaría de Administración y Tecnologías de la Información",
    }
    return {**data, **extra}


def test_it_offers_a_form_with_blank_rows(alicia: User) -> None:
    response = signed_in(alicia).get(URL)
    body = response.content.decode()
    assert response.status_code == 200 and "Nuevo manual" in body
    assert 'name="autorizaciones-2-person"' in body and 'name="glosario-2-term"' in body


def test_it_creates_the_manual_of_a_unit_with_no_procedures(alicia: User, dge: Unit) -> None:
    # when
    response = signed_in(alicia).post(URL, form_data(dge))
    # then: version 1, written in Folio, with the header and the default note
    manual = CatalogManual.objects.get(code="MP-DGE-01")
    assert response.status_code == 302 and response["Location"] == reverse(
        "catalog:manual-detail", args=[manual.pk]
    )
    version = manual.current
    assert manual.unit == dge and manual.kind == "procedimientos" and version is not None
    assert (version.number, version.origin, version.note) == (
        1,
        VersionOrigin.WRITTEN,
        "Manual escrito en Folio",
    )
    model = version.model()
    assert model.procedures == () and model.unit == dge.name and model.revision == "01"
    assert [(a.person, a.action) for a in model.authorizations] == [
        ("Persona Uno", "Elabora"),
        ("Persona Dos", "Autoriza"),
    ]
    assert [t.term for t in model.glossary] == ["SECATI"]
    log = apps.get_model("cases", "Event")  # the catalog never imports the cases app
    kinds = list(log.objects.order_by("pk").values_list("kind", flat=True))
    assert kinds[-2:] == ["manual.version_saved", "manual.created"]


def test_it_keeps_the_authors_note(alicia: User, dge: Unit) -> None:
    signed_in(alicia).post(URL, form_data(dge, note="Primera redacción con la Contraloría"))
    version = CatalogManual.objects.get().current
    assert version is not None and version.note == "Primera redacción con la Contraloría"


def test_it_requires_a_title_and_a_unit(alicia: User, dge: Unit) -> None:
    response = signed_in(alicia).post(URL, form_data(dge, title="  ", unit=""))
    body = response.content.decode()
    assert response.status_code == 200 and CatalogManual.objects.count() == 0
    assert body.count('role="alert"') >= 2


def test_it_refuses_an_authorization_row_without_a_name(alicia: User, dge: Unit) -> None:
    data = form_data(
        dge, **{"autorizaciones-2-position": "Contralor", "autorizaciones-2-person": ""}
    )
    response = signed_in(alicia).post(URL, data)
    assert response.status_code == 200 and CatalogManual.objects.count() == 0
    assert "Escriba quién firma este renglón." in response.content.decode()


def test_it_refuses_people_who_do_not_edit_manuals(bruno: User, dge: Unit) -> None:
    client = signed_in(bruno)
    assert client.get(URL).status_code == 403
    assert client.post(URL, form_data(dge)).status_code == 403
    assert CatalogManual.objects.count() == 0


def test_it_links_the_form_from_the_manual_list_for_editors_only(alicia: User, bruno: User) -> None:
    assert URL in signed_in(alicia).get(reverse("catalog:manual-list")).content.decode()
    assert URL not in signed_in(bruno).get(reverse("catalog:manual-list")).content.decode()
