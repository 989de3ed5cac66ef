"""BPMN 2.0 as an import format: every pool a procedure, what Folio cannot keep said in a
diagnostic, through ``load_manual`` and the ``folio`` command."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from folio.cli import main
from folio.flow.engine import advance, choices
from folio.manuals.blocks import ParseError
from folio.manuals.load import load_manual
from folio.manuals.model import END, Transition
from folio.render.bpmn import export_bpmn, import_bpmn

from .bpmn_camunda_fixture import CAMUNDA
from .bpmn_pools_fixture import POOLS
from .test_render_bpmn import licence


@pytest.fixture
def tala(tmp_path: Path) -> Path:
    path = tmp_path / "tala.bpmn"
    path.write_text(POOLS, encoding="utf-8")
    return path


def codes(path: Path) -> list[tuple[str, str]]:
    """(code, id of the element it is about: the first id in parentheses) per finding."""
    return sorted((d.code, about(d.message)) for d in load_manual(path).diagnostics)


def about(message: str) -> str:
    found = re.search(r"\(([^()\s]+)\)", message)
    return found.group(1) if found else ""


def test_it_reads_every_pool_as_a_procedure(tala: Path) -> None:
    manual = load_manual(tala)

    assert (manual.kind, manual.title, manual.source.file) == (
        "procedimientos",
        "Permiso de tala",
        "tala.bpmn",
    )
    assert [(p.code, p.name, len(p.steps)) for p in manual.procedures] == [
        ("Process_ventanilla", "Ventanilla", 1),
        ("Process_forestal", "Dictamen de tala", 6),
    ]


def test_it_continues_in_the_pool_its_message_end_event_reaches(tala: Path) -> None:
    window = load_manual(tala).procedures[0]
    assert window.steps[0].next == (Transition("external:Process_forestal"),)


def test_it_runs_parallel_branches_one_after_another_and_flattens_subprocesses(
    tala: Path,
) -> None:
    forestry = load_manual(tala).procedures[1]

    assert [(s.number, s.activity, s.responsible[0]) for s in forestry.steps] == [
        ("1", "Inspeccionar el árbol", "Inspector/a Forestal"),
        ("2", "Fotografiar el árbol", "Inspector/a Forestal"),
        ("3", "Consultar el catastro", "Inspector/a Forestal"),
        ("4", "Pedir opinión a SEMARNAT", "Inspector/a Forestal"),
        ("5", "Enviar recordatorio", "Inspector/a Forestal"),
        ("6", "Emitir el dictamen", "Dirección Forestal"),
    ]
    assert forestry.steps[0].next == (Transition("2"),)
    assert forestry.steps[2].next == (Transition("4", "Sí"), Transition("6", "En caso contrario"))
    assert forestry.steps[2].questions == ("¿Especie protegida?",)
    assert forestry.steps[5].next == (Transition(END),)


def test_it_reads_a_boundary_timer_as_a_branch_the_engine_offers(tala: Path) -> None:
    forestry = load_manual(tala).procedures[1]
    asks = forestry.steps[3]

    assert asks.next == (Transition("6"), Transition("5", "Pasan 10 días"))
    assert choices(asks) == ("Pasan 10 días", "Continuar")
    assert advance(forestry, "4", "Pasan 10 días").target == "5"


def test_it_says_what_it_could_not_keep(tala: Path) -> None:
    assert codes(tala) == [
        ("BPMN001", "Message_solicitud"),
        ("BPMN001", "Message_turno"),
        ("BPMN002", "Split"),
        ("BPMN005", "Sub_revision"),
        ("BPMN008", "Timer_plazo"),
        ("BPMN010", "Wait_vecinos"),
        ("BPMN012", "Start_forestal"),
        ("BPMN012", "Start_ventanilla"),
    ]
    by_code = {d.code: d for d in load_manual(tala).diagnostics}
    assert "Folio ejecuta sus ramas una tras otra" in by_code["BPMN002"].message
    assert by_code["BPMN002"].procedure == "Process_forestal"
    assert by_code["BPMN008"].severity == "warning"


def test_it_keeps_a_parallel_split_it_cannot_chain_and_says_a_case_follows_one_branch(
    tmp_path: Path,
) -> None:
    # given: the photograph goes straight to the dictamen, so the branches never meet
    path = tmp_path / "tala.bpmn"
    path.write_text(
        POOLS.replace(
            'targetRef="Join" />\n    <bpmn:sequenceFlow id="Flow_f6"',
            'targetRef="Task_dictamen" />\n    <bpmn:sequenceFlow id="Flow_f6"',
        ).replace(
            'id="Flow_f5" sourceRef="Task_fotografia" targetRef="Join"',
            'id="Flow_f5" sourceRef="Task_fotografia" targetRef="Task_dictamen"',
        )
    )
    # when
    manual = load_manual(path)
    # then
    warning = next(d for d in manual.diagnostics if d.code == "BPMN003")
    assert "(Split)" in warning.message and "sigue solo por la primera rama" in warning.message
    start = next(d for d in manual.diagnostics if d.code == "BPMN019")
    assert "actividad 1" in start.message


def test_it_reads_bpmn_recognised_by_content_whatever_the_suffix(tmp_path: Path) -> None:
    for name in ("poda.xml", "poda.txt"):
        path = tmp_path / name
        path.write_text(CAMUNDA, encoding="utf-8")
        assert load_manual(path).procedures[0].code == "Process_poda", name


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("roto.bpmn", "<bpmn:definitions", "roto.bpmn no es un XML bien formado"),
        ("hoja.xml", "<html><body>Hola</body></html>", "hoja.xml no es un archivo BPMN 2.0"),
        (
            "vacio.bpmn",
            CAMUNDA.split("<bpmn:process")[0] + "</bpmn:definitions>",
            "vacio.bpmn no contiene ningún proceso",
        ),
    ],
)
def test_it_refuses_what_is_not_bpmn_in_one_sentence_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, content: str, expected: str
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")

    with pytest.raises(ParseError, match=expected):
        load_manual(path)
    assert main(["manual", "lint", str(path)]) == 2
    err = capsys.readouterr().err
    assert expected in err and "Traceback" not in err and err.count("\n") == 1


def test_it_exports_and_lints_a_bpmn_file_from_the_command_line(
    tala: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["manual", "export", str(tala), "--format", "json"]) == 0
    assert '"Process_forestal"' in capsys.readouterr().out
    out = tmp_path / "bpmn"
    assert main(["manual", "export", str(tala), "--format", "bpmn", "-o", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == [
        "Process_forestal.bpmn",
        "Process_ventanilla.bpmn",
    ]
    assert main(["manual", "export", str(tala), "--format", "svg", "--procedure", "2"]) == 0
    assert "<svg" in capsys.readouterr().out
    main(["manual", "lint", str(tala)])
    assert "[BPMN002 warning] Process_forestal" in capsys.readouterr().out


def test_unnamed_tasks_round_trip_byte_stable() -> None:
    unnamed = replace(licence().steps[1], activity="")
    procedure = replace(licence(), steps=(licence().steps[0], unnamed, *licence().steps[2:]))

    xml = export_bpmn(procedure)
    read = import_bpmn(xml)

    assert [s.number for s in read.steps] == ["1", "2", "3", "4"]
    assert read.steps[1].activity == ""
    assert export_bpmn(read) == xml
