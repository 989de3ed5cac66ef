"""Engine rules: what may happen at a step, and where a choice leads.

The web application keeps cases and tasks in its database; these pure functions decide
the moves, so the rules are the manual's and are tested without a database:
- a step with branches offers exactly its branch labels as worded ("No", "En caso
  contrario", "Modificación"); any other choice is refused;
- a loop-back opens the earlier step again; an early "Termina procedimiento" ends the case
  with that outcome; a jump to another procedure ends this case pointing there;
- a jump whose target the manual does not name, or names wrongly, blocks the case until
  someone resolves it, and says why.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from folio.manuals.model import END, EXTERNAL, Procedure, Step, Transition

OutcomeKind = Literal["step", "end", "external", "blocked"]


class InvalidChoice(ValueError):
    """The chosen branch is not one the step offers."""


@dataclass(frozen=True)
class Outcome:
    kind: OutcomeKind
    #: The next step (kind "step"), the other procedure (kind "external").
    target: str = ""
    #: The branch label taken, as the manual words it.
    when: str | None = None
    #: Why the case is blocked, in Spanish.
    reason: str = ""


def first_step(procedure: Procedure) -> Step:
    if not procedure.steps:
        raise ValueError(f"El procedimiento {procedure.code} no tiene actividades.")
    return procedure.steps[0]


def choices(step: Step) -> tuple[str, ...]:
    """Branch labels offered at ``step``; empty when it simply continues."""
    labels = [t.when for t in step.next if t.when is not None]
    if len(step.next) > 1 and len(labels) < len(step.next):
        labels += ["Continuar"] * (len(step.next) - len(labels))
    return tuple(dict.fromkeys(labels)) if len(step.next) > 1 else ()


def advance(procedure: Procedure, step_number: str, choice: str | None = None) -> Outcome:
    """Where completing ``step_number`` with ``choice`` (a branch label) leads."""
    step = procedure.step(step_number)
    if step is None:
        raise ValueError(f"El procedimiento {procedure.code} no tiene la actividad {step_number}.")
    return _follow(procedure, step, _transition(step, choice))


def _transition(step: Step, choice: str | None) -> Transition:
    offered = choices(step)
    if not offered:
        if choice is not None and choice not in {t.when for t in step.next}:
            raise InvalidChoice(f"La actividad {step.number} no es una decisión.")
        return step.next[0] if step.next else Transition(END)
    if choice is None:
        raise InvalidChoice(
            f"La actividad {step.number} es una decisión: elija una de "
            + ", ".join(f"«{c}»" for c in offered)
            + "."
        )
    if choice not in offered:
        raise InvalidChoice(f"«{choice}» no es una respuesta de la actividad {step.number}.")
    unlabeled = [t for t in step.next if t.when is None]
    if choice == "Continuar" and unlabeled:
        return unlabeled[0]
    return next(t for t in step.next if t.when == choice)


def _follow(procedure: Procedure, step: Step, t: Transition) -> Outcome:
    if t.to == END:
        return Outcome("end", when=t.when)
    if t.to is None:
        reason = f"La actividad {step.number} indica un salto sin decir a qué actividad."
        return Outcome("blocked", when=t.when, reason=reason)
    if t.to.startswith(EXTERNAL):
        return Outcome("external", t.to[len(EXTERNAL) :], t.when)
    if procedure.step(t.to) is None:
        reason = f"La actividad {step.number} remite a la actividad {t.to}, que no existe."
        return Outcome("blocked", when=t.when, reason=reason)
    return Outcome("step", t.to, t.when)
