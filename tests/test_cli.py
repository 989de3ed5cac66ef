"""The ``folio`` command: exports, lint exit codes, and one clear sentence (exit 2, no
partial output) for anything that is not a readable manual."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from folio.cli import main
from folio.demo import DEMO_TEXT
from folio.manuals.jsonio import manual_from_json, manual_schema
from folio.manuals.lint import lint_manual
from folio.manuals.load import load_manual
from folio.manuals.model import Manual

from .conftest import SEED_004, needs_shared


def with_lint(manual: Manual) -> Manual:
    """The export carries the importer's and the linter's diagnostics together."""
    return replace(manual, diagnostics=(*manual.diagnostics, *lint_manual(manual)))


def test_it_exports_the_demo_manual_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["manual", "export", str(DEMO_TEXT), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["format_version"]
    assert [p["code"] for p in data["procedures"]] == ["P1", "P2"]
    step2 = data["procedures"][0]["steps"][1]
    assert step2["next"] == [
        {"to": "end", "when": "No"},
        {"to": "3", "when": "En caso contrario"},
    ]


def test_it_round_trips_the_demo_manual_through_json(capsys: pytest.CaptureFixture[str]) -> None:
    main(["manual", "export", str(DEMO_TEXT)])
    text = capsys.readouterr().out
    assert manual_from_json(text) == with_lint(load_manual(DEMO_TEXT))


@needs_shared
def test_it_round_trips_seed_004_and_validates_the_schema(
    capsys: pytest.CaptureFixture[str],
) -> None:
    import jsonschema

    assert main(["manual", "export", str(SEED_004)]) == 0
    text = capsys.readouterr().out
    jsonschema.validate(json.loads(text), manual_schema())
    assert manual_from_json(text) == with_lint(load_manual(SEED_004))


@needs_shared
def test_it_exits_1_when_lint_finds_errors(capsys: pytest.CaptureFixture[str]) -> None:
    # 004-P13 announces "Regresa a la actividad no." with no number.
    assert main(["manual", "lint", str(SEED_004)]) == 1
    out = capsys.readouterr().out
    assert "P13" in out and "errores" in out


def test_it_lints_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["manual", "lint", str(DEMO_TEXT), "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert code in (0, 1)
    assert isinstance(data["diagnostics"], list)


@pytest.mark.parametrize(
    ("content", "why"),
    [
        (b"", "vac"),
        (b"   \n\n  \n", "vac"),
        (b"Una carta cualquiera.\nSin tablas de actividades.\n", "tabla de actividades"),
    ],
)
def test_it_rejects_text_that_is_not_a_manual(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, why: str
) -> None:
    path = tmp_path / "entrada.txt"
    path.write_bytes(content)
    assert main(["manual", "export", str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "entrada.txt" in captured.err and why in captured.err
    assert "Traceback" not in captured.err
    assert captured.err.count("\n") == 1


def test_it_rejects_a_missing_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["manual", "lint", "/nonexistent/manual.pdf"]) == 2
    captured = capsys.readouterr()
    assert "manual.pdf" in captured.err and captured.out == ""


#: The demo manual with P2's loop-back pointing at an activity it does not have.
NEEDS_REVIEW = DEMO_TEXT.read_text().replace(
    "No: regresa a la actividad 5.", "No: regresa a la actividad 12."
)
SUMMARY = "2 procedimientos, 1 sin observaciones, 1 por revisar: P2."


def test_it_lints_with_the_review_summary_first(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "manual.txt"
    path.write_text(NEEDS_REVIEW)
    assert main(["manual", "lint", str(path)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"manual.txt: {SUMMARY}"
    assert "FOL201" in lines[1] and lines[-1].endswith("1 errores, 0 advertencias.")


def test_it_lints_as_json_with_each_procedures_review(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "manual.txt"
    path.write_text(NEEDS_REVIEW)
    main(["manual", "lint", str(path), "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert [p["review"] for p in data["procedures"]] == ["ok", "revisar"]


def test_it_exports_with_the_review_summary_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "manual.txt"
    path.write_text(NEEDS_REVIEW)
    assert main(["manual", "export", str(path)]) == 0
    captured = capsys.readouterr()
    assert captured.err == f"manual.txt: {SUMMARY}\n"
    assert manual_from_json(captured.out).procedures[1].review == "revisar"
