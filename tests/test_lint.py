"""The procedure linter on small hand-built procedures: each structure and flow check
fires on its defect and stays quiet on the nearest legitimate case. Roles are in
``test_lint_roles.py``, forms, time and indicators in ``test_lint_forms.py``."""

from __future__ import annotations

import pytest

from folio.manuals.lint import LINT_CODES, lint_manual
from folio.manuals.model import (
    END,
    EXTERNAL,
    TimeSpec,
)

from .lint_world import HEAD, chain, found, lint, only, org_manual, procedure, step

# --- the code table -------------------------------------------------------------------


def test_it_documents_every_code_with_a_severity() -> None:
    for code, (severity, description) in LINT_CODES.items():
        assert code.startswith("FOL") and len(code) == 6
        assert severity in ("error", "warning", "info")
        assert description.endswith(".")


def test_it_finds_nothing_in_a_clean_procedure() -> None:
    assert lint(procedure(*chain("1", "2", "3"))) == []


# --- FOL1xx structure -----------------------------------------------------------------


def test_it_reports_a_step_with_no_responsible() -> None:
    steps = (step("1", "2"), step("2", END, who=(), text="Termina procedimiento."))
    diagnostic = only(lint(procedure(*steps)), "FOL101")
    assert (diagnostic.procedure, diagnostic.step, diagnostic.severity) == ("P1", "2", "error")
    assert diagnostic.message.startswith("Procedimiento P1, actividad 2:")
    assert diagnostic.source == steps[1].source


def test_it_accepts_a_responsible_carried_over_from_the_row_above() -> None:
    steps = (step("1", "2"), step("2", END, carried=True, text="Termina procedimiento."))
    assert found(lint(procedure(*steps)), "FOL101") == []


def test_it_reports_a_repeated_step_number() -> None:
    steps = (step("1", "2"), step("2", "3"), *chain("2", "3"))
    assert found(lint(procedure(*steps)), "FOL102") == [("P1", "2")]


def test_it_does_not_take_a_sub_step_for_a_repeated_number() -> None:
    assert found(lint(procedure(*chain("1", "2", "3", "3.1", "4"))), "FOL102") == []


def test_it_reports_a_skipped_step_number() -> None:
    steps = (step("1", "2"), step("2", "4"), *chain("4"))
    diagnostic = only(lint(procedure(*steps)), "FOL103")
    assert (diagnostic.step, diagnostic.severity) == ("4", "warning")
    assert "falta la actividad 3" in diagnostic.message


@pytest.mark.parametrize(
    "numbers", [("1", "2", "3", "3.1", "4"), ("1.1", "1.2", "2.1", "2.2"), ("1", "2", "2.1")]
)
def test_it_accepts_sub_steps_and_stage_numbering(numbers: tuple[str, ...]) -> None:
    assert found(lint(procedure(*chain(*numbers))), "FOL103") == []


def test_it_reports_a_gap_among_sub_steps_only_within_their_stage() -> None:
    diagnostics = lint(procedure(*chain("1.1", "1.3", "2.1")))
    assert found(diagnostics, "FOL103") == [("P1", "1.3")]
    assert "1.2" in only(diagnostics, "FOL103").message


def test_it_reports_a_procedure_without_steps() -> None:
    assert found(lint(procedure()), "FOL104") == [("P1", None)]
    assert found(lint(procedure(*chain("1"))), "FOL104") == []


# --- FOL2xx flow ----------------------------------------------------------------------


def test_it_reports_a_jump_to_a_step_that_does_not_exist() -> None:
    steps = (step("1", ("9", "No"), ("2", "En caso contrario"), questions=("¿Es viable?",)),)
    diagnostic = only(lint(procedure(*steps, *chain("2"))), "FOL201")
    assert (diagnostic.step, diagnostic.severity) == ("1", "error")
    assert "actividad 9" in diagnostic.message and "«No»" in diagnostic.message


def test_it_accepts_a_jump_to_a_sub_step() -> None:
    asks = step("1", ("3.1", "Si"), ("2", "No"), questions=("¿Existe?",))
    steps = (asks, step("2", "3"), step("3", "3.1"), *chain("3.1"))
    assert found(lint(procedure(*steps)), "FOL201") == []


def test_it_reports_a_loop_back_with_no_target() -> None:
    # "¿Se restablece la red? • Si: Regresa a la actividad no.  De lo contrario:"
    first = step("1", "2")
    asks = step("2", (None, "Si"), ("3", "De lo contrario"), questions=("¿Se restablece?",))
    diagnostic = only(lint(procedure(first, asks, *chain("3"))), "FOL202")
    assert (diagnostic.step, diagnostic.severity) == ("2", "error")


def test_it_accepts_a_loop_back_that_names_its_target() -> None:
    first = step("1", "2")
    asks = step("2", ("1", "Si"), ("3", "De lo contrario"), questions=("¿Se restablece?",))
    assert found(lint(procedure(first, asks, *chain("3"))), "FOL202") == []


def test_it_reports_a_step_nothing_leads_to() -> None:
    steps = (step("1", "3"), step("2", "3"), *chain("3"))
    diagnostic = only(lint(procedure(*steps)), "FOL203")
    assert (diagnostic.step, diagnostic.severity) == ("2", "warning")


def test_it_accepts_a_step_reached_only_by_a_jump() -> None:
    steps = (step("1", ("3", "Si"), ("2", "No"), questions=("¿Es viable?",)), step("2", "3"))
    assert found(lint(procedure(*steps, *chain("3"))), "FOL203") == []


def test_it_reports_a_cycle_with_no_exit() -> None:
    steps = (step("1", "2"), step("2", "3"), step("3", "2"))
    diagnostic = only(lint(procedure(*steps)), "FOL204")
    assert (diagnostic.step, diagnostic.severity) == ("1", "error")
    assert "1, 2, 3" in diagnostic.message


def test_it_accepts_a_loop_with_a_way_out() -> None:
    decides = step("3", ("2", "No"), ("4", "En caso contrario"), questions=("¿Correcto?",))
    steps = (step("1", "2"), step("2", "3"), decides, *chain("4"))
    assert found(lint(procedure(*steps)), "FOL204") == []


def test_it_reports_a_decision_whose_branches_all_lead_to_one_place() -> None:
    asks = step("1", ("2", "Si"), ("2", "No"), questions=("¿Es viable?",))
    diagnostic = only(lint(procedure(asks, *chain("2"))), "FOL205")
    assert (diagnostic.step, diagnostic.severity) == ("1", "warning")


def test_it_reports_a_lone_labelled_branch() -> None:
    lone = step("1", ("2", "Si"))
    assert found(lint(procedure(lone, *chain("2"))), "FOL205") == [("P1", "1")]


def test_it_accepts_a_decision_with_two_ways() -> None:
    asks = step("1", ("3", "Si"), ("2", "No"), questions=("¿Es viable?",))
    steps = (asks, step("2", END, text="Informa. Termina procedimiento."), *chain("3"))
    assert found(lint(procedure(*steps)), "FOL205") == []


def test_it_reports_a_step_after_an_unconditional_end_once() -> None:
    steps = (step("1", "2"), step("2", END, text="Termina procedimiento."), *chain("3", "4"))
    diagnostics = lint(procedure(*steps))
    diagnostic = only(diagnostics, "FOL206")
    assert diagnostic.step == "3" and "actividad 2" in diagnostic.message
    assert "4" in diagnostic.message
    assert found(diagnostics, "FOL203") == []


def test_it_accepts_branch_tails_written_one_after_another() -> None:
    # P15's shape: three branches of one decision, each ending on its own row.
    asks = step(
        "1",
        ("4", "Modificación"),
        ("6", "Baja"),
        ("2", "En caso contrario"),
        questions=("¿Es Alta, Modificación o Baja?",),
    )
    tails = [
        step(n, nxt) if nxt != END else step(n, END, text="Termina procedimiento.")
        for n, nxt in (("2", "3"), ("3", END), ("4", "5"), ("5", END), ("6", "7"), ("7", END))
    ]
    diagnostics = lint(procedure(asks, *tails))
    assert found(diagnostics, "FOL206") == [] and found(diagnostics, "FOL203") == []


def test_it_reports_an_implicit_end() -> None:
    asks = step("1", ("2", "Si"), ("3", "En caso contrario"), questions=("¿Datos correctos?",))
    silent = step("2", END, text="Entrega el bien al área solicitante.")
    diagnostic = only(lint(procedure(asks, silent, *chain("3"))), "FOL207")
    assert (diagnostic.step, diagnostic.severity) == ("2", "warning")


def test_it_accepts_an_end_that_says_so_and_a_silent_last_step() -> None:
    asks = step("1", ("2", "Si"), ("3", "En caso contrario"), questions=("¿Datos correctos?",))
    said = step("2", END, text="Entrega el bien. Termina Procedimiento.")
    last = step("3", END, text="Recibe y archiva.")
    assert found(lint(procedure(asks, said, last)), "FOL207") == []


def test_it_notes_a_hand_off_to_another_procedure() -> None:
    asks = step(
        "1",
        (EXTERNAL + "procedimiento para la Carga de requisiciones en el SIAM", "No"),
        ("2", "En caso contrario"),
        questions=("¿Tiene reparación?",),
    )
    other = procedure(*chain("1"), code="P31", name="Procedimiento para la carga de requisiciones")
    diagnostic = only(lint(procedure(asks, *chain("2")), other), "FOL208")
    assert (diagnostic.procedure, diagnostic.step, diagnostic.severity) == ("P1", "1", "info")
    assert "P31" in diagnostic.message


def test_it_does_not_note_a_hand_off_when_the_procedure_stays_inside() -> None:
    assert found(lint(procedure(*chain("1", "2"))), "FOL208") == []


def test_it_reports_a_decision_asked_twice_in_a_row() -> None:
    # 004-P29: an unnumbered row and step 14 both read "¿Propuesta correcta? • No: …"
    first = step("2", ("1", "No"), ("3", "En caso contrario"), questions=("¿Propuesta correcta?",))
    again = step("3", ("1", "No"), ("4", "En caso contrario"), questions=("¿propuesta correcta ?",))
    diagnostic = only(lint(procedure(step("1", "2"), first, again, *chain("4"))), "FOL209")
    assert (diagnostic.step, diagnostic.severity) == ("3", "warning")
    assert "actividad 2" in diagnostic.message


def test_it_accepts_the_same_question_at_two_distant_points() -> None:
    one = step("2", ("1", "No"), ("3", "Si"), questions=("¿Información correcta?",))
    two = step("4", ("1", "No"), ("5", "Si"), questions=("¿Información correcta?",))
    steps = (step("1", "2"), one, step("3", "4"), two, *chain("5"))
    assert found(lint(procedure(*steps)), "FOL209") == []


def test_it_reports_a_dead_end() -> None:
    asks = step("1", ("2", "Si"), ("3", "No"), questions=("¿Viable?",))
    diagnostics = lint(procedure(asks, step("2"), *chain("3")))
    assert found(diagnostics, "FOL210") == [("P1", "2")]
    assert found(diagnostics, "FOL204") == []


# --- the manual as a whole ------------------------------------------------------------


def test_it_hands_an_organization_manual_to_the_organization_checks() -> None:
    checks = pytest.importorskip("folio.manuals.lint.organization")
    org = org_manual(HEAD)
    assert lint_manual(org) == list(checks.lint_organization(org))


def test_it_gives_each_finding_the_severity_of_its_code() -> None:
    steps = (step("1", "3"), step("2", None), step("3", ("3", "Si"), questions=("¿Sigue?",)))
    diagnostics = lint(procedure(*steps, time=TimeSpec()))
    assert {d.code for d in diagnostics} >= {"FOL202", "FOL203", "FOL204", "FOL205", "FOL501"}
    for d in diagnostics:
        assert d.severity == LINT_CODES[d.code][0]
        assert d.message.startswith("Procedimiento P1")


def test_it_reports_a_run_of_missing_numbers_once() -> None:
    steps = (step("1", "2"), step("2", "9"), *chain("9"))
    diagnostic = only(lint(procedure(*steps)), "FOL103")
    assert diagnostic.step == "9"
    assert "faltan las actividades 3 a 8" in diagnostic.message


@pytest.mark.parametrize("huge", ["99999999999", "9" * 5000, "1." + "7" * 5000])
def test_it_takes_a_huge_step_number_for_a_label(huge: str) -> None:
    # A number that size would have the linter count to it (memory) or overflow int().
    diagnostics = lint(procedure(step("1", huge), step(huge, END)))
    assert found(diagnostics, "FOL103") == []


def test_it_reports_a_far_jump_in_numbering_without_counting_to_it() -> None:
    diagnostics = lint(procedure(step("1", "900000"), *chain("900000")))
    assert "faltan las actividades 2 a 899999" in only(diagnostics, "FOL103").message
