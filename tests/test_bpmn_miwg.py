"""The 21 reference models of the OMG BPMN Model Interchange Working Group (A.1.0 … C.9.2,
in ../shared/samples/bpmn/miwg-reference/) import through ``load_manual`` and the
``folio`` command: one procedure per pool, and what each file loses said in diagnostics.

The expected findings were read off the importer's output and checked against the files
(e.g. B.1.0: its message flows, the parallel split whose branches never meet again, the
expanded subprocess, the collapsed one, three call activities, a process that branches
before its first task; C.9.2: three event subprocesses, the timeout boundary timer and
the error end event it leads to)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from folio.cli import main
from folio.manuals.load import load_manual

from .conftest import SAMPLES, needs_shared

MIWG = SAMPLES / "bpmn" / "miwg-reference"

needs_miwg = pytest.mark.skipif(
    not MIWG.is_dir(), reason="../shared/samples/bpmn/miwg-reference/ (BPMN MIWG models) is absent"
)

#: File → (steps of each procedure, in pool order; BPMN diagnostic code → how many).
EXPECTED: dict[str, tuple[list[int], dict[str, int]]] = {
    "A.1.0": ([3], {}),
    "A.2.0": ([4], {"014": 3}),
    "A.2.1": ([4], {"014": 2}),
    "A.3.0": ([5], {"006": 1, "008": 2}),
    "A.4.0": ([2, 4], {"001": 2, "005": 2}),
    "A.4.1": ([2, 4], {"001": 2, "005": 2}),
    "B.1.0": (
        [3, 7, 1, 1],
        {"001": 2, "003": 1, "005": 1, "006": 1, "012": 2, "014": 4, "018": 3, "019": 1},
    ),
    "B.2.0": (
        [12, 22, 3, 1],
        {
            "001": 2,
            "003": 1,
            "004": 1,
            "005": 3,
            "006": 2,
            "008": 11,
            "010": 9,
            "012": 5,
            "013": 3,
            "014": 3,
            "017": 3,
            "018": 3,
            "019": 1,
        },
    ),
    "C.1.0": ([4, 5], {"001": 5, "010": 3, "012": 2}),
    "C.1.1": ([5], {}),
    "C.2.0": ([2, 1, 4, 4], {"001": 5, "005": 1, "008": 1, "010": 1, "012": 3}),
    "C.3.0": ([5], {"006": 1, "008": 2, "012": 1}),
    "C.4.0": ([12, 5, 3, 2], {"002": 2, "010": 4, "012": 3, "013": 3, "017": 1}),
    "C.5.0": ([17, 2], {"002": 1, "013": 2, "018": 1}),
    "C.6.0": (
        [10],
        {"003": 1, "005": 1, "007": 1, "008": 3, "009": 2, "010": 4, "012": 1, "016": 2},
    ),
    "C.7.0": ([6], {"002": 1, "017": 1}),
    "C.8.0": ([9], {"008": 1}),
    "C.8.1": ([9], {"008": 1}),
    "C.9.0": ([8], {"007": 2, "008": 1, "018": 1}),
    "C.9.1": ([4], {"008": 2}),
    "C.9.2": ([1], {"007": 3, "008": 1, "013": 1}),
}


def load(stem: str) -> tuple[list[int], dict[str, int]]:
    manual = load_manual(MIWG / f"{stem}.bpmn")
    codes = Counter(d.code.removeprefix("BPMN") for d in manual.diagnostics)
    return [len(p.steps) for p in manual.procedures], dict(sorted(codes.items()))


@needs_shared
@needs_miwg
def test_it_knows_every_reference_model() -> None:
    assert sorted(p.stem for p in MIWG.glob("*.bpmn")) == sorted(EXPECTED)


@needs_shared
@needs_miwg
@pytest.mark.parametrize("stem", sorted(EXPECTED))
def test_it_imports_each_reference_model_with_what_it_warns_about(stem: str) -> None:
    assert load(stem) == EXPECTED[stem]


@needs_shared
@needs_miwg
def test_it_reads_one_procedure_per_pool_named_after_it() -> None:
    manual = load_manual(MIWG / "C.2.0.bpmn")
    names = ["Carrier", "Credit Card Company", "Customer", "Amazon"]
    assert [p.name for p in manual.procedures] == names


@needs_shared
@needs_miwg
def test_it_names_the_element_behind_each_finding() -> None:
    manual = load_manual(MIWG / "C.9.2.bpmn")
    found = {d.code: d.message for d in manual.diagnostics if d.code in {"BPMN008", "BPMN013"}}
    assert "«Timeout (7 days)» (TimerEvent_Timeout)" in found["BPMN008"]
    assert "«Timeout» (ErrorEndEvent_Timeout)" in found["BPMN013"]


@needs_shared
@needs_miwg
@pytest.mark.parametrize("stem", sorted(EXPECTED))
def test_it_exports_and_lints_each_reference_model_from_the_command_line(
    stem: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(MIWG / f"{stem}.bpmn")
    assert main(["manual", "export", path, "--format", "json"]) == 0
    assert '"procedures"' in capsys.readouterr().out
    assert main(["manual", "lint", path]) in (0, 1)
    out = capsys.readouterr()
    assert out.err == "" and f"{Path(path).name}: " in out.out
