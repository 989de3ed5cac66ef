"""A small world for the linter's tests: steps, chains and procedures built by hand,
with the findings reduced to (procedure, step) pairs."""

from __future__ import annotations

from folio.manuals.lint import lint_manual
from folio.manuals.model import (
    END,
    Diagnostic,
    DocumentRef,
    Form,
    Manual,
    Organization,
    Position,
    Procedure,
    SourceRef,
    Step,
    TimeSpec,
    Transition,
    Unit,
)

ANALYST = "Analista A/B"
HEAD = "Jefe/a de Departamento de Soporte Técnico"
STATED = TimeSpec(text="5 días hábiles.", max=5, unit="días hábiles", status="stated")


def step(
    number: str,
    *targets: str | None | tuple[str | None, str],
    who: tuple[str, ...] = (ANALYST,),
    text: str = "Revisa la solicitud.",
    questions: tuple[str, ...] = (),
    documents: tuple[DocumentRef, ...] = (),
    carried: bool = False,
) -> Step:
    """A step; each target is a step number, END, None, or (target, branch label)."""
    transitions = tuple(
        Transition(t[0], t[1]) if isinstance(t, tuple) else Transition(t) for t in targets
    )
    return Step(
        number=number,
        responsible=who,
        activity=text,
        documents=documents,
        next=transitions,
        questions=questions,
        responsible_raw="" if carried else ", ".join(who),
        source=SourceRef("manual.txt", None, 100 + int(number.split(".")[0][:6] or 0)),
    )


def chain(*numbers: str) -> tuple[Step, ...]:
    """Steps in sequence, the last one ending with "Termina procedimiento."."""
    steps = [step(n, m) for n, m in zip(numbers, numbers[1:], strict=False)]
    steps.append(step(numbers[-1], END, text="Archiva. Termina procedimiento."))
    return tuple(steps)


def procedure(*steps: Step, code: str = "P1", **fields: object) -> Procedure:
    base: dict[str, object] = {"name": "Procedimiento para la prueba", "time": STATED}
    base.update(fields)
    return Procedure(code, steps=steps, **base)  # type: ignore[arg-type]


def lint(*procedures: Procedure, forms: tuple[Form, ...] = ()) -> list[Diagnostic]:
    return lint_manual(Manual("procedimientos", procedures=procedures, forms=forms))


def found(diagnostics: list[Diagnostic], code: str) -> list[tuple[str | None, str | None]]:
    return [(d.procedure, d.step) for d in diagnostics if d.code == code]


def only(diagnostics: list[Diagnostic], code: str) -> Diagnostic:
    hits = [d for d in diagnostics if d.code == code]
    assert len(hits) == 1, hits
    return hits[0]


def org_manual(*titles: str) -> Manual:
    units = (Unit("1", "Dirección de Gobierno Electrónico"),)
    positions = tuple(Position(str(i), t) for i, t in enumerate(titles, start=1))
    return Manual("organizacion", organization=Organization(units, positions))
