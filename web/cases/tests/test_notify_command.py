"""``folio notify``: one e-mail per new assignment and per activity near its due date,
never twice (cron runs it again and again)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.core.management import call_command

from web.cases.actions import claim_task, open_case, reassign_task
from web.cases.tests.conftest import SetClock, step, waiting
from web.catalog.models import Procedure

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def ledger(settings: Any, tmp_path: Path) -> Path:
    settings.FOLIO_NOTIFY_LEDGER = tmp_path / "enviados.json"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    return tmp_path / "enviados.json"


def notify(**options: Any) -> None:
    call_command("notify", stdout=open("/dev/null", "w"), **options)  # noqa: SIM115


def test_it_tells_the_roles_people_once(
    cuentas: Procedure, bruno: User, alicia: User, clock: SetClock
) -> None:
    # given: Bruno opened the case; he records the dependencia's request (activity 1)
    clock(datetime(2026, 3, 2, 10))
    case = open_case(cuentas, bruno, "Cuenta SAP")
    notify()
    # when: activity 2 starts waiting for the Director/a and cron runs twice more
    step(case, bruno, "1")
    notify()
    notify()
    # then: one message each
    assert [m.to for m in mail.outbox] == [[bruno.email], [alicia.email]]
    to_alicia = mail.outbox[1]
    assert to_alicia.subject == f"[Folio] {case.folio}: la actividad 2 lo espera"
    assert f"/casos/{case.pk}/" in to_alicia.body and "Recibe la solicitud" in to_alicia.body


def test_it_tells_whoever_the_activity_was_handed_to(
    cuentas: Procedure, bruno: User, alicia: User, diego: User, clock: SetClock
) -> None:
    clock(datetime(2026, 3, 2, 10))
    case = open_case(cuentas, bruno, "Cuenta SAP")
    step(case, bruno, "1")
    notify()
    reassign_task(waiting(case), alicia, diego, "Suplencia")
    notify()
    assert [m.to for m in mail.outbox][-1] == [diego.email]


def test_it_warns_when_the_due_date_nears(
    cuentas: Procedure, bruno: User, alicia: User, clock: SetClock
) -> None:
    # given: opened Thursday 12 March 2026, due Friday 20 March (5 business days)
    clock(datetime(2026, 3, 12, 10))
    case = open_case(cuentas, bruno, "Cuenta SAP")
    step(case, bruno, "1")
    claim_task(waiting(case), alicia)
    notify(days=2)
    assigned = len(mail.outbox)
    # when: on Wednesday 18 March, two business days before
    clock(datetime(2026, 3, 18, 9))
    notify(days=2)
    notify(days=2)
    # then
    warnings = mail.outbox[assigned:]
    assert [m.subject for m in warnings] == [f"[Folio] {case.folio} vence el 20/03/2026"]
    assert warnings[0].to == [alicia.email]


def test_it_says_when_a_case_is_already_overdue(
    cuentas: Procedure, bruno: User, clock: SetClock
) -> None:
    clock(datetime(2026, 3, 2, 10))
    case = open_case(cuentas, bruno, "Cuenta SAP")
    clock(datetime(2026, 3, 20, 10))
    notify(days=1)
    assert f"[Folio] {case.folio} está vencido desde el 09/03/2026" in [
        m.subject for m in mail.outbox
    ]


def test_it_sends_nothing_on_a_dry_run(cuentas: Procedure, bruno: User, ledger: Path) -> None:
    open_case(cuentas, bruno, "Cuenta SAP")
    notify(dry_run=True)
    assert mail.outbox == [] and not ledger.exists()


def test_it_remembers_what_was_sent_in_its_ledger(
    cuentas: Procedure, bruno: User, ledger: Path
) -> None:
    case = open_case(cuentas, bruno, "Cuenta SAP")
    notify()
    assert f"assigned:{waiting(case).pk}:{bruno.pk}" in ledger.read_text()
