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


def parse_number(number: str) -> tuple[int, ...] | None:
    """ "3.1" → (3, 1); None when the number is not a dotted integer."""
    text = number.strip().rstrip(".")
    if not _DOTTED.fullmatch(text):
        return None
    return tuple(int(part) for part in text.split("."))


def _numbering_gaps(procedure: Procedure) -> Iterator[Diagnostic]:
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
    for parent, children in sorted(by_parent.items()):
        missing = sorted(set(range(1, max(children) + 1)) - children)
        for number in missing:
            yield _gap(procedure, parent, number, children, at)


def _gap(
    procedure: Procedure,
    parent: tuple[int, ...],
    number: int,
    children: set[int],
    at: dict[tuple[int, ...], Step],
) -> Diagnostic:
    following = min(c for c in children if c > number)
    after = _first_step_under(parent + (following,), at)
    name = ".".join(str(n) for n in parent + (number,))
    return step_diagnostic(
        "FOL103", procedure, after, f"falta la actividad {name} en la numeración."
    )


def _first_step_under(prefix: tuple[int, ...], at: dict[tuple[int, ...], Step]) -> Step:
    candidates = [num for num in at if num[: len(prefix)] == prefix]
    return at[min(candidates)]
