"""Runs through a procedure that together take every branch of every decision at least
once, each run going from the first step to an end (or to where the manual blocks it).
Used to test that every procedure can be run, and to make demo cases."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from folio.flow.engine import advance, choices, first_step
from folio.manuals.model import Procedure


@dataclass(frozen=True)
class Walk:
    #: (step number, choice or None) in order.
    moves: tuple[tuple[str, str | None], ...]
    #: How it ended: "end", "external" or "blocked".
    ending: str


def covering_walks(procedure: Procedure) -> list[Walk]:
    """One walk per (decision, branch) not yet covered, shortest paths around it."""
    walks: list[Walk] = []
    covered: set[tuple[str, str]] = set()
    for step in procedure.steps:
        for choice in choices(step):
            if (step.number, choice) in covered:
                continue
            walk = _walk_through(procedure, step.number, choice)
            if walk is None:
                continue  # the decision is unreachable: the linter says so
            walks.append(walk)
            covered.update((n, c) for n, c in walk.moves if c is not None)
    if not walks:
        walk = _walk_through(procedure, first_step(procedure).number, None)
        walks.append(walk if walk is not None else Walk((), "blocked"))
    return walks


def _walk_through(procedure: Procedure, number: str, choice: str | None) -> Walk | None:
    start = first_step(procedure).number
    head = _path(procedure, start, number)
    if head is None:
        return None
    moves = [*head, (number, choice)]
    outcome = advance(procedure, number, choice)
    if outcome.kind != "step":
        return Walk(tuple(moves), outcome.kind)
    tail, ending = _to_an_end(procedure, outcome.target)
    return Walk(tuple(moves + tail), ending)


def _path(procedure: Procedure, start: str, goal: str) -> list[tuple[str, str | None]] | None:
    """Shortest list of moves from ``start`` that arrives at ``goal`` (BFS)."""
    previous: dict[str, tuple[str, str | None] | None] = {start: None}
    queue = deque([start])
    while queue:
        number = queue.popleft()
        if number == goal:
            return _unwind(previous, goal)
        for choice in _options(procedure, number):
            outcome = advance(procedure, number, choice)
            if outcome.kind == "step" and outcome.target not in previous:
                previous[outcome.target] = (number, choice)
                queue.append(outcome.target)
    return None


def _to_an_end(procedure: Procedure, start: str) -> tuple[list[tuple[str, str | None]], str]:
    """Shortest moves from ``start`` until the case ends or blocks."""
    previous: dict[str, tuple[str, str | None] | None] = {start: None}
    queue = deque([start])
    while queue:
        number = queue.popleft()
        for choice in _options(procedure, number):
            outcome = advance(procedure, number, choice)
            if outcome.kind != "step":
                return [*_unwind(previous, number), (number, choice)], outcome.kind
            if outcome.target not in previous:
                previous[outcome.target] = (number, choice)
                queue.append(outcome.target)
    return _unwind(previous, start), "blocked"


def _options(procedure: Procedure, number: str) -> tuple[str | None, ...]:
    step = procedure.step(number)
    offered = choices(step) if step is not None else ()
    return offered or (None,)


def _unwind(
    previous: dict[str, tuple[str, str | None] | None], goal: str
) -> list[tuple[str, str | None]]:
    moves: list[tuple[str, str | None]] = []
    link = previous[goal]
    while link is not None:
        moves.append(link)
        link = previous[link[0]]
    return moves[::-1]
