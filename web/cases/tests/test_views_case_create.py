"""Starting a case: a procedure of the current manual versions, subject, requesting
unit, oficio number and date."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth.models import User

from web.accounts.models import Unit
from web.cases.models import Case
from web.catalog.actions import import_manual_upload
from web.catalog.models import Procedure
from web.conftest import PRUEBAS_DGE, signed_in

pytestmark = pytest.mark.django_db


def test_it_offers_the_procedures_of_the_current_version(
    cuentas: Procedure, bruno: User, dge: Unit
) -> None:
    # given: a second version of the manual, with a renamed procedure
    text = PRUEBAS_DGE.read_text().replace("la asignación de cuentas", "el alta de cuentas")
    import_manual_upload("manual-v2.txt", text.encode(), unit=dge)
    # when
    body = signed_in(bruno).get("/casos/nuevo/").content.decode()
    # then
    assert "P1. Procedimiento para el alta de cuentas de usuario" in body
    assert "asignación de cuentas" not in body


def test_it_opens_the_case_and_shows_it(cuentas: Procedure, bruno: User) -> None:
    response = signed_in(bruno).post(
        "/casos/nuevo/",
        {
            "procedure": cuentas.pk,
            "subject": "Cuenta SAP para Tesorería",
            "requesting_unit": "Tesorería Municipal",
            "oficio_number": "TM/0412/2026",
            "oficio_date": "2026-03-10",
        },
        follow=True,
    )
    case = Case.objects.get()
    assert response.redirect_chain[-1][0] == f"/casos/{case.pk}/"
    assert (case.requesting_unit, case.oficio_number, case.oficio_date) == (
        "Tesorería Municipal",
        "TM/0412/2026",
        date(2026, 3, 10),
    )
    body = response.content.decode()
    assert f"Caso {case.folio} abierto." in body
    # the dependencia's oficio is its activity 1: recorded by starting the case
    assert "La actividad 1, su registro, quedó registrada." in body
    assert "Registrado al iniciar el caso: oficio TM/0412/2026 del 10/03/2026." in body


def test_it_requires_a_subject(cuentas: Procedure, bruno: User) -> None:
    response = signed_in(bruno).post("/casos/nuevo/", {"procedure": cuentas.pk, "subject": ""})
    assert response.status_code == 200 and "Este campo es obligatorio." in response.content.decode()
    assert not Case.objects.exists()


def test_it_offers_nothing_to_an_outsider(cuentas: Procedure, gabriela: User) -> None:
    client = signed_in(gabriela)
    body = client.get("/casos/nuevo/").content.decode()
    client.post("/casos/nuevo/", {"procedure": cuentas.pk, "subject": "Solicitud ajena"})
    assert "No hay ningún procedimiento" in body and not Case.objects.exists()


def test_it_says_who_must_add_people_to_the_first_role(respaldos: Procedure, carla: User) -> None:
    # nobody holds the Coordinador/a's role the backup starts with
    response = signed_in(carla).post(
        "/casos/nuevo/", {"procedure": respaldos.pk, "subject": "Respaldo mensual"}
    )
    body = response.content.decode()
    assert "Nadie tiene el rol «Coordinador/a Especializado/a en Monitoreo de Sistemas»" in body
    assert 'href="/catalogo/roles/"' in body
    assert not Case.objects.exists()
