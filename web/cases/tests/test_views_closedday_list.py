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
