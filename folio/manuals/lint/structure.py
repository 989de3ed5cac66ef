"""Structure checks (FOL1xx): every step has a responsible and a number of its own,
and numbering has no gaps among siblings ("1, 2, 4"; "1.1, 1.2, 1.4").

Numbers are compared as dotted integers: "3.1" is the first child of 3, so a sub-step
never counts as a gap, and stage-style numbering ("1.1, 1.2, 2.1") is checked within
each stage. Numbers that are not dotted integers are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from folio.manuals.lint.codes import procedure_diagnostic, step_diagnostic
from folio.manuals.model import Diagnostic, Procedure, Step

_DOTTED = re.compile(r"\d+(?:\.\d+)*")


def check_structure(procedure: Procedure) -> Iterator[Diagnostic]:
    if not procedure.steps:
        yield procedure_diagnostic("FOL104", procedure, "no tiene actividades.")
        return
    yield from _missing_responsible(procedure)
    yield from _duplicate_numbers(procedure)
    yield from _numbering_gaps(procedure)


def _missing_responsible(procedure: Procedure) -> Iterator[Diagnostic]:
    for step in procedure.steps:
        if not any(name.strip() for name in step.responsible):
            yield step_diagnostic("FOL101", procedure, step, "no tiene responsable.")


def _duplicate_numbers(procedure: Procedure) -> Iterator[Diagnostic]:
    first: dict[str, Step] = {}
    for step in procedure.steps:
        if not step.number.strip():
            continue
        earlier = first.setdefault(step.number, step)
        if earlier is not step:
            yield step_diagnostic(
                "FOL102",
                procedure,
                step,
                f"el número {step.number} ya se usó en {earlier.source.describe()}.",
            )


#: Digits a part of a step number may have to be compared as a number; longer ones
#: ("99999999999", or 5,000 digits) are labels, left alone like "A" or "3 bis".
MAX_DIGITS = 6


def parse_number(number: str) -> tuple[int, ...] | None:
    """ "3.1" → (3, 1); None when the number is not a dotted integer of sane size."""
    text = number.strip().rstrip(".")
    if len(text) > 64 or not _DOTTED.fullmatch(text):
        return None
    parts = text.split(".")
    if any(len(part) > MAX_DIGITS for part in parts):
        return None
    return tuple(int(part) for part in parts)


def _numbering_gaps(procedure: Procedure) -> Iterator[Diagnostic]:
    """One finding per run of missing numbers among siblings ("falta la actividad 3",
    "faltan las actividades 3 a 9"): never one per number, which a "1, 2, 900000"
    would turn into a flood."""
    by_parent: dict[tuple[int, ...], set[int]] = {}
    at: dict[tuple[int, ...], Step] = {}
    for step in procedure.steps:
        parsed = parse_number(step.number)
        if parsed is None:
            continue
        at.setdefault(parsed, step)
        # A sub-step implies its ancestors exist (stage numbering "2.1" implies stage 2).
        for depth in range(1, len(parsed) + 1):
            by_parent.setdefault(parsed[: depth - 1], set()).add(parsed[depth - 1])
    first_under = _first_steps_under(at)
    for parent, children in sorted(by_parent.items()):
        previous = 0
        for child in sorted(children):
            if child > previous + 1:
                after = first_under[parent + (child,)]
                yield _gap(procedure, parent, previous + 1, child - 1, after)
            previous = child


def _gap(
    procedure: Procedure, parent: tuple[int, ...], first: int, last: int, after: Step
) -> Diagnostic:
    prefix = "".join(f"{n}." for n in parent)
    if first == last:
        text = f"falta la actividad {prefix}{first} en la numeración."
    else:
        text = f"faltan las actividades {prefix}{first} a {prefix}{last} en la numeración."
    return step_diagnostic("FOL103", procedure, after, text)


def _first_steps_under(at: dict[tuple[int, ...], Step]) -> dict[tuple[int, ...], Step]:
    """For every number and each of its ancestors, the step with the smallest number
    under it (the step a gap before that number is reported on)."""
    first: dict[tuple[int, ...], tuple[tuple[int, ...], Step]] = {}
    for number, step in at.items():
        for depth in range(1, len(number) + 1):
            prefix = number[:depth]
            known = first.get(prefix)
            if known is None or number < known[0]:
                first[prefix] = (number, step)
    return {prefix: step for prefix, (_number, step) in first.items()}
