"""Where each person lands, and what the menu offers: the auditor's home is the case
list (they have no activities), and "Iniciar un caso" is offered only to people who may
start a case of some procedure."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User

from web.catalog.models import ManualVersion
from web.conftest import signed_in

pytestmark = pytest.mark.django_db

START = 'href="/casos/nuevo/"'


def test_the_auditor_lands_on_the_case_list(fernando: User) -> None:
    response = signed_in(fernando).get("/")
    assert response.status_code == 302 and response["Location"] == "/casos/buscar/"


def test_people_who_work_on_cases_land_on_the_inbox(bruno: User) -> None:
    response = signed_in(bruno).get("/")
    assert response.status_code == 302 and response["Location"] == "/casos/"


def test_signing_in_takes_the_auditor_to_the_case_list(fernando: User) -> None:
    from django.test import Client

    from web.conftest import PASSWORD

    client = Client()
    data = {"username": "fernando", "password": PASSWORD}
    response = client.post("/cuentas/entrar/", data, follow=True)
    assert response.redirect_chain[-1][0] == "/casos/buscar/"


def test_the_menu_hides_start_a_case_from_the_auditor(
    pruebas_dge: ManualVersion, fernando: User
) -> None:
    body = signed_in(fernando).get("/casos/buscar/").content.decode()
    assert START not in body and "Iniciar un caso" not in body


def test_the_menu_offers_start_a_case_to_who_may(pruebas_dge: ManualVersion, bruno: User) -> None:
    assert START in signed_in(bruno).get("/casos/").content.decode()


def test_the_menu_offers_it_below_the_manuals_unit(pruebas_dge: ManualVersion, carla: User) -> None:
    assert START in signed_in(carla).get("/catalogo/").content.decode()  # a department's head


def test_the_menu_hides_it_where_no_manual_runs(pruebas_dge: ManualVersion, gabriela: User) -> None:
    assert START not in signed_in(gabriela).get("/catalogo/").content.decode()
