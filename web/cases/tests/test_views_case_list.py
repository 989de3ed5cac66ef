"""Searching cases by folio, subject, unit and state; only the cases one may see."""

from __future__ import annotations

from datetime import datetime

import pytest
from django.contrib.auth.models import User

from folio.demo import DEMO_TEXT
from web.accounts.models import Unit
from web.cases.actions import cancel_case, open_case
from web.cases.tests.conftest import SetClock
from web.catalog.actions import import_manual_file
from web.catalog.models import Procedure
from web.conftest import signed_in

pytestmark = pytest.mark.django_db


def test_it_finds_by_folio_subject_unit_and_state(cuentas: Procedure, bruno: User) -> None:
    sap = open_case(cuentas, bruno, "Cuenta SAP", requesting_unit="Tesorería Municipal")
    mail = open_case(cuentas, bruno, "Correo institucional", requesting_unit="Catastro")
    cancel_case(mail, bruno, "Duplicado")
    client = signed_in(bruno)

    def found(query: str) -> set[str]:
        body = client.get(f"/casos/buscar/?{query}").content.decode()
        return {folio for folio in (sap.folio, mail.folio) if folio in body}

    assert found(f"q={sap.folio}") == {sap.folio}
    assert found("q=correo") == {mail.folio}
    assert found("unit=tesorer") == {sap.folio}
    assert found("state=cancelled") == {mail.folio}
    assert found("") == {sap.folio, mail.folio}


def test_it_only_lists_cases_one_may_see(
    cuentas: Procedure, bruno: User, gabriela: User, atencion: Unit
) -> None:
    dge_case = open_case(cuentas, bruno, "Cuenta SAP")
    demo, _ = import_manual_file(DEMO_TEXT, unit=atencion)
    dac_case = open_case(demo.procedures.get(code="P1"), gabriela, "Luminaria apagada")
    body = signed_in(gabriela).get("/casos/buscar/").content.decode()
    assert dac_case.folio in body and dge_case.folio not in body


def test_it_says_which_cases_are_overdue(
    cuentas: Procedure, bruno: User, alicia: User, clock: SetClock
) -> None:
    # given: a request of 2 March (5 días hábiles: due 9 March), one of 18 March, and
    # one cancelled
    clock(datetime(2026, 3, 2, 10))
    late = open_case(cuentas, bruno, "Cuenta olvidada")
    clock(datetime(2026, 3, 18, 10))
    fresh = open_case(cuentas, bruno, "Cuenta nueva")
    gone = open_case(cuentas, bruno, "Cuenta duplicada")
    cancel_case(gone, bruno, "Duplicado")
    clock(datetime(2026, 3, 20, 10))
    # when: a head looks at the unit's cases
    body = signed_in(alicia).get("/casos/buscar/").content.decode()

    def row(folio: str) -> str:
        start = body.index(folio)
        return body[start : body.index("</tr>", start)]

    # then: each row says its deadline's state
    assert "deadline-overdue" in row(late.folio) and "Vencido" in row(late.folio)
    assert "deadline-on_time" in row(fresh.folio)
    assert "deadline-" not in row(gone.folio)
