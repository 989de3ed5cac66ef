"""The people pages: administrators search, add, edit and deactivate people and add or
remove roles with plain forms; everyone else gets the 403 page."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User

from web.accounts.models import Unit
from web.cases.actions import claim_task, open_case
from web.cases.models import TaskState
from web.cases.tests.conftest import waiting
from web.catalog.models import Procedure, Role
from web.conftest import ANALISTA_AB, COORDINADOR_MONITOREO, person, signed_in

pytestmark = pytest.mark.django_db


def names(body: bytes) -> str:
    return body.decode()


def test_it_finds_people_by_name_without_accents(alicia: User, carla: User, bruno: User) -> None:
    body = names(signed_in(alicia).get("/cuentas/personas/", {"q": "MENDEZ"}).content)
    assert "Carla Méndez" in body and "Bruno Téllez" not in body
    assert "1 persona encontrada." in body


def test_it_finds_people_by_unit(alicia: User, carla: User, diego: User, bruno: User) -> None:
    body = names(signed_in(alicia).get("/cuentas/personas/", {"q": "ingenieria"}).content)
    assert "Carla Méndez" in body and "Diego Fuentes" in body and "Bruno Téllez" not in body


def test_it_lists_inactive_people_apart(alicia: User, bruno: User) -> None:
    bruno.is_active = False
    bruno.save()
    client = signed_in(alicia)
    assert "Bruno Téllez" not in names(client.get("/cuentas/personas/").content)
    inactive = names(client.get("/cuentas/personas/", {"estado": "inactivas"}).content)
    assert "Bruno Téllez" in inactive and f"/cuentas/personas/{alicia.pk}/" not in inactive


def test_it_pages_the_list(alicia: User, dge: Unit) -> None:
    for n in range(30):
        person(f"p{n:02}", f"Persona {n:02}", dge, "Analista")
    body = names(signed_in(alicia).get("/cuentas/personas/", {"page": 2}).content)
    assert "Página 2 de 2" in body and "Persona 29" in body and "Persona 00" not in body


def test_it_refuses_people_without_rights(bruno: User, fernando: User) -> None:
    fernando.is_staff = True  # staff, but an auditor
    fernando.save()
    for someone in (bruno, fernando):
        client = signed_in(someone)
        assert client.get("/cuentas/personas/").status_code == 403
        assert client.get(f"/cuentas/personas/{bruno.pk}/").status_code == 403
        assert client.post("/cuentas/personas/nueva/", {}).status_code == 403


def test_it_adds_a_person_from_the_form(
    alicia: User,
    ingenieria: Unit,
    dge_roles: dict[str, Role],
    django_capture_on_commit_callbacks: Any,
) -> None:
    # given
    form = {
        "username": "hugo",
        "first_name": "Hugo",
        "last_name": "Lara",
        "email": "hugo@example.org",
        "unit": ingenieria.pk,
        "position": "Analista de Sistemas",
        "is_head": "on",
        "roles": [dge_roles[ANALISTA_AB].pk, dge_roles[COORDINADOR_MONITOREO].pk],
        "password_choice": "enlace",
    }
    # when
    with django_capture_on_commit_callbacks(execute=True) as sent:
        response = signed_in(alicia).post("/cuentas/personas/nueva/", form)
    # then
    hugo = User.objects.get(username="hugo")
    assert response.status_code == 302 and response["Location"] == f"/cuentas/personas/{hugo.pk}/"
    assert hugo.profile.is_head and not hugo.is_staff and len(sent) == 1
    assert {r.name for r in hugo.folio_roles.all()} == {ANALISTA_AB, COORDINADOR_MONITOREO}


def test_it_says_what_is_wrong_in_spanish(alicia: User, bruno: User) -> None:
    form = {
        "username": "BRUNO",
        "first_name": "",
        "password_choice": "contrasena",
        "password": "123",
    }
    response = signed_in(alicia).post("/cuentas/personas/nueva/", form)
    body = names(response.content)
    assert response.status_code == 400
    assert "Este nombre de usuario ya está ocupado." in body
    assert "Este campo es obligatorio." in body
    assert "La contraseña es demasiado corta" in body
    assert User.objects.count() == 2  # alicia and bruno: nothing was created


def test_it_edits_a_person(alicia: User, bruno: User, ingenieria: Unit) -> None:
    client = signed_in(alicia)
    assert 'value="bruno"' in names(client.get(f"/cuentas/personas/{bruno.pk}/editar/").content)
    form: dict[str, object] = {"username": "bruno", "first_name": "Bruno"}
    form["last_name"] = "Téllez Ruiz"
    form |= {"unit": ingenieria.pk, "position": "Analista Consultivo A", "is_auditor": "on"}
    assert client.post(f"/cuentas/personas/{bruno.pk}/editar/", form).status_code == 302
    bruno.refresh_from_db()
    assert bruno.last_name == "Téllez Ruiz" and bruno.profile.is_auditor
    assert bruno.profile.unit == ingenieria


def test_it_adds_and_removes_roles_one_at_a_time(
    alicia: User, bruno: User, dge_roles: dict[str, Role]
) -> None:
    client, role = signed_in(alicia), dge_roles[ANALISTA_AB]
    page = names(client.get(f"/cuentas/personas/{bruno.pk}/", {"rol": "analista a/b"}).content)
    assert f'<option value="{role.pk}">{ANALISTA_AB}</option>' in page
    assert COORDINADOR_MONITOREO not in page  # narrowed by the search
    client.post(f"/cuentas/personas/{bruno.pk}/roles/", {"role": role.pk})
    assert list(bruno.folio_roles.all()) == [role]
    client.post(f"/cuentas/personas/{bruno.pk}/roles/{role.pk}/quitar/")
    assert not bruno.folio_roles.exists()


def test_it_refuses_a_malformed_role(alicia: User, bruno: User) -> None:
    response = signed_in(alicia).post(f"/cuentas/personas/{bruno.pk}/roles/", {"role": "x"})
    assert response.status_code == 404


def test_it_offers_to_release_held_activities_when_deactivating(
    alicia: User, bruno: User, cuentas: Procedure
) -> None:
    # given
    case = open_case(cuentas, bruno, "Cuenta SAP para Tesorería")
    claim_task(waiting(case), bruno)
    client = signed_in(alicia)
    # when
    page = names(client.get(f"/cuentas/personas/{bruno.pk}/").content)
    response = client.post(f"/cuentas/personas/{bruno.pk}/desactivar/", {"release": "on"})
    # then
    assert "Esta persona tiene tomada 1 actividad de un caso en curso" in page
    assert response.status_code == 302
    bruno.refresh_from_db()
    assert not bruno.is_active and waiting(case).state == TaskState.OPEN
    after = names(client.get(f"/cuentas/personas/{bruno.pk}/").content)
    assert "1 actividad regresó a la bandeja de su rol." in after and "Reactivar" in after


def test_it_links_people_and_password_from_the_top_bar(alicia: User, bruno: User) -> None:
    admin_bar = names(signed_in(alicia).get("/cuentas/contrasena/").content)
    assert 'href="/cuentas/personas/"' in admin_bar and 'href="/cuentas/contrasena/"' in admin_bar
    staff_bar = names(signed_in(bruno).get("/cuentas/contrasena/").content)
    assert 'href="/cuentas/personas/"' not in staff_bar
