"""Decision and ending checks (FOL205, FOL207, FOL209): decisions that do not branch,
the same question asked twice in a row, and branches that stop without saying so.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from folio.manuals.cleaning import fold
from folio.manuals.flowtext import has_end_marker
from folio.manuals.lint.codes import step_diagnostic
from folio.manuals.model import END, Diagnostic, Procedure, Step


def check_branches(procedure: Procedure) -> Iterator[Diagnostic]:
    steps = procedure.steps
    for i, step in enumerate(steps):
        yield from _one_branch(procedure, step)
        if i + 1 < len(steps):
            yield from _implicit_end(procedure, step)
    yield from _duplicated_decisions(procedure)


def _one_branch(procedure: Procedure, step: Step) -> Iterator[Diagnostic]:
    targets = {t.to for t in step.next}
    labelled = [t for t in step.next if t.when is not None]
    if step.questions and len(targets) < 2:
        question = step.questions[0]
        yield step_diagnostic(
            "FOL205",
            procedure,
            step,
            f"pregunta «{question}» pero todas sus respuestas llevan al mismo lugar.",
        )
    elif not step.questions and len(step.next) == 1 and labelled:
        yield step_diagnostic(
            "FOL205",
            procedure,
            step,
            f"solo indica la rama «{labelled[0].when}»; falta qué hacer en otro caso.",
        )


def _implicit_end(procedure: Procedure, step: Step) -> Iterator[Diagnostic]:
    if step.next and all(t.to == END for t in step.next) and not has_end_marker(step.activity):
        yield step_diagnostic(
            "FOL207",
            procedure,
            step,
            "la rama termina aquí sin decir «Termina procedimiento»; la actividad "
            "siguiente no continúa de esta.",
        )


def question_key(question: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9ñ]+", " ", fold(question)).split())


def _duplicated_decisions(procedure: Procedure) -> Iterator[Diagnostic]:
    """A step asks again what the step before it, or an earlier step that jumps to it,
    already asked. Jumps are indexed once, so this stays linear in the steps."""
    steps = procedure.steps
    jumps_to: dict[str, list[int]] = {}
    for index, step in enumerate(steps):
        for target in dict.fromkeys(t.to for t in step.next if t.to is not None):
            jumps_to.setdefault(target, []).append(index)
    for i in range(1, len(steps)):
        later = steps[i]
        if not later.questions:
            continue
        sources = (j for j in jumps_to.get(later.number, ()) if j < i - 1)
        earlier = [steps[i - 1], *(steps[j] for j in sources)]
        asked = {question_key(q) for q in later.questions}
        for before in earlier:
            repeated = [q for q in before.questions if question_key(q) in asked]
            if repeated:
                yield step_diagnostic(
                    "FOL209",
                    procedure,
                    later,
                    f"repite la decisión «{repeated[0]}» de la actividad {before.number}.",
                )
                break
