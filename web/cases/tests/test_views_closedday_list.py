"""The office calendar page: administrators declare días inhábiles."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth.models import User

from web.cases.models import ClosedDay
from web.conftest import signed_in

pytestmark = pytest.mark.django_db


def test_it_lets_an_administrator_declare_a_dia_inhabil(alicia: User) -> None:
    client = signed_in(alicia)
    response = client.post("/casos/calendario/", {"date": "2026-03-18", "reason": "Asueto"})
    assert response.status_code == 302
    assert ClosedDay.objects.get().date == date(2026, 3, 18)
    assert "18/03/2026" in client.get("/casos/calendario/").content.decode()


def test_it_refuses_a_non_administrator(bruno: User) -> None:
    response = signed_in(bruno).post("/casos/calendario/", {"date": "2026-03-18"}, follow=True)
    assert ClosedDay.objects.count() == 0
    assert "administra" in response.content.decode().lower()


def test_it_refuses_a_day_twice_without_changing_its_reason(alicia: User) -> None:
    client = signed_in(alicia)
    client.post("/casos/calendario/", {"date": "2026-03-18", "reason": "Asueto"})
    response = client.post(
        "/casos/calendario/", {"date": "2026-03-18", "reason": "Otra cosa"}, follow=True
    )
    assert "ya es día inhábil («Asueto»)" in response.content.decode()
    assert ClosedDay.objects.get().reason == "Asueto"


def test_it_lets_an_administrator_delete_a_dia_inhabil(alicia: User, bruno: User) -> None:
    ClosedDay.objects.create(date=date(2026, 3, 18), reason="Asueto")
    assert 'name="date" value="2026-03-18"' not in _page(bruno)
    signed_in(bruno).post("/casos/calendario/borrar/", {"date": "2026-03-18"})
    assert ClosedDay.objects.exists()
    response = signed_in(alicia).post(
        "/casos/calendario/borrar/", {"date": "2026-03-18"}, follow=True
    )
    assert "Día inhábil borrado." in response.content.decode()
    assert not ClosedDay.objects.exists()


def test_it_lists_the_federal_holidays_it_skips_apart(bruno: User) -> None:
    ClosedDay.objects.create(date=date(2026, 3, 18), reason="Asueto")
    body = signed_in(bruno).get("/casos/calendario/?year=2026").content.decode()
    federal = body[body.index("Días festivos federales de 2026") :]
    own = body[: body.index("Días festivos federales de 2026")]
    assert "16/03/2026" in federal and "Natalicio de Benito Juárez" in federal
    assert "18/03/2026" in own and "18/03/2026" not in federal
    assert "15/11/2027" in signed_in(bruno).get("/casos/calendario/?year=2027").content.decode()


def _page(user: User) -> str:
    return signed_in(user).get("/casos/calendario/").content.decode()
