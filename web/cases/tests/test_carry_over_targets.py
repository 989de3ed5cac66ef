"""A new version of a manual carries the activities' times over to the steps the
activities became; the ones that no longer exist are named in a notice and the log."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile

from folio.cli import main
from folio.manuals.model import Manual
from folio.manuals.model import Procedure as CoreProcedure
from web.cases.actions import TargetChange, open_case, set_step_targets
from web.cases.log import verify_log
from web.cases.models import Event, EventKind, StepTarget
from web.cases.queries import get_procedures_for_user
from web.cases.tests.conftest import SetClock, step, waiting
from web.catalog.actions import save_manual_version
from web.catalog.models import ManualVersion, Procedure
from web.conftest import PRUEBAS_DGE, signed_in

pytestmark = pytest.mark.django_db


def without_step(procedure: CoreProcedure, gone: str) -> CoreProcedure:
    """``procedure`` with step ``gone`` deleted and the ones after it renumbered; a jump
    to it goes on to the step that followed it."""
    kept = [s.number for s in procedure.steps if s.number != gone]
    numbers = {old: str(k) for k, old in enumerate(kept, 1)}
    numbers[gone] = numbers[str(int(gone) + 1)]
    steps = tuple(
        replace(
            s,
            number=numbers[s.number],
            next=tuple(replace(t, to=numbers.get(t.to or "", t.to)) for t in s.next),
        )
        for s in procedure.steps
        if s.number != gone
    )
    return replace(procedure, steps=steps)


def without_turn(text: str) -> str:
    """The test manual's text without activity 4 of P1 (5 becomes 4)."""
    lines = [line for line in text.splitlines() if "\t4\tTurna la solicitud" not in line]
    return "\n".join(lines).replace("\t5\tGenera", "\t4\tGenera")


def targets(procedure: Procedure) -> dict[str, tuple[int, bool]]:
    rows = StepTarget.objects.filter(procedure=procedure)
    return {row.step_number: (row.days, row.business_days) for row in rows}


@pytest.fixture
def second_version(pruebas_dge: ManualVersion, alicia: User) -> ManualVersion:
    """P1 loses activity 4 ("Turna la solicitud autorizada…"): 5-7 become 4-6; P2 is
    dropped from the manual."""
    manual = pruebas_dge.model()
    p1 = manual.procedure("P1")
    assert p1 is not None
    edited: Manual = replace(manual, procedures=(without_step(p1, "4"),))
    note = "Se suprime la actividad 4 de P1 y el procedimiento P2."
    return save_manual_version(
        pruebas_dge.manual, edited, user=alicia, note=note, based_on=pruebas_dge
    )


@pytest.fixture
def with_targets(cuentas: Procedure, respaldos: Procedure, alicia: User) -> None:
    changes = [TargetChange("3", 2), TargetChange("4", 1), TargetChange("5", 3, False)]
    set_step_targets(cuentas, alicia, [*changes, TargetChange("7", 1)])
    set_step_targets(respaldos, alicia, [TargetChange("1", 1)])


@pytest.mark.usefixtures("with_targets")
def test_it_carries_the_times_to_the_renumbered_activities(
    second_version: ManualVersion, cuentas: Procedure
) -> None:
    new_p1 = second_version.procedures.get(code="P1")
    assert targets(new_p1) == {"3": (2, True), "4": (3, False), "6": (1, True)}
    # the old version keeps its own
    assert targets(cuentas) == {"3": (2, True), "4": (1, True), "5": (3, False), "7": (1, True)}


@pytest.mark.usefixtures("with_targets")
def test_it_tells_which_times_were_not_carried(second_version: ManualVersion) -> None:
    assert second_version.notices == [
        "El tiempo de la actividad 4 de P1 no se trasladó: la actividad ya no existe.",
        "El tiempo de la actividad 1 de P2 no se trasladó: el procedimiento ya no existe.",
    ]


@pytest.mark.usefixtures("with_targets")
def test_it_logs_what_carried_and_what_not(second_version: ManualVersion, alicia: User) -> None:
    entry = Event.objects.get(kind=EventKind.STEP_TARGETS_CARRIED)
    assert entry.actor == alicia
    assert (entry.payload["from_version"], entry.payload["to_version"]) == (1, 2)
    assert [(c["code"], c["from"], c["to"]) for c in entry.payload["carried"]] == [
        ("P1", "3", "3"),
        ("P1", "5", "4"),
        ("P1", "7", "6"),
    ]
    assert [(d["code"], d["step"]) for d in entry.payload["dropped"]] == [("P1", "4"), ("P2", "1")]
    assert verify_log().ok


def test_it_logs_nothing_when_there_were_no_times(second_version: ManualVersion) -> None:
    assert second_version.notices == []
    assert not Event.objects.filter(kind=EventKind.STEP_TARGETS_CARRIED).exists()


def test_it_names_a_role_nobody_holds_that_took_over_a_step(
    pruebas_dge: ManualVersion, alicia: User
) -> None:
    # given: activity 2 moves from the directora (Alicia holds it) to a new role
    manual = pruebas_dge.model()
    p1 = manual.procedure("P1")
    assert p1 is not None
    secretaria = "Secretario/a Técnico/a de la Dirección"
    steps = tuple(replace(s, responsible=(secretaria,)) if s.number == "2" else s for s in p1.steps)
    edited = replace(manual, procedures=(replace(p1, steps=steps), *manual.procedures[1:]))
    # when
    version = save_manual_version(
        pruebas_dge.manual, edited, user=alicia, note="La Secretaría Técnica turna."
    )
    # then
    assert version.notices == [
        f"La actividad 2 de P1 ahora corresponde a «{secretaria}», que nadie tiene: "
        "agregue personas a ese rol en el directorio de roles."
    ]


def test_a_case_started_before_keeps_the_old_version(
    cuentas: Procedure, alicia: User, bruno: User, carla: User, clock: SetClock
) -> None:
    # given: a case at activity 4 of the first version
    clock(datetime(2026, 3, 12, 10))
    case = open_case(cuentas, bruno, "Cuenta SAP para Tesorería")
    step(case, bruno, "1")
    step(case, alicia, "2")
    step(case, carla, "3", "En caso contrario")
    # when: version 2 drops activity 4
    manual = cuentas.version.model()
    p1 = manual.procedure("P1")
    assert p1 is not None
    edited = replace(manual, procedures=(without_step(p1, "4"), *manual.procedures[1:]))
    new = save_manual_version(cuentas.version.manual, edited, user=alicia, note="Sin turno.")
    # then: the running case still runs version 1, where activity 4 exists
    case.refresh_from_db()
    assert case.procedure_id == cuentas.pk and waiting(case).step_number == "4"
    step(case, carla, "4")
    assert waiting(case).step_number == "5"
    # and a new case starts from version 2
    offered = [row.pk for row in get_procedures_for_user(bruno) if row.code == "P1"]
    assert offered == [new.procedures.get(code="P1").pk]
    later = open_case(new.procedures.get(code="P1"), bruno, "Cuenta de correo")
    assert later.procedure.version == new


def test_the_upload_page_shows_what_was_not_carried(cuentas: Procedure, alicia: User) -> None:
    # given: a time on activity 4, which the new file no longer has
    set_step_targets(cuentas, alicia, [TargetChange("4", 2)])
    # when: the changed file is uploaded
    upload = SimpleUploadedFile("manual-v2.txt", without_turn(PRUEBAS_DGE.read_text()).encode())
    response = signed_in(alicia).post("/catalogo/", {"file": upload}, follow=True)
    # then
    body = response.content.decode()
    assert "Manual importado." in body
    assert "El tiempo de la actividad 4 de P1 no se trasladó: la actividad ya no existe." in body
    new_p1 = cuentas.version.manual.versions.get(number=2).procedures.get(code="P1")
    assert targets(new_p1) == {}


def test_folio_import_prints_what_was_not_carried(
    cuentas: Procedure, alicia: User, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    set_step_targets(cuentas, alicia, [TargetChange("4", 2)])
    changed = tmp_path / "manual-v2.txt"
    changed.write_text(without_turn(PRUEBAS_DGE.read_text()))
    assert main(["import", str(changed)]) == 0
    out = capsys.readouterr().out
    assert "manual-v2.txt: El tiempo de la actividad 4 de P1 no se trasladó" in out
