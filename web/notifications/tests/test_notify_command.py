"""``folio notify``: one e-mail per new assignment and per activity near its due date,
never twice (cron runs it again and again)."""

from __future__ import annotations

from datetime import datetime
from io import StringIO
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError

from web.cases.actions import (
    TargetChange,
    claim_task,
    open_case,
    reassign_task,
    set_step_targets,
)
from web.cases.tests.conftest import SetClock, step, waiting
from web.catalog.models import Procedure
from web.notifications.models import Notice, NoticeKind

pytestmark = pytest.mark.django_db


def notify(**options: Any) -> str:
    out = StringIO()
    call_command("notify", stdout=out, stderr=StringIO(), **options)
    return out.getvalue()


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
    assert [m.subject for m in warnings] == [
        f"[Folio] {case.folio}, actividad 2: vence el 20/03/2026"
    ]
    assert warnings[0].to == [alicia.email]


def test_it_warns_by_the_activitys_own_target_before_the_case_is_due(
    cuentas: Procedure, alicia: User, bruno: User, clock: SetClock
) -> None:
    # given: activity 2 must be done 2 business days after it opens (the case has 5)
    set_step_targets(cuentas, alicia, [TargetChange("2", 2)])
    clock(datetime(2026, 3, 12, 10))
    case = open_case(cuentas, bruno, "Cuenta SAP")
    step(case, bruno, "1")
    # when: on Friday 13 March, one business day before Tuesday 17 (Monday 16 is a holiday)
    clock(datetime(2026, 3, 13, 9))
    notify(days=1)
    # then
    subjects = [m.subject for m in mail.outbox]
    assert f"[Folio] {case.folio}, actividad 2: vence el 17/03/2026" in subjects


def test_it_says_when_a_case_is_already_overdue(
    cuentas: Procedure, bruno: User, clock: SetClock
) -> None:
    clock(datetime(2026, 3, 2, 10))
    case = open_case(cuentas, bruno, "Cuenta SAP")
    clock(datetime(2026, 3, 20, 10))
    notify(days=1)
    assert f"[Folio] {case.folio}, actividad 1: vencida desde el 09/03/2026" in [
        m.subject for m in mail.outbox
    ]


def test_it_lists_what_it_sent(cuentas: Procedure, bruno: User) -> None:
    case = open_case(cuentas, bruno, "Cuenta SAP")
    out = notify()
    assert out == (
        f"bruno@example.org: [Folio] {case.folio}: la actividad 1 lo espera\n1 avisos enviados.\n"
    )


def test_it_sends_nothing_on_a_dry_run(cuentas: Procedure, bruno: User) -> None:
    case = open_case(cuentas, bruno, "Cuenta SAP")
    out = notify(dry_run=True)
    assert mail.outbox == [] and not Notice.objects.exists()
    assert f"bruno@example.org: [Folio] {case.folio}" in out and "0 avisos enviados." in out


def test_it_remembers_what_was_sent_in_its_ledger(cuentas: Procedure, bruno: User) -> None:
    case = open_case(cuentas, bruno, "Cuenta SAP")
    notify()
    notice = Notice.objects.get()
    assert (notice.task, notice.kind, notice.recipient) == (
        waiting(case),
        NoticeKind.ASSIGNED,
        bruno,
    )
    assert notice.email == "bruno@example.org"


def test_it_exits_1_naming_a_notice_it_could_not_send(
    cuentas: Procedure, bruno: User, settings: Any
) -> None:
    # given: the mail server refuses every message
    case = open_case(cuentas, bruno, "Cuenta SAP")
    settings.EMAIL_BACKEND = "web.notifications.tests.test_send_notice.RefusingBackend"
    errors = StringIO()
    # when
    with pytest.raises(CommandError, match="1 avisos no se pudieron enviar"):
        call_command("notify", stdout=StringIO(), stderr=errors)
    # then: the failure names the message and the address; nothing is in the ledger
    assert f"[Folio] {case.folio}: la actividad 1 lo espera" in errors.getvalue()
    assert "bruno@example.org" in errors.getvalue()
    assert not Notice.objects.exists()
