"""Administrators manage the catalogue and the Open311 applications in their pages;
nobody else may; every change is logged."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client

from web.accounts.models import Unit
from web.cases.models import Event
from web.catalog.models import ManualVersion
from web.citizens.actions.catalogue import key_hash
from web.citizens.models import ApiClient, ServiceType


def signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def service_form(
    manual_072: ManualVersion, unit: Unit, user: User, **extra: str
) -> dict[str, object]:
    return {
        "code": "fuga-de-agua",
        "name": "Fuga de agua",
        "description": "Agua en la calle",
        "group": "Agua",
        "keywords": "agua,fuga",
        "unit": unit.pk,
        "opened_as": user.pk,
        "procedure": manual_072.procedures.get(code="P1").pk,
        "active": "on",
        "stages_text": "3 = asignada\n4 = en proceso",
        **extra,
    }


def test_an_administrator_writes_a_report_type_with_its_attributes(
    admin072: User, manual_072: ManualVersion, atencion: Unit, portal: User
) -> None:
    staff = signed_in(admin072)
    assert staff.get("/ciudadania/catalogo/").status_code == 200
    saved = staff.post("/ciudadania/catalogo/nuevo/", service_form(manual_072, atencion, portal))
    service = ServiceType.objects.get(code="fuga-de-agua")
    assert saved.status_code == 302 and service.stages == {"3": "asignada", "4": "en proceso"}
    staff.post(
        f"/ciudadania/catalogo/{service.pk}/atributo/",
        {
            "code": "caudal",
            "description": "¿Cuánta agua sale?",
            "datatype": "singlevaluelist",
            "required": "on",
            "order": "1",
            "values_text": "poca = Poca\nmucha = Mucha",
        },
    )
    attribute = service.attributes.get()
    assert attribute.values == [["poca", "Poca"], ["mucha", "Mucha"]] and attribute.required
    assert Event.objects.filter(kind="citizens.service_saved").count() == 2
    wrong = staff.post(
        f"/ciudadania/catalogo/{service.pk}/atributo/",
        {
            "code": "tipo",
            "description": "Tipo",
            "datatype": "multivaluelist",
            "order": "2",
            "values_text": "sin signo igual",
        },
    )
    assert wrong.status_code == 302 and service.attributes.count() == 1
    page = staff.get(f"/ciudadania/catalogo/{service.pk}/").content.decode()
    assert "línea 1" in page
    staff.post(f"/ciudadania/catalogo/{service.pk}/atributo/{attribute.pk}/borrar/")
    assert not service.attributes.exists()
    assert Event.objects.filter(kind="citizens.service_saved").count() == 3


def test_an_account_that_cannot_open_cases_is_refused(
    admin072: User, manual_072: ManualVersion, atencion: Unit, fernando: User
) -> None:
    page = signed_in(admin072).post(
        "/ciudadania/catalogo/nuevo/", service_form(manual_072, atencion, fernando)
    )
    assert "no puede iniciar casos" in page.content.decode()
    assert not ServiceType.objects.exists()


def test_a_bad_public_state_line_names_its_line(
    admin072: User, manual_072: ManualVersion, atencion: Unit, portal: User
) -> None:
    form = service_form(manual_072, atencion, portal, stages_text="3 = asignada\nen proceso")
    page = signed_in(admin072).post("/ciudadania/catalogo/nuevo/", form).content.decode()
    assert "Estados públicos, línea 2" in page


def test_the_key_is_shown_once_and_only_its_hash_kept(admin072: User) -> None:
    staff = signed_in(admin072)
    page = staff.post("/ciudadania/aplicaciones/", {"name": "App vecinal", "per_minute": "30"})
    key = page.content.decode().split('id="new-key">')[1].split("<")[0]
    client = ApiClient.objects.get()
    assert client.key_hash == key_hash(key) and key not in str(client.__dict__)
    assert key not in staff.get("/ciudadania/aplicaciones/").content.decode()
    staff.post("/ciudadania/aplicaciones/", {"toggle": client.pk})
    client.refresh_from_db()
    assert not client.active


@pytest.mark.parametrize(
    "path", ["/ciudadania/catalogo/", "/ciudadania/aplicaciones/", "/ciudadania/catalogo/nuevo/"]
)
def test_only_administrators_manage(path: str, bruno: User, fernando: User) -> None:
    assert signed_in(bruno).get(path).status_code == 403
    assert signed_in(fernando).get(path).status_code == 403
    assert Client().get(path).status_code == 302  # to the sign-in page


def test_staff_reach_their_citizen_reports_from_the_menu(
    gabriela: User, bruno: User, luminaria: ServiceType
) -> None:
    from web.citizens.actions import NewReport, PersonalData, file_report

    report = file_report(
        NewReport(luminaria, "Poste", address="Av. 1", attributes={"lamparas": "una"}),
        PersonalData(),
    )
    operator = signed_in(gabriela)
    assert "/ciudadania/bandeja/" in operator.get("/casos/").content.decode()
    listed = operator.get("/ciudadania/bandeja/").content.decode()
    assert report.case.folio in listed and "Reportes ciudadanos" in listed
    assert report.case.folio not in signed_in(bruno).get("/ciudadania/bandeja/").content.decode()
    assert signed_in(bruno).get(f"/ciudadania/reporte/{report.pk}/").status_code == 404
