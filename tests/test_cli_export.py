"""`folio manual export --format svg|bpmn|html|pdf|docx` and `folio org export`."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from folio.cli import main
from folio.demo import DEMO_TEXT

from .conftest import SEED_002, needs_shared


def test_it_writes_one_svg_per_procedure_into_a_directory(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "diagramas"
    assert main(["manual", "export", str(DEMO_TEXT), "--format", "svg", "-o", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["P1.svg", "P2.svg"]
    assert ET.parse(out / "P1.svg").getroot().tag.endswith("svg")
    assert capsys.readouterr().out.count("\n") == 2  # the paths written


def test_it_prints_one_procedure_as_bpmn(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["manual", "export", str(DEMO_TEXT), "--format", "bpmn", "--procedure", "2"]) == 0
    root = ET.fromstring(capsys.readouterr().out)
    assert root.tag == "{http://www.omg.org/spec/BPMN/20100524/MODEL}definitions"


def test_it_names_the_procedures_there_are_when_one_is_missing(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["manual", "export", str(DEMO_TEXT), "--format", "svg", "--procedure", "P9"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and "«P9»" in err and "P1, P2" in err


@needs_shared
def test_it_exports_the_org_chart(tmp_path: Path) -> None:
    target = tmp_path / "organigrama.svg"
    assert main(["org", "export", str(SEED_002), "--format", "svg", "-o", str(target)]) == 0
    assert ET.parse(target).getroot().tag.endswith("svg")


def test_it_refuses_an_org_chart_of_a_procedure_manual(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["org", "export", str(DEMO_TEXT)]) == 2
    assert "no es un manual de organización" in capsys.readouterr().err


def test_it_prints_the_manual_as_one_html_page(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["manual", "export", str(DEMO_TEXT), "--format", "html"]) == 0
    page = capsys.readouterr().out
    assert page.lstrip().lower().startswith("<!doctype html")
    assert page.count("<svg") >= 2  # one diagram per procedure, inline


@pytest.mark.parametrize(("fmt", "magic"), [("pdf", b"%PDF"), ("docx", b"PK")])
def test_it_writes_pdf_and_docx_files(tmp_path: Path, fmt: str, magic: bytes) -> None:
    target = tmp_path / f"manual.{fmt}"
    assert main(["manual", "export", str(DEMO_TEXT), "--format", fmt, "-o", str(target)]) == 0
    assert target.read_bytes().startswith(magic)
