"""Flow checks (FOL2xx) on the step graph: jumps to missing or unnamed steps, steps
with no way out, steps nothing leads to, cycles with no exit, hand-offs to another
procedure.

Several branch tails written one after another ("… Termina Procedimiento." on rows 5,
7, 9 and 11, each reached by a jump) are normal; a step is only suspect when nothing
leads to it at all.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from folio.manuals.cleaning import fold
from folio.manuals.lint.codes import step_diagnostic
from folio.manuals.lint.graph import StepGraph
from folio.manuals.model import END, EXTERNAL, Diagnostic, Manual, Procedure, Step, Transition


def check_flow(procedure: Procedure, manual: Manual) -> Iterator[Diagnostic]:
    graph = StepGraph.of(procedure)
    for step in procedure.steps:
        yield from _targets(procedure, step, graph, manual)
    yield from _unreachable(procedure, graph)
    yield from _never_ends(procedure, graph)


def _branch(transition: Transition) -> str:
    return f" (rama «{transition.when}»)" if transition.when else ""


def _targets(
    procedure: Procedure, step: Step, graph: StepGraph, manual: Manual
) -> Iterator[Diagnostic]:
    if not step.next:
        yield step_diagnostic(
            "FOL210", procedure, step, "no indica qué sigue ni termina el procedimiento."
        )
    for t in step.next:
        if t.to is None:
            yield step_diagnostic(
                "FOL202",
                procedure,
                step,
                f"anuncia un salto{_branch(t)} pero no dice a qué actividad.",
            )
        elif t.to.startswith(EXTERNAL):
            yield _external(procedure, step, t, manual)
        elif t.to != END and not graph.exists(t.to):
            yield step_diagnostic(
                "FOL201",
                procedure,
                step,
                f"salta a la actividad {t.to}{_branch(t)}, que no existe.",
            )


def _external(
    procedure: Procedure, step: Step, transition: Transition, manual: Manual
) -> Diagnostic:
    name = str(transition.to)[len(EXTERNAL) :].strip()
    found = [p for p in manual.procedures if p is not procedure and _names(p, name)]
    if found:
        target = "; ".join(f"{p.code} «{p.name}»" for p in found)
        text = f"continúa en otro procedimiento{_branch(transition)}: {target}."
    else:
        text = (
            f"continúa en otro procedimiento{_branch(transition)}: «{name}», que no es "
            "ninguno de este manual."
        )
    return step_diagnostic("FOL208", procedure, step, text)


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9ñ]{4,}", fold(text)))


def _names(procedure: Procedure, reference: str) -> bool:
    """Whether ``reference`` names ``procedure``: its code, or most of its name's words."""
    if fold(reference).strip() == fold(procedure.code).strip():
        return True
    wanted = _words(procedure.name) - {"procedimiento"}
    return bool(wanted) and len(wanted & _words(reference)) >= 0.8 * len(wanted)


def _unreachable(procedure: Procedure, graph: StepGraph) -> Iterator[Diagnostic]:
    reached = graph.reachable()
    runs: list[list[int]] = []
    for i, step in enumerate(procedure.steps):
        if step.number in reached:
            continue
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    for run in runs:
        yield _unreachable_run(procedure, graph, run)


def _unreachable_run(procedure: Procedure, graph: StepGraph, run: list[int]) -> Diagnostic:
    steps = [procedure.steps[i] for i in run]
    first = steps[0]
    others = ", ".join(s.number for s in steps[1:])
    tail = f" (tampoco las actividades {others}, que le siguen)" if others else ""
    previous = procedure.steps[run[0] - 1] if run[0] > 0 else None
    if (
        previous is not None
        and previous.next
        and all(t.to == END for t in previous.next)
        and not graph.predecessors(first.number)
    ):
        text = (
            f"sigue a la actividad {previous.number}, que termina el procedimiento sin "
            f"condición, y ninguna actividad lleva a ella{tail}."
        )
        return step_diagnostic("FOL206", procedure, first, text)
    text = f"no se puede alcanzar desde la actividad {procedure.steps[0].number}{tail}."
    return step_diagnostic("FOL203", procedure, first, text)


def _never_ends(procedure: Procedure, graph: StepGraph) -> Iterator[Diagnostic]:
    ending = graph.can_end()
    trapped = [s for s in procedure.steps if s.number not in ending]
    if trapped:
        numbers = ", ".join(s.number for s in trapped)
        yield step_diagnostic(
            "FOL204",
            procedure,
            trapped[0],
            f"desde las actividades {numbers} no hay ruta que termine el procedimiento "
            "(ciclo sin salida).",
        )
