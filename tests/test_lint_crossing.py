"""FOL211: a branch of a decision that jumps back into another branch of it."""

from __future__ import annotations

from folio.manuals.lint.crossing import check_crossings
from folio.manuals.load import load_manual
from folio.manuals.model import END

from .conftest import SEED_000, SEED_003, SEED_004, needs_shared
from .lint_world import procedure, step


def test_it_reports_a_branch_returning_into_the_other_branch() -> None:
    # given: 2 asks; "A" runs 3→4→end, "B" runs 5→6, and 6 jumps back to 4 (inside "A")
    p = procedure(
        step("1", "2"),
        step("2", ("3", "A"), ("5", "B"), questions=("¿A o B?",)),
        step("3", "4"),
        step("4", END),
        step("5", "6"),
        step("6", "4"),
    )
    # when
    found = list(check_crossings(p))
    # then
    assert [(d.code, d.step) for d in found] == [("FOL211", "6")]
    assert "actividad 4" in found[0].message and "«B»" in found[0].message


def test_it_accepts_branches_that_merge_and_loops_that_retry() -> None:
    p = procedure(
        step("1", "2"),
        step("2", ("1", "No"), ("3", "Si"), questions=("¿Completa?",)),  # a retry loop
        step("3", ("5", "Si"), ("4", "En caso contrario"), questions=("¿Resuelto?",)),
        step("4", "5"),  # the two branches merge at 5
        step("5", END),
    )
    assert list(check_crossings(p)) == []


@needs_shared
def test_it_finds_only_the_seed_defect() -> None:
    found = [
        (path.name[:3], d.procedure, d.step)
        for path in (SEED_000, SEED_003, SEED_004)
        for p in load_manual(path).procedures
        for d in check_crossings(p)
    ]
    # 004-P29 step 28 goes from the norma branch back to step 21 of the lineamiento one.
    assert found == [("004", "P29", "28")]
