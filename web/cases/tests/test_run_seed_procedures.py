"""Every procedure of the seed manuals (4 + 1 + 31 = 36) runs to an end through the
actions, once along every walk that together takes every branch."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib.auth.models import User

from folio.flow.walks import Walk, covering_walks
from tests.conftest import SEED_000, SEED_003, SEED_004, needs_shared
from web.accounts.models import Unit
from web.cases.actions import open_case
from web.cases.log import verify_log
from web.cases.models import Case, CaseState, Event, EventKind, TaskState
from web.cases.tests.conftest import step
from web.catalog.actions import import_manual_file
from web.catalog.models import Procedure, Role
from web.conftest import person

pytestmark = [pytest.mark.django_db, needs_shared]

ENDS = {"end": CaseState.ENDED, "external": CaseState.ENDED, "blocked": CaseState.BLOCKED}


@pytest.fixture
def seeds(dge: Unit) -> list[Procedure]:
    for path in (SEED_000, SEED_003, SEED_004):
        import_manual_file(Path(path), unit=dge)
    return list(Procedure.objects.order_by("version__manual__title", "position"))


@pytest.fixture
def itzel(dge: Unit, seeds: list[Procedure]) -> User:
    """An analyst of the Dirección who holds every internal role of the seeds (and so
    records the external steps on behalf of outsiders)."""
    user = person("itzel", "Itzel Robles", dge, "Analista A/B")
    user.folio_roles.add(*Role.objects.filter(is_external=False))
    return user


def run(procedure: Procedure, walk: Walk, user: User, label: str) -> Case:
    """Play ``walk``; its first move is already made when starting the case was that
    activity's registration (``web/cases/actions/first.py``)."""
    case = open_case(procedure, user, label)
    moves = list(walk.moves)
    registered = case.tasks.filter(state=TaskState.DONE).values_list("step_number", flat=True)
    if moves and list(registered) == [moves[0][0]]:
        moves = moves[1:]
    for number, choice in moves:
        step(case, user, number, choice)
    case.refresh_from_db()
    return case


def test_it_runs_every_seed_procedure_along_every_branch(
    seeds: list[Procedure], itzel: User
) -> None:
    # given
    assert len(seeds) == 36
    wrong: list[str] = []
    runs = 0
    # when: every covering walk of every procedure is played through the actions
    for procedure in seeds:
        for n, walk in enumerate(covering_walks(procedure.model()), start=1):
            label = f"{procedure.version.manual.code} {procedure.code} recorrido {n}"
            case = run(procedure, walk, itzel, label)
            runs += 1
            if case.state != ENDS[walk.ending] or not case.outcome:
                wrong.append(f"{label}: {case.state} «{case.outcome}», expected {walk.ending}")
    # then
    assert wrong == []
    assert runs == Case.objects.count() > 36
    assert verify_log().ok


def test_it_records_the_steps_of_outsiders_on_their_behalf(
    seeds: list[Procedure], itzel: User
) -> None:
    # given: P4 of seed 004 starts with the requesting dependencia's oficio
    cuentas = next(p for p in seeds if p.code == "P4" and "DGE" in p.version.manual.code)
    case = open_case(cuentas, itzel, "Cuenta de usuario")
    # when
    step(case, itzel, "1")
    # then
    event = Event.objects.get(case=case, kind=EventKind.TASK_COMPLETED)
    assert event.on_behalf_of is not None
    assert event.on_behalf_of.name == "Titular de la Dependencia solicitante"
    assert event.on_behalf_of.is_external


def test_it_blocks_004_p13_where_the_manual_names_no_target(
    seeds: list[Procedure], itzel: User
) -> None:
    # given: "¿Se restablece la red? Si: Regresa a la actividad no." (no number)
    redes = next(p for p in seeds if p.code == "P13" and "DGE" in p.version.manual.code)
    case = open_case(redes, itzel, "Monitoreo de redes")
    # when
    step(case, itzel, "1", "En caso contrario")
    step(case, itzel, "2", "Si")
    # then
    case.refresh_from_db()
    assert case.state == CaseState.BLOCKED and case.ended_at is None
    assert case.outcome == "La actividad 2 indica un salto sin decir a qué actividad."
    assert Event.objects.filter(case=case).last().kind == EventKind.CASE_BLOCKED  # type: ignore[union-attr]
