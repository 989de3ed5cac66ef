"""open_case: folios per office and year without gaps, due dates, the first task; who may
start what (the manual's unit subtree), and the refusals: a first role nobody holds, a
retired manual or procedure, an old version."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied

from folio.demo import DEMO_TEXT
from web.accounts.models import Unit
from web.cases.actions import add_closed_day, open_case
from web.cases.errors import CaseError, NobodyHoldsRole, ProcedureRetired
from web.cases.log import verify_log
from web.cases.models import (
    Case,
    CaseDocument,
    CaseState,
    Event,
    EventKind,
    FolioCounter,
    TaskState,
)
from web.cases.tests.conftest import SetClock, step, waiting
from web.catalog.actions import import_manual_file, save_manual_version
from web.catalog.models import CatalogManual, Procedure
from web.catalog.versions.actions import retire_manual, retire_procedure, set_manual_unit

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
    cuentas: Procedure, alicia: User, carla: User, ingenieria: Unit, clock: SetClock
) -> None:
    clock(datetime(2026, 3, 12, 10))
    open_case(cuentas, alicia, "Primera solicitud")
    manual = cuentas.version.manual
    manual.unit = ingenieria
    manual.save()
    case = open_case(Procedure.objects.get(pk=cuentas.pk), carla, "Segunda solicitud")
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
        cuentas, bruno, "Cuenta SAP para Tesorería", requesting_unit="Tesorería Municipal"
    )
    task = waiting(case)
    assert (case.state, case.started_by) == (CaseState.OPEN, bruno)
    assert (task.step_number, task.pass_number, task.state) == ("1", 1, TaskState.OPEN)
    assert task.role is not None and task.role.name == "Titular de la Dependencia solicitante"
    kinds = list(Event.objects.filter(case=case).values_list("kind", flat=True))
    assert kinds == [EventKind.CASE_OPENED, EventKind.TASK_CREATED]


def test_it_records_the_dependencia_s_oficio_as_its_first_activity(
    cuentas: Procedure, bruno: User
) -> None:
    # when: Bruno starts the case with the dependencia's oficio, as its activity 1 asks
    case = open_case(
        cuentas,
        bruno,
        "Cuenta SAP para Tesorería",
        requesting_unit="Tesorería Municipal",
        oficio_number="TM/0412/2026",
        oficio_date=date(2026, 3, 10),
    )
    # then: activity 1 is done by him on the dependencia's behalf, with the oficio as
    # its document, and activity 2 waits
    first = case.tasks.get(step_number="1")
    assert (first.state, first.completed_by) == (TaskState.DONE, bruno)
    assert "TM/0412/2026" in first.notes
    assert waiting(case).step_number == "2"
    paper = CaseDocument.objects.get(case=case)
    assert (paper.kind, paper.number, paper.date, paper.task) == (
        "oficio", "TM/0412/2026", date(2026, 3, 10), first,
    )  # fmt: skip
    kinds = list(Event.objects.filter(case=case).values_list("kind", flat=True))
    assert kinds == [
        EventKind.CASE_OPENED,
        EventKind.TASK_CREATED,
        EventKind.DOCUMENT_ADDED,
        EventKind.TASK_COMPLETED,
        EventKind.TASK_CREATED,
    ]
    done = Event.objects.get(case=case, kind=EventKind.TASK_COMPLETED)
    assert done.payload["on_behalf_of"] == "Titular de la Dependencia solicitante"
    assert verify_log().ok


def test_it_registers_the_report_its_starter_receives(atencion: Unit, gabriela: User) -> None:
    # given: the demo manual, whose reports start with the operator receiving the report
    # and registering it "en el sistema con un folio"
    demo, _ = import_manual_file(DEMO_TEXT, unit=atencion)
    # when: the operator starts a case (no oficio: the report came by phone)
    case = open_case(demo.procedures.get(code="P1"), gabriela, "Luminaria apagada")
    # then: activity 1 is done, by her as herself; the next one waits
    first = case.tasks.get(step_number="1")
    assert (first.state, first.completed_by) == (TaskState.DONE, gabriela)
    assert waiting(case).step_number == "2"
    done = Event.objects.get(case=case, kind=EventKind.TASK_COMPLETED)
    assert "on_behalf_of" not in done.payload and not CaseDocument.objects.exists()


def test_it_leaves_a_first_activity_that_is_not_the_registration(
    respaldos: Procedure, diego: User
) -> None:
    # "Programa la copia de seguridad": Diego holds the role, but it is work to do
    case = open_case(respaldos, diego, "Respaldo mensual", oficio_number="DGE/1/2026")
    assert waiting(case).step_number == "1"


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


def test_it_refuses_when_nobody_holds_the_first_role(respaldos: Procedure, carla: User) -> None:
    # given: nobody holds the Coordinador/a's role, which the backup starts with
    # when
    with pytest.raises(NobodyHoldsRole) as refused:
        open_case(respaldos, carla, "Respaldo mensual")
    # then: the message names the role and who must act; no folio was used
    message = str(refused.value)
    assert "«Coordinador/a Especializado/a en Monitoreo de Sistemas»" in message
    assert "un administrador debe agregar personas" in message.lower()
    assert "directorio de roles" in message
    assert not Case.objects.exists() and not FolioCounter.objects.exists()


def test_it_lets_staff_record_a_first_step_of_an_outsider(cuentas: Procedure, bruno: User) -> None:
    # nobody holds "Titular de la Dependencia solicitante": the Dirección records it
    assert open_case(cuentas, bruno, "Cuenta SAP").tasks.count() == 1


def test_it_lets_only_the_units_subtree_open_cases(
    cuentas: Procedure,
    alicia: User,
    carla: User,
    diego: User,
    elena: User,
    ingenieria: Unit,
) -> None:
    # given: the manual belongs to the Departamento de Ingeniería
    set_manual_unit(cuentas.version.manual, ingenieria, user=alicia)
    row = Procedure.objects.get(pk=cuentas.pk)
    # then: its people open cases; the Dirección above it and a sister department do not
    assert open_case(row, carla, "Cuenta SAP").unit == ingenieria
    assert open_case(row, diego, "Cuenta de correo").unit == ingenieria
    for user in (alicia, elena):
        with pytest.raises(PermissionDenied):
            open_case(row, user, "Solicitud ajena")


def test_it_lets_only_administrators_open_cases_of_a_manual_with_no_unit(
    cuentas: Procedure, alicia: User, bruno: User
) -> None:
    manual = cuentas.version.manual
    CatalogManual.objects.filter(pk=manual.pk).update(unit=None)
    row = Procedure.objects.get(pk=cuentas.pk)
    with pytest.raises(PermissionDenied):
        open_case(row, bruno, "Cuenta SAP")
    assert open_case(row, alicia, "Cuenta SAP").unit.name == "Dirección de Gobierno Electrónico"


def test_it_refuses_a_retired_procedure_and_lets_running_cases_go_on(
    cuentas: Procedure, alicia: User, bruno: User
) -> None:
    # given: a running case, then the procedure is retired
    running = open_case(cuentas, bruno, "Cuenta SAP")
    retire_procedure(cuentas, user=alicia, reason="Lo sustituye el trámite en línea.")
    # when / then
    with pytest.raises(ProcedureRetired, match="retirado"):
        open_case(Procedure.objects.get(pk=cuentas.pk), bruno, "Otra cuenta")
    step(running, bruno, "1")
    assert waiting(running).step_number == "2"


def test_it_refuses_a_retired_manual(cuentas: Procedure, alicia: User, bruno: User) -> None:
    retire_manual(cuentas.version.manual, user=alicia, reason="Manual sustituido.")
    with pytest.raises(ProcedureRetired, match="manual fue retirado"):
        open_case(Procedure.objects.get(pk=cuentas.pk), bruno, "Cuenta SAP")


def test_it_refuses_an_old_version(cuentas: Procedure, alicia: User, bruno: User) -> None:
    manual = cuentas.version.model()
    save_manual_version(cuentas.version.manual, manual, user=alicia, note="Misma versión.")
    with pytest.raises(CaseError, match="versión más reciente"):
        open_case(cuentas, bruno, "Cuenta SAP")
