"""The header form: name, code, unit, objective, legal basis, policies, Tiempo Promedio
de Gestión (its reading shown live) and indicators."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User

from web.catalog.models import Procedure
from web.catalog.tests.editor_world import HTMX, demo_fixture, open_editor, p1_fixture  # noqa: F401

pytestmark = pytest.mark.django_db

HEADER = {
    "name": "Atención de reportes de alumbrado",
    "code": "P1",
    "unit": "Dirección de Atención Ciudadana",
    "objective": "Atender reportes.",
    "legal_basis": "Reglamento Interior, art. 12.",
    "policies": "Todo reporte lleva folio.\r\n\r\nSe turna el mismo día.",
    "time": "De 2 a 3 semanas",
    "indicators": "Indicador de atención: reportes atendidos x 100 = 90%",
}


def test_it_saves_the_header_and_shows_the_time_read(alicia: User, p1: Procedure) -> None:
    # given
    client, draft = open_editor(alicia, p1)
    # when
    html = client.post(f"/catalogo/borradores/{draft.pk}/encabezado/", HEADER, headers=HTMX)
    # then
    text = html.content.decode()
    assert '<form id="header"' in text and "Leído como: 2 – 3 semanas" in text
    draft.refresh_from_db()
    data = draft.data
    assert data["name"] == HEADER["name"] and data["time"]["max"] == 3.0
    assert data["policies"] == ["Todo reporte lleva folio.", "Se turna el mismo día."]
    assert data["indicators"][0]["target"] == "90%"


def test_it_reads_the_time_as_it_is_typed(alicia: User, p1: Procedure) -> None:
    client, draft = open_editor(alicia, p1)
    url = f"/catalogo/borradores/{draft.pk}/tpg/"
    assert "Leído como: variable" in client.get(url, {"time": "Variable."}).content.decode()
    unclear = client.get(url, {"time": "cuando se pueda"}).content.decode()
    assert "No se entiende" in unclear


def test_without_javascript_a_header_without_name_is_refused_on_the_page(
    alicia: User, p1: Procedure
) -> None:
    client, draft = open_editor(alicia, p1)
    response = client.post(f"/catalogo/borradores/{draft.pk}/encabezado/", {**HEADER, "name": ""})
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Encabezado, nombre: escriba el nombre del procedimiento." in page
