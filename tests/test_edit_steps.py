"""Editing a procedure's step table: jumps follow the steps they point at."""

from __future__ import annotations

import pytest

from folio.manuals.edit import (
    EditError,
    add_step,
    delete_step,
    move_step,
    parse_target,
    renumber,
    split_responsible,
    update_step,
)
from folio.manuals.lint import lint_manual
from folio.manuals.model import END, Manual, Procedure, Step, Transition


def flow(p: Procedure) -> list[str]:
    """Each step as "n:target,when>target" for compact comparisons."""
    return [
        f"{s.number}:" + ",".join(f"{t.when}>{t.to}" if t.when else str(t.to) for t in s.next)
        for s in p.steps
    ]


def make(*rows: str) -> Procedure:
    """Steps from the same compact form, e.g. "2:No>end,Sí>3"."""
    steps = []
    for row in rows:
        number, _, targets = row.partition(":")
        nexts = []
        for t in targets.split(","):
            when, _, to = t.rpartition(">")
            nexts.append(Transition(to, when or None))
        steps.append(Step(number, ("Analista",), f"Actividad {number}.", next=tuple(nexts)))
    return Procedure("P1", "Prueba", steps=tuple(steps))


DECISION = make("1:2", "2:No>end,Sí>3", "3:4", "4:Falta>3,end")


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (lambda p: add_step(p, "1"), ["1:2", "2:3", "3:No>end,Sí>4", "4:5", "5:Falta>4,end"]),
        (lambda p: add_step(p, None), ["1:2", "2:3", "3:No>end,Sí>4", "4:5", "5:Falta>4,end"]),
        # After a decision the new step is not wired in: it leads on to the next row.
        (lambda p: add_step(p, "2"), ["1:2", "2:No>end,Sí>4", "3:4", "4:5", "5:Falta>4,end"]),
        (lambda p: delete_step(p, "3"), ["1:2", "2:No>end,Sí>3", "3:Falta>3,end"]),
        # 2 branches: jumps to it dangle (no step), the linter says so.
        (lambda p: delete_step(p, "2"), ["1:None", "2:3", "3:Falta>2,end"]),
        (lambda p: move_step(p, "3", -1), ["1:3", "2:4", "3:No>end,Sí>2", "4:Falta>2,end"]),
        (lambda p: move_step(p, "1", 1), ["1:No>end,Sí>3", "2:1", "3:4", "4:Falta>3,end"]),
        (lambda p: update_step(p, "3", new_number="7"),
         ["1:2", "2:No>end,Sí>7", "7:4", "4:Falta>7,end"]),
    ],
)  # fmt: skip
def test_it_keeps_every_jump_on_its_step(edit: object, expected: list[str]) -> None:
    assert callable(edit)
    assert flow(edit(DECISION)) == expected


def test_it_renumbers_1_to_n_and_rewrites_jumps_and_text() -> None:
    # given
    p = make("1:2", "2:3.1", "3.1:5", "5:No>3.1,end")
    p = update_step(p, "5", activity="¿Está completo? No: regresa a la actividad 3.1.")
    # when
    done = renumber(p)
    # then
    assert flow(done) == ["1:2", "2:3", "3:4", "4:No>3,end"]
    assert done.steps[3].activity == "¿Está completo? No: regresa a la actividad 3."


def test_it_keeps_a_dangling_jump_dangling_when_renumbering() -> None:
    p = make("1:9", "3:4", "4:end")
    assert flow(renumber(p)) == ["1:9", "2:3", "3:end"]
    assert flow(renumber(make("1:2", "3:end"))) == ["1:None", "2:end"]


def test_it_leaves_a_non_sequential_table_numbered_as_written() -> None:
    p = make("1:2", "2:3", "3:end")
    p = update_step(p, "3", new_number="3.5")
    assert [s.number for s in add_step(p, "2").steps] == ["1", "2", "2.1", "3.5"]


def test_a_deleted_steps_dangling_jump_is_reported_by_the_linter() -> None:
    p = make("1:2", "2:No>end,Sí>3", "3:end", "4:2")
    p = update_step(p, "3", new_number="3.1")
    edited = delete_step(p, "2")
    codes = {d.code for d in lint_manual(Manual("procedimientos", procedures=(edited,)))}
    assert "FOL201" in codes


@pytest.mark.parametrize(
    ("text", "target"),
    [("4", "4"), ("3.1", "3.1"), ("fin", END), ("Fin.", END), ("", None),
     ("external:P2", "external:P2")],
)  # fmt: skip
def test_it_reads_targets(text: str, target: str | None) -> None:
    assert parse_target(text) == target


def test_it_sets_every_field_of_a_step() -> None:
    p = update_step(
        DECISION,
        "3",
        responsible=["Director/a", " ", "Analista"],
        activity=" Firma el oficio FORM.12/DGE/01. ",
        documents=[("Oficio", "form.12/dge/01."), ("", "")],
        copies="1 original",
        questions=["¿Procede?", ""],
        transitions=[("Sí", "4"), ("No", "external:P2"), ("", "")],
    )
    step = p.steps[2]
    assert step.responsible == ("Director/a", "Analista")
    assert step.activity == "Firma el oficio FORM.12/DGE/01."
    assert step.documents[0].form_code == "FORM.12/DGE/01" and step.documents[0].type == "Oficio"
    assert step.copies == "1 original" and step.questions == ("¿Procede?",)
    assert flow(p)[2] == "3:Sí>4,No>external:P2"
    assert p.forms == ("FORM.12/DGE/01",)


def test_a_changed_jump_is_changed_in_the_activity_too() -> None:
    p = update_step(DECISION, "4", activity="¿Falta algo? Falta: regresa a la actividad 3.")
    p = update_step(p, "4", transitions=[("Falta", "2"), ("", "end")])
    assert p.steps[3].activity == "¿Falta algo? Falta: regresa a la actividad 2."
    kept = update_step(p, "4", transitions=[("Falta", "2"), ("", "1")])
    assert kept.steps[3].activity == "¿Falta algo? Falta: regresa a la actividad 2."


def test_it_splits_a_compound_responsible() -> None:
    p = update_step(DECISION, "1", responsible=["Director/a de Obras y Tesorero/a Municipal"])
    split = split_responsible(p, "1", "Director/a de Obras y Tesorero/a Municipal")
    assert split.steps[0].responsible == ("Director/a de Obras", "Tesorero/a Municipal")


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda p: update_step(p, "3", new_number="4"), "Paso 3, número: ya hay un paso 4."),
        (lambda p: update_step(p, "3", new_number=" "), "Paso 3, número: escriba el número"),
        (lambda p: update_step(p, "3", new_number="9" * 5000),
         "Paso 3, número: «99999999999999999999…» no es un número de paso."),
        (lambda p: update_step(p, "3", activity=""), "Paso 3, actividad: escriba qué se hace"),
        (lambda p: update_step(p, "3", transitions=[("", "4"), ("", "end")]),
         "Paso 3, siguiente: hay más de un destino sin condición"),
        (lambda p: update_step(p, "2", transitions=[("No", "cuatro")]),
         "Paso 2, destino: «cuatro» no es un número de paso"),
        (lambda p: update_step(p, "2", documents=[("", "FORM.1/A/2")]),
         "Paso 2, documentos: falta el tipo del documento FORM.1/A/2."),
        (lambda p: update_step(p, "9", activity="x"), "Paso 9: no existe en este procedimiento."),
        (lambda p: move_step(p, "1", -1), "Paso 1, mover: ya está en el extremo"),
        (lambda p: split_responsible(p, "1", "Analista"), "Paso 1, responsable: «Analista» no se"),
        (lambda p: delete_step(make("1:end"), "1"), "Paso 1, borrar: un procedimiento necesita"),
    ],
)  # fmt: skip
def test_it_refuses_in_spanish_naming_step_and_field(edit: object, message: str) -> None:
    assert callable(edit)
    with pytest.raises(EditError) as err:
        edit(DECISION)
    assert str(err.value).startswith(message)
