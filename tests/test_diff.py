"""diff_manuals and match_steps: what changed between two versions of a manual."""

from __future__ import annotations

from dataclasses import replace

import pytest

from folio.demo import DEMO_TEXT
from folio.manuals import jsonio
from folio.manuals.diff import FieldChange, TransitionChange, diff_manuals, match_steps
from folio.manuals.load import load_manual
from folio.manuals.model import (
    END,
    Diagnostic,
    DocumentRef,
    Manual,
    Procedure,
    SourceRef,
    Step,
    TimeSpec,
    Transition,
)

from .conftest import SEED_004, needs_shared

ACTIVITIES = {
    "1": "Recibe el oficio de solicitud y lo registra en el libro de gobierno.",
    "2": "Analiza la solicitud y verifica que la documentación esté completa.",
    "3": "Elabora el dictamen técnico de la solicitud.",
    "4": "Firma el dictamen y lo turna a la Dirección.",
    "5": "Notifica la respuesta al solicitante por oficio.",
}


def steps(*numbers: str) -> tuple[Step, ...]:
    """Steps with the activities above, each going on to the next, the last ending."""
    found = []
    for k, n in enumerate(numbers):
        following = numbers[k + 1] if k + 1 < len(numbers) else END
        found.append(Step(n, ("Analista",), ACTIVITIES[n], next=(Transition(following),)))
    return tuple(found)


def proc(code: str = "P1", *, name: str = "Trámite", step_list: tuple[Step, ...] = ()) -> Procedure:
    return Procedure(code, name, steps=step_list or steps("1", "2", "3", "4", "5"))


def renumbered(numbers: dict[str, str]) -> tuple[Step, ...]:
    """The default steps renamed old → new (jumps follow), in the new order."""
    found = []
    for s in steps("1", "2", "3", "4", "5"):
        if s.number not in numbers:
            continue
        nexts = tuple(replace(t, to=numbers.get(t.to or "", t.to)) for t in s.next)
        found.append(replace(s, number=numbers[s.number], next=nexts))
    return tuple(sorted(found, key=lambda s: int(s.number)))


def inserted_step() -> tuple[Step, ...]:
    """A new activity 3 before the old ones 3-5, now 4-6."""
    moved = renumbered({"1": "1", "2": "2", "3": "4", "4": "5", "5": "6"})
    new = Step(
        "3", ("Analista",), "Solicita opinión a la Consejería Jurídica.", next=(Transition("4"),)
    )
    first, second, *rest = moved
    second = replace(second, next=(Transition("3"),))
    return (first, second, new, *rest)


@pytest.mark.parametrize(
    ("name", "new_steps", "expected"),
    [
        (
            "same steps",
            steps("1", "2", "3", "4", "5"),
            {"1": "1", "2": "2", "3": "3", "4": "4", "5": "5"},
        ),
        ("a step inserted", inserted_step(), {"1": "1", "2": "2", "3": "4", "4": "5", "5": "6"}),
        (
            "a step deleted",
            renumbered({"1": "1", "2": "2", "4": "3", "5": "4"}),
            {"1": "1", "2": "2", "4": "3", "5": "4"},
        ),
        (
            "two steps swapped",
            renumbered({"1": "1", "2": "2", "3": "4", "4": "3", "5": "5"}),
            {"1": "1", "2": "2", "3": "4", "4": "3", "5": "5"},
        ),
        (
            "an activity rewritten in place",
            tuple(
                replace(s, activity="Otra cosa muy distinta.") if s.number == "3" else s
                for s in steps("1", "2", "3", "4", "5")
            ),
            {"1": "1", "2": "2", "3": "3", "4": "4", "5": "5"},
        ),
    ],
)
def test_it_matches_steps(name: str, new_steps: tuple[Step, ...], expected: dict[str, str]) -> None:
    assert match_steps(proc(), proc(step_list=new_steps)) == expected, name


def test_it_follows_a_reworded_step_that_moved() -> None:
    moved = renumbered({"1": "1", "3": "2", "4": "3", "5": "4"})
    reworded = tuple(
        replace(s, activity="Elabora el dictamen técnico y jurídico de la solicitud.")
        if s.number == "2"
        else s
        for s in moved
    )
    assert match_steps(proc(), proc(step_list=reworded)) == {"1": "1", "3": "2", "4": "3", "5": "4"}


def test_an_exported_and_reimported_manual_has_an_empty_diff() -> None:
    manual = load_manual(DEMO_TEXT)
    again = jsonio.manual_from_json(jsonio.manual_to_json(manual))
    moved = replace(
        again, source=SourceRef("otro.docx", 3), diagnostics=(Diagnostic("FOL101", "error", "x"),)
    )
    assert diff_manuals(manual, moved).is_empty


def test_it_lists_procedures_added_removed_and_changed() -> None:
    old = Manual("procedimientos", procedures=(proc("P1"), proc("P2"), proc("P3")))
    new = Manual(
        "procedimientos", procedures=(proc("P1"), proc("P3", name="Trámite nuevo"), proc("P4"))
    )
    diff = diff_manuals(old, new)
    assert [p.code for p in diff.added] == ["P4"]
    assert [p.code for p in diff.removed] == ["P2"]
    assert [(c.code, c.header) for c in diff.changed] == [
        ("P3", (FieldChange("name", "Trámite", "Trámite nuevo"),))
    ]
    assert not diff.is_empty


@pytest.mark.parametrize(
    ("field", "change", "old_text", "new_text"),
    [
        ("name", {"name": "Otro"}, "Trámite", "Otro"),
        ("unit", {"unit": "Tesorería"}, "", "Tesorería"),
        ("objective", {"objective": "Atender."}, "", "Atender."),
        ("legal_basis", {"legal_basis": "Ley X."}, "", "Ley X."),
        ("policies", {"policies": ("Una.", "Dos.")}, "", "Una.\nDos."),
        (
            "time",
            {"time": TimeSpec("5 días hábiles.", 5, 5, "días hábiles", status="stated")},
            "",
            "5 días hábiles.",
        ),
    ],
)
def test_it_tells_which_header_field_changed(
    field: str, change: dict[str, object], old_text: str, new_text: str
) -> None:
    old = Manual("procedimientos", procedures=(proc(),))
    new = Manual("procedimientos", procedures=(replace(proc(), **change),))  # type: ignore[arg-type]
    (changed,) = diff_manuals(old, new).changed
    assert changed.header == (FieldChange(field, old_text, new_text),)


def test_it_tells_the_manuals_own_changes() -> None:
    old = Manual("procedimientos", title="Manual", revision="01")
    new = Manual("procedimientos", title="Manual", revision="02", editions=("02: se agrega P4",))
    assert diff_manuals(old, new).header == (
        FieldChange("revision", "01", "02"),
        FieldChange("editions", "", "02: se agrega P4"),
    )


@pytest.mark.parametrize(
    ("field", "change", "new_text"),
    [
        ("activity", {"activity": "Elabora el dictamen técnico."}, "Elabora el dictamen técnico."),
        (
            "responsible",
            {"responsible": ("Analista", "Jefe/a de Departamento")},
            "Analista\nJefe/a de Departamento",
        ),
        (
            "documents",
            {"documents": (DocumentRef("formato", "Formato FT-01", "FT-01"),)},
            "Formato FT-01 [FT-01]",
        ),
        ("copies", {"copies": "1 original"}, "1 original"),
        ("questions", {"questions": ("¿Procede?",)}, "¿Procede?"),
    ],
)
def test_it_tells_which_step_field_changed(
    field: str, change: dict[str, object], new_text: str
) -> None:
    new_steps = tuple(
        replace(s, **change) if s.number == "3" else s for s in steps("1", "2", "3", "4", "5")
    )  # type: ignore[arg-type]
    (changed,) = diff_manuals(manual(proc()), manual(proc(step_list=new_steps))).changed
    (step,) = changed.steps_changed
    assert (step.old.number, step.new.number) == ("3", "3")
    assert [(f.field, f.new) for f in step.fields] == [(field, new_text)]


def manual(*procedures: Procedure) -> Manual:
    return Manual("procedimientos", procedures=procedures)


def test_an_inserted_step_is_one_addition_not_a_cascade_of_changes() -> None:
    change = diff_manuals(manual(proc()), manual(proc(step_list=inserted_step()))).changed[0]
    assert [s.number for s in change.steps_added] == ["3"]
    assert change.steps_removed == ()
    # step 2 now goes on to the new step 3 instead of the old 3 (now 4)
    assert [(c.old.number, c.transitions) for c in change.steps_changed] == [
        ("2", (TransitionChange("retargeted", None, "3", "3"),))
    ]
    assert change.renumbered == (("3", "4"), ("4", "5"), ("5", "6"))


def test_a_deleted_step_is_removed() -> None:
    new = renumbered({"1": "1", "2": "2", "4": "3", "5": "4"})
    new = tuple(replace(s, next=(Transition("3"),)) if s.number == "2" else s for s in new)
    change = diff_manuals(manual(proc()), manual(proc(step_list=new))).changed[0]
    assert [s.number for s in change.steps_removed] == ["3"]
    assert [c.old.number for c in change.steps_changed] == ["2"]


@pytest.mark.parametrize(
    ("name", "old_next", "new_next", "expected"),
    [
        (
            "a branch added",
            (Transition("4"),),
            (Transition("4"), Transition("5", "No")),
            (TransitionChange("added", "No", None, "5"),),
        ),
        (
            "a branch removed",
            (Transition("4", "Si"), Transition(END, "No")),
            (Transition("4", "Si"),),
            (TransitionChange("removed", "No", END),),
        ),
        (
            "a branch retargeted",
            (Transition("4", "Si"), Transition(END, "No")),
            (Transition("4", "Si"), Transition("2", "No")),
            (TransitionChange("retargeted", "No", END, "2"),),
        ),
        (
            "a label reworded",
            (Transition("4", "Si"),),
            (Transition("4", "Sí"),),
            (TransitionChange("removed", "Si", "4"), TransitionChange("added", "Sí", None, "4")),
        ),
        (
            "to another procedure",
            (Transition(END),),
            (Transition("external:P2"),),
            (TransitionChange("retargeted", None, END, "external:P2"),),
        ),
        (
            "nothing",
            (Transition("4", "Si"), Transition(END, "No")),
            (Transition("4", "Si"), Transition(END, "No")),
            (),
        ),
    ],
)
def test_it_tells_how_jumps_changed(
    name: str,
    old_next: tuple[Transition, ...],
    new_next: tuple[Transition, ...],
    expected: tuple[TransitionChange, ...],
) -> None:
    def with_next(jumps: tuple[Transition, ...]) -> Procedure:
        return proc(
            step_list=tuple(
                replace(s, next=jumps) if s.number == "3" else s
                for s in steps("1", "2", "3", "4", "5")
            )
        )

    change = diff_manuals(manual(with_next(old_next)), manual(with_next(new_next)))
    found = change.changed[0].steps_changed[0].transitions if change.changed else ()
    assert found == expected, name


def test_a_jump_that_follows_a_renumbered_step_is_no_change() -> None:
    # steps 3 and 4 swapped places: 2 → 4 (the old 3) is the same jump as before
    new = renumbered({"1": "1", "2": "2", "3": "4", "4": "3", "5": "5"})
    change = diff_manuals(manual(proc()), manual(proc(step_list=new))).changed[0]
    assert all(not c.transitions for c in change.steps_changed)
    assert change.renumbered == (("3", "4"), ("4", "3"))


def test_steps_with_the_same_words_pair_in_order() -> None:
    def twice(*numbers: str) -> tuple[Step, ...]:
        return tuple(Step(n, ("Analista",), "Archiva el expediente.") for n in numbers)

    old = proc(step_list=(*steps("1", "2"), *twice("3", "4")))
    new = proc(step_list=(*steps("1"), *twice("2", "3")))
    assert match_steps(old, new) == {"1": "1", "3": "2", "4": "3"}


@needs_shared
def test_on_seed_004_a_deleted_step_is_one_removal_in_each_procedure() -> None:
    # given: seed 004 and a copy in which every procedure loses its second activity,
    # the ones after it renumbered (jumps follow them)
    manual = load_manual(SEED_004)
    shorter = replace(manual, procedures=tuple(without_second(p) for p in manual.procedures))
    # when
    diff = diff_manuals(manual, shorter)
    # then: each procedure lost exactly its activity 2; the only steps changed are those
    # that jumped to it, now going on to the step that followed it
    long_enough = [p for p in manual.procedures if len(p.steps) > 2]
    assert [c.code for c in diff.changed] == [p.code for p in long_enough]
    for change in diff.changed:
        second = change.old.steps[1].number
        to_second = [s.number for s in change.old.steps if any(t.to == second for t in s.next)]
        assert [s.number for s in change.steps_removed] == [second], change.code
        assert change.steps_added == ()
        assert [c.old.number for c in change.steps_changed] == to_second, change.code
        assert all(not c.fields for c in change.steps_changed), change.code
        assert {t.kind for c in change.steps_changed for t in c.transitions} == {"retargeted"}


def without_second(procedure: Procedure) -> Procedure:
    if len(procedure.steps) <= 2:
        return procedure
    kept = [s for s in procedure.steps if s is not procedure.steps[1]]
    numbers = {s.number: str(k) for k, s in enumerate(kept, 1)}
    numbers[procedure.steps[1].number] = numbers[procedure.steps[2].number]
    steps = tuple(
        replace(
            s,
            number=numbers[s.number],
            next=tuple(replace(t, to=numbers.get(t.to or "", t.to)) for t in s.next),
        )
        for s in kept
    )
    return replace(procedure, steps=steps)
