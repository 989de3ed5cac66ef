"""Adding a person to a role and taking one out: one at a time, nothing replaced, ids
checked before anything changes."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User

from web.cases.models import Event
from web.catalog.actions import ensure_role
from web.conftest import signed_in

pytestmark = pytest.mark.django_db


def test_it_adds_a_person_keeping_the_others(alicia: User, bruno: User, carla: User) -> None:
    role = ensure_role("Analista Consultivo A")
    role.members.add(carla)
    url = f"/catalogo/roles/{role.pk}/personas/agregar/"
    response = signed_in(alicia).post(url, {"person": bruno.pk, "q": "analista"})
    assert response.status_code == 302
    assert response["Location"] == f"/catalogo/roles/?q=analista#rol-{role.pk}"
    assert set(role.members.all()) == {bruno, carla}
    logged = Event.objects.filter(kind="role.members_set").last()
    assert logged is not None and logged.payload["added"] == [bruno.pk]


def test_it_takes_one_person_out(alicia: User, bruno: User, carla: User) -> None:
    role = ensure_role("Analista Consultivo A")
    role.members.add(bruno, carla)
    url = f"/catalogo/roles/{role.pk}/personas/quitar/"
    assert signed_in(alicia).post(url, {"person": carla.pk}).status_code == 302
    assert list(role.members.all()) == [bruno]


@pytest.mark.parametrize("person", ["", "abc", "999999", "99999999999999999999999", "-1"])
def test_it_refuses_a_person_that_is_not_there(alicia: User, bruno: User, person: str) -> None:
    role = ensure_role("Analista Consultivo A")
    role.members.add(bruno)
    for action in ("agregar", "quitar"):
        url = f"/catalogo/roles/{role.pk}/personas/{action}/"
        response = signed_in(alicia).post(url, {"person": person})
        assert response.status_code == 400
        assert "Elija" in response.content.decode()
    assert list(role.members.all()) == [bruno]


def test_it_refuses_to_add_an_inactive_person(alicia: User, bruno: User) -> None:
    bruno.is_active = False
    bruno.save()
    role = ensure_role("Analista Consultivo A")
    url = f"/catalogo/roles/{role.pk}/personas/agregar/"
    assert signed_in(alicia).post(url, {"person": bruno.pk}).status_code == 400
    assert not role.members.exists()


def test_the_page_offers_an_add_button_not_a_multiple_select(alicia: User, bruno: User) -> None:
    role = ensure_role("Analista Consultivo A")
    role.members.add(bruno)
    body = signed_in(alicia).get("/catalogo/roles/").content.decode()
    assert "multiple" not in body
    assert f'action="/catalogo/roles/{role.pk}/personas/agregar/"' in body
    assert f'action="/catalogo/roles/{role.pk}/personas/quitar/"' in body


def test_non_administrators_get_a_spanish_403(bruno: User) -> None:
    role = ensure_role("Analista Consultivo A")
    url = f"/catalogo/roles/{role.pk}/personas/agregar/"
    response = signed_in(bruno).post(url, {"person": bruno.pk})
    assert response.status_code == 403
    assert "Solo los administradores" in response.content.decode()
    assert not role.members.exists()
