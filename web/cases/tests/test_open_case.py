"""open_case: folios per office and year without gaps, due dates, the first task."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied

from folio.demo import DEMO_TEXT
from web.accounts.models import Unit
from web.cases.actions import add_closed_day, open_case
from web.cases.errors import CaseError
from web.cases.models import Case, CaseState, Event, EventKind, FolioCounter, TaskState
from web.cases.tests.conftest import SetClock, waiting
from web.catalog.actions import import_manual_file
from web.catalog.models import Procedure

pytestmark = pytest.mark.django_db


def test_it_numbers_folios_per_office_and_year(
    cuentas: Procedure, alicia: User, gabriela: User, atencion: Unit, clock: SetClock
) -> None:
    # given: the DGE opens two cases in 2026; Atención Ciudadana runs its own manual
    clock(datetime(2026, 3, 12, 10))
    first = open_case(cuentas, alicia, "Cuenta SAP para Tesorería")
    second = open_case(cuentas, alicia, "Cuenta de correo para Catastro")
    demo, _ = import_manual_file(DEMO_TEXT, unit=atencion)
    other = open_case(demo.procedures.get(code="P1"), gabriela, "Luminaria apagada")
    # when: the year turns
    clock(datetime(2027, 1, 4, 9))
    next_year = open_case(cuentas, alicia, "Cuenta SAP para Egresos")
    # then
    assert [first.folio, second.folio] == ["DGE-2026-000001", "DGE-2026-000002"]
    assert other.folio == "DAC-2026-000001"
    assert next_year.folio == "DGE-2027-000001"


def test_it_numbers_a_department_with_its_directions_prefix(
    cuentas: Procedure, alicia: User, ingenieria: Unit, clock: SetClock
) -> None:
    clock(datetime(2026, 3, 12, 10))
    open_case(cuentas, alicia, "Primera solicitud")
    manual = cuentas.version.manual
    manual.unit = ingenieria
    manual.save()
    case = open_case(Procedure.objects.get(pk=cuentas.pk), alicia, "Segunda solicitud")
    assert (case.unit, case.folio) == (ingenieria, "DGE-2026-000002")


def test_it_leaves_no_gap_when_an_opening_fails(
    cuentas: Procedure, alicia: User, clock: SetClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given: an opening that fails after it took folio 2
    clock(datetime(2026, 3, 12, 10))
    open_case(cuentas, alicia, "Primera solicitud")

    def broken(*args: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr("web.cases.actions.cases.start_task", broken)
    with pytest.raises(RuntimeError):
        open_case(cuentas, alicia, "Solicitud que falla")
    monkeypatch.undo()
    clock(datetime(2026, 3, 12, 11))
    # when
    case = open_case(cuentas, alicia, "Segunda solicitud")
    # then: the failed opening left nothing behind, not even its number
    assert case.folio == "DGE-2026-000002"
    assert Case.objects.count() == 2
    assert FolioCounter.objects.get().last == 2


def test_it_counts_five_business_days_past_the_weekend_and_a_holiday(
    cuentas: Procedure, alicia: User, clock: SetClock
) -> None:
    # Thursday 12 March 2026; Monday 16 March is the Benito Juárez holiday
    clock(datetime(2026, 3, 12, 10))
    case = open_case(cuentas, alicia, "Cuenta SAP para Tesorería")
    assert case.due_date == date(2026, 3, 20)


def test_it_skips_the_offices_closed_days(
    cuentas: Procedure, alicia: User, clock: SetClock
) -> None:
    clock(datetime(2026, 3, 12, 10))
    add_closed_day(alicia, date(2026, 3, 18), "Mantenimiento del edificio")
    case = open_case(cuentas, alicia, "Cuenta SAP para Tesorería")
    assert case.due_date == date(2026, 3, 23)


def test_it_gives_no_due_date_when_the_time_is_variable(respaldos: Procedure, diego: User) -> None:
    case = open_case(respaldos, diego, "Respaldo mensual")
    assert respaldos.time_text == "Variable." and case.due_date is None


def test_it_opens_a_task_for_the_first_steps_role(cuentas: Procedure, bruno: User) -> None:
    case = open_case(
        cuentas,
        bruno,
        "Cuenta SAP para Tesorería",
        requesting_unit="Tesorería Municipal",
        oficio_number="TM/0412/2026",
        oficio_date=date(2026, 3, 10),
    )
    task = waiting(case)
    assert (case.state, case.started_by, case.oficio_number) == (
        CaseState.OPEN,
        bruno,
        "TM/0412/2026",
    )
    assert (task.step_number, task.pass_number, task.state) == ("1", 1, TaskState.OPEN)
    assert task.role is not None and task.role.name == "Titular de la Dependencia solicitante"
    kinds = list(Event.objects.filter(case=case).values_list("kind", flat=True))
    assert kinds == [EventKind.CASE_OPENED, EventKind.TASK_CREATED]


def test_it_does_not_let_outsiders_or_auditors_open_cases(
    cuentas: Procedure, gabriela: User, fernando: User
) -> None:
    for user in (gabriela, fernando):
        with pytest.raises(PermissionDenied):
            open_case(cuentas, user, "Solicitud ajena")
    assert not Case.objects.exists() and not Event.objects.filter(kind__startswith="case").exists()


def test_it_needs_a_subject(cuentas: Procedure, alicia: User) -> None:
    with pytest.raises(CaseError):
        open_case(cuentas, alicia, "  ")
