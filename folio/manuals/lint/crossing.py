"""Flow that crosses from one branch of a decision into another (FOL211).

Forward branches of a decision (those that go to later steps; loop-backs are retries)
are mutually exclusive. Their *own* steps are those reachable going forward from one
branch's first step, not through the decision itself, and not from any other branch. A
jump from one branch's own steps back into another branch's own steps (004-P29: the
norma branch returning to the lineamiento branch at step 21) is reported: it is legal
flow, but it rarely is what the manual meant. Branches that merge again further on are
normal and not reported.
"""

from __future__ import annotations

from collections.abc import Iterator

from folio.manuals.lint.codes import step_diagnostic
from folio.manuals.model import Diagnostic, Procedure, Step


def check_crossings(procedure: Procedure) -> Iterator[Diagnostic]:
    index = {s.number: i for i, s in enumerate(procedure.steps)}
    reported: set[tuple[str, str]] = set()
    for decision in procedure.steps:
        here = index[decision.number]
        branches = [
            (t.when or "", t.to) for t in decision.next if t.to in index and index[t.to] > here
        ]
        if len({to for _, to in branches}) < 2:
            continue
        starts = [to for _, to in branches if to is not None]
        own = _own_steps(procedure, index, starts, decision.number)
        for label, to in branches:
            for source, target in _crossing_edges(procedure, own, to, index):
                if (source.number, target) not in reported:
                    reported.add((source.number, target))
                    yield _diagnostic(procedure, decision, source, target, label)


def _own_steps(
    procedure: Procedure, index: dict[str, int], starts: list[str], decision: str
) -> dict[str, set[str]]:
    reach = {start: _forward(procedure, index, start, decision) for start in starts}
    return {
        start: steps - set().union(*(r for s, r in reach.items() if s != start))
        for start, steps in reach.items()
    }


def _forward(procedure: Procedure, index: dict[str, int], start: str, avoid: str) -> set[str]:
    seen, todo = {start, avoid}, [start]
    while todo:
        step = procedure.steps[index[todo.pop()]]
        for t in step.next:
            if t.to in index and index[t.to] > index[step.number] and t.to not in seen:
                seen.add(t.to)
                todo.append(t.to)
    return seen - {avoid}


def _crossing_edges(
    procedure: Procedure,
    own: dict[str, set[str]],
    to: str | None,
    index: dict[str, int],
) -> Iterator[tuple[Step, str]]:
    if to is None:
        return
    others = {start: steps for start, steps in own.items() if start != to}
    for number in sorted(own.get(to, set()), key=index.__getitem__):
        step = procedure.steps[index[number]]
        for t in step.next:
            if t.to is None or t.to not in index:
                continue
            backwards = index[t.to] < index[number]
            if backwards and any(t.to in steps for steps in others.values()):
                yield step, t.to


def _diagnostic(
    procedure: Procedure,
    decision: Step,
    source: Step,
    target: str,
    label: str,
) -> Diagnostic:
    into = "que pertenece a otra rama"
    return step_diagnostic(
        "FOL211",
        procedure,
        source,
        f"la rama «{label}» de la decisión de la actividad {decision.number} pasa a la "
        f"actividad {target}, {into} de esa misma decisión; las ramas deberían excluirse.",
    )
