"""The TecNM sample PDFs (another template: Secuencia de etapas | Actividad | Responsable,
numbered sub-activities, "pasa al punto N" jumps) import with correct steps and jumps."""

from __future__ import annotations

from pathlib import Path

import pytest

from folio.manuals.load import load_manual
from folio.manuals.model import Procedure

from .conftest import SAMPLES, needs_shared

pytestmark = needs_shared


def only_procedure(name: str) -> Procedure:
    manual = load_manual(Path(SAMPLES / "pdf" / name))
    assert len(manual.procedures) == 1
    return manual.procedures[0]


@pytest.mark.parametrize(
    ("name", "numbers"),
    [
        ("TecNM-AC-PO-001.pdf", "1.1 2.1 3.1 3.2 4.1 5.1 5.2 5.3 6.1 7.1 8.1"),
        ("TecNM-AC-PO-002.pdf", "1.1 2.1 3.1 3.2 4.1 4.2 4.3 5.1 6.1 6.2 7.1 7.2 7.3"),
        (
            "TecNM-AC-PO-003.pdf",
            "1.1 1.2 2.1 2.2 3.1 4 5.1 5.2 5.3 5.4 6.1 6.1.1 7.1 8.1 9.1 10.1 10.2 10.3 "
            "10.4 11.1 11.2 12.1",
        ),
    ],
)
def test_it_reads_the_sub_activities_as_steps(name: str, numbers: str) -> None:
    procedure = only_procedure(name)
    assert procedure.code == name.removesuffix(".pdf")
    assert [s.number for s in procedure.steps] == numbers.split()
    assert all(s.responsible for s in procedure.steps)
    assert procedure.steps[-1].next[0].to == "end"


def test_it_reads_the_jumps_of_the_course_procedure() -> None:
    steps = {s.number: s for s in only_procedure("TecNM-AC-PO-003.pdf").steps}
    assert [(t.to, t.when) for t in steps["3.1"].next] == [
        ("4", "SI son aceptados"),
        ("2.1", "NO son aceptados"),  # "regresa al punto 2" → the stage's first step
    ]
    assert [t.to for t in steps["6.1.1"].next] == ["7.1", "8.1"]
    assert steps["6.1.1"].source.page == 4  # the stage continues on the next page
    assert steps["9.1"].next[0].to == "10.1"  # "Termina el curso" is not an end


def test_it_keeps_a_department_name_with_y_whole() -> None:
    step = only_procedure("TecNM-AC-PO-001.pdf").steps[1]
    assert step.responsible == ("Departamento de Comunicación y Difusión",)
