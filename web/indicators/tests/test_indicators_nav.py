"""The menu offers Indicadores to those who may read them: heads and the auditor."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client

pytestmark = pytest.mark.django_db


def menu_of(user: User) -> str:
    client = Client()
    client.force_login(user)
    return client.get("/casos/").content.decode().split("</nav>")[0]


def test_heads_and_the_auditor_see_it(alicia: User, fernando: User) -> None:
    assert "/indicadores/" in menu_of(alicia) and "/indicadores/" in menu_of(fernando)


def test_an_analyst_does_not(bruno: User) -> None:
    assert "/indicadores/" not in menu_of(bruno)
