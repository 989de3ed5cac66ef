"""A manual exported as Word reads back as the same manual: same procedures, header
fields, steps (numbers, responsibles, activities, documents, copies, transitions with
their branch labels, questions), and ``diff_manuals`` finds nothing between them (the
index is not read as the introduction; glossary, simbología, authorizations, editions,
distribution and forms come back). Where it came from (``SourceRef``) and the
importer's findings are not compared. The demo manual always, also once edited; seeds
000 and 003 when ../shared is present (seed 004 is read back in
``test_render_document``, which renders it anyway)."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest

from folio.demo import DEMO_TEXT
from folio.manuals.diff import ManualDiff, diff_manuals
from folio.manuals.edit import split_responsible, update_step
from folio.manuals.load import load_manual
from folio.manuals.model import Authorization, Form, Manual, Procedure, SourceRef, Step, Term
from folio.render.document import render_docx

from .conftest import SEED_000, SEED_003, needs_shared


def without_sources(value: Any) -> Any:
    """``value`` with every ``SourceRef`` emptied, all the way down."""
    if isinstance(value, SourceRef):
        return SourceRef()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {
            f.name: without_sources(getattr(value, f.name)) for f in dataclasses.fields(value)
        }
        return dataclasses.replace(value, **changes)
    if isinstance(value, tuple):
        return tuple(without_sources(v) for v in value)
    return value


def comparable(proc: Procedure) -> Procedure:
    """The procedure as a Word table can carry it. A blank Responsable cell means "the
    one above", so a step whose cell the manual left blank although its responsible
    changed (a cell read from elsewhere) comes back with the cell written out."""
    steps: list[Step] = []
    previous: tuple[str, ...] = ()
    for step in proc.steps:
        if not step.responsible_raw and step.responsible != previous:
            step = dataclasses.replace(step, responsible_raw=", ".join(step.responsible))
        previous = step.responsible
        steps.append(step)
    return without_sources(dataclasses.replace(proc, steps=tuple(steps)))


def round_trip(manual: Manual, tmp_path: Path) -> Manual:
    path = tmp_path / "manual.docx"
    path.write_bytes(render_docx(manual))
    return load_manual(path)


def assert_same_manual(manual: Manual, back: Manual) -> None:
    assert [p.code for p in back.procedures] == [p.code for p in manual.procedures]
    for old, new in zip(manual.procedures, back.procedures, strict=True):
        assert without_sources(new) == comparable(old), old.code
    for name in ("title", "unit", "code", "elaborated", "updated", "revision"):
        assert getattr(back, name) == getattr(manual, name), name
    diff = diff_manuals(manual, back)
    assert diff.is_empty, described(diff)


def described(diff: ManualDiff) -> str:
    """The diff in words, to show when one was not expected."""
    lines = [f"{c.field}: {c.old!r} → {c.new!r}" for c in diff.header]
    lines += [f"added {p.code}" for p in diff.added]
    lines += [f"removed {p.code}" for p in diff.removed]
    for change in diff.changed:
        lines += [f"{change.code} {c.field}: {c.old!r} → {c.new!r}" for c in change.header]
        lines += [
            f"{change.code} step {s.old.number}: {s.fields} {s.transitions}"
            for s in change.steps_changed
        ]
        lines += [f"{change.code} + {s.number}" for s in change.steps_added]
        lines += [f"{change.code} - {s.number}" for s in change.steps_removed]
    return "\n".join(lines)


def test_it_reads_the_demo_manual_back_from_word(tmp_path: Path) -> None:
    manual = load_manual(DEMO_TEXT)
    assert_same_manual(manual, round_trip(manual, tmp_path))


@needs_shared
@pytest.mark.parametrize("path", [SEED_000, SEED_003], ids=["000", "003"])
def test_it_reads_a_seed_back_from_word(path: Path, tmp_path: Path) -> None:
    manual = load_manual(path)
    assert_same_manual(manual, round_trip(manual, tmp_path))


def test_it_writes_an_edited_responsible_not_the_cell_it_was_read_from(tmp_path: Path) -> None:
    # given a step whose responsible was changed in the editor (its raw cell was not)
    manual = load_manual(DEMO_TEXT)
    proc = manual.procedures[0]
    edited = dataclasses.replace(proc.steps[3], responsible=("Coordinador/a de Prueba",))
    assert edited.responsible_raw  # the cell as read, now stale
    proc = dataclasses.replace(proc, steps=(*proc.steps[:3], edited, *proc.steps[4:]))
    manual = dataclasses.replace(manual, procedures=(proc, *manual.procedures[1:]))
    # when
    back = round_trip(manual, tmp_path)
    # then
    steps = back.procedures[0].steps
    assert steps[3].responsible == ("Coordinador/a de Prueba",)
    assert [s.responsible for s in steps[4:]] == [s.responsible for s in proc.steps[4:]]


def test_it_reads_back_the_demo_manual_as_edited(tmp_path: Path) -> None:
    # given the demo manual with a jump moved and a responsible split in the editor
    manual = load_manual(DEMO_TEXT)
    first, second = manual.procedures
    second = update_step(second, "6", transitions=[("No", "4"), ("En caso contrario", "7")])
    joint = "Director/a de Atención Ciudadana y Analista de Atención Ciudadana"
    second = split_responsible(update_step(second, "4", responsible=[joint]), "4", joint)
    edited = dataclasses.replace(manual, procedures=(first, second))
    assert len(diff_manuals(manual, edited).changed[0].steps_changed) == 2
    # when
    back = round_trip(edited, tmp_path)
    # then
    diff = diff_manuals(edited, back)
    assert diff.is_empty, described(diff)
    assert ("4", "No") in [(t.to, t.when) for t in back.procedures[1].steps[5].next]
    assert back.procedures[1].steps[3].responsible == (
        "Director/a de Atención Ciudadana",
        "Analista de Atención Ciudadana",
    )


def test_it_reads_back_every_part_of_the_front_matter(tmp_path: Path) -> None:
    # given the demo manual with every manual-level part filled in (invented data)
    manual = dataclasses.replace(
        load_manual(DEMO_TEXT),
        authorizations=(
            Authorization("Persona de Prueba Uno", "Director/a de Atención Ciudadana", "Elaboró"),
            Authorization("Persona de Prueba Dos", "Contralor Municipal", "Autorizó"),
        ),
        symbols=(Term("Terminador", "Inicio o fin del procedimiento"),),
        editions=("01 | 15/01/2024 | Primera edición", "02 | 10/06/2025 | Se agrega el P2"),
        distribution=("Original: Dirección de Atención Ciudadana", "Copia: Contraloría"),
        forms=(
            Form("FORM.101/DAC/2024", "Formato de reporte FORM.101/DAC/20", ("Fecha.",), True),
            Form("FORM.102/DAC/2024", "", ("Anotar el folio.", "Firmar."), True),
        ),
    )
    # when
    back = round_trip(manual, tmp_path)
    # then
    diff = diff_manuals(manual, back)
    assert diff.is_empty, described(diff)
    assert [f.fields for f in back.forms] == [f.fields for f in manual.forms]
