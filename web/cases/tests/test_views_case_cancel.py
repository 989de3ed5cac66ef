"""Cancelling a case from its page: whoever opened it or a head, with a reason."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User

from web.cases.actions import open_case
from web.cases.models import CaseState
from web.catalog.models import Procedure
from web.conftest import signed_in

pytestmark = pytest.mark.django_db


def test_it_cancels_with_the_reason(cuentas: Procedure, bruno: User) -> None:
    case = open_case(cuentas, bruno, "Cuenta SAP")
    response = signed_in(bruno).post(
        f"/casos/{case.pk}/cancelar/", {"reason": "Solicitud duplicada"}, follow=True
    )
    case.refresh_from_db()
    assert case.state == CaseState.CANCELLED and "Solicitud duplicada" in case.outcome
    assert f"Caso {case.folio} cancelado." in response.content.decode()


def test_it_needs_a_reason(cuentas: Procedure, bruno: User) -> None:
    case = open_case(cuentas, bruno, "Cuenta SAP")
    response = signed_in(bruno).post(f"/casos/{case.pk}/cancelar/", {"reason": ""}, follow=True)
    case.refresh_from_db()
    assert case.state == CaseState.OPEN and 'class="messages"' in response.content.decode()


def test_it_offers_no_cancel_form_to_a_colleague(
    cuentas: Procedure, alicia: User, bruno: User, carla: User
) -> None:
    # given: Alicia opened it; Bruno works in the same Dirección but is not its head
    case = open_case(cuentas, alicia, "Cuenta SAP")
    client = signed_in(bruno)
    body = client.get(f"/casos/{case.pk}/").content.decode()
    client.post(f"/casos/{case.pk}/cancelar/", {"reason": "Porque sí"})
    case.refresh_from_db()
    assert "cancelar/" not in body and case.state == CaseState.OPEN
