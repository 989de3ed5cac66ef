"""The page where administrators set a procedure's activities' own times."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User

from web.cases.models import StepTarget
from web.catalog.models import Procedure
from web.conftest import signed_in

pytestmark = pytest.mark.django_db


def url(procedure: Procedure) -> str:
    return f"/casos/procedimientos/{procedure.pk}/tiempos/"


def form(**days: str) -> dict[str, str]:
    """The page's form for the 7 activities of ``cuentas``: ``days_2="2"`` etc."""
    data = {f"days_{i}": "" for i in range(7)} | {f"kind_{i}": "habiles" for i in range(7)}
    return data | days


def test_it_sets_and_clears_the_times(cuentas: Procedure, alicia: User) -> None:
    client = signed_in(alicia)
    body = client.get(url(cuentas)).content.decode()
    assert "Tiempos propios de las actividades" in body
    assert '<label class="sr-only" for="id_days_2">Días para la actividad 3</label>' in body
    response = client.post(
        url(cuentas), form(days_2="2", days_4="3", kind_4="naturales"), follow=True
    )
    rows = StepTarget.objects.filter(procedure=cuentas).order_by("step_number")
    assert [(r.step_number, r.days, r.business_days) for r in rows] == [
        ("3", 2, True),
        ("5", 3, False),
    ]
    assert "Tiempos guardados." in response.content.decode()
    client.post(url(cuentas), form(days_4="3", kind_4="naturales"))
    assert list(StepTarget.objects.values_list("step_number", flat=True)) == ["5"]


def test_it_shows_what_is_wrong(cuentas: Procedure, alicia: User) -> None:
    response = signed_in(alicia).post(url(cuentas), form(days_2="0"))
    assert response.status_code == 400 and 'role="alert"' in response.content.decode()
    assert not StepTarget.objects.exists()


def test_it_is_for_administrators_only(
    cuentas: Procedure, alicia: User, carla: User, fernando: User
) -> None:
    for user in (carla, fernando):
        client = signed_in(user)
        assert client.get(url(cuentas)).status_code == 403
        assert client.post(url(cuentas), form(days_2="2")).status_code == 403
    assert not StepTarget.objects.exists()
    detail = f"/catalogo/procedimientos/{cuentas.pk}/"
    assert url(cuentas) in signed_in(alicia).get(detail).content.decode()
    assert url(cuentas) not in signed_in(carla).get(detail).content.decode()
