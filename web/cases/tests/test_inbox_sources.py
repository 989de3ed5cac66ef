"""Whose inbox a task lands in: the tasks one holds, the open tasks of one's roles
(first or not), and the steps of outside parties that one's office records for them;
each task once."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib.auth.models import User

from web.accounts.models import Unit
from web.cases.actions import cancel_case, claim_task, open_case, reassign_task
from web.cases.inbox import Inbox, get_inbox_count_for_user, get_inbox_for_user
from web.cases.models import Case, Event, EventKind, Task
from web.cases.tests.conftest import step, waiting
from web.catalog.actions import import_manual_file
from web.catalog.models import Procedure, Role

pytestmark = pytest.mark.django_db

TITLE = "Manual de Procedimientos de la Dirección de Gobierno Electrónico (bandeja)"
JEFE_O_COORDINADOR = (
    "Jefe/a de Departamento de Ingeniería de Aplicaciones o "
    "Coordinador/a Especializado/a en Monitoreo de Sistemas"
)
#: A procedure whose steps each name two responsibles ("A o B").
INCIDENCIAS = "\n".join(
    [
        f"# {TITLE}",
        "",
        f"\t{TITLE}\tRegistro: PRUEBAS/MP/DGE/002",
        "",
        "III. DEL DEPARTAMENTO DE INGENIERÍA DE APLICACIONES",
        "",
        "Nombre del Procedimiento:\tProcedimiento para la atención de incidencias.",
        "Objetivo:\tAtender las incidencias que reportan las dependencias.",
        "Tiempo Promedio de Gestión:\t3 días hábiles.",
        "",
        "Descripción del Procedimiento: Atención de incidencias.",
        "",
        "Responsable\tNo.\tActividad\tFormato o Documento\tTantos",
        "Titular de la Dependencia solicitante o Analista A/B\t1\tReporta la incidencia.\tN/A\tN/A",
        f"{JEFE_O_COORDINADOR}\t2\tAtiende la incidencia. Termina Procedimiento.\tN/A\tN/A",
        "",
    ]
)


@pytest.fixture
def incidencias(dge: Unit, dge_roles: dict[str, Role], tmp_path: Path) -> Procedure:
    source = tmp_path / "incidencias.txt"
    source.write_text(INCIDENCIAS, encoding="utf-8")
    version, _ = import_manual_file(source, unit=dge)
    return version.procedures.get()


def folios(inbox: Inbox) -> tuple[list[str], list[str]]:
    """The folios of my activities and of my roles' queue."""
    mine = [view.task.case.folio for view in inbox.mine.views]
    return mine, [view.task.case.folio for view in inbox.queue.views]


def test_it_shows_a_step_of_two_roles_to_whoever_holds_either(
    incidencias: Procedure, bruno: User, carla: User, diego: User, elena: User
) -> None:
    # given: an incident reported (activity 1 done), now for the Jefa "o" the Coordinador
    case = step(open_case(incidencias, bruno, "Falla del SAP"), bruno, "1")
    # then
    assert folios(get_inbox_for_user(carla)) == ([], [case.folio])
    assert folios(get_inbox_for_user(diego)) == ([], [case.folio])
    assert folios(get_inbox_for_user(elena)) == ([], [])
    assert get_inbox_count_for_user(diego) == 1


def test_it_shows_an_outsiders_step_to_the_staff_below_the_cases_office(
    cuentas: Procedure, bruno: User, elena: User, gabriela: User, fernando: User
) -> None:
    # given: a request that waits for the dependencia's oficio (external role)
    case = open_case(cuentas, bruno, "Cuenta SAP")
    # then: the Dirección and its departments record it; other offices do not
    assert folios(get_inbox_for_user(bruno)) == ([], [case.folio])
    assert folios(get_inbox_for_user(elena)) == ([], [case.folio])
    assert folios(get_inbox_for_user(gabriela)) == ([], [])
    assert folios(get_inbox_for_user(fernando)) == ([], [])


def test_it_counts_a_task_reached_two_ways_once(
    incidencias: Procedure, bruno: User, elena: User
) -> None:
    # given: activity 1 is the dependencia's "o" the Analista A/B's; Elena is both an
    # Analista A/B and staff of a department of the Dirección
    case = open_case(incidencias, bruno, "Falla del correo")
    # when
    inbox = get_inbox_for_user(elena)
    # then
    assert folios(inbox) == ([], [case.folio])
    assert inbox.count == get_inbox_count_for_user(elena) == 1


def test_it_puts_what_i_hold_under_my_activities_and_hides_what_others_hold(
    cuentas: Procedure, respaldos: Procedure, alicia: User, bruno: User, diego: User
) -> None:
    # given: Diego claims one backup; Alicia hands him an account request of hers
    claimed = open_case(respaldos, diego, "Respaldo semanal")
    claim_task(waiting(claimed), diego)
    handed = step(open_case(cuentas, bruno, "Cuenta de correo"), bruno, "1")
    reassign_task(_waiting_at(handed, "2"), alicia, diego, "Lo atiende Diego")
    queued = open_case(respaldos, diego, "Respaldo mensual")
    # when
    mine, queue = folios(get_inbox_for_user(diego))
    # then
    assert sorted(mine) == sorted([claimed.folio, handed.folio]) and queue == [queued.folio]
    assert folios(get_inbox_for_user(alicia)) == ([], [])


def _waiting_at(case: Case, number: str) -> Task:
    task = waiting(case)
    assert task.step_number == number
    return task


def test_a_step_of_two_roles_leaves_its_second_role_when_it_is_done_or_cancelled(
    incidencias: Procedure, alicia: User, bruno: User, carla: User
) -> None:
    # given: two incidents at activity 2, for the Jefa "o" the Coordinador
    done = step(open_case(incidencias, bruno, "Falla del SAP"), bruno, "1")
    dropped = step(open_case(incidencias, bruno, "Falla del correo"), bruno, "1")
    waiting_ones = [waiting(done).pk, waiting(dropped).pk]
    seconds = Task.other_roles.through.objects.filter(task_id__in=waiting_ones)
    assert seconds.count() == 2
    # when: one is attended, the other cancelled
    step(done, carla, "2")
    cancel_case(dropped, alicia, "Reporte duplicado")
    # then: no waiting task, no second role left; the log still names both roles
    assert seconds.count() == 0
    completed = Event.objects.filter(case=done, kind=EventKind.TASK_COMPLETED).latest("seq")
    assert len(completed.payload["roles"]) == 2
