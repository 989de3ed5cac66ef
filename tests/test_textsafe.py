"""A control character anywhere in a manual (typed in the editor, or in JSON made by
another tool) never breaks an export: every XML output stays well-formed."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
import zipfile

import pytest

from folio.manuals.jsonio import manual_from_json, manual_to_json
from folio.manuals.model import END, Manual, Procedure, Step, Transition
from folio.manuals.textsafe import safe_model, safe_text
from folio.render.export import FORMATS, export_manual

DIRTY = "Re\x01cibe\x0b el\x1b oficio\x7f\x85 y\ufffe lo turna\x00."


def dirty_manual() -> Manual:
    steps = (
        Step("1", (f"Jefe\x02 de {DIRTY}",), DIRTY, next=(Transition("2"),)),
        Step(
            "2",
            ("Analista\x0c",),
            f"¿Procede?\x03 {DIRTY}",
            questions=("¿Procede?\x03",),
            next=(Transition(END, "Sí\x04"), Transition("1", "No\x05")),
        ),
    )
    procedure = Procedure("P1", f"Trámite\x06 {DIRTY}", objective=DIRTY, steps=steps)
    return Manual(kind="procedimientos", title=f"Manual\x07 {DIRTY}", procedures=(procedure,))


def test_it_makes_controls_spaces_and_keeps_the_rest() -> None:
    assert safe_text("a\x01b\tc\nd") == "a b\tc\nd"
    assert safe_text("sin nada") == "sin nada"
    clean = Manual(kind="procedimientos", title="Limpio")
    assert safe_model(clean) is clean


def test_json_with_controls_loads_clean() -> None:
    manual = manual_from_json(manual_to_json(dirty_manual()))
    step = manual.procedures[0].steps[0]
    assert "\x01" not in step.activity and step.activity.startswith("Re cibe")


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_export_of_a_manual_with_controls_is_well_formed(fmt: str) -> None:
    outputs = export_manual(dirty_manual(), fmt)
    assert outputs and all(o.content for o in outputs)
    for output in outputs:
        if fmt in ("svg", "bpmn"):
            ET.fromstring(output.content)
        elif fmt == "docx":
            with zipfile.ZipFile(io.BytesIO(output.content)) as archive:
                ET.fromstring(archive.read("word/document.xml"))
        elif fmt == "pdf":
            assert output.content.startswith(b"%PDF-")
        elif fmt == "json":
            assert "\\u0001" not in output.content.decode()
