"""The indicators page: a head reads the measures of their unit for a month; the
auditor may too; other staff may not; a bad month is refused in Spanish."""

from __future__ import annotations

from datetime import datetime

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from web.accounts.models import Unit
from web.cases.tests.conftest import SetClock
from web.conftest import signed_in
from web.indicators.tests.conftest import World

pytestmark = pytest.mark.django_db


def cells(html: str, label: str) -> str:
    """The value cell after the row header ``label``."""
    head = f'<th scope="row">{label}</th><td>'
    start = html.index(head) + len(head)
    return html[start : html.index("</td>", start)]


def test_it_shows_a_heads_unit_for_a_month(
    march: World, alicia: User, dge: Unit, clock: SetClock
) -> None:
    clock(datetime(2026, 4, 15, 10))
    response = signed_in(alicia).get(
        reverse("indicators:indicators"), {"unit": str(dge.pk), "month": "2026-03"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Dirección de Gobierno Electrónico: Marzo 2026" in html
    assert cells(html, "Recibidos") == "7"
    assert cells(html, "Concluidos") == "4"
    assert cells(html, "Vencidos") == "2"
    assert cells(html, "Capacidad de respuesta (concluidos ÷ recibidos × 100)") == "57.1&nbsp;%"
    assert cells(html, "Mediana del tiempo de gestión") == "1.5"
    assert cells(html, "11–20") == "1"
    # the manual's own capacidad de respuesta, written upside down, computed right way up
    assert "casos concluidos ÷ casos recibidos × 100" in html
    assert "(invertida)" in html
    assert '<td data-label="Valor">57.1&nbsp;%</td>' in html


def test_it_lets_the_auditor_read_and_refuses_other_staff(
    march: World, fernando: User, bruno: User, dge: Unit
) -> None:
    url = reverse("indicators:indicators")
    assert (
        signed_in(fernando).get(url, {"unit": str(dge.pk), "month": "2026-03"}).status_code == 200
    )
    refused = signed_in(bruno).get(url)
    assert refused.status_code == 403
    assert "Solo los titulares de unidad y la auditoría consultan los indicadores." in (
        refused.content.decode()
    )


def test_it_refuses_a_unit_outside_the_heads_subtree_and_a_bad_month(
    carla: User, dge: Unit, ingenieria: Unit
) -> None:
    url = reverse("indicators:indicators")
    html = signed_in(carla).get(url, {"unit": str(dge.pk), "month": "marzo"}).content.decode()
    assert "Escriba el mes como AAAA-MM" in html
    assert "Seleccione una opción válida" in html
    assert "Recibidos" not in html
