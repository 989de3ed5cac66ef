"""Engine rules on hand-built procedures and on every seed procedure."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from folio.flow.engine import InvalidChoice, advance, choices
from folio.flow.walks import covering_walks
from folio.manuals.load import load_manual
from folio.manuals.model import END, Procedure

from .conftest import SEED_000, SEED_003, SEED_004, needs_shared
from .lint_world import procedure, step


def viability() -> Procedure:
    return procedure(
        step("1", "2"),
        step("2", (END, "No"), ("3", "En caso contrario"), questions=("¿Es viable?",)),
        step("3", ("2", "No"), ("4", "Si"), questions=("¿Está completo?",)),
        step("4", "external:P9"),
        step("5", None),
    )


def test_it_offers_the_branches_as_worded() -> None:
    p = viability()
    assert choices(p.steps[1]) == ("No", "En caso contrario")
    assert choices(p.steps[0]) == ()


def test_it_follows_each_kind_of_transition() -> None:
    p = viability()
    assert advance(p, "1").target == "2"
    assert advance(p, "2", "No").kind == "end"
    assert (advance(p, "3", "No").kind, advance(p, "3", "No").target) == ("step", "2")
    assert (advance(p, "4").kind, advance(p, "4").target) == ("external", "P9")
    blocked = advance(p, "5")
    assert blocked.kind == "blocked" and "sin decir" in blocked.reason


def test_it_refuses_a_choice_the_step_does_not_offer() -> None:
    p = viability()
    with pytest.raises(InvalidChoice, match="elija una de «No», «En caso contrario»"):
        advance(p, "2")
    with pytest.raises(InvalidChoice, match="«Quizá» no es una respuesta"):
        advance(p, "2", "Quizá")
    with pytest.raises(InvalidChoice, match="no es una decisión"):
        advance(p, "1", "Si")


def test_it_blocks_on_a_jump_to_a_step_that_does_not_exist() -> None:
    p = procedure(step("1", "7"))
    outcome = advance(p, "1")
    assert outcome.kind == "blocked" and "actividad 7" in outcome.reason


@cache
def seed_procedures() -> list[tuple[str, Procedure]]:
    out = []
    for path in (SEED_000, SEED_003, SEED_004):
        out += [(f"{Path(path).name[:3]}-{p.code}", p) for p in load_manual(path).procedures]
    return out


@needs_shared
def test_it_runs_every_seed_procedure_through_every_branch() -> None:
    for key, p in seed_procedures():
        walks = covering_walks(p)
        taken = {(n, c) for w in walks for n, c in w.moves if c is not None}
        offered = {(s.number, c) for s in p.steps for c in choices(s)}
        assert taken == offered, key
        for walk in walks:
            _replay(p, walk.moves, walk.ending, key)
        # Only 004-P13 names a jump without its target; its run stops there.
        blocked = [w for w in walks if w.ending == "blocked"]
        assert bool(blocked) == (key == "004-P13"), key


def _replay(p: Procedure, moves: tuple[tuple[str, str | None], ...], ending: str, key: str) -> None:
    assert moves[0][0] == p.steps[0].number, key
    for (number, choice), after in zip(moves, [*moves[1:], None], strict=True):
        outcome = advance(p, number, choice)
        if after is None:
            assert outcome.kind == ending, key
        else:
            assert (outcome.kind, outcome.target) == ("step", after[0]), key
