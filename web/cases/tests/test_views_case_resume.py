"""Resuming a blocked case from its page: a small form for heads and administrators."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User

from web.cases.models import Case, CaseState
from web.cases.tests.conftest import waiting
from web.cases.tests.test_resume_case import BLOCKED, blocked
from web.catalog.models import Procedure
from web.conftest import signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(respaldos: Procedure, diego: User) -> Case:
    return blocked(respaldos, diego)


def test_it_resumes_from_the_case_page(case: Case, alicia: User) -> None:
    # given
    client = signed_in(alicia)
    page = client.get(f"/casos/{case.pk}/").content.decode()
    assert f'action="/casos/{case.pk}/reanudar/"' in page
    assert '<label for="id_step">Continuar en la actividad' in page
    assert '<option value="2">2. Verifica la copia.' in page
    # when
    response = client.post(
        f"/casos/{case.pk}/reanudar/", {"step": "1", "reason": "Se programa de nuevo"}
    )
    # then
    assert response.status_code == 302 and response["Location"] == f"/casos/{case.pk}/"
    body = client.get(response["Location"]).content.decode()
    assert f"El caso {case.folio} continúa en la actividad 1." in body
    assert "El caso se reanudó en la actividad 1." in body
    assert "Motivo: Se programa de nuevo" in body
    assert f"Estaba detenido porque: {BLOCKED}" in body
    assert "reanudar/" not in body
    assert waiting(case).step_number == "1"


def test_it_tells_a_second_submission_that_the_case_goes_on(case: Case, alicia: User) -> None:
    client = signed_in(alicia)
    data = {"step": "1", "reason": "Se programa de nuevo"}
    client.post(f"/casos/{case.pk}/reanudar/", data)
    body = client.post(f"/casos/{case.pk}/reanudar/", data, follow=True).content.decode()
    assert f"El caso {case.folio} no está detenido." in body
    assert case.tasks.filter(step_number="1").count() == 2  # the first pass and one more


def test_it_shows_what_is_missing(case: Case, alicia: User) -> None:
    response = signed_in(alicia).post(f"/casos/{case.pk}/reanudar/", {"step": "", "reason": ""})
    body = response.content.decode()
    assert response.status_code == 400 and body.count('class="error" role="alert"') == 2
    case.refresh_from_db()
    assert case.state == CaseState.BLOCKED


def test_it_offers_no_form_to_a_colleague(case: Case, bruno: User) -> None:
    client = signed_in(bruno)
    page = client.get(f"/casos/{case.pk}/").content.decode()
    data = {"step": "1", "reason": "Sigo yo"}
    body = client.post(f"/casos/{case.pk}/reanudar/", data, follow=True).content.decode()
    assert "reanudar/" not in page
    assert "Solo un titular de la oficina del caso o un administrador puede reanudarlo." in body
    case.refresh_from_db()
    assert case.state == CaseState.BLOCKED
